/**
 * What a province's or a district's page shows (src/components/AreaView.astro):
 * its units, the latest period any of them reported, its districts of
 * before 1 July 2025 with their latest figures, and who has reported each
 * period there. Sums leave out reports with an impossible figure, as
 * rankings and scores do (issue 14).
 */
import {
  aggregateIndicator,
  comparePeriods,
  type IndicatorAggregate,
  type Period,
  type ReportingSummary,
} from '@congkhai/indicators';
import { reportingProvincePage } from './addresses.ts';
import { districtAnchor, type DirectoryProvince } from './directory.ts';
import { reportingOf } from './reporting.ts';
import { reportingPeriods } from './routes.ts';
import type { SiteData, SiteUnit } from './site-data.ts';

export interface AreaFigures {
  readonly period: Period | undefined;
  readonly onTime: IndicatorAggregate | undefined;
  readonly online: IndicatorAggregate | undefined;
}

export interface AreaReporting {
  readonly period: Period;
  /** The area's own due date (its province's, else the national one). */
  readonly due: string | undefined;
  readonly summary: ReportingSummary;
  /** Where the area's units are listed for the period: its province's page of it, at the district's place. */
  readonly page: string;
}

/**
 * The latest standard period any of `units` reported, else their latest
 * custom range: the last of them in comparePeriods order (of equals, the
 * last met, as a stable sort's last), in one pass.
 */
export function latestPeriodOf(units: readonly SiteUnit[]): Period | undefined {
  let standard: Period | undefined;
  let range: Period | undefined;
  for (const u of units)
    for (const r of u.reports) {
      const p = r.periodInfo;
      if (p.kind === 'range') {
        if (!range || comparePeriods(p, range) >= 0) range = p;
      } else if (!standard || comparePeriods(p, standard) >= 0) standard = p;
    }
  return standard ?? range;
}

/**
 * The figures of some units, kept by the units themselves: a unit whose
 * reports did not change is the same object from one load of the data to
 * the next (site-data.ts), so after a publish only the areas of the
 * changed units are summed again (the directory sums every province, in
 * both languages).
 */
const figuresCache = new WeakMap<
  SiteUnit,
  { readonly units: readonly SiteUnit[]; readonly figures: AreaFigures }[]
>();

/** The units' figures in their latest period, counts added first. */
export function areaFigures(units: readonly SiteUnit[]): AreaFigures {
  const first = units[0];
  // Keyed by the first unit (a province's first unit may be its first district's too).
  const kept = first ? (figuresCache.get(first) ?? []) : [];
  const hit = kept.find(
    (k) => k.units.length === units.length && k.units.every((u, i) => u === units[i]),
  );
  if (hit) return hit.figures;
  const period = latestPeriodOf(units);
  const metrics = period
    ? units
        .flatMap((u) => u.reports.filter((r) => r.period === period.id && !r.impossible))
        .map((r) => r.metrics)
    : [];
  const figures = period
    ? {
        period,
        onTime: aggregateIndicator('on_time_rate', metrics),
        online: aggregateIndicator('online_intake_rate', metrics),
      }
    : { period, onTime: undefined, online: undefined };
  if (first) figuresCache.set(first, [...kept.slice(-3), { units: [...units], figures }]);
  return figures;
}

/** Who has reported each period in a province, or in one of its districts; newest first. */
export function areaReporting(
  data: SiteData,
  province: DirectoryProvince,
  district?: string,
): AreaReporting[] {
  const someUnit = province.current[0] ?? province.districts[0]?.units[0];
  return reportingPeriods(data)
    .flatMap((period): AreaReporting[] => {
      const p = reportingOf(data, period).provinces.find((x) => x.name === province.name);
      const group = district === undefined ? p : p?.districts.find((d) => d.name === district);
      if (!group || group.summary.expected === 0) return [];
      return [
        {
          period,
          due: someUnit ? data.dueOf(period.id, someUnit) : undefined,
          summary: group.summary,
          page:
            reportingProvincePage(period.id, province.name) +
            (district === undefined
              ? ''
              : `#${districtAnchor({ province: province.name, district })}`),
        },
      ];
    })
    .reverse();
}
