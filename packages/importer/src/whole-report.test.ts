/**
 * The whole report, end to end, on the real texts of the tuning split (the
 * held-out ones are never read here: packages/fixtures/HELD-OUT.md): each
 * imported as pasted text, as a .txt file, as a .docx made from it and as a
 * PDF made from it gives the unit, the period and the title a careful reader
 * finds (the text's NAME.expected.yaml), and a Markdown narrative that
 * keeps the document's own section headings as headings.
 */
import { existsSync, readFileSync } from 'node:fs';
import { foldVietnamese } from '@congkhai/indicators';
import { fixturesOf } from '@congkhai/fixtures';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FONT, docxOf, pdfOf } from '../test/documents.ts';
import { importFile, importText, type ImportResult } from './import.ts';

interface Expected {
  unit: { name: string; district: string | null; province: string | null };
  title: string | null;
  period: { start: string; end: string };
}

type Read = (text: string) => Promise<ImportResult>;
const formats: [string, Read][] = [
  ['pasted text', (t) => Promise.resolve(importText(t))],
  ['.txt', (t) => importFile(new TextEncoder().encode(t))],
  ['.docx', async (t) => importFile(await docxOf(t))],
  // Without the font, no PDF can be written with Vietnamese letters.
  ...(existsSync(FONT) ? [['PDF', async (t) => importFile(await pdfOf(t))] as [string, Read]] : []),
];

/**
 * The document's own section headings, as a reader sees them: a numbered
 * line (I., 1., 1.1., a)) that ends without a sentence's full stop, before
 * the distribution list.
 */
function sectionHeadings(text: string): string[] {
  const lines = text.split(/\n/).map((l) => l.replace(/\s+/g, ' ').trim());
  const end = lines.findIndex((l) => /^Nơi nhận/u.test(l));
  return lines
    .slice(0, end < 0 ? undefined : end)
    .filter((l) => /^(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\))\s/u.test(l) && !/[.;]$/u.test(l))
    .map((l) => l.replace(/:$/u, ''));
}

const headingsOf = (md: string) =>
  md
    .split('\n')
    .filter((l) => /^#{1,6} /u.test(l))
    .map((l) => l.replace(/^#+ /u, '').replace(/\\(.)/gu, '$1'));

describe.each(fixturesOf('tuning').map((t) => [t.name, t] as const))('%s', (name, fixture) => {
  const text = readFileSync(fixture.text, 'utf8');
  const expected = parse(readFileSync(fixture.expected, 'utf8')) as Expected;

  it.each(formats)(
    'as %s: the unit, period, title and narrative a reader finds',
    async (_, read) => {
      const r = await read(text);
      if (!r.ok) throw new Error(r.message.en);
      const { unit, period, title, body } = r.report;
      expect(unit.name).toBe(expected.unit.name);
      // A district or province is matched to the units table with diacritics folded: Quang
      // Hải's text writes its district "Tú Kỳ" (for Tứ Kỳ), and that finds the unit.
      const fold = (s: string | null | undefined) => (s ? foldVietnamese(s) : null);
      expect(fold(unit.district)).toBe(fold(expected.unit.district));
      expect(fold(unit.province)).toBe(fold(expected.unit.province));
      // Hải Trường's period (two years of a resolution from the day it was adopted) is an
      // inference no sentence states: none is proposed and the editor asks.
      if (name === 'hai-truong-2023-nq01') expect(period).toBeNull();
      else expect(period).toMatchObject({ start: expected.period.start, end: expected.period.end });
      expect(title).toBe(expected.title);
      expect(body.replace(/\s/gu, '').length).toBeGreaterThan(200);
      expect(headingsOf(body)).toEqual(expect.arrayContaining(sectionHeadings(text)));
    },
    30_000,
  );
});
