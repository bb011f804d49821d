/** Drafting a report: creating it (blank, from the previous one, or imported), saving with conflict detection, restoring a version, who else has it open. */
import {
  parsePeriod,
  periodLabel,
  previousPeriod,
  runChecks,
  type Period,
} from '@congkhai/indicators';
import { z } from 'zod';
import { canEdit } from '../../access.ts';
import { audit } from '../../store/audit.ts';
import { addRevision, findReport, getReport, history, insertReport } from '../../store/reports.ts';
import { text } from '../../store/values.ts';
import { timed } from '../../timing.ts';
import { authed, router } from '../../trpc.ts';
import {
  contentInput,
  notesOf,
  notesStored,
  toReport,
  type ContentInput,
  type Stored,
} from './content.ts';
import { fail, loadReport, loadUnit, requireStatus } from './lookup.ts';

/** A title written for one period, for the next: "6 tháng đầu năm 2023" becomes "6 tháng cuối năm 2023". */
function retitle(title: string, from: string, to: Period): string {
  const old = parsePeriod(from);
  if (!old.ok) return title;
  const was = periodLabel(old.period, 'vi');
  const now = periodLabel(to, 'vi');
  const at = title.toLowerCase().indexOf(was.toLowerCase());
  if (at >= 0) {
    // Keep the title's own capitalisation of the first letter.
    const first = title.charAt(at);
    const words = first === first.toUpperCase() ? now : now.charAt(0).toLowerCase() + now.slice(1);
    return title.slice(0, at) + words + title.slice(at + was.length);
  }
  // A title without the old period's words: the years, then the new period said at the end.
  if (old.period.year !== to.year && title.includes(String(old.period.year)))
    return title.replaceAll(String(old.period.year), String(to.year));
  return `${title} ${now.charAt(0).toLowerCase()}${now.slice(1)}`;
}
/** A revision's content as compared for "unchanged": notes always present, last (revisions before notes existed have none). */
const storedForm = (c: Stored): string => JSON.stringify({ ...c, notes: notesStored(c) });

