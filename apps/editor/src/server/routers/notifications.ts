/** A user's notifications (newest first, with the unread count), and a reviewer's reminder to a unit's editors. */
import { parsePeriod } from '@congkhai/indicators';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { canReview } from '../access.ts';
import { daysBetween, dueOf, readDueDates, vnDate } from '../cycle.ts';
import { nowOf } from '../accounts.ts';
import { cycleLink, editorsOf, notify, reportLink, reportVars, viDate } from '../notifications.ts';
import { audit } from '../store/audit.ts';
import { findReport, getReport } from '../store/reports.ts';
import { listUnits } from '../store/units.ts';
import { text } from '../store/values.ts';
import { authed, router } from '../trpc.ts';

export const notificationsRouter = router({
  list: authed.query(async ({ ctx }) => {
    const rows = (
      await ctx.db.execute({
        sql: 'SELECT id, kind, subject, body, link, created_at, read_at FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT 100',
        args: [ctx.user.id],
      })
    ).rows;
    const unread = Number(
      (
        await ctx.db.execute({
          sql: 'SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL',
          args: [ctx.user.id],
        })
      ).rows[0]?.n ?? 0,
    );
    return {
      unread,
      items: rows.map((r) => ({
        id: Number(r.id),
        kind: text(r.kind),
        subject: text(r.subject),
        body: text(r.body),
        // Links are the editor's own pages: the app opens them by their hash.
        link: r.link === null ? null : text(r.link).replace(/^[^#]*/, ''),
        at: text(r.created_at),
        read: r.read_at !== null,
      })),
    };
  }),

  unread: authed.query(async ({ ctx }) =>
    Number(
      (
        await ctx.db.execute({
          sql: 'SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL',
          args: [ctx.user.id],
        })
      ).rows[0]?.n ?? 0,
    ),
  ),

  /** Marks the given notifications read, or all of them. */
  markRead: authed
    .input(z.object({ ids: z.array(z.number().int()).max(500).optional() }))
    .mutation(async ({ ctx, input }) => {
      const at = new Date().toISOString();
      if (input.ids === undefined)
        await ctx.db.execute({
          sql: 'UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL',
          args: [at, ctx.user.id],
        });
      else if (input.ids.length > 0)
        await ctx.db.execute({
          sql: `UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND id IN (${input.ids.map(() => '?').join(',')})`,
          args: [at, ctx.user.id, ...input.ids],
        });
      return true;
    }),

  /** "Nhắc": a reviewer (or an admin) reminds a unit's editors of a period's report; once a day per unit and period. */
  remind: authed
    .input(z.object({ unit: z.string().max(200), period: z.string().max(40) }))
    .mutation(async ({ ctx, input }) => {
      const unit = (await listUnits(ctx.db)).find((u) => u.id === input.unit);
      if (!unit || (ctx.user.role !== 'admin' && !canReview(ctx.user, unit)))
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: 'Chỉ người duyệt của đơn vị hoặc quản trị nhắc được.',
        });
      const p = parsePeriod(input.period);
      if (!p.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: p.message.vi });
      const editors = await editorsOf(ctx.db, unit.id);
      if (editors.length === 0)
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: `${unit.name} chưa có người biên tập nào được giao; hãy nhờ quản trị giao đơn vị này.`,
        });
      const today = vnDate(nowOf(ctx));
      const due = dueOf(await readDueDates(ctx.db), p.period, unit.province);
      const days = daysBetween(today, due);
      const id = await findReport(ctx.db, unit.id, p.period.id);
      const report = id === undefined ? undefined : await getReport(ctx.db, id);
      if (report && report.status !== 'draft')
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: 'Báo cáo đã được gửi duyệt; không cần nhắc.',
        });
      const told = await notify(
        ctx,
        editors,
        days < 0 ? 'overdue' : 'due_soon',
        `remind:${unit.id}:${p.period.id}:${today}`,
        {
          ...reportVars(unit, p.period.id),
          due: viDate(due),
          days: String(Math.max(0, days)),
          comment: `\n${ctx.user.displayName} nhắc.`,
        },
        report ? reportLink(ctx.env, report.id) : cycleLink(ctx.env, p.period.id),
      );
      await audit(ctx.db, ctx.user.id, 'remind', `${unit.id}/${p.period.id}`, {
        to: told.map((t) => t.name),
      });
      return { told: told.map((t) => t.name), already: editors.length - told.length };
    }),
});
