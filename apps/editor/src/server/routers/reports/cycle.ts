/** The reporting cycle: the periods a unit is expected to report, who has reported a period, when reports are due. */
import { expectedPeriods, parsePeriod, periodLabel } from '@congkhai/indicators';
import { z } from 'zod';
import { canRead } from '../../access.ts';
import { cycleOf } from '../../cycle-view.ts';
import { publishDueDates } from '../../publish.ts';
import { audit } from '../../store/audit.ts';
import { listReports } from '../../store/reports.ts';
import { text } from '../../store/values.ts';
import { authed, router } from '../../trpc.ts';
import { fail, loadUnit } from './lookup.ts';

export const cycleRouter = router({
  /** The periods the cycle expects of a unit, labelled in words, the due one first. */
  expectedPeriods: authed
    .input(z.object({ unit: z.string().max(200) }))
    .query(async ({ ctx, input }) => {
      const { unit } = await loadUnit(ctx, input.unit);
      if (!canRead(ctx.user, unit)) throw fail('NOT_FOUND', `Không có đơn vị "${input.unit}".`);
      const rows = (
        await ctx.db.execute({
          sql: "SELECT period, province, due FROM period_due WHERE province IN ('', ?)",
          args: [unit.province],
        })
      ).rows;
      // A province's own due date wins over the country's.
      const due = new Map<string, string>();
      for (const r of rows)
        if (text(r.province) === '' && !due.has(text(r.period)))
          due.set(text(r.period), text(r.due));
      for (const r of rows) if (text(r.province) !== '') due.set(text(r.period), text(r.due));
      const reported = new Set(
        (await listReports(ctx.db, { units: [unit.id] })).map((r) => r.period),
      );
      const today = new Date().toISOString().slice(0, 10);
      return expectedPeriods(
        today,
        [...due].map(([period, d]) => ({ period, due: d })),
        reported,
      ).map((e) => {
        const p = parsePeriod(e.id);
        return {
          ...e,
          label: p.ok
            ? { vi: periodLabel(p.period, 'vi'), en: periodLabel(p.period, 'en') }
            : { vi: e.id, en: e.id },
          overdue: e.due !== null && today > e.due,
        };
      });
    }),

  /**
   * The reporting cycle of a period (by default the one now due): who has
   * published, who has a draft, who has nothing yet, with their editors.
   */
  cycle: authed
    .input(z.object({ period: z.string().max(40).optional() }).default({}))
    .query(({ ctx, input }) => cycleOf(ctx, input.period)),

  /**
   * When a period's reports are due: an admin for the whole country or a
   * province, a reviewer for the provinces they review only.
   */
  setDue: authed
    .input(
      z.object({
        period: z.string().max(40),
        due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        province: z.string().trim().min(1).max(100).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      let province = input.province ?? '';
      if (ctx.user.role === 'reviewer') {
        const own = ctx.user.provinces;
        if (!input.province && own.length === 1) province = own[0] ?? '';
        if (!own.includes(province))
          throw fail(
            'FORBIDDEN',
            own.length === 0
              ? 'Chỉ người duyệt của một tỉnh hoặc quản trị đặt hạn nộp.'
              : `Bạn chỉ đặt được hạn nộp cho tỉnh mình duyệt (${own.join(', ')}).`,
          );
      } else if (ctx.user.role !== 'admin') {
        throw fail('FORBIDDEN', 'Chỉ người duyệt hoặc quản trị đặt hạn nộp.');
      }
      const p = parsePeriod(input.period);
      if (!p.ok) throw fail('BAD_REQUEST', p.message.vi);
      await ctx.db.execute({
        sql: 'INSERT INTO period_due (period, province, due) VALUES (?, ?, ?) ON CONFLICT (period, province) DO UPDATE SET due = excluded.due',
        args: [p.period.id, province, input.due],
      });
      await audit(ctx.db, ctx.user.id, 'period_due', p.period.id, { due: input.due, province });
      // The public site says who reported on time: it reads the due dates from the content folder.
      const all = (await ctx.db.execute('SELECT period, province, due FROM period_due')).rows;
      const dates = all.map((r) => ({
        period: text(r.period),
        province: text(r.province),
        due: text(r.due),
      }));
      if (await publishDueDates(ctx.env.contentDir, dates))
        ctx.onContentChanged({
          reason: `hạn nộp / due date ${p.period.id}`,
          by: ctx.user.username,
        });
      return true;
    }),
});
