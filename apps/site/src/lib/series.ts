/** Indicator series of a unit over its periods, with the area's aggregate and the pre-merger series. */
import {
  aggregateIndicator,
  comparePeriods,
  INDICATORS,
  lineage,
  periodShortLabel,
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
  const periods = [...before.map((b) => b.period), ...unit.reports.map((r) => r.periodInfo)]
    .filter((p) => p.kind !== 'range')
    .sort(comparePeriods);
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

export const periodLabels = (periods: readonly Period[], locale: Locale) =>
  periods.map((p) => periodShortLabel(p, locale));
