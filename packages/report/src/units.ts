/** The units file (`content/units.yaml`): every unit with its lineage. */
import { UNIT_KINDS, type Unit } from '@congkhai/indicators';
import { stringify } from 'yaml';
import { z } from 'zod';
import type { FileError, Parsed } from './errors.ts';
import { REPORT_SCHEMA_VERSION, UNIT_ID } from './schema.ts';
import { normalizeText } from './text.ts';
import { errorAt, parseYamlWith } from './yaml.ts';

const date = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/));

const unitSchema = z.strictObject({
  id: z.string().regex(UNIT_ID),
  code: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(z.string().regex(/^\d{5}$/))
    .optional(),
  kind: z.enum(UNIT_KINDS.map((k) => k.id) as [Unit['kind'], ...Unit['kind'][]]),
  name: z.string().min(1),
  district: z.string().min(1).optional(),
  province: z.string().min(1),
  valid_from: date.optional(),
  valid_to: date.optional(),
  formed_from: z
    .array(z.strictObject({ unit: z.string().regex(UNIT_ID), whole: z.boolean() }))
    .optional(),
});

const unitsFileSchema = z.strictObject({
  schema: z.literal(REPORT_SCHEMA_VERSION),
  units: z.array(unitSchema),
});

/** A unit as the units file (and a units CSV) writes it: snake_case, empty strings for blanks. */
export interface UnitRecord {
  readonly id: string;
  readonly code?: string | undefined;
  readonly kind: Unit['kind'];
  readonly name: string;
  readonly district?: string | undefined;
  readonly province: string;
  readonly valid_from?: string | undefined;
  readonly valid_to?: string | undefined;
  readonly formed_from?: readonly { unit: string; whole: boolean }[] | undefined;
}

export function unitFromRecord(u: UnitRecord): Unit {
  return {
    id: u.id,
    ...(u.code ? { code: u.code } : {}),
    kind: u.kind,
    name: u.name,
    ...(u.district ? { district: u.district } : {}),
    province: u.province,
    ...(u.valid_from ? { validFrom: u.valid_from } : {}),
    ...(u.valid_to ? { validTo: u.valid_to } : {}),
    formedFrom: [...(u.formed_from ?? [])],
  };
}

export function parseUnits(input: string): Parsed<Unit[]> {
  const src = { text: normalizeText(input), firstLine: 1 };
  const parsed = parseYamlWith(src, unitsFileSchema);
  if (!parsed.ok) return parsed;
  const units = parsed.value.units.map(unitFromRecord);
  const errors: FileError[] = [];
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u.id)) {
      errors.push(
        errorAt(src, 0, ['units'], {
          vi: `Mã đơn vị "${u.id}" bị trùng.`,
          en: `Unit id "${u.id}" appears twice.`,
        }),
      );
    }
    seen.add(u.id);
  }
  for (const u of units) {
    for (const p of u.formedFrom) {
      if (!seen.has(p.unit)) {
        errors.push(
          errorAt(src, 0, ['units'], {
            vi: `Đơn vị "${u.id}" được hình thành từ "${p.unit}", nhưng không có đơn vị này.`,
            en: `Unit "${u.id}" is formed from "${p.unit}", which is not in the file.`,
          }),
        );
      }
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: units };
}

/**
 * units.yaml in canonical form: units in order of id, so the same units
 * give the same file whoever writes it (the seed, a publish, an admin's
 * edit), and the site sees a change only when there is one.
 */
export function serializeUnits(units: readonly Unit[]): string {
  const ordered = [...units].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return stringify(
    {
      schema: REPORT_SCHEMA_VERSION,
      units: ordered.map((u) => ({
        id: u.id,
        code: u.code,
        kind: u.kind,
        name: u.name,
        district: u.district,
        province: u.province,
        valid_from: u.validFrom,
        valid_to: u.validTo,
        formed_from:
          u.formedFrom.length > 0
            ? u.formedFrom.map((p) => ({ unit: p.unit, whole: p.whole }))
            : undefined,
      })),
    },
    { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' },
  );
}
