/**
 * Everything the pages show, computed once per build from the content
 * collections (getCollection is called once, not per page): units with
 * their reports, indicators, checks, scores, and lookups by period.
 */
import {
  INDICATORS,
  aggregateIndicator,
  comparePeriods,
  compositeScore,
  computeIndicators,
  period as toPeriod,
  runChecks,
  type CheckWarning,
  type CompositeScore,
  type IndicatorAggregate,
  type IndicatorDefinition,
  type IndicatorId,
  type IndicatorResult,
  type Period,
  type Unit,
} from '@congkhai/indicators';
import type { Report } from '@congkhai/report';
import { getCollection } from 'astro:content';

export interface SiteReport extends Report {
  readonly key: string;
  readonly periodInfo: Period;
  readonly indicators: Record<IndicatorId, IndicatorResult>;
  readonly score: CompositeScore;
  readonly warnings: readonly CheckWarning[];
}

export interface SiteUnit extends Unit {
  /** Oldest first. */
  readonly reports: readonly SiteReport[];
}

export interface SiteData {
  readonly units: ReadonlyMap<string, SiteUnit>;
  /** In Vietnamese alphabetical order. */
  readonly unitList: readonly SiteUnit[];
  readonly reports: readonly SiteReport[];
  /** Periods that have reports, oldest first. */
  readonly periods: readonly Period[];
  readonly byPeriod: ReadonlyMap<string, readonly SiteReport[]>;
  /** The most recent standard period with reports. */
  readonly latest: Period | undefined;
  /** Every indicator over all units of the latest period (counts added first): the home and indicators pages. */
  readonly latestAggregates: readonly {
    readonly def: IndicatorDefinition;
    readonly agg: IndicatorAggregate;
  }[];
}

export const collator = new Intl.Collator('vi');

let cached: Promise<SiteData> | undefined;

export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

async function load(): Promise<SiteData> {
  const [unitEntries, reportEntries] = await Promise.all([
    getCollection('units'),
    getCollection('reports'),
  ]);
  const reports: SiteReport[] = reportEntries.map((e) => {
    const data = e.data as unknown as Omit<Report, 'body'>;
    return {
      ...data,
      body: e.body ?? '',
      key: e.id,
      periodInfo: toPeriod(data.period),
      indicators: computeIndicators(data.metrics),
      score: compositeScore(data.metrics),
      warnings: runChecks({ metrics: data.metrics, statedShares: data.statedShares }),
    };
  });
  const byUnit = new Map<string, SiteReport[]>();
  for (const r of reports) {
    const list = byUnit.get(r.unit) ?? [];
    list.push(r);
    byUnit.set(r.unit, list);
  }
  const units = new Map<string, SiteUnit>();
  for (const e of unitEntries) {
    const u = e.data as unknown as Unit;
    const list = (byUnit.get(u.id) ?? []).sort((a, b) =>
      comparePeriods(a.periodInfo, b.periodInfo),
    );
    units.set(u.id, { ...u, reports: list });
  }
  for (const unitId of byUnit.keys()) {
    if (!units.has(unitId)) {
      throw new Error(
        `Báo cáo của đơn vị "${unitId}" nhưng units.yaml không có đơn vị này / reports for unit "${unitId}", which units.yaml does not list`,
      );
    }
  }
  const byPeriod = new Map<string, SiteReport[]>();
  for (const r of reports) {
    const list = byPeriod.get(r.period) ?? [];
    list.push(r);
    byPeriod.set(r.period, list);
  }
  const periods = [...new Map(reports.map((r) => [r.period, r.periodInfo])).values()].sort(
    comparePeriods,
  );
  const standard = periods.filter((p) => p.kind !== 'range');
  const latest = standard.reduce<Period | undefined>(
    (best, p) =>
      !best || p.end > best.end || (p.end === best.end && p.start < best.start) ? p : best,
    undefined,
  );
  const latestMetrics = (latest ? (byPeriod.get(latest.id) ?? []) : []).map((r) => r.metrics);
  return {
    units,
    unitList: [...units.values()].sort(
      (a, b) => collator.compare(a.name, b.name) || collator.compare(a.province, b.province),
    ),
    reports,
    periods,
    byPeriod,
    latest,
    latestAggregates: INDICATORS.map((def) => ({
      def,
      agg: aggregateIndicator(def.id, latestMetrics),
    })),
  };
}

/** Units to compare a unit with: the same district, or the same province for units without one. */
export function peersOf(unit: Unit, data: SiteData): SiteUnit[] {
  return data.unitList.filter(
    (u) =>
      u.id !== unit.id &&
      u.province === unit.province &&
      (unit.district ? u.district === unit.district : !u.district),
  );
}
