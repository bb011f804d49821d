/**
 * What an indicator page shows for one period, computed once per content
 * version and shared by both languages and by the indicator's own page
 * (which shows the latest period): the ranking, the total, the areas and
 * the distribution. The ranking's rows, thousands at 3,300 units, are
 * written as one HTML string per language here rather than row by row in
 * the template, since they are the largest part of a publish's rendering.
 * The ranking is cut into pages of RANKING_PAGE_ROWS rows, so that no page
 * grows with the number of units (688 KB of HTML at 3,300 units in one
 * table, issue 16).
 */
import {
  aggregateIndicator,
  previousPeriod,
  rank,
  unitTitle,
  type IndicatorAggregate,
  type IndicatorDefinition,
  type Locale,
  type Period,
} from '@congkhai/indicators';
import { unitPage } from './addresses.ts';
import { fmtFraction, fmtPointChange } from './format.ts';
import { href, t } from './i18n.ts';
import { escapeMarkup } from './markup.ts';
import { collator, type SiteData, type SiteReport, type SiteUnit } from './site-data.ts';

/** Rows per page of a ranking: about 45 KB of HTML, whatever the number of units. */
export const RANKING_PAGE_ROWS = 200;

/** Whether a report takes part in an indicator's ranking: computable, and no impossible figure. */
const rankable = (r: SiteReport, def: IndicatorDefinition) =>
  !r.impossible && r.indicators[def.id].ok;

const pageCounts = new WeakMap<SiteData, Map<string, number>>();

/** How many pages an indicator's ranking of a period has (one, even when empty); kept per data. */
export function rankingPageCount(data: SiteData, def: IndicatorDefinition, periodId: string) {
  let counts = pageCounts.get(data);
  if (!counts) pageCounts.set(data, (counts = new Map<string, number>()));
  const key = `${def.id} ${periodId}`;
  let pages = counts.get(key);
  if (pages === undefined) {
    const n = (data.byPeriod.get(periodId) ?? []).filter((r) => rankable(r, def)).length;
    counts.set(key, (pages = Math.max(1, Math.ceil(n / RANKING_PAGE_ROWS))));
  }
  return pages;
}

export interface IndicatorView {
  readonly total: IndicatorAggregate;
  readonly ranked: number;
  readonly unranked: number;
  /** Units left out of the ranking since a figure of their report is impossible (issue 14). */
  readonly impossible: readonly SiteUnit[];
  readonly provinces: readonly { name: string; agg: IndicatorAggregate }[];
  readonly districts: readonly { name: string; agg: IndicatorAggregate }[];
  readonly bins: readonly { from: number; to: number; n: number }[];
  readonly hasPrevious: boolean;
  /** Pages of the ranking (RANKING_PAGE_ROWS rows each), at least one. */
  readonly pages: number;
  /** The table rows of a page of the ranking (1 is the first), per language. */
  readonly rows: (locale: Locale, page?: number) => string;
}

const cache = new WeakMap<SiteData, Map<string, IndicatorView>>();

export function indicatorView(
  data: SiteData,
  def: IndicatorDefinition,
  period: Period,
): IndicatorView {
  let views = cache.get(data);
  if (!views) {
    views = new Map();
    cache.set(data, views);
  }
  const key = `${def.id} ${period.id}`;
  let view = views.get(key);
  if (!view) {
    view = compute(data, def, period);
    views.set(key, view);
  }
  return view;
}

