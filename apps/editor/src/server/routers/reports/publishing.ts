/** Publishing a reviewed report to the content folder, and withdrawing it. */
import { SUM_CHECKS, runChecks } from '@congkhai/indicators';
import { reportPage } from '@congkhai/site/addresses';
import { z } from 'zod';
import { requireApprovals } from '../../approvals.ts';
import { tellAbout } from '../../notifications.ts';
import { CorrectionReasonRequired, publishReport, withdrawReport } from '../../publish.ts';
import { audit } from '../../store/audit.ts';
import { setStatus } from '../../store/reports.ts';
import { addComment } from '../../store/review.ts';
import { authed, router } from '../../trpc.ts';
import { fail, loadReport, requireStatus } from './lookup.ts';

export const publishingRouter = router({
  publish: authed
    .input(
      z.object({
        id: z.number().int(),
        confirmWarnings: z.boolean().default(false),
        /** Why a published report is published again with changed content (the correction log). */
        reason: z.string().trim().max(2000).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { report, unit, units } = await loadReport(ctx, input.id, 'review');
      requireStatus(report.status, ['in_review'], 'công bố');
      await requireApprovals(ctx.db, report.id, unit);
      const sumIds = new Set<string>(SUM_CHECKS.map((c) => c.id));
      const failing = runChecks({
        metrics: report.content.metrics,
        statedShares: report.content.statedShares,
      }).filter((w) => sumIds.has(w.check));
      if (failing.length > 0 && !input.confirmWarnings) {
        throw fail(
          'PRECONDITION_FAILED',
          'Báo cáo có số liệu cộng không khớp. Hãy xác nhận công bố nguyên văn, hoặc trả lại để sửa.',
          { warnings: failing.map((w) => w.message) },
        );
      }
      const { file, correction } = await publishReport(ctx.env.contentDir, report.content, units, {
        ...(input.reason ? { reason: input.reason } : {}),
      }).catch((e: unknown) => {
        if (!(e instanceof CorrectionReasonRequired)) throw e;
        throw fail(
          'PRECONDITION_FAILED',
          'Báo cáo này đã được công bố: hãy ghi lý do đính chính, để người đọc biết vì sao số liệu thay đổi.',
          { reasonRequired: true },
        );
      });
      await setStatus(ctx.db, input.id, 'published', ctx.user.id);
      await audit(ctx.db, ctx.user.id, 'report_publish', String(input.id), {
        file,
        ...(correction ? { correction } : {}),
        confirmedWarnings: failing.map((w) => w.check),
      });
      await tellAbout(ctx, 'published', report);
      ctx.onContentChanged({
        reason: `công bố / publish ${report.unit}/${report.period}`,
        unit: report.unit,
        by: ctx.user.username,
      });
      return { url: reportPage(report.unit, report.period) };
    }),

  withdraw: authed
    .input(
      z.object({
        id: z.number().int(),
        comment: z.string().trim().min(1, 'hãy ghi lý do rút công bố.').max(2000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { report } = await loadReport(ctx, input.id, 'review');
      requireStatus(report.status, ['published'], 'rút');
      await withdrawReport(ctx.env.contentDir, report.content);
      await setStatus(ctx.db, input.id, 'withdrawn', ctx.user.id);
      await addComment(ctx.db, input.id, ctx.user.id, input.comment);
      await audit(ctx.db, ctx.user.id, 'report_withdraw', String(input.id));
      ctx.onContentChanged({
        reason: `rút / withdraw ${report.unit}/${report.period}`,
        unit: report.unit,
        by: ctx.user.username,
      });
      return true;
    }),
});
