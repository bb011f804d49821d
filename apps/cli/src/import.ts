/** `congkhai import`: propose a structured report from a report's text, .docx or PDF. */
import { readFileSync } from 'node:fs';
import { type Locale } from '@congkhai/indicators';
import {
  figuresOf,
  importFile,
  proposedPeriodId,
  proposedReport,
  type ProposedReport,
} from '@congkhai/importer';
import { serializeReport, unitId } from '@congkhai/report';

export interface ImportJson {
  readonly unit: ProposedReport['unit'];
  readonly period: ProposedReport['period'];
  readonly number: string | null;
  readonly issued: string | null;
  readonly title: string | null;
  readonly signer: string | null;
  readonly metrics: Record<string, { value: number; source: string }>;
  readonly targets: Record<string, number>;
  readonly statedShares: Record<string, number>;
  readonly otherPeriods: {
    period: NonNullable<ProposedReport['period']>;
    metrics: Record<string, { value: number; source: string }>;
  }[];
  readonly warnings: { check: string; message: string }[];
}

const withSources = (m: ProposedReport['metrics']) =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, { value: v.value, source: v.source }]));

export function toJson(r: ProposedReport, locale: Locale): ImportJson {
  return {
    unit: r.unit,
    period: r.period,
    number: r.number,
    issued: r.issued,
    title: r.title,
    signer: r.signer,
    metrics: withSources(r.metrics),
    targets: figuresOf(r.targets),
    statedShares: figuresOf(r.statedShares),
    otherPeriods: r.otherPeriods.map((o) => ({
      period: o.period,
      metrics: withSources(o.metrics),
    })),
    warnings: r.warnings.map((w) => ({ check: w.check, message: w.message[locale] })),
  };
}

/** The proposal as a report file, for review; what could not be read is left for the editor. */
export function toReportFile(r: ProposedReport): string {
  return serializeReport(
    proposedReport(
      r,
      r.unit.name ? unitId(r.unit.name, r.unit.district, r.unit.province) : 'chua-ro',
      r.period ? proposedPeriodId(r.period) : '',
    ),
  );
}

export async function importCommand(
  file: string,
): Promise<{ ok: true; report: ProposedReport } | { ok: false; message: Record<Locale, string> }> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return {
      ok: false,
      message: {
        vi: code === 'ENOENT' ? `Không có tệp ${file}.` : `Không đọc được tệp ${file} (${code}).`,
        en: code === 'ENOENT' ? `No such file: ${file}.` : `Cannot read ${file} (${code}).`,
      },
    };
  }
  return importFile(bytes);
}
