/**
 * What a page shows of the data, kind by kind, so that a publish renders
 * again only the pages whose inputs changed (routes.ts, affectedPages):
 * of the 1,300 pages a report could touch at 3,300 units (its whole
 * province's units, every page of its period's rankings, the site's
 * files) most show the same thing before and after it.
 *
 * Two ways, both compared between the data the live release was rendered
 * from and the data after the change, both in the renderer's memory:
 *
 * - what a page shows of one report (`shows`): a page that is a function
 *   of every report's such projection changes only if the projection of
 *   a changed report does (a ranking of an indicator the report's change
 *   leaves alone, who has reported a period after a change of figures);
 * - what a page shows, gathered (`unitPageInputs` and its siblings): the
 *   unit's own reports (by identity: a report unchanged on disk is the
 *   same object), its rank and median, its area's series, its peers'
 *   latest figures; the rows of a page of a ranking, as HTML.
 *
 * Whatever a page reads and is not listed here (units, periods, the latest
 * period, boundaries, due dates) makes the plan a full build or renders
 * those pages all (affectedPages). test/incremental.test.ts holds that a
 * publish so planned gives the site a full build gives, file by file.
 */
import {
  STATED_RATE_WEIGHT,
  previousPeriod,
  rank,
  type IndicatorDefinition,
} from '@congkhai/indicators';
import { latestReport } from './directory.ts';
import { RANKING_PAGE_ROWS } from './indicator-view.ts';
import { boundariesOf } from './map.ts';
import { unitSeries } from './series.ts';
import { peersOf, type SiteData, type SiteReport, type SiteUnit } from './site-data.ts';
import { standingRows } from './standing.ts';

/** A report that changed: as the live release showed it and as it is now (undefined: none). */
export interface ReportChange {
  readonly unit: string;
  readonly period: string;
  readonly before: SiteReport | undefined;
  readonly after: SiteReport | undefined;
}

const reportOf = (data: SiteData, unit: string, period: string) =>
  data.units.get(unit)?.reports.find((r) => r.period === period);

export function reportChanges(
  before: SiteData,
  after: SiteData,
  changed: readonly string[],
): ReportChange[] {
  return changed.map((key) => {
    const [unit = '', period = ''] = key.split('/');
    return {
      unit,
      period,
      before: reportOf(before, unit, period),
      after: reportOf(after, unit, period),
    };
  });
}

/** What a page shows of one report, as a string to compare; '' for no report. */
export type Projection = (r: SiteReport | undefined) => string;

export const shows: {
  readonly presence: Projection;
  readonly reporting: Projection;
  readonly newest: Projection;
  readonly feed: Projection;
  readonly value: (def: IndicatorDefinition) => Projection;
  readonly aggregate: (def: IndicatorDefinition) => Projection;
} = {
  /** That it exists: the sitemap. */
  presence: (r) => (r ? 'report' : ''),
  /** Who has reported (reportingRows): that it exists and the day it was first published. */
  reporting: (r) => (r ? `report ${r.published ?? ''}` : ''),
  /** The home page's newest reports: that it exists, the day it was issued, its warnings. */
  newest: (r) => (r ? JSON.stringify([r.issued, r.warnings.length]) : ''),
  /** The feed: its publication, its title and its corrections. */
  feed: (r) =>
    r ? JSON.stringify([r.published, r.issued, r.periodInfo.end, r.title, r.corrections]) : '',
  /** Its value of an indicator: rankings, maps, the indicator's data file. */
  value: (def: IndicatorDefinition) => (r) =>
    r ? JSON.stringify([r.impossible, r.indicators[def.id]]) : '',
  /** What an aggregate of the indicator adds of it (aggregateIndicator): its value, and a stated rate's weight. */
  aggregate: (def: IndicatorDefinition) => {
    const weighted = def.formulas.some((f) => f.kind === 'stated');
    return (r) =>
      r
        ? JSON.stringify([
            r.impossible,
            r.indicators[def.id],
            weighted ? r.metrics[STATED_RATE_WEIGHT] : null,
          ])
        : '';
  },
};

/** Whether a change in `periods` (all when omitted) shows differently through `projection`. */
export function showsChanged(
  changes: readonly ReportChange[],
  projection: Projection,
  periods?: readonly string[],
): boolean {
  return changes.some(
    (c) => (!periods || periods.includes(c.period)) && projection(c.before) !== projection(c.after),
  );
}

/** Whether two lists of inputs are the same: element by element, objects by identity. */
export function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

const figures = (r: SiteReport | undefined) =>
  r
    ? JSON.stringify([
        r.period,
        r.impossible,
        r.indicators.on_time_rate,
        r.indicators.online_intake_rate,
      ])
    : '';

/**
 * What a unit's page shows (pages/[...lang]/xa/[unit]/index.astro): its
 * reports (figures, titles, warnings, the latest in full), the reports of
 * the units it was formed from (its series before the merger), its area's
 * series, its rank and median in district and province, its peers' latest
 * figures, and its province's map of the latest period. The area's
 * series is a sum over the unit and its peers: it is computed only when
 * one of them is `touched` (the units whose reports changed), and is the
 * same otherwise.
 */
