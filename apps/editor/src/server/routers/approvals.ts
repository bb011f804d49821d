/** Approving a report in review at a level, and undoing it (back to the editor with a comment). */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { canRead, canReview } from '../access.ts';
import {
  APPROVAL_LEVELS,
  approvalsOf,
  canApproveAt,
  levelName,
  levelsNeeded,
  requiresProvinceApproval,
} from '../approvals.ts';
import {
  commentLine,
  editorsOf,
  notify,
  reportLink,
  reportVars,
  reviewersOf,
} from '../notifications.ts';
import { audit } from '../store/audit.ts';
import { getReport, setStatus } from '../store/reports.ts';
import { addComment } from '../store/review.ts';
import { listUnits } from '../store/units.ts';
import type { User } from '../store/users.ts';
import { authed, router, type Context } from '../trpc.ts';

async function load(ctx: Context & { user: User }, id: number) {
  const report = await getReport(ctx.db, id);
  const unit = report && (await listUnits(ctx.db)).find((u) => u.id === report.unit);
  if (!report || !unit || !canRead(ctx.user, unit))
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Không có báo cáo này.' });
  return { report, unit };
}

export const approvalsRouter = router({
  /** The approvals a report has and the levels its province requires. */
  of: authed.input(z.object({ id: z.number().int() })).query(async ({ ctx, input }) => {
    const { report, unit } = await load(ctx, input.id);
    const needed = await levelsNeeded(ctx.db, unit);
    return {
      approvals: await approvalsOf(ctx.db, report.id),
      needed,
      canApprove: needed.filter((l) => canApproveAt(ctx.user, unit, l)),
      canUnapprove: canReview(ctx.user, unit),
    };
  }),

  approve: authed
    .input(z.object({ id: z.number().int(), level: z.enum(APPROVAL_LEVELS) }))
    .mutation(async ({ ctx, input }) => {
      const { report, unit } = await load(ctx, input.id);
      if (!canApproveAt(ctx.user, unit, input.level))
        throw new TRPCError({
          code: 'FORBIDDEN',
          message:
            input.level === 'province'
              ? `Chỉ người duyệt của ${unit.province} phê duyệt cấp tỉnh.`
              : 'Bạn không duyệt báo cáo của đơn vị này.',
        });
      if (report.status !== 'in_review')
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: 'Chỉ phê duyệt được báo cáo đang chờ duyệt.',
        });
      const have = new Set((await approvalsOf(ctx.db, report.id)).map((a) => a.level));
      if (input.level === 'province' && !(await requiresProvinceApproval(ctx.db, unit.province)))
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: `${unit.province} không yêu cầu phê duyệt cấp tỉnh.`,
        });
      if (input.level === 'province' && !have.has('district'))
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: 'Cần phê duyệt cấp huyện trước khi tỉnh phê duyệt.',
        });
      if (have.has(input.level))
        throw new TRPCError({
          code: 'CONFLICT',
          message: `Báo cáo đã được phê duyệt ${levelName(input.level)}.`,
        });
      await ctx.db.execute({
        sql: 'INSERT INTO report_approvals (report_id, level, user_id, at) VALUES (?, ?, ?, ?)',
        args: [report.id, input.level, ctx.user.id, new Date().toISOString()],
      });
      await audit(ctx.db, ctx.user.id, 'report_approve', String(report.id), {
        level: input.level,
        version: report.version,
      });
      if (input.level === 'district' && (await levelsNeeded(ctx.db, unit)).includes('province'))
        await notify(
          ctx,
          (await reviewersOf(ctx.db, unit, true)).filter((r) => r.id !== ctx.user.id),
          'approval_needed',
          `approval_needed:${String(report.id)}:${String(report.version)}`,
          { ...reportVars(unit, report.period), by: ctx.user.displayName },
          reportLink(ctx.env, report.id),
        );
      return approvalsOf(ctx.db, report.id);
    }),

  /** Undoes every approval and sends the report back to its editors, who are told why. */
  unapprove: authed
    .input(
      z.object({
        id: z.number().int(),
        comment: z
          .string()
          .trim()
          .min(1, 'hãy ghi lý do hủy phê duyệt để người soạn biết cần sửa gì.')
          .max(2000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { report, unit } = await load(ctx, input.id);
      const approvals = await approvalsOf(ctx.db, report.id);
      if (!canReview(ctx.user, unit))
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: 'Bạn không duyệt báo cáo của đơn vị này.',
        });
      if (report.status !== 'in_review' || approvals.length === 0)
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: 'Báo cáo chưa được phê duyệt.',
        });
      // A level is undone by that level or above: a district reviewer does not undo the province.
      if (
        approvals.some((a) => a.level === 'province') &&
        !canApproveAt(ctx.user, unit, 'province')
      )
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: `Tỉnh đã phê duyệt; chỉ người duyệt của ${unit.province} hủy được.`,
        });
      await ctx.db.execute({
        sql: 'DELETE FROM report_approvals WHERE report_id = ?',
        args: [report.id],
      });
      await setStatus(ctx.db, report.id, 'draft', ctx.user.id);
      await addComment(ctx.db, report.id, ctx.user.id, input.comment);
      await audit(ctx.db, ctx.user.id, 'report_unapprove', String(report.id), {
        levels: approvals.map((a) => a.level),
      });
      await notify(
        ctx,
        await editorsOf(ctx.db, unit.id),
        'returned',
        `returned:${String(report.id)}:${new Date().toISOString()}`,
        {
          ...reportVars(unit, report.period),
          by: ctx.user.displayName,
          comment: commentLine(input.comment),
        },
        reportLink(ctx.env, report.id),
      );
      return true;
    }),
});
