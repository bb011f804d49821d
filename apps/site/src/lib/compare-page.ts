/**
 * The compare page's script: units and an indicator compared over periods,
 * the choice kept in the URL (?don-vi=a,b&chi-so=x) so that it can be
 * shared. The page is rendered with the default units (it reads without
 * JavaScript); this takes over from the same figures. Plain DOM rather than
 * a Svelte island: with Chart.js (48 KB gzip) the Svelte runtime (20 KB)
 * took the page over its 70 KB budget.
 */
import { foldVietnamese, formatFraction, type Locale } from '@congkhai/indicators';
import type { Chart } from 'chart.js';
import { indicatorDataFile, unitsData } from './addresses.ts';
import { COLORS, DASHES } from './chart-style.ts';
import {
  MAX_UNITS,
  compareQuery,
  embedSnippet,
  unitLabel,
  type CompareText,
  type IndicatorFigures,
  type UnitEntry,
} from './compare-shared.ts';
import { chartCsv, chartSvg } from './chart-svg.ts';
import { drawLineChart } from './line-chart.ts';

const SVG = 'http://www.w3.org/2000/svg';

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

function swatch(i: number): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG, 'line');
  const color = COLORS[i % COLORS.length] ?? '#000';
  for (const [k, v] of Object.entries({
    x1: '0',
    y1: '6',
    x2: '28',
    y2: '6',
    stroke: color,
    'stroke-width': '2',
  }))
    line.setAttribute(k, v);
  line.setAttribute('stroke-dasharray', (DASHES[i % DASHES.length] ?? []).join(' '));
  const dot = document.createElementNS(SVG, 'circle');
  for (const [k, v] of Object.entries({ cx: '14', cy: '6', r: '3.5', fill: color }))
    dot.setAttribute(k, v);
  svg.append(line, dot);
  return svg;
}

