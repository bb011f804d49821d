/**
 * Report -> file text, canonically: fields in a fixed order, metrics in
 * catalog order, no line folding. serialize(parse(x)) is a fixed point, so a
 * published file changes only where the report changed.
 */
import { METRIC_GROUPS, METRICS, type MetricId } from '@congkhai/indicators';
import { stringify } from 'yaml';
import { keyInGroup } from './metric-keys.ts';
import { normalizeBody } from './parse.ts';
import type { Report } from './report.ts';

function grouped<T>(
  flat: Partial<Record<MetricId, T>>,
): Record<string, Record<string, T>> | undefined {
  const out: Record<string, Record<string, T>> = {};
  for (const g of METRIC_GROUPS) {
    for (const m of METRICS) {
      if (m.group !== g.id) continue;
      const v = flat[m.id];
      if (v === undefined) continue;
      (out[g.id] ??= {})[keyInGroup(m)] = v;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function serializeReport(report: Report): string {
  const fields: Record<string, unknown> = {
    schema: report.schema,
    unit: report.unit,
    period: report.period,
    title: report.title,
    number: report.number,
    issued: report.issued,
    signer: report.signer,
    metrics: grouped(report.metrics) ?? {},
    targets: grouped(report.targets),
    stated_shares: grouped(report.statedShares),
    explanations: grouped(report.explanations),
    published: report.published,
    corrections:
      report.corrections && report.corrections.length > 0
        ? report.corrections.map((c) => ({
            date: c.date,
            reason: c.reason,
            changes:
              grouped(
                Object.fromEntries(
                  c.changes.map((x) => [x.metric, { before: x.before, after: x.after }]),
                ) as Partial<Record<MetricId, { before?: number; after?: number }>>,
              ) ?? {},
            ...(c.text ? { text: true } : {}),
          }))
        : undefined,
  };
  const fm = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const yaml = stringify(fm, {
    lineWidth: 0,
    minContentWidth: 0,
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
  });
  const body = normalizeBody(report.body);
  return `---\n${yaml}---\n${body === '' ? '' : `\n${body}`}`;
}
