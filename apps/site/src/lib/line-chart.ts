/**
 * The site's one line chart of rates over periods (Chart.js, registered
 * tree-shaken), drawn by the unit page's Svelte island and by the compare
 * page's script. The numbers are always in an HTML table beside it.
 */
import {
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
} from 'chart.js';
import { formatFraction, type Locale } from '@congkhai/indicators';
import { COLORS, DASHES, POINTS } from './chart-style.ts';

export { COLORS, DASHES };

// Register only what a line chart needs (never chart.js/auto). No tooltip or
// legend plugins: the legend is HTML below the chart and every value is in
// the table beside it, which keeps the page's JavaScript under 70 KB gzip.
Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale);

export interface ChartSeries {
  readonly label: string;
  /** One value per label; null where the period has no figure (drawn as a gap). */
  readonly data: readonly (number | null)[];
}

/** Draws the chart on `canvas`; the caller destroys it before drawing on the canvas again. */
export function drawLineChart(
  canvas: HTMLCanvasElement,
  labels: readonly string[],
  series: readonly ChartSeries[],
  locale: Locale,
): Chart<'line', (number | null)[], string> {
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      // Chart.js instruments the arrays it is given: plain copies.
      labels: [...labels],
      datasets: series.map((s, i) => ({
        label: s.label,
        data: [...s.data],
        borderColor: COLORS[i % COLORS.length],
        backgroundColor: COLORS[i % COLORS.length],
        pointStyle: POINTS[i % POINTS.length],
        borderDash: DASHES[i % DASHES.length],
        pointRadius: 4,
        // A missing period is a gap, not a line across it.
        spanGaps: false,
        tension: 0,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        // Every series is a rate: the axis runs from 0 to 100 %, so a drop of
        // 0,4 points looks like one, and a lone point does not float on −100…100 %.
        y: {
          min: 0,
          max: 1,
          ticks: {
            stepSize: 0.2,
            callback: (v) => formatFraction(Number(v), locale, 0),
          },
        },
      },
    },
  });
  // What the chart drew, for a reader of the page's markup (and its tests).
  const figure = canvas.closest('figure');
  if (figure)
    figure.dataset.scale = `${String(chart.scales.y?.min)}..${String(chart.scales.y?.max)}`;
  return chart;
}
