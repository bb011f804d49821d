import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CheckResult } from '../src/check.ts';
import { seedReportsDir } from '@congkhai/fixtures';
import { congkhai } from './run.ts';

const KIM_TAN = 'content/reports/kim-tan-kim-thanh-hai-duong/2021-02-01..2023-06-30.md';
const QUANG_HAI = 'content/reports/quang-hai-tu-ky-hai-duong/2023-H1.md';
const HAI_TRUONG = 'content/reports/hai-truong-hai-lang-quang-tri/2021-11-04..2023-10-31.md';

function checkJson(...files: string[]): CheckResult[] {
  const r = congkhai(['check', '--json', ...files]);
  return JSON.parse(r.stdout) as CheckResult[];
}

describe('congkhai check on the three real reports', () => {
  const results = checkJson('content/**/*.md');
  const byFile = (f: string) => results.find((r) => r.file === f);

  it('finds all three through the ** pattern, all valid', () => {
    expect(results.map((r) => r.file).sort()).toEqual([HAI_TRUONG, KIM_TAN, QUANG_HAI]);
    expect(results.every((r) => r.valid)).toBe(true);
  });

  it('states exactly the metrics and targets a careful reader finds (the .expected.yaml beside each text)', () => {
    const seeds = seedReportsDir;
    const pairs = [
      ['kim-tan-2021-2023', KIM_TAN],
      ['quang-hai-2023-h1', QUANG_HAI],
      ['hai-truong-2023-nq01', HAI_TRUONG],
    ] as const;
    for (const [seed, file] of pairs) {
      const expected = parse(readFileSync(join(seeds, `${seed}.expected.yaml`), 'utf8')) as {
        metrics: Record<string, number>;
        period: { start: string; end: string; label: string | null };
      };
      const got = byFile(file);
      expect(got?.metrics).toEqual(expected.metrics);
      expect(got?.period).toBe(
        expected.period.label ?? `${expected.period.start}..${expected.period.end}`,
      );
    }
  });

  it('Kim Tân: 5.599 + 41 + 9 = 5.649 resolved, flows add up, stated shares match: no warning', () => {
    const r = byFile(KIM_TAN);
    expect(r?.warnings).toEqual([]);
    expect(r?.indicators.on_time_rate).toBeCloseTo(5640 / 5649, 12);
    expect(r?.indicators.late_rate).toBeCloseTo(9 / 5649, 12);
    expect(r?.indicators.online_intake_rate).toBeCloseTo(3614 / 5655, 12);
    expect(r?.indicators.level34_share).toBeNull();
    expect(r?.indicators.composite_score).toBeCloseTo(
      (((20 * 5640) / 5649 + (12 * 3614) / 5655) / 32) * 100,
      9,
    );
  });

  it('Quang Hải: "đạt 100%" for 1.145 of 1.164 is flagged; online payment 10,2 % is read', () => {
    const r = byFile(QUANG_HAI);
    expect(r?.warnings).toEqual([
      {
        check: 'stated_share:dossiers.received_online',
        message:
          'Báo cáo nêu tiếp nhận trực tuyến đạt 100\u00a0%, nhưng 1.145/1.164 = 98,4\u00a0%.',
      },
    ]);
    expect(r?.indicators.on_time_rate).toBe(1);
    expect(r?.indicators.late_rate).toBe(0);
    expect(r?.indicators.online_payment_rate).toBeCloseTo(0.102, 12);
  });

  it('Hải Trường: a narrative with no figures has no indicator and no warning', () => {
    const r = byFile(HAI_TRUONG);
    expect(r?.metrics).toEqual({});
    expect(r?.warnings).toEqual([]);
    expect(Object.values(r?.indicators ?? {}).every((v) => v === null)).toBe(true);
  });

  it('prints indicators in Vietnamese formats, and says the payment target was missed', () => {
    const r = congkhai(['check', QUANG_HAI]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tỷ lệ tiếp nhận trực tuyến: 98,4\u00a0% (1.145/1.164)');
    expect(r.stdout).toContain('Tỷ lệ thanh toán trực tuyến: 10,2\u00a0% / 50\u00a0% (chưa đạt)');
    expect(r.stdout).toContain('1 tệp hợp lệ, 0 tệp không hợp lệ.');
  });

  it('speaks English on request', () => {
    const r = congkhai(['check', '--lang', 'en', QUANG_HAI]);
    expect(r.stdout).toContain('Received online: 98.4% (1,145/1,164)');
  });
});

describe('congkhai check on bad files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'congkhai-cli-'));
  const bad = join(dir, 'bad.md');
  writeFileSync(
    bad,
    '---\nschema: 1\nunit: x\nperiod: 2023-H1\ntitle: T\nmetrics:\n  dossiers:\n    received: nhiều\n---\n',
  );

  it('exits 1 and names the line and column', () => {
    const r = congkhai(['check', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `${bad}:8:15: Hồ sơ tiếp nhận trong kỳ (dossiers.received) phải là một số, không phải chữ "nhiều".`,
    );
  });

  it('reports a missing file as invalid, alongside valid ones', () => {
    const results = checkJson(QUANG_HAI, join(dir, 'không-có.md'));
    expect(results.map((r) => r.valid)).toEqual([true, false]);
    expect(results[1]?.errors[0]?.message).toBe('Không có tệp này.');
    expect(congkhai(['check', QUANG_HAI, join(dir, 'không-có.md')]).code).toBe(1);
  });
});

describe('congkhai --help', () => {
  it('explains every command in both languages', () => {
    const r = congkhai(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kiểm tra các tệp báo cáo');
    expect(r.stdout).toContain('Validates report files');
  });

  it('refuses an unknown command with the help', () => {
    const r = congkhai(['xuất-bản']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command');
  });
});
