/** Publishing into the content folder: the first publication date, corrections and their earlier versions, due dates. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Unit } from '@congkhai/indicators';
import { parseDueDates, parseReport, type Report } from '@congkhai/report';
import { describe, expect, it } from 'vitest';
import {
  CorrectionReasonRequired,
  publishDueDates,
  publishReport,
  vietnamDay,
} from '../src/server/publish.ts';

const UNITS: Unit[] = [
  {
    id: 'kim-tan-kim-thanh-hai-duong',
    kind: 'xa',
    name: 'Kim Tân',
    district: 'Kim Thành',
    province: 'Hải Dương',
    formedFrom: [],
  },
];

const report: Report = {
  schema: 1,
  unit: 'kim-tan-kim-thanh-hai-duong',
  period: '2024-H2',
  title: 'Báo cáo CCHC',
  metrics: { 'dossiers.received': 1200 },
  targets: {},
  statedShares: {},
  explanations: {},
  body: 'Đã thực hiện.\n',
};

const read = (dir: string, path: string) => {
  const r = parseReport(readFileSync(join(dir, path), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

describe('publishReport', () => {
  it('records the first publication day in Vietnam, and a correction with its reason and the earlier version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'congkhai-publish-'));
    // 18:30 UTC on 31 December is already 1 January in Vietnam.
    await publishReport(dir, report, UNITS, { now: new Date('2024-12-31T18:30:00Z') });
    const path = 'reports/kim-tan-kim-thanh-hai-duong/2024-H2.md';
    expect(read(dir, path).published).toBe('2025-01-01');
    const first = readFileSync(join(dir, path), 'utf8');

    // The same content again is no correction and needs no reason.
    expect((await publishReport(dir, report, UNITS)).correction).toBeUndefined();
    expect(readFileSync(join(dir, path), 'utf8')).toBe(first);

    const changed = { ...report, metrics: { 'dossiers.received': 1210 } };
    await expect(publishReport(dir, changed, UNITS)).rejects.toBeInstanceOf(
      CorrectionReasonRequired,
    );
    expect(readFileSync(join(dir, path), 'utf8')).toBe(first);

    const now = new Date('2025-02-03T03:00:00Z');
    const out = await publishReport(dir, changed, UNITS, { reason: 'Sửa số tiếp nhận', now });
    expect(out.correction?.changes).toEqual([
      { metric: 'dossiers.received', before: 1200, after: 1210 },
    ]);
    const after = read(dir, path);
    expect(after.published).toBe('2025-01-01');
    expect(after.corrections).toEqual([
      {
        date: '2025-02-03',
        reason: 'Sửa số tiếp nhận',
        changes: [{ metric: 'dossiers.received', before: 1200, after: 1210 }],
        text: false,
      },
    ]);
    expect(
      readFileSync(join(dir, 'versions/kim-tan-kim-thanh-hai-duong/2024-H2/1.md'), 'utf8'),
    ).toBe(first);

    // A second correction keeps the log and version 2.
    await publishReport(dir, { ...changed, body: 'Khác.\n' }, UNITS, { reason: 'Lời văn', now });
    expect(read(dir, path).corrections?.map((c) => [c.reason, c.text])).toEqual([
      ['Sửa số tiếp nhận', false],
      ['Lời văn', true],
    ]);
    expect(existsSync(join(dir, 'versions/kim-tan-kim-thanh-hai-duong/2024-H2/2.md'))).toBe(true);
  });

  it('writes due.yaml only when the dates change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'congkhai-publish-'));
    const dates = [{ period: '2025-H2', province: '', due: '2026-01-15' }];
    expect(await publishDueDates(dir, dates)).toBe(true);
    expect(await publishDueDates(dir, dates)).toBe(false);
    const r = parseDueDates(readFileSync(join(dir, 'due.yaml'), 'utf8'));
    expect(r.ok && r.value).toEqual(dates);
    expect(vietnamDay(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
  });
});
