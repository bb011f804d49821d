import { UNIT_KINDS } from '@congkhai/indicators';
import { unitId } from '@congkhai/report';
import { z } from 'zod';
import { readableUnits } from '../access.ts';
import { audit, listUnits, upsertUnit } from '../store.ts';
import { adminOnly, authed, router } from '../trpc.ts';

const unitInput = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .optional(),
  code: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  kind: z.enum(UNIT_KINDS.map((k) => k.id) as ['xa', 'phuong', 'thi_tran', 'dac_khu']),
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

export const unitsRouter = router({
  list: authed.query(async ({ ctx }) => {
    const units = await listUnits(ctx.db);
    const mine = new Set(readableUnits(ctx.user, units));
    return units.filter((u) => mine.has(u.id));
  }),

  upsert: adminOnly.input(unitInput).mutation(async ({ ctx, input }) => {
    const id = input.id ?? unitId(input.name, input.district, input.province);
    const { district, ...rest } = input;
    await upsertUnit(ctx.db, { ...rest, ...(district ? { district } : {}), id });
    await audit(ctx.db, ctx.user.id, 'unit_upsert', id, input);
    return id;
  }),
});