export function compare(root: HTMLElement): void {
  const locale = (root.dataset.locale ?? 'vi') as Locale;
  const T = JSON.parse(root.dataset.text ?? '{}') as CompareText;
  const select = root.querySelector<HTMLSelectElement>('#compare-indicator');
  const input = root.querySelector<HTMLInputElement>('#compare-add');
  const matchList = root.querySelector<HTMLUListElement>('#compare-matches');
  const none = root.querySelector<HTMLElement>('#compare-none');
  const message = root.querySelector<HTMLElement>('#compare-message');
  const chosenList = root.querySelector<HTMLUListElement>('#compare-chosen');
  const status = root.querySelector<HTMLElement>('#compare-status');
  const view = root.querySelector<HTMLElement>('#compare-view');
  if (!select || !input || !matchList || !none || !message || !chosenList || !status || !view)
    return;

  const units = new Map<string, UnitEntry>();
  for (const u of JSON.parse(root.dataset.entries ?? '[]') as UnitEntry[]) units.set(u.id, u);
  let unitsLoaded = false;
  let chosen = [...units.keys()];
  let indicator = root.dataset.indicator ?? '';
  let figures: IndicatorFigures | undefined = JSON.parse(
    root.dataset.figures ?? 'null',
  ) as IndicatorFigures;
  let chart: Chart<'line', (number | null)[], string> | undefined;

  const label = (id: string) => {
    const u = units.get(id);
    return u ? unitLabel(u, locale) : id;
  };
  const indicatorLabel = () => select.selectedOptions[0]?.textContent ?? indicator;

  const params = new URLSearchParams(location.search);
  const fromUrl = (params.get('don-vi') ?? '').split(',').filter(Boolean);
  if (fromUrl.length > MAX_UNITS) message.textContent = T.tooMany;
  if (fromUrl.length > 0) chosen = fromUrl.slice(0, MAX_UNITS);
  const fromUrlIndicator = params.get('chi-so');
  if (fromUrlIndicator && [...select.options].some((o) => o.value === fromUrlIndicator)) {
    indicator = fromUrlIndicator;
    select.value = indicator;
  }
  if (indicator !== root.dataset.indicator) figures = undefined;

  function keepUrl() {
    const p = new URLSearchParams({ 'don-vi': chosen.join(','), 'chi-so': indicator });
    history.replaceState(null, '', `${location.pathname}?${p.toString().replace(/%2C/g, ',')}`);
  }

  function renderChosen() {
    chosenList?.replaceChildren(
      ...chosen.map((id) => {
        const b = el(
          'button',
          { type: 'button', class: 'chosen', 'aria-label': `${T.remove} ${label(id)}` },
          `${label(id)} ✕`,
        );
        b.addEventListener('click', () => {
          chosen = chosen.filter((x) => x !== id);
          if (message) message.textContent = '';
          render();
        });
        return el('li', {}, b);
      }),
    );
  }

  function renderView() {
    chart?.destroy();
    chart = undefined;
    if (!view || !status) return;
    if (!figures) {
      view.replaceChildren();
      return;
    }
    const f = figures;
    const labels = f.periods.map((p) => p.short[locale]);
    const canvas = el('canvas', { 'aria-hidden': 'true' });
    const figure = el(
      'figure',
      { class: 'chart' },
      el('div', { class: 'chart-box', role: 'img', 'aria-label': indicatorLabel() }, canvas),
      el(
        'figcaption',
        {},
        el('ul', { class: 'legend' }, ...chosen.map((id, i) => el('li', {}, swatch(i), label(id)))),
      ),
    );
    const head = el(
      'tr',
      {},
      el('th', { scope: 'col' }, T.period),
      ...chosen.map((id) => el('th', { scope: 'col', class: 'num' }, units.get(id)?.name ?? id)),
    );
    const rows = labels.map((l, i) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row', class: 'period' }, l),
        ...chosen.map((id) => {
          const v = f.values[id]?.[i];
          return el(
            'td',
            { class: 'num' },
            v === null || v === undefined ? '—' : formatFraction(v, locale),
          );
        }),
      ),
    );
    const table = el(
      'table',
      {},
      el('caption', {}, indicatorLabel()),
      el('thead', {}, head),
      el('tbody', {}, ...rows),
    );
    view.replaceChildren(
      figure,
      el(
        'div',
        { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': indicatorLabel() },
        table,
      ),
    );
    chart = drawLineChart(
      canvas,
      labels,
      chosen.map((id) => ({ label: label(id), data: f.values[id] ?? labels.map(() => null) })),
      locale,
    );
  }

  function renderMatches() {
    if (!matchList || !none || !input) return;
    const q = foldVietnamese(input.value).trim();
    const matches =
      q.length < 2
        ? []
        : [...units.values()]
            .filter((u) => u.search.includes(q) && !chosen.includes(u.id))
            .slice(0, 8);
    matchList.hidden = matches.length === 0;
    none.hidden = !(matches.length === 0 && q.length >= 2 && unitsLoaded);
    matchList.replaceChildren(
      ...matches.map((u) => {
        const b = el(
          'button',
          { type: 'button', class: 'suggestion' },
          `+ ${label(u.id)}, ${u.province}`,
        );
        b.addEventListener('click', () => {
          add(u.id);
        });
        return el('li', {}, b);
      }),
    );
    return matches;
  }

  function add(id: string) {
    if (!message || !input) return;
    if (chosen.length >= MAX_UNITS) {
      message.textContent = T.tooMany;
      return;
    }
    message.textContent = '';
    chosen = [...chosen, id];
    input.value = '';
    render();
  }

  /** What a journalist takes away: the link, the embed code, and files of exactly what is shown. */
  const shareLink = root.querySelector<HTMLAnchorElement>('#share-link');
  const shareEmbed = root.querySelector<HTMLTextAreaElement>('#share-embed');
  function renderShare() {
    const query = compareQuery(chosen, indicator);
    if (shareLink) shareLink.href = `${location.pathname}${query}`;
    if (shareEmbed)
      shareEmbed.value = embedSnippet(
        root.dataset.origin ?? location.origin,
        root.dataset.prefix ?? '',
        query,
        indicatorLabel(),
      );
  }
  function shown() {
    const f = figures;
    if (!f) return undefined;
    return {
      periods: f.periods.map((p) => ({ id: p.id, label: p.short[locale] })),
      series: chosen.map((id) => ({
        label: label(id),
        data: f.values[id] ?? f.periods.map(() => null),
      })),
    };
  }
  function download(name: string, blob: Blob) {
    const a = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => {
      URL.revokeObjectURL(a.href);
    }, 1000);
  }
  const fileName = (ext: string) => `cong-khai-so-sanh-${indicator}.${ext}`;
  // The link downloads the default view's file without JavaScript; here, the view shown.
  root.querySelector('#share-csv')?.addEventListener('click', (e) => {
    e.preventDefault();
    const s = shown();
    if (s)
      download(
        fileName('csv'),
        new Blob([chartCsv(s.periods, s.series)], { type: 'text/csv;charset=utf-8' }),
      );
  });
  root.querySelector('#share-svg')?.addEventListener('click', () => {
    const s = shown();
    if (!s) return;
    const svg = chartSvg(
      indicatorLabel(),
      s.periods.map((p) => p.label),
      s.series,
      locale,
      T.source,
    );
    download(fileName('svg'), new Blob([svg], { type: 'image/svg+xml' }));
  });
  root.querySelector('#share-png')?.addEventListener('click', () => {
    const canvas = view.querySelector('canvas');
    canvas?.toBlob((blob) => {
      if (blob) download(fileName('png'), blob);
    }, 'image/png');
  });

  function render() {
    renderChosen();
    renderView();
    renderMatches();
    keepUrl();
    renderShare();
  }

  async function load(id: string) {
    if (!status) return;
    status.textContent = figures ? '' : T.loading;
    status.classList.remove('warn');
    try {
      const res = await fetch(indicatorDataFile(id));
      if (!res.ok) throw new Error(String(res.status));
      const f = (await res.json()) as IndicatorFigures;
      if (id !== indicator) return;
      figures = f;
      status.textContent = '';
      render();
    } catch {
      status.textContent = T.failed;
      status.classList.add('warn');
    }
  }

  select.addEventListener('change', () => {
    indicator = select.value;
    figures = undefined;
    render();
    void load(indicator);
  });
  input.addEventListener('input', () => renderMatches());
  // Enter adds the one unit that matches what was typed.
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const matches = renderMatches() ?? [];
    const only = matches.length === 1 ? matches[0] : undefined;
    if (only) add(only.id);
  });

  render();
  void load(indicator);
  void fetch(unitsData())
    .then((r) => r.json() as Promise<UnitEntry[]>)
    .then((list) => {
      for (const u of list) units.set(u.id, u);
      unitsLoaded = true;
      render();
    })
    .catch(() => {
      status.textContent = T.failed;
    });
}
