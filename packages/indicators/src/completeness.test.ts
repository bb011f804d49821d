import { describe, expect, it } from 'vitest';
import { reportingRows, summarizeReporting } from './completeness.ts';
import { period } from './period.ts';
import type { Unit } from './unit.ts';

const u = (id: string, extra: Partial<Unit> = {}): Unit => ({
  id,
  kind: 'xa',
  name: id,
  province: 'Nghệ An',
  formedFrom: [],
  ...extra,
});

describe('reporting completeness', () => {
  const units = [
    u('a'),
    u('b'),
    u('c'),
    u('d'),
    u('old', { validTo: '2025-06-30' }),
    u('new', { validFrom: '2025-07-01' }),
  ];
  const reports = new Map([
    ['a', { published: '2026-01-15' }],
    ['b', { published: '2026-01-20' }],
    ['c', {}],
  ]);
  const rows = reportingRows(units, period('2025-H2'), reports, () => '2026-01-15');

  it('judges each unit that existed at the period end: on time on the due day, late after, undated, missing', () => {
    expect(rows.map((r) => [r.unit.id, r.status, r.daysLate])).toEqual([
      ['a', 'on_time', undefined],
      ['b', 'late', 5],
      ['c', 'published', undefined],
      ['d', 'missing', undefined],
      ['new', 'missing', undefined],
    ]);
  });

  it('summarizes over what was expected', () => {
    expect(summarizeReporting(rows)).toEqual({
      expected: 5,
      onTime: 1,
      late: 1,
      undated: 1,
      missing: 2,
      onTimeShare: 0.2,
      reportedShare: 0.6,
    });
    expect(summarizeReporting([]).onTimeShare).toBeNull();
  });

  it('a unit that reported a period it was not due for is still listed; no due date means undated', () => {
    const r = reportingRows(
      units,
      period('2025-H1'),
      new Map([['new', { published: '2025-07-10' }]]),
      () => undefined,
    );
    expect(r.map((x) => [x.unit.id, x.status])).toEqual([
      ['a', 'missing'],
      ['b', 'missing'],
      ['c', 'missing'],
      ['d', 'missing'],
      ['old', 'missing'],
      ['new', 'published'],
    ]);
  });
});
