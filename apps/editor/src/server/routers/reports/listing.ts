/** Finding and reading reports: the list, its pages, one report with what it is compared with, its history. */
import { foldVietnamese, plausibleRanges } from '@congkhai/indicators';
import { z } from 'zod';
import { canEdit, canReview, readableUnits } from '../../access.ts';
import { REPORT_STATUSES, history, listReports, pageReports } from '../../store/reports.ts';
import { comments } from '../../store/review.ts';
import { listUnits } from '../../store/units.ts';
import { authed, router } from '../../trpc.ts';
import { notesStored } from './content.ts';
import { loadReport } from './lookup.ts';
import { previousMetrics, usualFigures } from './usual-figures.ts';

export const listingRouter = router({
  /** The report list a page at a time: search by unit name, filter by period, status and district, and the total. */
  page: authed
    .input(
      z.object({
        unitText: z.string().max(200).default(''),
        district: z.string().max(200).default(''),
        period: z.string().max(40).default(''),
        status: z.enum(REPORT_STATUSES).optional(),
        offset: z.number().int().min(0).max(1_000_000).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(async ({ ctx, input }) => {
      const units = await listUnits(ctx.db);
      const mine = new Set(readableUnits(ctx.user, units));
      const q = foldVietnamese(input.unitText.trim().toLowerCase());
      const chosen = units.filter(
        (u) =>
          mine.has(u.id) &&
          (input.district === '' || u.district === input.district) &&
          (q === '' ||
            foldVietnamese(`${u.name} ${u.district ?? ''} ${u.id}`.toLowerCase()).includes(q)),
      );
      const r = await pageReports(
        ctx.db,
        {
          units: chosen.map((u) => u.id),
          ...(input.status ? { status: input.status } : {}),
          ...(input.period ? { period: input.period } : {}),
        },
        { offset: input.offset, limit: input.limit },
      );
      return { ...r, offset: input.offset, limit: input.limit };
    }),

  list: authed
    .input(
      z
        .object({
          unit: z.string().optional(),
          period: z.string().optional(),
          status: z.enum(REPORT_STATUSES).optional(),
          text: z.string().max(200).optional(),
        })
        .default({}),
    )
    .query(async ({ ctx, input }) => {
      const units = await listUnits(ctx.db);
      const mine = readableUnits(ctx.user, units);
      return listReports(ctx.db, {
        units: input.unit ? mine.filter((u) => u === input.unit) : mine,
        ...(input.status ? { status: input.status } : {}),
        ...(input.period ? { period: input.period } : {}),
        ...(input.text ? { text: input.text } : {}),
      });
    }),

  get: authed.input(z.object({ id: z.number().int() })).query(async ({ ctx, input }) => {
    const { report, unit, units } = await loadReport(ctx, input.id, 'read');
    const usual = await usualFigures(ctx, unit, units, report.period);
    return {
      ...report,
      // The notes on figures live in the revision beside the report.
      content: { ...report.content, notes: notesStored(report.content) },
      unitInfo: unit,
      ranges: plausibleRanges(usual.history, usual.peers),
      canEdit: canEdit(ctx.user, unit) && report.status === 'draft',
      canReview: canReview(ctx.user, unit),
      previous: await previousMetrics(ctx, report.unit, report.period),
      comments: await comments(ctx.db, report.id),
    };
  }),

  history: authed.input(z.object({ id: z.number().int() })).query(async ({ ctx, input }) => {
    await loadReport(ctx, input.id, 'read');
    return history(ctx.db, input.id);
  }),
});