/** Presence expires this long after the last heartbeat (the client beats every 15 s): a closed tab is gone within a minute. */
export const PRESENCE_TTL_MS = 40_000;
export const draftingRouter = router({
  create: authed
    .input(
      z.object({
        unit: z.string(),
        period: z.string(),
        from: z.enum(['blank', 'previous']).default('blank'),
        content: contentInput.optional(),
        note: z.string().max(200).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { unit } = await loadUnit(ctx, input.unit);
      if (!canEdit(ctx.user, unit))
        throw fail('FORBIDDEN', 'Bạn chỉ tạo được báo cáo của đơn vị được giao.');
      const p = parsePeriod(input.period);
      if (!p.ok) throw fail('BAD_REQUEST', p.message.vi);
      if ((await findReport(ctx.db, unit.id, p.period.id)) !== undefined)
        throw fail('CONFLICT', 'Đơn vị đã có báo cáo cho kỳ này.');
      let content: ContentInput = input.content ?? {
        title: 'Báo cáo kết quả công tác cải cách hành chính',
        metrics: {},
        targets: {},
        statedShares: {},
        explanations: {},
        notes: {},
        body: '',
      };
      if (!input.content && input.from === 'previous') {
        // The structure of the previous report: its headings and targets, figures left empty.
        // (Any previous report will do, published or not: no figure is copied.)
        const before = previousPeriod(p.period);
        const prevId = before ? await findReport(ctx.db, unit.id, before.id) : undefined;
        const prevReport = prevId === undefined ? undefined : await getReport(ctx.db, prevId);
        if (prevReport) {
          content = {
            ...content,
            title: retitle(prevReport.content.title, before?.id ?? '', p.period),
            targets: prevReport.content.targets,
            body: prevReport.content.body
              .split('\n')
              .filter((l) => l.startsWith('#'))
              .join('\n\n'),
          };
        }
      }
      const report = toReport(unit.id, p.period.id, content);
      const id = await insertReport(ctx.db, report, 'draft', ctx.user.id, input.note);
      await audit(ctx.db, ctx.user.id, 'report_create', `${unit.id}/${p.period.id}`, {
        from: input.content ? 'import' : input.from,
      });
      return id;
    }),

  save: authed
    .input(
      z.object({
        id: z.number().int(),
        baseVersion: z.number().int(),
        content: contentInput,
        note: z.string().max(200).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const timing = ctx.timing;
      timing?.lap('validate');
      const { report } = await timed(timing, 'load', () => loadReport(ctx, input.id, 'edit'));
      requireStatus(report.status, ['draft'], 'sửa');
      // Nothing is overwritten: the client shows both versions and keeps its text.
      const conflict = (theirs: typeof report) =>
        fail(
          'CONFLICT',
          `Báo cáo đã được ${theirs.updatedBy ?? 'người khác'} lưu (phiên bản ${String(theirs.version)}) sau khi bạn mở. Hãy xem hai bản và chọn.`,
          { version: theirs.version, content: theirs.content, updatedBy: theirs.updatedBy },
        );
      if (report.version !== input.baseVersion) throw conflict(report);
      const next: Stored = timed(timing, 'roundtrip', () => ({
        ...toReport(report.unit, report.period, input.content),
        notes: notesOf(input.content),
      }));
      const checks = () =>
        timed(timing, 'checks', () =>
          runChecks({ metrics: next.metrics, statedShares: next.statedShares }),
        );
      // A save of what is already stored (a second click, an autosave after a
      // manual save) is no revision. Both sides are reports read back from the
      // file format (toReport), so equal content is equal JSON.
      const same = timed(timing, 'compare', () => storedForm(report.content) === storedForm(next));
      if (same) return { version: report.version, unchanged: true, warnings: checks() };
      const version = await timed(timing, 'write', () =>
        addRevision(ctx.db, input.id, input.baseVersion, next, ctx.user.id, input.note),
      );
      if (version === undefined) {
        // Another save (or a submit for review) landed between the read and the write.
        const theirs = await getReport(ctx.db, input.id);
        requireStatus(theirs?.status ?? report.status, ['draft'], 'sửa');
        throw conflict(theirs ?? report);
      }
      return { version, unchanged: false, warnings: checks() };
    }),

  restore: authed
    .input(
      z.object({ id: z.number().int(), version: z.number().int(), baseVersion: z.number().int() }),
    )
    .mutation(async ({ ctx, input }) => {
      const { report } = await loadReport(ctx, input.id, 'edit');
      requireStatus(report.status, ['draft'], 'khôi phục');
      const old = (await history(ctx.db, input.id)).find((h) => h.version === input.version);
      if (!old) throw fail('NOT_FOUND', 'Không có phiên bản này.');
      const conflict = (theirs: typeof report) =>
        fail('CONFLICT', 'Báo cáo vừa được lưu bởi người khác; hãy tải lại trước khi khôi phục.', {
          version: theirs.version,
          content: theirs.content,
        });
      if (report.version !== input.baseVersion) throw conflict(report);
      const version = await addRevision(
        ctx.db,
        input.id,
        report.version,
        old.content,
        ctx.user.id,
        `Khôi phục phiên bản ${String(input.version)}`,
      );
      // Another save landed between the read and the write.
      if (version === undefined) throw conflict((await getReport(ctx.db, input.id)) ?? report);
      await audit(ctx.db, ctx.user.id, 'report_restore', String(input.id), { from: input.version });
      return version;
    }),

  /** Heartbeat while a report is open: who else has it open, since when. */
  presence: authed
    .input(z.object({ id: z.number().int(), leaving: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      await loadReport(ctx, input.id, 'read');
      const now = Date.now();
      if (input.leaving) {
        // Closing the report ends the presence at once, not at its expiry.
        await ctx.db.execute({
          sql: 'DELETE FROM presence WHERE report_id = ? AND user_id = ?',
          args: [input.id, ctx.user.id],
        });
        return [];
      }
      await ctx.db.execute({
        sql: `INSERT INTO presence (report_id, user_id, since, seen) VALUES (?, ?, ?, ?)
            ON CONFLICT (report_id, user_id) DO UPDATE SET seen = excluded.seen`,
        args: [input.id, ctx.user.id, new Date(now).toISOString(), now],
      });
      const rows = (
        await ctx.db.execute({
          sql: 'SELECT u.display_name, p.since FROM presence p JOIN users u ON u.id = p.user_id WHERE p.report_id = ? AND p.user_id <> ? AND p.seen > ?',
          args: [input.id, ctx.user.id, now - PRESENCE_TTL_MS],
        })
      ).rows;
      return rows.map((r) => ({ name: text(r.display_name), since: text(r.since) }));
    }),
});
