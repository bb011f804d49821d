import { UNIT_KINDS, type UnitKind } from '@congkhai/indicators';
import { unitFromRecord, unitId } from '@congkhai/report';
import { TRPCError } from '@trpc/server';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { readableUnits } from '../access.ts';
import { provincesRequiringApproval } from '../approvals.ts';
import { publishUnits } from '../publish.ts';
import { audit } from '../store/audit.ts';
import { listUnits, upsertUnit } from '../store/units.ts';
import { adminOnly, authed, router, type Context } from '../trpc.ts';

/** The catalog's unit kinds, for the schemas: a kind added there is accepted here. */
const UNIT_KIND_IDS: readonly UnitKind[] = UNIT_KINDS.map((k) => k.id);

const unitInput = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .optional(),
  code: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  kind: z.enum(UNIT_KIND_IDS),
  name: z.string().trim().min(1).max(100),
  district: z.string().trim().max(100).optional(),
  province: z.string().trim().min(1).max(100),
  validFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  validTo: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  formedFrom: z.array(z.object({ unit: z.string(), whole: z.boolean() })).default([]),
});

const csvRow = z.object({
  code: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, 'mã 5 chữ số'),
  name: z.string().trim().min(1, 'thiếu tên'),
  kind: z.enum(UNIT_KIND_IDS, {
    error: `loại phải là ${UNIT_KIND_IDS.slice(0, -1).join(', ')} hoặc ${UNIT_KIND_IDS.at(-1) ?? ''}`,
  }),
  district: z.string().trim(),
  province: z.string().trim().min(1, 'thiếu tỉnh'),
  valid_from: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'ngày dạng 2025-07-01'),
  valid_to: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'ngày dạng 2025-06-30'),
});

/** Units are public (names, districts, mergers): an admin's change goes to the site at once. */
async function publishUnitList(ctx: Context, what: string): Promise<void> {
  if (await publishUnits(ctx.env.contentDir, await listUnits(ctx.db)))
    ctx.onContentChanged({
      reason: `đơn vị / units ${what}`,
      ...(ctx.user ? { by: ctx.user.username } : {}),
    });
}

export const unitsRouter = router({
  list: authed.query(async ({ ctx }) => {
    const units = await listUnits(ctx.db);
    const mine = new Set(readableUnits(ctx.user, units));
    return units.filter((u) => mine.has(u.id));
  }),

  /** Every province, by name, with whether it requires its own approval after the district's (admin). */
  provinces: authed.query(async ({ ctx }) => {
    const units = await listUnits(ctx.db);
    const mine = new Set(readableUnits(ctx.user, units));
    const strict = await provincesRequiringApproval(ctx.db);
    const names = [...new Set(units.filter((u) => mine.has(u.id)).map((u) => u.province))].sort(
      new Intl.Collator('vi').compare,
    );
    return names.map((name) => ({
      name,
      units: units.filter((u) => u.province === name).length,
      provinceApproval: strict.has(name),
    }));
  }),

  /** A province's approval after the district's, before publishing: off by default. */
  setProvinceApproval: adminOnly
    .input(z.object({ province: z.string().trim().min(1).max(100), required: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      if (!(await listUnits(ctx.db)).some((u) => u.province === input.province))
        throw new TRPCError({ code: 'NOT_FOUND', message: `Không có tỉnh "${input.province}".` });
      await ctx.db.execute({
        sql: `INSERT INTO province_settings (province, province_approval) VALUES (?, ?)
              ON CONFLICT (province) DO UPDATE SET province_approval = excluded.province_approval`,
        args: [input.province, input.required ? 1 : 0],
      });
      await audit(ctx.db, ctx.user.id, 'province_approval', input.province, {
        required: input.required,
      });
      return true;
    }),

  /** A units CSV with the header code,name,kind,district,province,valid_from,valid_to: all rows or none. */
  importCsv: adminOnly
    .input(z.object({ csv: z.string().min(1).max(5_000_000) }))
    .mutation(async ({ ctx, input }) => {
      let records: Record<string, string>[];
      try {
        records = parse<Record<string, string>>(input.csv.replace(/^\uFEFF/, ''), {
          columns: true,
          skip_empty_lines: true,
          trim: true,
        });
      } catch (e) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Tệp CSV không đọc được: ${(e as Error).message}`,
        });
      }
      const problems: string[] = [];
      const units = records.flatMap((rec, i) => {
        const r = csvRow.safeParse({
          code: '',
          district: '',
          valid_from: '',
          valid_to: '',
          ...rec,
        });
        if (!r.success) {
          problems.push(
            `Dòng ${String(i + 2)}: ${r.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`,
          );
          return [];
        }
        const u = r.data;
        return [unitFromRecord({ ...u, id: unitId(u.name, u.district || null, u.province) })];
      });
      if (problems.length > 0)
        throw new TRPCError({ code: 'BAD_REQUEST', message: problems.slice(0, 20).join(' · ') });
      for (const u of units) await upsertUnit(ctx.db, u);
      await audit(ctx.db, ctx.user.id, 'units_import', `${String(units.length)} units`);
      await publishUnitList(ctx, `${String(units.length)} đơn vị / units`);
      return units.length;
    }),

  upsert: adminOnly.input(unitInput).mutation(async ({ ctx, input }) => {
    const id = input.id ?? unitId(input.name, input.district, input.province);
    const { district, ...rest } = input;
    const known = new Set((await listUnits(ctx.db)).map((u) => u.id));
    const unknown = input.formedFrom.filter((p) => !known.has(p.unit) || p.unit === id);
    if (unknown.length > 0) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `Không có đơn vị tiền thân: ${unknown.map((p) => p.unit).join(', ')}.`,
      });
    }
    await upsertUnit(ctx.db, { ...rest, ...(district ? { district } : {}), id });
    await audit(ctx.db, ctx.user.id, 'unit_upsert', id, input);
    await publishUnitList(ctx, id);
    return id;
  }),
});
