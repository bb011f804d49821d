/**
 * Aggregation over many units, or many periods of one unit. Counts are added
 * first and rates recomputed from the sums: an average of rates is wrong. A
 * metric a unit does not state is left out, never taken as 0, and every
 * result says how many units it covers.
 */
import { METRICS, type MetricId, type Metrics, type Text } from './catalog.ts';
import { computeIndicator, type IndicatorId } from './indicators.ts';
import { comparePeriods, nextDay, type Period } from './period.ts';

export interface CountAggregate {
  /** Sum of each count metric over the entries that state it. */
  readonly metrics: Metrics;
  /** How many entries state each metric. */
  readonly coverage: Partial<Record<MetricId, number>>;
  readonly entries: number;
}

const COUNT_METRICS = METRICS.filter((m) => m.kind === 'count').map((m) => m.id);

export function aggregateCounts(list: readonly Metrics[]): CountAggregate {
  const metrics: Metrics = {};
  const coverage: Partial<Record<MetricId, number>> = {};
  for (const m of list) {
    for (const id of COUNT_METRICS) {
      const v = m[id];
      if (v === undefined) continue;
      metrics[id] = (metrics[id] ?? 0) + v;
      coverage[id] = (coverage[id] ?? 0) + 1;
    }
  }
  return { metrics, coverage, entries: list.length };
}

/**
 * Stated rates (digitization, payment, satisfaction) have no counts to add:
 * they are weighted by the dossiers each unit received.
 */
export const STATED_RATE_WEIGHT: MetricId = 'dossiers.received';

export type IndicatorAggregate =
  | {
      readonly ok: true;
      readonly numerator: number;
      readonly denominator: number;
      readonly value: number;
      /** Units that contributed, out of `total`. */
      readonly units: number;
      readonly total: number;
    }
  | { readonly ok: false; readonly reason: Text; readonly units: 0; readonly total: number };

export function aggregateIndicator(id: IndicatorId, list: readonly Metrics[]): IndicatorAggregate {
  let numerator = 0;
  let denominator = 0;
  let units = 0;
  const results = list.map((m) => ({ m, r: computeIndicator(id, m) }));
  const computable = results.filter((x) => x.r.ok);
  for (const { m, r } of computable) {
    if (!r.ok) continue;
    if (r.formula.kind === 'share') {
      numerator += r.numerator;
      denominator += r.denominator;
      units += 1;
      continue;
    }
    // A lone stated rate stands for itself; among several, only rates with a
    // weight can be combined.
    const weight = computable.length === 1 ? 1 : m[STATED_RATE_WEIGHT];
    if (weight === undefined || weight === 0) continue;
    numerator += r.value * weight;
    denominator += weight;
    units += 1;
  }
  if (units === 0 || denominator === 0) {
    return {
      ok: false,
      units: 0,
      total: list.length,
      reason: {
        vi: 'Không đơn vị nào có đủ số liệu để tính.',
        en: 'No unit states the figures needed.',
      },
    };
  }
  return {
    ok: true,
    numerator,
    denominator,
    value: numerator / denominator,
    units,
    total: list.length,
  };
}

export type PeriodAggregate =
  { readonly ok: true; readonly metrics: Metrics } | { readonly ok: false; readonly reason: Text };

/**
 * The counts of a longer period from the periods that make it up (four
 * quarters into a year). The parts must cover the target exactly, without
 * gaps or overlaps, and a count is kept only when every part states it.
 */
export function aggregatePeriods(
  parts: readonly { readonly period: Period; readonly metrics: Metrics }[],
  target: Period,
): PeriodAggregate {
  const sorted = [...parts].sort((a, b) => comparePeriods(a.period, b.period));
  let cursor = target.start;
  for (const p of sorted) {
    if (p.period.start !== cursor) {
      return {
        ok: false,
        reason: {
          vi: `Các kỳ không phủ kín ${target.id}: thiếu hoặc chồng lấn tại ${cursor}.`,
          en: `The periods do not tile ${target.id}: gap or overlap at ${cursor}.`,
        },
      };
    }
    cursor = nextDay(p.period.end);
  }
  if (sorted.length === 0 || cursor !== nextDay(target.end)) {
    return {
      ok: false,
      reason: {
        vi: `Các kỳ không phủ kín ${target.id}.`,
        en: `The periods do not cover ${target.id}.`,
      },
    };
  }
  const agg = aggregateCounts(sorted.map((p) => p.metrics));
  const metrics: Metrics = {};
  for (const [id, v] of Object.entries(agg.metrics) as [MetricId, number][]) {
    if (agg.coverage[id] === sorted.length) metrics[id] = v;
  }
  return { ok: true, metrics };
}
