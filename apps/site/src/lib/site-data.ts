/**
 * Everything the pages show, computed from the content once per refresh
 * (not per page): units with their reports, indicators, checks, scores,
 * and lookups by period. A report's derived figures are kept while its
 * file is unchanged, so a refresh after one publish recomputes one report.
 */
import {
  INDICATORS,
  aggregateIndicator,
  comparePeriods,
  computeIndicators,
  hasImpossible,
  period as toPeriod,
  reportScore,
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
import { dueFor, type DueDate, type Report } from '@congkhai/report';
import { refreshContent } from './content.ts';

export interface SiteReport extends Report {
  readonly key: string;
  readonly periodInfo: Period;
  readonly indicators: Record<IndicatorId, IndicatorResult>;
  /** None (value null) when a figure is impossible. */
  readonly score: CompositeScore;
  readonly warnings: readonly CheckWarning[];
  /** A figure cannot be true as written: the report is shown, never scored or ranked (issue 14). */
  readonly impossible: boolean;
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
  /** Units by area (see peersOf), in unitList order. */
  readonly areas: ReadonlyMap<string, readonly SiteUnit[]>;
  /** Every indicator over all units of the latest period (counts added first): the home and indicators pages. */
  readonly latestAggregates: readonly {
    readonly def: IndicatorDefinition;
    readonly agg: IndicatorAggregate;
  }[];
  /** When reports were due, per period and province (due.yaml). */
  readonly due: readonly DueDate[];
  /** A unit's due date for a period: its province's, else the national one. */
  readonly dueOf: (period: string, unit: Unit) => string | undefined;
  /** boundaries.geojson as read (checked where it is drawn), undefined when the content has none. */
  readonly boundaries: unknown;
}

export const collator = new Intl.Collator('vi');

let cached: Promise<SiteData> | undefined;

/** The site's data as last loaded (loaded on first use). */
export function siteData(): Promise<SiteData> {
  cached ??= load(false).then((r) => r.data);
  return cached;
}

export interface Refresh {
  readonly data: SiteData;
  /** Reports added, changed or removed since the last load (`<unit>/<period>`). */
  readonly changed: readonly string[];
  readonly unitsChanged: boolean;
  readonly dueChanged: boolean;
  readonly boundariesChanged: boolean;
}

/** Reads the content directory again; `force` re-parses every file. */
export async function refreshSiteData(force: boolean): Promise<Refresh> {
  const last = cached;
  const next = load(force);
  cached = next.then((r) => r.data);
  cached.catch(() => undefined); // awaited below; this one only stands in meanwhile
  try {
    return await next;
  } catch (e) {
    // A failed refresh leaves the last good data for whoever asks next.
    cached = last;
    throw e;
  }
}

const derived = new WeakMap<Report, SiteReport>();

function siteReport(key: string, report: Report): SiteReport {
  let r = derived.get(report);
  if (!r) {
    const warnings = runChecks({ metrics: report.metrics, statedShares: report.statedShares });
    r = {
      ...report,
      key,
      periodInfo: toPeriod(report.period),
      indicators: computeIndicators(report.metrics),
      score: reportScore(report.metrics, warnings),
      warnings,
      impossible: hasImpossible(warnings),
    };
    derived.set(report, r);
  }
  return r;
}

/** The last data loaded, with the units it was made from: the next load starts from it. */
let lastLoad: { readonly data: SiteData; readonly units: readonly Unit[] } | undefined;

async function load(force: boolean): Promise<Refresh> {
  const content = await refreshContent(force);
  const last = lastLoad;
  const data =
    (!force && last && last.units === content.units && changedOnly(last.data, content)) ||
    fromScratch(content);
  lastLoad = { data, units: content.units };
  return {
    data,
    changed: content.changed,
    unitsChanged: content.unitsChanged,
    dueChanged: content.dueChanged,
    boundariesChanged: content.boundariesChanged,
  };
}

type Loaded = Awaited<ReturnType<typeof refreshContent>>;

/**
 * The data after a change of reports that were there before and still
 * are (a publish of a correction, new figures): `before` with the changed
 * reports replaced, their units and periods made again and the rest kept
 * as they were (the same objects), the latest period's aggregates again
 * only when it changed. Undefined when reports came or went, or more than
 * a few changed: then the data is made from scratch. Both ways give the
 * same data (test/incremental.test.ts holds the pages equal to a full build's).
 */
function changedOnly(before: SiteData, content: Loaded): SiteData | undefined {
  if (content.changed.length > 64 || content.reports.size !== before.reports.length)
    return undefined;
  const side = {
    due: content.due,
    dueOf: (period: string, unit: Unit) => dueFor(content.due, period, unit.province),
    boundaries: content.boundaries,
  };
  if (content.changed.length === 0) return { ...before, ...side };
  const index = new Map<string, number>();
  const reports = [...before.reports];
  for (const key of content.changed) {
    const r = content.reports.get(key);
    if (!r) return undefined;
    // Keys are in path order: a binary search finds the report's place.
    let lo = 0;
    let hi = reports.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((reports[mid]?.key ?? '') < key) lo = mid + 1;
      else hi = mid;
    }
    if (reports[lo]?.key !== key) return undefined;
    index.set(key, lo);
    reports[lo] = siteReport(key, r);
  }
  const units = new Map(before.units);
  const byPeriod = new Map(before.byPeriod);
  const changedUnits = new Set<string>();
  const changedPeriods = new Set<string>();
  for (const key of content.changed) {
    const r = reports[index.get(key) ?? -1];
    if (!r) return undefined;
    changedUnits.add(r.unit);
    changedPeriods.add(r.period);
  }
  const replace = (list: readonly SiteReport[]) =>
    list.map((x) => {
      const i = index.get(x.key);
      return i === undefined ? x : (reports[i] ?? x);
    });
  for (const id of changedUnits) {
    const u = units.get(id);
    if (!u) return undefined;
    units.set(id, { ...u, reports: replace(u.reports) });
  }
  for (const p of changedPeriods) byPeriod.set(p, replace(byPeriod.get(p) ?? []));
  const unitList = before.unitList.map((u) => units.get(u.id) ?? u);
  const areas = new Map(before.areas);
  for (const id of changedUnits) {
    const u = units.get(id);
    const list = u && areas.get(areaOf(u));
    if (list)
      areas.set(
        areaOf(u),
        list.map((x) => units.get(x.id) ?? x),
      );
  }
  const latest = before.latest;
  const data: SiteData = {
    units,
    unitList,
    areas,
    reports,
    periods: before.periods,
    byPeriod,
    latest,
    latestAggregates:
      latest && changedPeriods.has(latest.id)
        ? aggregatesOf(byPeriod, latest)
        : before.latestAggregates,
    ...side,
  };
  // One step back only: a chain of every earlier data would keep them all (and what is kept of them).
  lineage.delete(before);
  lineage.set(data, { before, changed: content.changed });
  return data;
}

