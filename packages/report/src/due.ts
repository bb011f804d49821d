/**
 * When each period's reports are due (`due.yaml` in the content folder),
 * for the whole country or for one province, as the editor's `period_due`
 * table holds them. The site reads it to say who reported on time.
 */
import { parsePeriod } from '@congkhai/indicators';
import { stringify } from 'yaml';
import { z } from 'zod';
import type { FileError, Parsed } from './errors.ts';
import { REPORT_SCHEMA_VERSION, dayField } from './schema.ts';
import { normalizeText } from './text.ts';
import { errorAt, parseYamlWith, valueOffset } from './yaml.ts';

export interface DueDate {
  /** Canonical period id. */
  readonly period: string;
  /** '' for the whole country. */
  readonly province: string;
  /** `YYYY-MM-DD`: a report published on this day is on time. */
  readonly due: string;
}

const dueFileSchema = z.strictObject({
  schema: z.literal(REPORT_SCHEMA_VERSION),
  due: z.array(
    z.strictObject({
      period: z.union([z.string(), z.number()]).transform((v) => String(v).trim()),
      province: z.string().min(1).optional(),
      due: dayField,
    }),
  ),
});

const byKey = (a: DueDate, b: DueDate) =>
  a.period < b.period
    ? -1
    : a.period > b.period
      ? 1
      : a.province < b.province
        ? -1
        : a.province > b.province
          ? 1
          : 0;

export function parseDueDates(input: string): Parsed<DueDate[]> {
  const src = { text: normalizeText(input), firstLine: 1 };
  const parsed = parseYamlWith(src, dueFileSchema);
  if (!parsed.ok) return parsed;
  const at = (path: PropertyKey[]) => (parsed.doc ? valueOffset(parsed.doc, path) : 0);
  const errors: FileError[] = [];
  const out: DueDate[] = [];
  const seen = new Set<string>();
  parsed.value.due.forEach((d, i) => {
    const p = parsePeriod(d.period);
    if (!p.ok) {
      errors.push(errorAt(src, at(['due', i, 'period']), ['due', i, 'period'], p.message));
      return;
    }
    const key = `${p.period.id}\u0000${d.province ?? ''}`;
    if (seen.has(key)) {
      errors.push(
        errorAt(src, at(['due', i]), ['due', i], {
          vi: `Hạn nộp kỳ ${p.period.id}${d.province ? ` của ${d.province}` : ''} được ghi hai lần.`,
          en: `The due date of ${p.period.id}${d.province ? ` for ${d.province}` : ''} is written twice.`,
        }),
      );
    }
    seen.add(key);
    out.push({ period: p.period.id, province: d.province ?? '', due: d.due });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: out.sort(byKey) };
}

/** due.yaml in canonical form: by period, the national date before the provinces'. */
export function serializeDueDates(dates: readonly DueDate[]): string {
  return stringify(
    {
      schema: REPORT_SCHEMA_VERSION,
      due: [...dates].sort(byKey).map((d) => ({
        period: d.period,
        ...(d.province ? { province: d.province } : {}),
        due: d.due,
      })),
    },
    { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' },
  );
}

/** The due date of a unit's report: its province's own, else the national one. */
export function dueFor(
  dates: readonly DueDate[],
  period: string,
  province: string,
): string | undefined {
  let national: string | undefined;
  for (const d of dates) {
    if (d.period !== period) continue;
    if (d.province === province) return d.due;
    if (d.province === '') national = d.due;
  }
  return national;
}