export function unitPageInputs(
  unit: SiteUnit,
  data: SiteData,
  touched: ReadonlySet<string>,
): unknown[] {
  const latest = latestReport(unit);
  const boundaries = boundariesOf(data);
  const mapped = boundaries && latest && boundaries.byUnit.has(unit.id);
  const peers = peersOf(unit, data);
  const area = touched.has(unit.id) || peers.some((p) => touched.has(p.id));
  return [
    ...unit.reports,
    '|',
    ...unit.formedFrom.flatMap((p) => data.units.get(p.unit)?.reports ?? []),
    '|',
    area ? JSON.stringify(unitSeries(unit, data).series.map((x) => x.area)) : '',
    latest ? JSON.stringify(standingRows(unit, latest, data)) : '',
    ...peers.map((p) => figures(latestReport(p))),
    '|',
    ...(mapped
      ? data.unitList
          .filter((u) => u.province === unit.province)
          .map((u) => figures(u.reports.find((r) => r.period === latest.period)))
      : []),
  ];
}

/** What a unit's printable brief shows: its latest report, its rank and median. */
export function unitBriefInputs(unit: SiteUnit, data: SiteData): unknown[] {
  const latest = latestReport(unit);
  return [latest, latest ? JSON.stringify(standingRows(unit, latest, data)) : ''];
}

/** What a unit's data files show: a row per report of its own. */
export const unitDataInputs = (unit: SiteUnit): unknown[] => [...unit.reports];

/**
 * The pages (1 is the first, which the indicator's own page repeats for
 * the latest period) of an indicator's ranking of a period that show
 * something else after `changes`. The first shows the period's total,
 * areas, distribution and maps; every page its rows, whose change column
 * reads the period before, and how many units are ranked or left out. Page counts are the same before and after
 * (affectedPages builds in full otherwise).
 */
export function changedRankingPages(
  before: SiteData,
  after: SiteData,
  def: IndicatorDefinition,
  periodId: string,
  changes: readonly ReportChange[],
): number[] {
  const period = after.periods.find((p) => p.id === periodId);
  if (!period || !before.periods.some((p) => p.id === periodId)) return [];
  const prev = previousPeriod(period)?.id;
  const first = showsChanged(changes, shows.aggregate(def), [periodId]);
  const rows = showsChanged(changes, shows.value(def), prev ? [periodId, prev] : [periodId]);
  if (!rows) return first ? [1] : [];
  const old = rankingRows(before, def, periodId);
  const now = rankingRows(after, def, periodId);
  // Every page counts the ranked, the not ranked and names the units left out.
  const all = old.counts !== now.counts;
  const pages: number[] = [];
  for (let page = 1; page <= Math.max(1, Math.ceil(now.rows.length / RANKING_PAGE_ROWS)); page++) {
    const rows = (r: typeof now) =>
      r.rows.slice((page - 1) * RANKING_PAGE_ROWS, page * RANKING_PAGE_ROWS).join('\n');
    if (all || (page === 1 && first) || rows(old) !== rows(now)) pages.push(page);
  }
  return pages;
}

const rowsCache = new WeakMap<SiteData, Map<string, { rows: string[]; counts: string }>>();

/**
 * What the rows of an indicator's ranking of a period show (the `rows` of
 * indicator-view.ts, which writes them as HTML): per unit in rank order,
 * its rank, whether tied, its value and the change since the period
 * before; and the counts every page shows. Without the areas and the
 * distribution a view computes: a publish asks this of the data before
 * and after it, for each ranking its change could move. Kept per data.
 */
function rankingRows(
  data: SiteData,
  def: IndicatorDefinition,
  periodId: string,
): { rows: string[]; counts: string } {
  let byKey = rowsCache.get(data);
  if (!byKey) rowsCache.set(data, (byKey = new Map<string, { rows: string[]; counts: string }>()));
  const key = `${def.id} ${periodId}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const reports = data.byPeriod.get(periodId) ?? [];
  const period = data.periods.find((p) => p.id === periodId);
  const prev = period && previousPeriod(period);
  const before = new Map(
    (prev ? (data.byPeriod.get(prev.id) ?? []) : []).map((r) => [r.unit, r.indicators[def.id]]),
  );
  const ranking = rank(
    reports
      .filter((r) => !r.impossible)
      .map((r) => {
        const x = r.indicators[def.id];
        return {
          key: r.unit,
          name: data.units.get(r.unit)?.name ?? r.unit,
          value: x.ok ? x.value : null,
        };
      }),
    def.better,
  );
  const rows = ranking.ranked.map((r) => {
    const was = before.get(r.key);
    return `${r.key} ${String(r.rank)} ${String(r.tied)} ${String(r.value)} ${was?.ok ? String(was.value) : ''}`;
  });
  const impossible = reports.filter((r) => r.impossible).map((r) => r.unit);
  const out = {
    rows,
    counts: JSON.stringify([rows.length, ranking.unranked.length, impossible.sort()]),
  };
  byKey.set(key, out);
  return out;
}
