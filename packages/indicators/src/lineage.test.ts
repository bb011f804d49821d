import { describe, expect, it } from 'vitest';
import { aggregateIndicator } from './aggregate.ts';
import { lineage, successors } from './lineage.ts';
import { period } from './period.ts';
import type { Unit } from './unit.ts';

const old = (id: string): Unit => ({
  id,
  kind: 'xa',
  name: id,
  district: 'D',
  province: 'P',
  validTo: '2025-06-30',
  formedFrom: [],
});
const a = old('a');
const b = old('b');
const merged: Unit = {
  id: 'ab',
  kind: 'xa',
  name: 'AB',
  province: 'P',
  validFrom: '2025-07-01',
  formedFrom: [
    { unit: 'a', whole: true },
    { unit: 'b', whole: true },
  ],
};
const reports: Record<
  string,
  { period: ReturnType<typeof period>; metrics: Record<string, number> }[]
> = {
  a: [
    {
      period: period('2024-H2'),
      metrics: { 'dossiers.resolved': 100, 'dossiers.resolved_late': 10 },
    },
    {
      period: period('2025-H1'),
      metrics: { 'dossiers.resolved': 100, 'dossiers.resolved_late': 0 },
    },
  ],
  b: [
    {
      period: period('2025-H1'),
      metrics: { 'dossiers.resolved': 300, 'dossiers.resolved_late': 3 },
    },
  ],
};
const reportsOf = (id: string) => reports[id] ?? [];

describe('lineage', () => {
  it('adds up the counts of units merged whole, only where all of them reported', () => {
    const l = lineage(merged, reportsOf);
    expect(l.kind).toBe('combined');
    if (l.kind !== 'combined') return;
    expect(l.periods.map((p) => p.period.id)).toEqual(['2025-H1']);
    expect(l.incomplete.map((p) => p.id)).toEqual(['2024-H2']);
    expect(aggregateIndicator('late_rate', l.periods[0]?.parts ?? [])).toMatchObject({
      value: 3 / 400,
    });
  });

  it('marks a unit formed from part of a split unit as not comparable', () => {
    const l = lineage({ ...merged, formedFrom: [{ unit: 'a', whole: false }] }, reportsOf);
    expect(l.kind).toBe('not_comparable');
  });

  it('has no lineage for a unit that was not reorganised, and finds successors', () => {
    expect(lineage(a, reportsOf)).toEqual({ kind: 'none' });
    expect(successors('b', [a, b, merged])).toEqual([{ unit: merged, whole: true }]);
  });
});
