import { describe, expect, it } from 'vitest';
import { expectedPeriods } from './expected.ts';

describe('expected periods', () => {
  it('offer the due one first, then the half-year being written and the one before', () => {
    expect(
      expectedPeriods('2026-12-02', [{ period: '2026-H2', due: '2027-01-15' }], new Set()),
    ).toEqual([
      { id: '2026-H2', due: '2027-01-15' },
      { id: '2026-H1', due: null },
    ]);
    // In December the second half-year's report is being written; in March the last one is late.
    expect(expectedPeriods('2026-12-02', [], new Set()).map((p) => p.id)).toEqual([
      '2026-H2',
      '2026-H1',
    ]);
    expect(expectedPeriods('2026-03-01', [], new Set())).toEqual([
      { id: '2025-H2', due: null },
      { id: '2026-H1', due: null },
    ]);
  });
  it('leave out what the unit has reported, and order due dates', () => {
    const dues = [
      { period: '2026-Q3', due: '2026-10-10' },
      { period: '2026-H1', due: '2026-07-15' },
    ];
    expect(expectedPeriods('2026-08-01', dues, new Set(['2026-H1'])).map((p) => p.id)).toEqual([
      '2026-Q3',
      '2026-H2',
    ]);
  });
});
