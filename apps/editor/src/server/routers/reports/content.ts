/** A report's content as the form sends it: its schema, and the report of the file format it becomes. */
import {
  METRIC_IDS,
  isMetricId,
  metricDefinition,
  statedIds,
  type MetricId,
} from '@congkhai/indicators';
import { REPORT_SCHEMA_VERSION, parseReport, serializeReport, type Report } from '@congkhai/report';
import { z } from 'zod';
import { fail } from './lookup.ts';

/** The catalog's metric ids, as a schema: a figure's key is one of them. */
const metricId = z.enum(METRIC_IDS);

/**
 * Figures keyed by the catalog's metric ids. The ids the catalog does not
 * know are first refused by name, in one message (they used to be dropped
 * without a word, so a figure the user typed could vanish); the figures
 * are then read by the catalog's ids, so they come out typed by them.
 */
const byMetric = <T extends z.ZodType>(value: T) =>
  z
    .record(z.string().max(100), z.unknown())
    .superRefine((m, ctx) => {
      const unknown = Object.keys(m).filter((k) => !isMetricId(k));
      if (unknown.length > 0)
        ctx.addIssue({
          code: 'custom',
          message: `không có trong danh mục chỉ tiêu: ${unknown
            .slice(0, 5)
            .map((k) => `"${k.slice(0, 60)}"`)
            .join(', ')}${unknown.length > 5 ? ` và ${String(unknown.length - 5)} mã khác` : ''}.`,
        });
    })
    .pipe(z.partialRecord(metricId, value));
const figures = byMetric(z.number());
export const contentInput = z.object({
  title: z.string().max(1000),
  number: z.string().max(200).optional(),
  issued: z.string().max(20).optional(),
  signer: z.string().max(200).optional(),
  metrics: figures,
  targets: figures.default({}),
  statedShares: figures.default({}),
  explanations: byMetric(z.string().max(500)).default({}),
  /**
   * A line on any figure: where it came from, why the source says so (an
   * impossible figure), that an unusual one is right. Kept with the revision
   * and shown to the reviewer; not part of the published file.
   */
  notes: byMetric(z.string().max(500)).default({}),
  // A 5 MB paste is kept as written; past this the message says so.
  body: z
    .string()
    .max(6_000_000, 'dài quá 6.000.000 ký tự; hãy rút gọn, hoặc chia thành nhiều báo cáo.'),
});
export type ContentInput = z.infer<typeof contentInput>;

/** The lines written on figures, without the blank ones. */
function written(lines: Partial<Record<MetricId, string>>): Partial<Record<MetricId, string>> {
  const out: Partial<Record<MetricId, string>> = {};
  for (const id of statedIds(lines)) {
    const line = lines[id];
    if (line !== undefined && line.trim() !== '') out[id] = line;
  }
  return out;
}
/** The content of a revision: the report, and the editor's notes on its figures. */
export type Stored = Report & { readonly notes?: Partial<Record<MetricId, string>> };

/** The notes of a stored revision (revisions before notes existed have none). */
export const notesStored = (c: Stored): Partial<Record<MetricId, string>> => c.notes ?? {};

export const notesOf = (c: ContentInput) => written(c.notes);

/** Fields of the form by their labels, for messages: "Ngày ban hành", never "(issued)". */
const FIELD_LABELS: Record<string, string> = {
  issued: 'Ngày ban hành',
  number: 'Số hiệu',
  signer: 'Người ký',
  title: 'Tiêu đề',
  period: 'Kỳ báo cáo',
  unit: 'Đơn vị',
};
function fieldLabel(path: string): string {
  const key = path.split('.')[0] ?? path;
  if (FIELD_LABELS[key]) return FIELD_LABELS[key];
  const id = path.split('.').slice(1).join('.');
  return isMetricId(id) ? metricDefinition(id).label.vi : path;
}

/** Content from the form, as a report of the file format; rejected with the format's own messages when invalid. */
export function toReport(unit: string, period: string, c: ContentInput): Report {
  const report: Report = {
    schema: REPORT_SCHEMA_VERSION,
    unit,
    period,
    title: c.title.trim() === '' ? 'Báo cáo' : c.title.trim(),
    ...(c.number?.trim() ? { number: c.number.trim() } : {}),
    ...(c.issued?.trim() ? { issued: c.issued.trim() } : {}),
    ...(c.signer?.trim() ? { signer: c.signer.trim() } : {}),
    metrics: c.metrics,
    targets: c.targets,
    statedShares: c.statedShares,
    explanations: written(c.explanations),
    body: c.body,
  };
  const back = parseReport(serializeReport(report));
  if (!back.ok) {
    // Each message names its field by the label the form shows.
    const named = back.errors.map((e) => {
      const label = fieldLabel(e.path);
      const strip = (m: string) => m.replace(/\s*\([a-z_.]+\)/g, '');
      return {
        path: e.path,
        label,
        message: { vi: strip(e.message.vi), en: strip(e.message.en) },
      };
    });
    throw fail('BAD_REQUEST', named.map((e) => e.message.vi).join(' '), { errors: named });
  }
  return back.value;
}
