/**
 * The embeddable comparison's script: the units and indicator of the
 * address (?don-vi=a,b&chi-so=x), drawn as the compare page draws them.
 */
import { formatFraction, type Locale } from '@congkhai/indicators';
import { indicatorDataFile, unitsData } from './addresses.ts';
import {
  compareQuery,
  MAX_UNITS,
  unitLabel,
  type CompareText,
  type IndicatorFigures,
  type UnitEntry,
} from './compare-shared.ts';
import { drawLineChart } from './line-chart.ts';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

export function embed(root: HTMLElement): void {
  const locale = (root.dataset.locale ?? 'vi') as Locale;
  const T = JSON.parse(root.dataset.text ?? '{}') as CompareText;
  const names = JSON.parse(root.dataset.indicators ?? '{}') as Record<string, string>;
  const view = root.querySelector<HTMLElement>('#embed-view');
  const title = root.querySelector<HTMLElement>('#embed-title');
  const full = root.querySelector<HTMLAnchorElement>('#embed-full');
  if (!view || !title) return;
  const params = new URLSearchParams(location.search);
  const defaults = (JSON.parse(root.dataset.entries ?? '[]') as UnitEntry[]).map((u) => u.id);
  const chosen = (params.get('don-vi') ?? '').split(',').filter(Boolean).slice(0, MAX_UNITS);
  const asked = params.get('chi-so') ?? '';
  const indicator = asked in names ? asked : (root.dataset.indicator ?? '');
  const ids = chosen.length > 0 ? chosen : defaults;
  const label = names[indicator] ?? indicator;

  function draw(f: IndicatorFigures, units: ReadonlyMap<string, UnitEntry>) {
    const nameOf = (id: string) => {
      const u = units.get(id);
      return u ? unitLabel(u, locale) : id;
    };
    const labels = f.periods.map((p) => p.short[locale]);
    const canvas = el('canvas', { 'aria-hidden': 'true' });
    const table = el(
      'table',
      {},
      el('caption', {}, label),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, T.period),
          ...ids.map((id) => el('th', { scope: 'col', class: 'num' }, nameOf(id))),
        ),
      ),
      el(
        'tbody',
        {},
        ...labels.map((l, i) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row', class: 'period' }, l),
            ...ids.map((id) => {
              const v = f.values[id]?.[i];
              return el(
                'td',
                { class: 'num' },
                v === null || v === undefined ? '—' : formatFraction(v, locale),
              );
            }),
          ),
        ),
      ),
    );
    view?.replaceChildren(
      el(
        'figure',
        { class: 'chart' },
        el('div', { class: 'chart-box', role: 'img', 'aria-label': label }, canvas),
      ),
      el(
        'div',
        { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': label },
        table,
      ),
    );
    if (title) title.textContent = label;
    if (full) full.href = `${full.href.split('?')[0] ?? ''}${compareQuery(ids, indicator)}`;
    drawLineChart(
      canvas,
      labels,
      ids.map((id) => ({ label: nameOf(id), data: f.values[id] ?? labels.map(() => null) })),
      locale,
    );
  }

  void Promise.all([
    fetch(indicatorDataFile(indicator)).then((r) => r.json() as Promise<IndicatorFigures>),
    fetch(unitsData()).then((r) => r.json() as Promise<UnitEntry[]>),
  ]).then(([f, list]) => {
    draw(f, new Map(list.map((u) => [u.id, u])));
  });
}