function compute(data: SiteData, def: IndicatorDefinition, period: Period): IndicatorView {
  const reports = data.byPeriod.get(period.id) ?? [];
  const prev = previousPeriod(period);
  const prevReports = new Map(
    (prev ? (data.byPeriod.get(prev.id) ?? []) : []).map((r) => [r.unit, r]),
  );
  // Not computable: counted as not ranked; an impossible figure: left out, and named on the page.
  const ranking = rank(
    reports
      .filter((r) => !r.impossible)
      .map((r) => {
        const u = data.units.get(r.unit);
        const x = r.indicators[def.id];
        return { key: r.unit, name: u?.name ?? r.unit, value: x.ok ? x.value : null };
      }),
    def.better,
  );
  const byArea = (key: (u: { district?: string; province: string }) => string | undefined) => {
    const groups = new Map<string, SiteReport[]>();
    for (const r of reports) {
      const u = data.units.get(r.unit);
      const k = u ? key(u) : undefined;
      if (!k) continue;
      const list = groups.get(k);
      if (list) list.push(r);
      else groups.set(k, [r]);
    }
    return [...groups.entries()]
      .map(([name, rs]) => ({
        name,
        agg: aggregateIndicator(
          def.id,
          rs.map((r) => r.metrics),
        ),
      }))
      .sort((a, b) => collator.compare(a.name, b.name));
  };
  const bins = distribution(ranking.ranked.map((r) => r.value));
  const rows = new Map<string, string>();
  const pages = Math.max(1, Math.ceil(ranking.ranked.length / RANKING_PAGE_ROWS));
  return {
    total: aggregateIndicator(
      def.id,
      reports.map((r) => r.metrics),
    ),
    ranked: ranking.ranked.length,
    unranked: ranking.unranked.length,
    impossible: reports
      .filter((r) => r.impossible)
      .flatMap((r) => data.units.get(r.unit) ?? [])
      .sort((a, b) => collator.compare(a.name, b.name)),
    provinces: byArea((u) => u.province),
    districts: byArea((u) => (u.district ? `${u.district} (${u.province})` : undefined)),
    bins,
    hasPrevious: prev !== undefined,
    pages,
    rows: (locale, page = 1) => {
      const key = `${locale} ${String(page)}`;
      let html = rows.get(key);
      if (html === undefined) {
        const s = t(locale);
        const from = (page - 1) * RANKING_PAGE_ROWS;
        html = ranking.ranked
          .slice(from, from + RANKING_PAGE_ROWS)
          .map((r) => {
            const u = data.units.get(r.key);
            const before = prevReports.get(r.key)?.indicators[def.id];
            const delta = before?.ok ? r.value - before.value : null;
            const better = delta === null ? 0 : def.better === 'lower' ? -delta : delta;
            const good = better > 0 ? 'up' : better < 0 ? 'down' : '';
            const tied = r.tied ? `<span class="meta"> (${escapeMarkup(s.tied)})</span>` : '';
            const province = escapeMarkup(u?.province ?? '');
            const change = escapeMarkup(fmtPointChange(delta, locale));
            // On a phone the province goes under the name and the change under the value:
            // three columns that fit 390 px, still one row per unit for a screen reader.
            return (
              `<tr><td class="num">${String(r.rank)}${tied}</td>` +
              `<th scope="row"><a href="${escapeMarkup(href(locale, unitPage(r.key)))}">${escapeMarkup(u ? unitTitle(u, locale) : r.key)}</a><span class="meta narrow-only"><br>${province}</span></th>` +
              `<td class="wide-only">${province}</td>` +
              `<td class="num">${escapeMarkup(fmtFraction(r.value, locale))}${delta === null ? '' : `<span class="narrow-only change ${good}"><br>${change}</span>`}</td>` +
              `<td class="num wide-only ${good}">${change}</td></tr>`
            );
          })
          .join('');
        rows.set(key, html);
      }
      return html;
    },
  };
}

/** Band widths a distribution may use: 1, 2, 5, 10 percentage points. */
const STEPS = [0.01, 0.02, 0.05, 0.1];

/**
 * Units per band of values, over the range the values span (not always
 * 0..100 %: when every unit is between 95 and 100 %, ten bands of 10 points
 * leave nine empty), in the narrowest band of STEPS that needs ten bands
 * at most. The last band includes its upper end.
 */
export function distribution(values: readonly number[]): { from: number; to: number; n: number }[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  // A small tolerance: 0.3 / 0.1 is 2.9999999999999996.
  const band = (v: number, step: number) => Math.floor(v / step + 1e-9);
  const step =
    STEPS.find((x) => Math.max(band(max, x), band(min, x) + 1) - band(min, x) <= 10) ?? 0.1;
  const lo = band(min, step);
  const hi = Math.max(lo + 1, Math.ceil(max / step - 1e-9));
  const bins = Array.from({ length: hi - lo }, (_, i) => ({
    from: (lo + i) * step,
    to: (lo + i + 1) * step,
    n: 0,
  }));
  for (const v of values) {
    const bin = bins[Math.min(bins.length - 1, band(v, step) - lo)];
    if (bin) bin.n++;
  }
  return bins;
}
