/** Target attainment: a report's stated figure against the target it was given. */
import { metricDefinition, type MetricId, type Metrics } from './catalog.ts';

export type Targets = Metrics;

export type Attainment =
  | {
      readonly metric: MetricId;
      readonly ok: true;
      readonly actual: number;
      readonly target: number;
      /** actual / target (for "lower is better" metrics, target / actual). */
      readonly ratio: number;
      readonly met: boolean;
    }
  | { readonly metric: MetricId; readonly ok: false; readonly target: number };

export function targetAttainment(metrics: Metrics, targets: Targets): Attainment[] {
  return (Object.entries(targets) as [MetricId, number][]).map(([metric, target]) => {
    const actual = metrics[metric];
    if (actual === undefined) return { metric, ok: false, target };
    const lowerIsBetter = metricDefinition(metric).better === 'lower';
    const met = lowerIsBetter ? actual <= target : actual >= target;
    const ratio = lowerIsBetter
      ? actual === 0
        ? Infinity
        : target / actual
      : target === 0
        ? Infinity
        : actual / target;
    return { metric, ok: true, actual, target, ratio, met };
  });
}
