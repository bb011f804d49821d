/**
 * The compare chart as a standalone SVG file (for a journalist's layout):
 * the same series, colours, dashes and 0..100 % axis as the Chart.js chart,
 * gaps as gaps, with its title, legend and source. Pure: text in, text out.
 */
import { formatFraction, type Locale } from '@congkhai/indicators';
import { COLORS, DASHES } from './chart-style.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function chartSvg(
  title: string,
  labels: readonly string[],
  series: readonly { label: string; data: readonly (number | null)[] }[],
  locale: Locale,
  source: string,
): string {
  const W = 800;
  const left = 56;
  const right = 16;
  const top = 48;
  const plotH = 320;
  const legendH = 22 * series.length;
  const H = top + plotH + 40 + legendH + 30;
  const x = (i: number) =>
    labels.length <= 1
      ? left + (W - left - right) / 2
      : left + (i * (W - left - right)) / (labels.length - 1);
  const y = (v: number) => top + plotH * (1 - v);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(W)}" height="${String(H)}" viewBox="0 0 ${String(W)} ${String(H)}" font-family="sans-serif" font-size="13">`,
    `<title>${esc(title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${String(left)}" y="28" font-size="17" font-weight="bold">${esc(title)}</text>`,
  ];
  for (let t = 0; t <= 5; t++) {
    const v = t / 5;
    out.push(
      `<line x1="${String(left)}" x2="${String(W - right)}" y1="${String(y(v))}" y2="${String(y(v))}" stroke="#ddd"/>`,
      `<text x="${String(left - 6)}" y="${String(y(v) + 4)}" text-anchor="end">${esc(formatFraction(v, locale, 0))}</text>`,
    );
  }
  labels.forEach((l, i) => {
    out.push(
      `<text x="${String(x(i))}" y="${String(top + plotH + 20)}" text-anchor="middle">${esc(l)}</text>`,
    );
  });
  series.forEach((s, k) => {
    const colour = COLORS[k % COLORS.length] ?? '#000';
    const dash = (DASHES[k % DASHES.length] ?? []).join(' ');
    // A missing period breaks the line: one path segment per run of values.
    let d = '';
    let open = false;
    s.data.forEach((v, i) => {
      if (v === null) {
        open = false;
        return;
      }
      d += `${open ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)}`;
      open = true;
    });
    if (d)
      out.push(
        `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      );
    s.data.forEach((v, i) => {
      if (v !== null)
        out.push(
          `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3.5" fill="${colour}"><title>${esc(`${s.label}, ${labels[i] ?? ''}: ${formatFraction(v, locale)}`)}</title></circle>`,
        );
    });
    const ly = top + plotH + 44 + k * 22;
    out.push(
      `<line x1="${String(left)}" x2="${String(left + 28)}" y1="${String(ly)}" y2="${String(ly)}" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      `<text x="${String(left + 36)}" y="${String(ly + 4)}">${esc(s.label)}</text>`,
    );
  });
  out.push(
    `<text x="${String(left)}" y="${String(H - 10)}" fill="#555" font-size="11">${esc(source)}</text>`,
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}

/** The CSV of exactly what a chart shows: a row per period, a column per unit, rates in %, UTF-8 with a BOM. */
export function chartCsv(
  labels: readonly { id: string; label: string }[],
  series: readonly { label: string; data: readonly (number | null)[] }[],
): string {
  const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const head = ['period', 'period_label', ...series.map((s) => `${s.label} (%)`)];
  const rows = labels.map((l, i) => [
    l.id,
    l.label,
    ...series.map((s) => {
      const v = s.data[i];
      return v === null || v === undefined ? '' : String(Number((v * 100).toFixed(4)));
    }),
  ]);
  return `\uFEFF${[head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
