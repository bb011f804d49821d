/**
 * Plausibility of a figure against what is usual for it: the unit's own
 * past (periods of the same kind) or, with too little past, the units of
 * its district in the same period. A figure outside the range is not wrong,
 * it is unusual: the editor confirms it in one line and the reviewer reads
 * that line. Robust bounds (median ± 3 scaled MADs, as outlier detection in
 * DHIS2's data quality tools), so one odd period does not widen the range.
 */
import { METRICS, metricDefinition, type MetricId, type Metrics } from './catalog.ts';

export type PlausibilityBasis = 'history' | 'peers';

export interface PlausibleRange {
  readonly low: number;
  readonly high: number;
  readonly basis: PlausibilityBasis;
  /** How many figures the range was computed from. */
  readonly count: number;
}

/** Fewest figures a range is computed from: with fewer, nothing is usual yet. */
export const PLAUSIBILITY_MIN_VALUES = 3;

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The usual range of a sample: median ± 3 × 1.4826 × MAD. A sample that
 * barely varies still allows a quarter of its median either way (a commune
 * that received 1.200 dossiers three times may receive 1.300). Counts are
 * whole: the bounds are rounded outwards; rates stay within 0..100.
 */
export function usualRange(
  values: readonly number[],
  kind: 'count' | 'percent',
): { low: number; high: number } | undefined {
  if (values.length < PLAUSIBILITY_MIN_VALUES) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const m = median(sorted);
  const mad = median(sorted.map((v) => Math.abs(v - m)).sort((a, b) => a - b));
  const spread = Math.max(3 * 1.4826 * mad, Math.abs(m) * 0.25, kind === 'percent' ? 2 : 1);
  let low = Math.max(0, Math.min(m - spread, sorted[0] ?? m));
  let high = Math.max(m + spread, sorted.at(-1) ?? m);
  if (kind === 'percent') high = Math.min(100, high);
  else {
    low = Math.floor(low);
    high = Math.ceil(high);
  }
  return { low, high };
}

/** The range a figure is checked against: the unit's own past first, its district's peers otherwise. */
export function plausibleRange(
  id: MetricId,
  history: readonly Metrics[],
  peers: readonly Metrics[],
): PlausibleRange | undefined {
  const kind = metricDefinition(id).kind === 'percent' ? 'percent' : 'count';
  for (const [basis, sample] of [
    ['history', history],
    ['peers', peers],
  ] as const) {
    const values = sample.flatMap((m) => (m[id] === undefined ? [] : [m[id]]));
    const r = usualRange(values, kind);
    if (r) return { ...r, basis, count: values.length };
  }
  return undefined;
}

export interface ImplausibleFigure extends PlausibleRange {
  readonly metric: MetricId;
  readonly value: number;
}

/** Every stated figure outside its usual range, in catalog order. */
export function implausibleFigures(
  metrics: Metrics,
  history: readonly Metrics[],
  peers: readonly Metrics[],
): ImplausibleFigure[] {
  const out: ImplausibleFigure[] = [];
  for (const def of METRICS) {
    const value = metrics[def.id];
    if (value === undefined) continue;
    const r = plausibleRange(def.id, history, peers);
    if (r && (value < r.low || value > r.high)) out.push({ metric: def.id, value, ...r });
  }
  return out;
}

/** The ranges of every metric, for the form to show beside each field. */
export function plausibleRanges(
  history: readonly Metrics[],
  peers: readonly Metrics[],
): Partial<Record<MetricId, PlausibleRange>> {
  const out: Partial<Record<MetricId, PlausibleRange>> = {};
  for (const def of METRICS) {
    const r = plausibleRange(def.id, history, peers);
    if (r) out[def.id] = r;
  }
  return out;
}
