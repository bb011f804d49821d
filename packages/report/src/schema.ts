/**
 * The frontmatter schema, generated from the metric catalog: each metric
 * group is an object of its metrics, so an unknown id, a figure written as
 * text or a negative count is caught with its exact path.
 */
import {
  METRIC_GROUPS,
  metricsInGroup,
  type MetricDefinition,
  type MetricGroupId,
} from '@congkhai/indicators';
import { z } from 'zod';
import { keyInGroup } from './metric-keys.ts';

/** The format version this code writes and reads. */
export const REPORT_SCHEMA_VERSION = 1;

export const UNIT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISSUED = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

const countValue = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const percentValue = z.number();

type ValueFor = (m: MetricDefinition) => z.ZodType | undefined;

function groupedMetrics(valueFor: ValueFor) {
  const groups: Record<string, z.ZodType> = {};
  for (const g of METRIC_GROUPS) {
    const fields: Record<string, z.ZodType> = {};
    for (const m of metricsInGroup(g.id)) {
      const v = valueFor(m);
      if (v) fields[keyInGroup(m)] = v.optional();
    }
    if (Object.keys(fields).length > 0) groups[g.id] = z.strictObject(fields).nullish();
  }
  return z.strictObject(groups).nullish();
}

/** Text fields may arrive as numbers from YAML (`number: 52`). */
const textField = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

/** Astro's YAML parser turns `2023-07-07` into a Date; the `yaml` package keeps a string. Accept both. */
const issued = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
  .pipe(z.string().regex(ISSUED));

const day = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
  .pipe(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/));

/** A figure before and after a correction; a side is absent where the figure was (or became) not stated. */
const figurePair = z.strictObject({ before: z.number().optional(), after: z.number().optional() });

const correctionSchema = z.strictObject({
  date: day,
  reason: textField.pipe(z.string().min(1).max(2000)),
  changes: groupedMetrics(() => figurePair),
  text: z.boolean().optional(),
});

export const frontmatterSchema = z.strictObject({
  schema: z.literal(REPORT_SCHEMA_VERSION),
  unit: z.string().regex(UNIT_ID),
  period: z.union([z.string(), z.number()]).transform((v) => String(v).trim()),
  title: textField.pipe(z.string().min(1)),
  number: textField.optional(),
  issued: issued.optional(),
  signer: textField.optional(),
  metrics: groupedMetrics((m) => (m.kind === 'count' ? countValue : percentValue)),
  targets: groupedMetrics((m) => (m.kind === 'count' ? countValue : percentValue)),
  stated_shares: groupedMetrics((m) => (m.partOf ? z.number().min(0).max(100) : undefined)),
  explanations: groupedMetrics(() => z.string().min(1).max(500)),
  published: day.optional(),
  corrections: z.array(correctionSchema).optional(),
});

export { day as dayField };

/** Every key the schema knows at each level, for "did you mean" suggestions. */
export const TOP_LEVEL_KEYS = Object.keys(frontmatterSchema.shape);
export const GROUP_KEYS: readonly MetricGroupId[] = METRIC_GROUPS.map((g) => g.id);
