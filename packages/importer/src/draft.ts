/**
 * A proposal as the report it proposes: its period's id, its figures
 * without their sources, and the draft report of a unit and period. One
 * place for what the CLI's report file and the editor's bulk import both
 * make of a proposal.
 */
import type { Metrics } from '@congkhai/indicators';
import { REPORT_SCHEMA_VERSION, type Report } from '@congkhai/report';
import type { ProposedPeriod, ProposedReport, SourcedMetrics } from './import.ts';

/** `2023-H1`, or `2021-02-01..2023-06-30` for a custom range. */
export const proposedPeriodId = (p: ProposedPeriod): string => p.label ?? `${p.start}..${p.end}`;

/** The figures, without the sentences they were read from. */
export const figuresOf = (m: SourcedMetrics): Metrics =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.value]));

/** The report a proposal proposes for a unit and period; what the text does not say is left out. */
export function proposedReport(p: ProposedReport, unit: string, period: string): Report {
  return {
    schema: REPORT_SCHEMA_VERSION,
    unit,
    period,
    title: p.title ?? 'Báo cáo',
    ...(p.number ? { number: p.number } : {}),
    ...(p.issued ? { issued: p.issued } : {}),
    ...(p.signer ? { signer: p.signer } : {}),
    metrics: figuresOf(p.metrics),
    targets: figuresOf(p.targets),
    statedShares: figuresOf(p.statedShares),
    explanations: {},
    body: p.body,
  };
}
