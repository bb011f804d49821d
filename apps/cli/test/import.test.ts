import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ImportJson } from '../src/import.ts';
import { seedReportsDir } from '@congkhai/fixtures';
import { congkhai } from './run.ts';

const seeds = seedReportsDir;

describe('congkhai import --json on the real reports', () => {
  it.each(['kim-tan-2021-2023', 'quang-hai-2023-h1', 'hai-truong-2023-nq01'])(
    '%s: exactly the expected metrics',
    (name) => {
      const r = congkhai(['import', '--json', join(seeds, `${name}.txt`)]);
      expect(r.code).toBe(0);
      const got = JSON.parse(r.stdout) as ImportJson;
      const expected = parse(readFileSync(join(seeds, `${name}.expected.yaml`), 'utf8')) as {
        metrics: Record<string, number>;
        targets?: Record<string, number>;
      };
      expect(Object.fromEntries(Object.entries(got.metrics).map(([k, v]) => [k, v.value]))).toEqual(
        expected.metrics,
      );
      expect(got.targets).toEqual(expected.targets ?? {});
      for (const v of Object.values(got.metrics)) expect(v.source.length).toBeGreaterThan(10);
    },
  );

  it('prints a report file that congkhai check accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'congkhai-import-'));
    const r = congkhai(['import', join(seeds, 'kim-tan-2021-2023.txt')]);
    expect(r.code).toBe(0);
    const file = join(dir, 'proposed.md');
    writeFileSync(file, r.stdout);
    const check = congkhai(['check', '--json', file]);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject([
      {
        valid: true,
        unit: 'kim-tan-kim-thanh-hai-duong',
        period: '2021-02-01..2023-06-30',
        metrics: { 'dossiers.received': 5655 },
      },
    ]);
  });

  it('explains a file it cannot read, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'congkhai-import-'));
    const pdf = join(dir, 'bao-cao.docx');
    writeFileSync(pdf, '%PDF-1.7 not really a docx');
    const r = congkhai(['import', pdf]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Không đọc được tệp PDF');
    // Loading pdf.js in a fresh process takes seconds on a busy machine.
  }, 30_000);
});
