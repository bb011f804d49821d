import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateCounts, aggregateIndicator, aggregatePeriods } from './aggregate.ts';
import { INDICATOR_IDS, computeIndicator } from './indicators.ts';
import { period } from './period.ts';
import { consistentMetrics } from './testing.ts';

describe('aggregation over units', () => {
  it('adds counts, then divides (not an average of rates)', () => {
    const a = { 'dossiers.resolved': 100, 'dossiers.resolved_late': 10 };
    const b = { 'dossiers.resolved': 900, 'dossiers.resolved_late': 0 };
    const r = aggregateIndicator('late_rate', [a, b]);
    expect(r).toMatchObject({
      ok: true,
      numerator: 10,
      denominator: 1000,
      value: 0.01,
      units: 2,
      total: 2,
    });
  });

  it('leaves out units that do not state a figure instead of counting them as 0', () => {
    const r = aggregateIndicator('late_rate', [
      { 'dossiers.resolved': 100, 'dossiers.resolved_late': 10 },
      {},
    ]);
    expect(r).toMatchObject({ ok: true, value: 0.1, units: 1, total: 2 });
    expect(aggregateCounts([{ 'dossiers.received': 5 }, {}]).coverage).toEqual({
      'dossiers.received': 1,
    });
  });

  it('weights stated rates by dossiers received', () => {
    const r = aggregateIndicator('satisfaction_rate', [
      { 'satisfaction.rate': 100, 'dossiers.received': 300 },
      { 'satisfaction.rate': 80, 'dossiers.received': 100 },
      { 'satisfaction.rate': 0 },
    ]);
    expect(r).toMatchObject({ ok: true, value: 0.95, units: 2, total: 3 });
  });

  it('is not computable when no unit states the figures', () => {
    expect(aggregateIndicator('on_time_rate', [{}, {}])).toMatchObject({
      ok: false,
      units: 0,
      total: 2,
    });
  });

  it('of one unit equals the unit', () => {
    fc.assert(
      fc.property(consistentMetrics, (m) => {
        for (const id of INDICATOR_IDS) {
          const unit = computeIndicator(id, m);
          const agg = aggregateIndicator(id, [m]);
          expect(agg.ok).toBe(unit.ok);
          if (agg.ok && unit.ok) expect(agg.value).toBeCloseTo(unit.value, 12);
        }
        expect(aggregateCounts([m]).metrics).toEqual(
          Object.fromEntries(Object.entries(m).filter(([k]) => !/rate|digitization/.test(k))),
        );
      }),
    );
  });

  it('does not depend on the order of the units', () => {
    fc.assert(
      fc.property(fc.array(consistentMetrics, { maxLength: 8 }), fc.nat(), (list, seed) => {
        const shuffled = [...list].sort(
          (a, b) =>
            ((JSON.stringify(a).length * 31 + seed) % 7) -
            ((JSON.stringify(b).length * 31 + seed) % 7),
        );
        for (const id of INDICATOR_IDS) {
          const x = aggregateIndicator(id, list);
          const y = aggregateIndicator(id, shuffled);
          expect(y.ok).toBe(x.ok);
          if (x.ok && y.ok) expect(y.value).toBeCloseTo(x.value, 9);
        }
      }),
    );
  });
});

describe('aggregation over periods', () => {
  const q = (id: string, received: number, late?: number) => ({
    period: period(id),
    metrics: {
      'dossiers.received': received,
      ...(late === undefined ? {} : { 'dossiers.resolved_late': late }),
    },
  });

  it('adds four quarters into a year, keeping only counts every quarter states', () => {
    const r = aggregatePeriods(
      [q('2023-Q2', 20, 1), q('2023-Q1', 10, 0), q('2023-Q4', 40), q('2023-Q3', 30, 2)],
      period('2023'),
    );
    expect(r).toEqual({ ok: true, metrics: { 'dossiers.received': 100 } });
  });

  it('refuses parts with a gap or an overlap', () => {
    expect(aggregatePeriods([q('2023-Q1', 1), q('2023-Q3', 1)], period('2023-H1')).ok).toBe(false);
    expect(aggregatePeriods([q('2023-H1', 1), q('2023-Q2', 1)], period('2023-H1')).ok).toBe(false);
    expect(aggregatePeriods([], period('2023')).ok).toBe(false);
  });
});
