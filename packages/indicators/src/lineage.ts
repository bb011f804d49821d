/**
 * Series across the 1 July 2025 merger. A new unit formed wholly from old
 * ones continues their series: for each earlier period every old unit
 * reported, their counts are added and rates recomputed (aggregate them with
 * aggregateIndicator). A unit that took part of a split unit is not
 * comparable across the break.
 */
import type { Metrics, Text } from './catalog.ts';
import { comparePeriods, type Period } from './period.ts';
import type { Unit } from './unit.ts';

export interface UnitPeriodMetrics {
  readonly period: Period;
  readonly metrics: Metrics;
}

export type Lineage =
  | { readonly kind: 'none' }
  | { readonly kind: 'not_comparable'; readonly reason: Text }
  | {
      readonly kind: 'combined';
      /** Periods every predecessor reported, each with their metrics to aggregate. */
      readonly periods: readonly { readonly period: Period; readonly parts: readonly Metrics[] }[];
      /** Periods only some predecessors reported: left out, not half-added. */
      readonly incomplete: readonly Period[];
    };

export function lineage(
  unit: Unit,
  reportsOf: (unitId: string) => readonly UnitPeriodMetrics[],
): Lineage {
  if (unit.formedFrom.length === 0) return { kind: 'none' };
  if (unit.formedFrom.some((p) => !p.whole)) {
    return {
      kind: 'not_comparable',
      reason: {
        vi: 'Đơn vị được hình thành một phần từ đơn vị bị chia tách: số liệu trước và sau khi sắp xếp không so sánh được.',
        en: 'Formed partly from a unit that was split: figures before and after the reorganisation are not comparable.',
      },
    };
  }
  const byPeriod = new Map<string, { period: Period; parts: Metrics[] }>();
  for (const p of unit.formedFrom) {
    for (const r of reportsOf(p.unit)) {
      if (unit.validFrom && r.period.end >= unit.validFrom) continue;
      const entry = byPeriod.get(r.period.id) ?? { period: r.period, parts: [] };
      entry.parts.push(r.metrics);
      byPeriod.set(r.period.id, entry);
    }
  }
  const all = [...byPeriod.values()].sort((a, b) => comparePeriods(a.period, b.period));
  return {
    kind: 'combined',
    periods: all.filter((e) => e.parts.length === unit.formedFrom.length),
    incomplete: all.filter((e) => e.parts.length < unit.formedFrom.length).map((e) => e.period),
  };
}

/** The unit an old unit went into, whole or in part. */
export function successors(
  unitId: string,
  units: readonly Unit[],
): { readonly unit: Unit; readonly whole: boolean }[] {
  return units.flatMap((u) =>
    u.formedFrom.filter((p) => p.unit === unitId).map((p) => ({ unit: u, whole: p.whole })),
  );
}
