/** Indicator series of a unit over its periods, with the area's aggregate and the pre-merger series. */
import {
  aggregateIndicator,
  comparePeriods,
  INDICATORS,
  lineage,
  periodShortLabel,
  previousPeriod,
  type IndicatorId,
  type Locale,
  type Period,
} from '@congkhai/indicators';
import { peersOf, type SiteData, type SiteUnit } from './site-data.ts';

export interface SeriesPoint {
  readonly period: Period;
  readonly value: number | null;
  readonly numerator?: number;
  readonly denominator?: number;
  /** From the old units before the 2025 reorganisation. */
  readonly combined: boolean;
  /** A period between two reported ones that has no report: a gap, not a line across it. */
  readonly missing?: boolean;
}

export interface IndicatorSeries {
  readonly id: IndicatorId;
  readonly points: readonly SeriesPoint[];
  /** The same indicator over the unit's district (or province), counts added first. */
  readonly area: readonly (number | null)[];
}

export function unitSeries(
  unit: SiteUnit,
  data: SiteData,
): {
  periods: Period[];
  series: IndicatorSeries[];
  lineageNote: 'combined' | 'not_comparable' | 'none';
} {
  const reportsOf = (id: string) =>
    (data.units.get(id)?.reports ?? []).map((r) => ({ period: r.periodInfo, metrics: r.metrics }));
  const l = lineage(unit, reportsOf);
  const before = l.kind === 'combined' ? l.periods : [];
  // Custom ranges too: rates compare across periods of any length, and a
  // unit whose only report is a range (Kim Tân) still shows what it reported.
  const reported = [...before.map((b) => b.period), ...unit.reports.map((r) => r.periodInfo)].sort(
    comparePeriods,
  );
  const periods = withGaps(reported);
  const isReported = new Set(reported.map((p) => p.id));
  const area = [unit, ...peersOf(unit, data)];
  const series = INDICATORS.map((d): IndicatorSeries => {
    const points = periods.map((p): SeriesPoint => {
      const own = unit.reports.find((r) => r.period === p.id);
      if (own) {
        const r = own.indicators[d.id];
        return r.ok
          ? {
              period: p,
              value: r.value,
              numerator: r.numerator,
              denominator: r.denominator,
              combined: false,
            }
          : { period: p, value: null, combined: false };
      }
      if (!isReported.has(p.id)) return { period: p, value: null, combined: false, missing: true };
      const parts = before.find((b) => b.period.id === p.id)?.parts ?? [];
      const agg = aggregateIndicator(d.id, parts);
      return agg.ok
        ? {
            period: p,
            value: agg.value,
            numerator: agg.numerator,
            denominator: agg.denominator,
            combined: true,
          }
        : { period: p, value: null, combined: true };
    });
    const areaValues = periods.map((p) => {
      const reports = area.flatMap((u) =>
        u.reports.filter((r) => r.period === p.id).map((r) => r.metrics),
      );
      const agg = aggregateIndicator(d.id, reports);
      return agg.ok ? agg.value : null;
    });
    return { id: d.id, points, area: areaValues };
  });
  return { periods, series, lineageNote: l.kind };
}

/**
 * The periods with those missing between two of the same kind put back
 * (2022-H2, 2023-H1, 2023-H2 rather than 2022-H2, 2023-H2), so that a
 * chart shows a gap where a report is missing rather than a line across it.
 */
function withGaps(periods: readonly Period[]): Period[] {
  const out: Period[] = [];
  const lastOfKind = new Map<string, Period>();
  for (const p of periods) {
    const last = lastOfKind.get(p.kind);
    if (last && p.kind !== 'range') {
      const between: Period[] = [];
      for (let q = previousPeriod(p); q && comparePeriods(q, last) > 0; q = previousPeriod(q))
        between.unshift(q);
      out.push(...between);
    }
    if (!out.some((x) => x.id === p.id)) out.push(p);
    lastOfKind.set(p.kind, p);
  }
  return out.sort(comparePeriods);
}

export const periodLabels = (periods: readonly Period[], locale: Locale) =>
  periods.map((p) => periodShortLabel(p, locale));
