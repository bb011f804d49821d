/** `congkhai import DIR` on a folder of past reports: a summary per file, decisions, failures. */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureTexts } from '@congkhai/fixtures';
import { describe, expect, it } from 'vitest';
import type { BacklogEntry } from '../src/backlog.ts';
import { congkhai } from './run.ts';

const text = (name: string) => fixtureTexts.find((t) => t.name === name)?.text ?? '';

function backlog(): string {
  const dir = mkdtempSync(join(tmpdir(), 'congkhai-backlog-'));
  mkdirSync(join(dir, '2023'));
  copyFileSync(text('quang-hai-2023-h1'), join(dir, '2023', 'quang-hai-6-thang.txt'));
  copyFileSync(text('quang-hai-2023-h1'), join(dir, '2023', 'quang-hai-ban-sao.txt'));
  copyFileSync(text('kim-tan-2021-2023'), join(dir, 'kim-tan.txt'));
  copyFileSync(text('ben-tre-ttpvhcc-2021-m05'), join(dir, 'trung-tam.txt'));
  writeFileSync(join(dir, 'bao-cao-quet.pdf'), '%PDF-1.7\nnot really a pdf');
  writeFileSync(join(dir, 'ghi-chu.md'), '# not a report file type');
  return dir;
}

describe('congkhai import DIR', () => {
  it('sums up every report file of the folder, subfolders too, and exits 1 when one failed', () => {
    const out = mkdtempSync(join(tmpdir(), 'congkhai-proposals-'));
    const r = congkhai(['import', '--json', '--out', out, backlog()]);
    expect(r.code).toBe(1);
    const entries = JSON.parse(r.stdout) as BacklogEntry[];
    const by = (f: string) => entries.find((e) => e.file.endsWith(f));
    expect(entries.map((e) => e.file.split('/').slice(-1)[0])).toEqual([
      'quang-hai-6-thang.txt',
      'quang-hai-ban-sao.txt',
      'bao-cao-quet.pdf',
      'kim-tan.txt',
      'trung-tam.txt',
    ]);
    expect(by('kim-tan.txt')).toMatchObject({
      ok: true,
      unit: 'Kim Tân (Kim Thành, Hải Dương)',
      period: '2021-02-01..2023-06-30',
      figures: 11,
      decisions: [],
    });
    expect(by('bao-cao-quet.pdf')).toMatchObject({ ok: false });
    expect(by('bao-cao-quet.pdf')?.error).toContain('PDF');
    // Above commune level: someone chooses.
    expect(by('trung-tam.txt')?.decisions.join('\n')).toContain('trên cấp xã');
    // Two files for one unit and period.
    expect(by('quang-hai-ban-sao.txt')?.decisions.join('\n')).toContain('trùng đơn vị và kỳ');
    // One proposal per file read, as import --json gives it.
    expect(readdirSync(out).sort()).toEqual([
      'kim-tan.txt.json',
      'quang-hai-6-thang.txt.json',
      'quang-hai-ban-sao.txt.json',
      'trung-tam.txt.json',
    ]);
    const kim = JSON.parse(readFileSync(join(out, 'kim-tan.txt.json'), 'utf8')) as {
      metrics: Record<string, { value: number }>;
    };
    expect(kim.metrics['dossiers.received']?.value).toBe(5655);
  }, 60_000);

  it('prints a summary a person reads, in English too', () => {
    const r = congkhai(['import', '--lang', 'en', backlog()]);
    expect(r.stdout).toContain(
      'Kim Tân (Kim Thành, Hải Dương) · 2021-02-01..2023-06-30 · 11 figures',
    );
    expect(r.stdout).toMatch(/FAILED: .*PDF/);
    // Quang Hải's stated 100% contradicts its counts: that is for an editor to decide.
    expect(r.stdout).toContain('5 files: 1 ready, 3 to decide, 1 failed.');
  }, 60_000);
});
