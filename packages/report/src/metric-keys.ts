/**
 * A report file nests each metric under its group: `dossiers.received` is
 * written `dossiers: { received: … }`. These two are the one place that
 * says how an id splits into group and key, and how they join again.
 */
import { isMetricId, type MetricDefinition, type MetricId } from '@congkhai/indicators';

/** The key a metric has inside its group: `dossiers.received` -> `received`. */
export function keyInGroup(metric: MetricDefinition): string {
  return metric.id.slice(metric.group.length + 1);
}

/** The metric a group's key names, if the catalog has it: `dossiers`, `received` -> `dossiers.received`. */
export function metricAt(group: string, key: string): MetricId | undefined {
  const id = `${group}.${key}`;
  return isMetricId(id) ? id : undefined;
}
