/**
 * Correcting a published report. Withdrawing removes the public page; a
 * correction does not: the report is reopened as a draft while the
 * published file stays live, and the reviewer's next publish writes the
 * corrected version with its reason into the correction log (publish.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { reportPath } from '@congkhai/report';
import { reportPage } from '@congkhai/site/addresses';
import { z } from 'zod';
import { canEdit, canReview } from '../../access.ts';
import { tellAbout } from '../../notifications.ts';
import { audit } from '../../store/audit.ts';
import { setStatus } from '../../store/reports.ts';
import { addComment } from '../../store/review.ts';
import { authed, router, type Context } from '../../trpc.ts';
import { fail, loadReport } from './lookup.ts';

const publicFile = (ctx: Context, report: { unit: string; period: string }) =>
  join(ctx.env.contentDir, reportPath(report.unit, report.period));

export const correctionsRouter = router({
  /**
   * Whether the report has a page on the public site now: a draft or a
   * report in review that has one is a correction in progress, and its
   * publish will ask for the reason.
   */
  publicPage: authed.input(z.object({ id: z.number().int() })).query(async ({ ctx, input }) => {
    const { report } = await loadReport(ctx, input.id, 'read');
    return existsSync(publicFile(ctx, report))
      ? { live: true as const, path: reportPage(report.unit, report.period) }
      : { live: false as const, path: null };
  }),

  /**
   * Published → draft, for the unit's editor or its reviewer. The public
   * file is left as it is; approvals given to the published version are
   * undone, since the corrected figures are approved again.
   */
  reopenForCorrection: authed
    .input(
      z.object({
        id: z.number().int(),
        comment: z.string().trim().max(2000).default(''),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { report, unit } = await loadReport(ctx, input.id, 'read');
      const byReviewer = canReview(ctx.user, unit);
      if (!canEdit(ctx.user, unit) && !byReviewer)
        throw fail(
          'FORBIDDEN',
          'Chỉ người soạn hoặc người duyệt của đơn vị này đính chính được báo cáo.',
        );
      if (report.status !== 'published')
        throw fail('PRECONDITION_FAILED', 'Chỉ đính chính được báo cáo đã công bố.');
      await ctx.db.execute({
        sql: 'DELETE FROM report_approvals WHERE report_id = ?',
        args: [report.id],
      });
      await setStatus(ctx.db, report.id, 'draft', ctx.user.id);
      if (input.comment) await addComment(ctx.db, report.id, ctx.user.id, input.comment);
      await audit(ctx.db, ctx.user.id, 'report_reopen_correction', String(report.id), {
        version: report.version,
        file: publicFile(ctx, report),
      });
      // A reviewer who reopens it hands it to the editors, as a return does.
      if (byReviewer) await tellAbout(ctx, 'returned', report, input.comment);
      return true;
    }),
});
