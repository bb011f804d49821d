/**
 * What an indicator page shows for one period, computed once per content
 * version and shared by both languages and by the indicator's own page
 * (which shows the latest period): the ranking, the total, the areas and
 * the distribution. The ranking's rows, thousands at 3,300 units, are
 * written as one HTML string per language here rather than row by row in
 * the template, since they are the largest part of a publish's rendering.
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
import { fmtFraction, fmtPointChange } from './format.ts';
import { href, t } from './i18n.ts';
import { escapeMarkup } from './markup.ts';
import { collator, type SiteData, type SiteReport } from './site-data.ts';

export interface IndicatorView {
  readonly total: IndicatorAggregate;
  readonly ranked: number;
  readonly unranked: number;
  readonly provinces: readonly { name: string; agg: IndicatorAggregate }[];
  readonly districts: readonly { name: string; agg: IndicatorAggregate }[];
  readonly bins: readonly { from: number; to: number; n: number }[];
  readonly hasPrevious: boolean;
  /** The ranking's table rows, per language. */
  readonly rows: (locale: Locale) => string;
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
  const ranking = rank(
    reports.map((r) => {
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
  // Distribution in ten bands of 10 percentage points.
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, n: 0 }));
  for (const r of ranking.ranked) {
    const bin = bins[Math.min(9, Math.floor(r.value * 10))];
    if (bin) bin.n++;
  }
  const rows = new Map<Locale, string>();
  return {
    total: aggregateIndicator(
      def.id,
      reports.map((r) => r.metrics),
    ),
    ranked: ranking.ranked.length,
    unranked: ranking.unranked.length,
    provinces: byArea((u) => u.province),
    districts: byArea((u) => (u.district ? `${u.district} (${u.province})` : undefined)),
    bins,
    hasPrevious: prev !== undefined,
    rows: (locale) => {
      let html = rows.get(locale);
      if (html === undefined) {
        const s = t(locale);
        html = ranking.ranked
          .map((r) => {
            const u = data.units.get(r.key);
            const before = prevReports.get(r.key)?.indicators[def.id];
            const delta = before?.ok ? r.value - before.value : null;
            const better = delta === null ? 0 : def.better === 'lower' ? -delta : delta;
            const good = better > 0 ? 'up' : better < 0 ? 'down' : '';
            const tied = r.tied ? `<span class="meta"> (${escapeMarkup(s.tied)})</span>` : '';
            return (
              `<tr><td class="num">${String(r.rank)}${tied}</td>` +
              `<th scope="row"><a href="${escapeMarkup(href(locale, `/xa/${r.key}/`))}">${escapeMarkup(u ? unitTitle(u, locale) : r.key)}</a></th>` +
              `<td>${escapeMarkup(u?.province ?? '')}</td>` +
              `<td class="num">${escapeMarkup(fmtFraction(r.value, locale))}</td>` +
              `<td class="num ${good}">${escapeMarkup(fmtPointChange(delta, locale))}</td></tr>`
            );
          })
          .join('');
        rows.set(locale, html);
      }
      return html;
    },
  };
}
