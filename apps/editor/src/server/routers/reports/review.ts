/** The review of a report: what stands between a draft and review, sending it, returning it, comparing it with earlier versions. */
import {
  impossibleFigures,
  implausibleFigures,
  largeChanges,
  metricDefinition,
  runChecks,
  statedIds,
  type MetricId,
  type Unit,
} from '@congkhai/indicators';
import { z } from 'zod';
import { refuseIfApproved } from '../../approvals.ts';
import { tellAbout } from '../../notifications.ts';
import { audit } from '../../store/audit.ts';
import { history, setStatus } from '../../store/reports.ts';
import { addComment, workflowEvents } from '../../store/review.ts';
import { authed, router, type Context } from '../../trpc.ts';
import { notesStored, type Stored } from './content.ts';
import { fail, loadReport, requireStatus } from './lookup.ts';
import { previousMetrics, usualFigures } from './usual-figures.ts';

/** Why a report cannot go to review yet: impossible or unusual figures without their line, big moves unexplained. */
async function submitBlockers(
  ctx: Context,
  report: { unit: string; period: string; content: Stored },
  unit: Unit,
  units: readonly Unit[],
) {
  const c = report.content;
  const notes = c.notes ?? {};
  const noted = (id: MetricId) => (notes[id] ?? '').trim() !== '';
  const impossible = impossibleFigures(
    runChecks({ metrics: c.metrics, statedShares: c.statedShares }),
  );
  // An impossible check is explained when one of its figures has a line (the one that is off).
  const warnings = runChecks({ metrics: c.metrics, statedShares: c.statedShares }).filter(
    (w) => w.level === 'impossible' && !statedIds(w.values).some(noted),
  );
  const usual = await usualFigures(ctx, unit, units, report.period);
  const unusual = implausibleFigures(c.metrics, usual.history, usual.peers).filter(
    (f) => !noted(f.metric),
  );
  const prev = await previousMetrics(ctx, report.unit, report.period);
  const unexplained = prev
    ? largeChanges(c.metrics, prev.metrics).filter((id) => !c.explanations[id])
    : [];
  return {
    impossible: warnings.map((w) => ({
      check: w.check,
      metrics: statedIds(w.values),
      message: w.message,
    })),
    impossibleFigures: impossible,
    unusual,
    unexplained,
  };
}
export const reviewRouter = router({
  /**
   * For the reviewer: the current version beside the last published one and
   * the one last returned, and the workflow as it happened.
   */
  compare: authed.input(z.object({ id: z.number().int() })).query(async ({ ctx, input }) => {
    const { report } = await loadReport(ctx, input.id, 'read');
    const events = await workflowEvents(ctx.db, input.id);
    const revisions = await history(ctx.db, input.id);
    const at = (kind: string) => {
      const e = events.filter((x) => x.kind === kind).at(-1);
      const rev = e ? revisions.find((r) => r.version === e.version) : undefined;
      return e && rev
        ? {
            version: rev.version,
            at: e.at,
            content: { ...rev.content, notes: notesStored(rev.content) },
          }
        : null;
    };
    return {
      version: report.version,
      published: at('published'),
      returned: at('returned'),
      events,
    };
  }),

  /** What stands between this draft and review, each naming its figure. */
  blockers: authed.input(z.object({ id: z.number().int() })).query(async ({ ctx, input }) => {
    const { report, unit, units } = await loadReport(ctx, input.id, 'read');
    return submitBlockers(ctx, report, unit, units);
  }),

  submit: authed
    .input(z.object({ id: z.number().int(), comment: z.string().max(2000).default('') }))
    .mutation(async ({ ctx, input }) => {
      const { report, unit, units } = await loadReport(ctx, input.id, 'edit');
      requireStatus(report.status, ['draft'], 'gửi duyệt');
      const b = await submitBlockers(ctx, report, unit, units);
      const names = (ids: readonly MetricId[]) =>
        ids.map((id) => metricDefinition(id).label.vi).join(', ');
      const reasons = [
        ...b.impossible.map((w) => `${w.message.vi} Hãy sửa, hoặc ghi vì sao nguồn ghi như vậy.`),
        ...(b.unusual.length > 0
          ? [`Số liệu khác thường cần một dòng xác nhận: ${names(b.unusual.map((f) => f.metric))}.`]
          : []),
        ...(b.unexplained.length > 0
          ? [
              `Các số liệu thay đổi hơn 50 % so với kỳ trước cần một dòng giải trình: ${names(b.unexplained)}.`,
            ]
          : []),
      ];
      if (reasons.length > 0) {
        throw fail('PRECONDITION_FAILED', reasons.join(' '), {
          unexplained: b.unexplained,
          impossible: b.impossible.map((w) => w.metrics),
          unusual: b.unusual.map((f) => f.metric),
        });
      }
      await setStatus(ctx.db, input.id, 'in_review', ctx.user.id);
      if (input.comment.trim())
        await addComment(ctx.db, input.id, ctx.user.id, input.comment.trim());
      await audit(ctx.db, ctx.user.id, 'report_submit', String(input.id));
      await tellAbout(ctx, 'in_review', report, input.comment);
      return true;
    }),

  returnToDraft: authed
    .input(
      z.object({
        id: z.number().int(),
        comment: z
          .string()
          .trim()
          .min(1, 'Hãy ghi ý kiến để người soạn biết cần sửa gì.')
          .max(2000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { report } = await loadReport(ctx, input.id, 'review');
      requireStatus(report.status, ['in_review'], 'trả lại');
      await refuseIfApproved(ctx.db, report.id);
      await setStatus(ctx.db, input.id, 'draft', ctx.user.id);
      await addComment(ctx.db, input.id, ctx.user.id, input.comment);
      await audit(ctx.db, ctx.user.id, 'report_return', String(input.id));
      await tellAbout(ctx, 'returned', report, input.comment);
      return true;
    }),
});