const lineage = new WeakMap<
  SiteData,
  { readonly before: SiteData; readonly changed: readonly string[] }
>();

/**
 * The data `data` was made from by replacing changed reports (and their
 * keys, `<unit>/<period>`), when it was: what is computed of the data
 * and shows nothing a change touched may be taken from it (reporting.ts).
 */
export const madeFrom = (data: SiteData) => lineage.get(data);

/** Units by area (see peersOf), in unitList order. */
function areasOf(unitList: readonly SiteUnit[]): Map<string, SiteUnit[]> {
  const areas = new Map<string, SiteUnit[]>();
  for (const u of unitList) {
    const list = areas.get(areaOf(u)) ?? [];
    list.push(u);
    areas.set(areaOf(u), list);
  }
  return areas;
}

/** Every indicator over all units of the latest period (counts added first). */
function aggregatesOf(
  byPeriod: ReadonlyMap<string, readonly SiteReport[]>,
  latest: Period | undefined,
): SiteData['latestAggregates'] {
  const latestMetrics = (latest ? (byPeriod.get(latest.id) ?? []) : []).map((r) => r.metrics);
  return INDICATORS.map((def) => ({ def, agg: aggregateIndicator(def.id, latestMetrics) }));
}

function fromScratch(content: Loaded): SiteData {
  const reports = [...content.reports].map(([key, r]) => siteReport(key, r));
  const byUnit = new Map<string, SiteReport[]>();
  for (const r of reports) {
    const list = byUnit.get(r.unit) ?? [];
    list.push(r);
    byUnit.set(r.unit, list);
  }
  const units = new Map<string, SiteUnit>();
  for (const u of content.units) {
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
  const unitList = [...units.values()].sort(
    (a, b) => collator.compare(a.name, b.name) || collator.compare(a.province, b.province),
  );
  return {
    units,
    unitList,
    areas: areasOf(unitList),
    reports,
    periods,
    byPeriod,
    latest,
    latestAggregates: aggregatesOf(byPeriod, latest),
    due: content.due,
    dueOf: (period, unit) => dueFor(content.due, period, unit.province),
    boundaries: content.boundaries,
  };
}

/** A unit's area: its district, or its province for units without one. */
const areaOf = (u: Unit) => JSON.stringify([u.province, u.district ?? null]);

/** Units to compare a unit with: the same district, or the same province for units without one. */
export function peersOf(unit: Unit, data: SiteData): SiteUnit[] {
  return (data.areas.get(areaOf(unit)) ?? []).filter((u) => u.id !== unit.id);
}
