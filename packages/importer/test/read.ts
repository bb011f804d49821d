/** What the importer's tests read a text with: the proposed report, or a failure naming why there is none. */
import { importText, type ProposedReport } from '../src/import.ts';

export function readReport(text: string): ProposedReport {
  const r = importText(text);
  if (!r.ok) throw new Error(r.message.en);
  return r.report;
}

/** The proposed figures without their sources, as a reader lists them. */
export const figureValues = (r: ProposedReport) =>
  Object.fromEntries(Object.entries(r.metrics).map(([k, v]) => [k, v.value]));
