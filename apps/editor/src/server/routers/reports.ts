import { text } from '../store.ts';
/** Reports: list, create, save with conflict detection, history, the review workflow, publish. */
import {
  METRIC_IDS,
  SUM_CHECKS,
  largeChanges,
  metricDefinition,
  parsePeriod,
  previousPeriod,
  runChecks,
  type MetricId,
  type Metrics,
  type Unit,
} from '@congkhai/indicators';
import { REPORT_SCHEMA_VERSION, parseReport, serializeReport, type Report } from '@congkhai/report';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { canEdit, canRead, canReview, readableUnits } from '../access.ts';
import {
  CorrectionReasonRequired,
  publishDueDates,
  publishReport,
  withdrawReport,
} from '../publish.ts';
import {
  addComment,
  addRevision,
  audit,
  comments,
  findReport,
  getReport,
  history,
  insertReport,
  listReports,
  listUnits,
  setStatus,
  type Status,
  type User,
} from '../store.ts';
import { authed, ErrorData, router, type Context } from '../trpc.ts';

/**
 * Figures keyed by the catalog's metric ids. An id the catalog does not
 * know is refused by name (it used to be dropped without a word, so a
 * figure the user typed could vanish).
 */
const byMetric = <T extends z.ZodType>(value: T) =>
  z.record(z.string().max(100), value).superRefine((m, ctx) => {
    const unknown = Object.keys(m).filter((k) => !(METRIC_IDS as readonly string[]).includes(k));
    if (unknown.length > 0)
      ctx.addIssue({
        code: 'custom',
        message: `không có trong danh mục chỉ tiêu: ${unknown
          .slice(0, 5)
          .map((k) => `"${k.slice(0, 60)}"`)
          .join(', ')}${unknown.length > 5 ? ` và ${String(unknown.length - 5)} mã khác` : ''}.`,
      });
  });
const figures = byMetric(z.number());
const contentInput = z.object({
  title: z.string().max(1000),
  number: z.string().max(200).optional(),
  issued: z.string().max(20).optional(),
  signer: z.string().max(200).optional(),
  metrics: figures,
  targets: figures.default({}),
  statedShares: figures.default({}),
  explanations: byMetric(z.string().max(500)).default({}),
  // A 5 MB paste is kept as written; past this the message says so.
  body: z
    .string()
    .max(6_000_000, 'dài quá 6.000.000 ký tự; hãy rút gọn, hoặc chia thành nhiều báo cáo.'),
});
type ContentInput = z.infer<typeof contentInput>;

const fail = (
  code: 'NOT_FOUND' | 'FORBIDDEN' | 'BAD_REQUEST' | 'CONFLICT' | 'PRECONDITION_FAILED',
  message: string,
  payload?: unknown,
) =>
  new TRPCError({
    code,
    message,
    ...(payload === undefined ? {} : { cause: new ErrorData(message, payload) }),
  });

/** Figures as the catalog types them (the schema has refused unknown ids already). */
const onlyKnown = <T>(m: Record<string, T>) =>
  Object.fromEntries(
    Object.entries(m).filter(([k]) => (METRIC_IDS as readonly string[]).includes(k)),
  ) as Partial<Record<MetricId, T>>;

/** Content from the form, as a report of the file format; rejected with the format's own messages when invalid. */
function toReport(unit: string, period: string, c: ContentInput): Report {
  const report: Report = {
    schema: REPORT_SCHEMA_VERSION,
    unit,
    period,
    title: c.title.trim() === '' ? 'Báo cáo' : c.title.trim(),
    ...(c.number?.trim() ? { number: c.number.trim() } : {}),
    ...(c.issued?.trim() ? { issued: c.issued.trim() } : {}),
    ...(c.signer?.trim() ? { signer: c.signer.trim() } : {}),
    metrics: onlyKnown(c.metrics),
    targets: onlyKnown(c.targets),
    statedShares: onlyKnown(c.statedShares),
    explanations: onlyKnown(
      Object.fromEntries(Object.entries(c.explanations).filter(([, v]) => v.trim() !== '')),
    ),
    body: c.body,
  };
  const back = parseReport(serializeReport(report));
  if (!back.ok) {
    throw fail('BAD_REQUEST', back.errors.map((e) => e.message.vi).join(' '), {
      errors: back.errors.map((e) => ({ path: e.path, message: e.message })),
    });
  }
  return back.value;
}

async function loadUnit(ctx: Context, unitId: string): Promise<{ unit: Unit; units: Unit[] }> {
  const units = await listUnits(ctx.db);
  const unit = units.find((u) => u.id === unitId);
  if (!unit) throw fail('NOT_FOUND', `Không có đơn vị "${unitId}".`);
  return { unit, units };
}

async function loadReport(
  ctx: Context & { user: User },
  id: number,
  need: 'read' | 'edit' | 'review',
) {
  const report = await getReport(ctx.db, id);
  if (!report) throw fail('NOT_FOUND', 'Không có báo cáo này.');
  const { unit, units } = await loadUnit(ctx, report.unit);
  // Not found rather than forbidden: a user does not learn which reports other units have.
  if (!canRead(ctx.user, unit)) throw fail('NOT_FOUND', 'Không có báo cáo này.');
  const allowed =
    need === 'read' || (need === 'edit' ? canEdit(ctx.user, unit) : canReview(ctx.user, unit));
  if (!allowed)
    throw fail('FORBIDDEN', 'Bạn không có quyền làm việc này với báo cáo của đơn vị này.');
  return { report, unit, units };
}

async function previousMetrics(
  ctx: Context,
  unit: string,
  period: string,
): Promise<{ period: string; metrics: Metrics } | null> {
  const p = parsePeriod(period);
  const prev = p.ok ? previousPeriod(p.period) : undefined;
  if (!prev) return null;
  const id = await findReport(ctx.db, unit, prev.id);
  const r = id === undefined ? undefined : await getReport(ctx.db, id);
  return r ? { period: prev.id, metrics: r.content.metrics } : null;
}

function requireStatus(current: Status, allowed: readonly Status[], action: string) {
  if (!allowed.includes(current))
    throw fail(
      'PRECONDITION_FAILED',
      `Không thể ${action} báo cáo đang ở trạng thái "${current}".`,
    );
}

export const reportsRouter = router({
  list: authed
    .input(
      z
        .object({
          unit: z.string().optional(),
          period: z.string().optional(),
          status: z.enum(['draft', 'in_review', 'published', 'withdrawn']).optional(),
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
    const { report, unit } = await loadReport(ctx, input.id, 'read');
    return {
      ...report,
      unitInfo: unit,
      canEdit: canEdit(ctx.user, unit) && report.status === 'draft',
      canReview: canReview(ctx.user, unit),
      previous: await previousMetrics(ctx, report.unit, report.period),
      comments: await comments(ctx.db, report.id),
    };
  }),

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
        body: '',
      };
      if (!input.content && input.from === 'previous') {
        // The structure of the previous report: its headings and targets, figures left empty.
        const prev = await previousMetrics(ctx, unit.id, p.period.id);
        const prevId = prev ? await findReport(ctx.db, unit.id, prev.period) : undefined;
        const prevReport = prevId === undefined ? undefined : await getReport(ctx.db, prevId);
        if (prevReport) {
          content = {
            ...content,
            title: prevReport.content.title,
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
      const { report } = await loadReport(ctx, input.id, 'edit');
      requireStatus(report.status, ['draft'], 'sửa');
      const next = toReport(report.unit, report.period, input.content);
      const tx = await ctx.db.transaction('write');
      try {
        const row = (
          await tx.execute({ sql: 'SELECT version FROM reports WHERE id = ?', args: [input.id] })
        ).rows[0];
        const current = Number(row?.version ?? 0);
        if (current !== input.baseVersion) {
          await tx.rollback();
          const theirs = await getReport(ctx.db, input.id);
          // Nothing is overwritten: the client shows both and keeps its text.
          throw fail(
            'CONFLICT',
            `Báo cáo đã được ${theirs?.updatedBy ?? 'người khác'} lưu (phiên bản ${String(current)}) sau khi bạn mở. Hãy xem hai bản và chọn.`,
            {
              version: current,
              content: theirs?.content,
              updatedBy: theirs?.updatedBy,
            },
          );
        }
        const version = await addRevision(tx, input.id, current, next, ctx.user.id, input.note);
        await tx.commit();
        return {
          version,
          warnings: runChecks({ metrics: next.metrics, statedShares: next.statedShares }),
        };
      } finally {
        tx.close();
      }
    }),

  history: authed.input(z.object({ id: z.number().int() })).query(async ({ ctx, input }) => {
    await loadReport(ctx, input.id, 'read');
    return history(ctx.db, input.id);
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
      if (report.version !== input.baseVersion)
        throw fail(
          'CONFLICT',
          'Báo cáo vừa được lưu bởi người khác; hãy tải lại trước khi khôi phục.',
          { version: report.version, content: report.content },
        );
      const version = await addRevision(
        ctx.db,
        input.id,
        report.version,
        old.content,
        ctx.user.id,
        `Khôi phục phiên bản ${String(input.version)}`,
      );
      await audit(ctx.db, ctx.user.id, 'report_restore', String(input.id), { from: input.version });
      return version;
    }),

  submit: authed
    .input(z.object({ id: z.number().int(), comment: z.string().max(2000).default('') }))
    .mutation(async ({ ctx, input }) => {
      const { report } = await loadReport(ctx, input.id, 'edit');
      requireStatus(report.status, ['draft'], 'gửi duyệt');
      const prev = await previousMetrics(ctx, report.unit, report.period);
      const unexplained = prev
        ? largeChanges(report.content.metrics, prev.metrics).filter(
            (id) => !report.content.explanations[id],
          )
        : [];
      if (unexplained.length > 0) {
        throw fail(
          'PRECONDITION_FAILED',
          `Các số liệu thay đổi hơn 50 % so với kỳ trước cần một dòng giải trình: ${unexplained.map((id) => metricDefinition(id).label.vi).join(', ')}.`,
          { unexplained },
        );
      }
      await setStatus(ctx.db, input.id, 'in_review', ctx.user.id);
      if (input.comment.trim())
        await addComment(ctx.db, input.id, ctx.user.id, input.comment.trim());
      await audit(ctx.db, ctx.user.id, 'report_submit', String(input.id));
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
      await setStatus(ctx.db, input.id, 'draft', ctx.user.id);
      await addComment(ctx.db, input.id, ctx.user.id, input.comment);
      await audit(ctx.db, ctx.user.id, 'report_return', String(input.id));
      return true;
    }),

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
      const { report, units } = await loadReport(ctx, input.id, 'review');
      requireStatus(report.status, ['in_review'], 'công bố');
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
      ctx.onContentChanged({
        reason: `công bố / publish ${report.unit}/${report.period}`,
        unit: report.unit,
        by: ctx.user.username,
      });
      return { url: `/xa/${report.unit}/${report.period}/` };
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

  /** Heartbeat while a report is open: who else has it open, since when. */
  presence: authed.input(z.object({ id: z.number().int() })).mutation(async ({ ctx, input }) => {
    await loadReport(ctx, input.id, 'read');
    const now = Date.now();
    await ctx.db.execute({
      sql: `INSERT INTO presence (report_id, user_id, since, seen) VALUES (?, ?, ?, ?)
            ON CONFLICT (report_id, user_id) DO UPDATE SET seen = excluded.seen`,
      args: [input.id, ctx.user.id, new Date(now).toISOString(), now],
    });
    const rows = (
      await ctx.db.execute({
        sql: 'SELECT u.display_name, p.since FROM presence p JOIN users u ON u.id = p.user_id WHERE p.report_id = ? AND p.user_id <> ? AND p.seen > ?',
        args: [input.id, ctx.user.id, now - 60_000],
      })
    ).rows;
    return rows.map((r) => ({ name: text(r.display_name), since: text(r.since) }));
  }),

  /** The reporting cycle of a period: who has published, who has a draft, who has nothing yet and is past the due date. */
  cycle: authed.input(z.object({ period: z.string() })).query(async ({ ctx, input }) => {
    const units = await listUnits(ctx.db);
    const mine = readableUnits(ctx.user, units);
    const rows = await listReports(ctx.db, { units: mine, period: input.period });
    const byUnit = new Map(rows.map((r) => [r.unit, r]));
    const dues = new Map(
      (
        await ctx.db.execute({
          sql: 'SELECT province, due FROM period_due WHERE period = ?',
          args: [input.period],
        })
      ).rows.map((r) => [text(r.province), text(r.due)]),
    );
    // A province's own due date wins over the national one ('').
    const dueOf = (province: string) => dues.get(province) ?? dues.get('') ?? null;
    const scope = ctx.user.role === 'admin' ? [] : ctx.user.provinces;
    const due = scope.length === 1 && scope[0] !== undefined ? dueOf(scope[0]) : dueOf('');
    const today = new Date().toISOString().slice(0, 10);
    return {
      due,
      units: units
        .filter((u) => mine.includes(u.id))
        .map((u) => {
          const status = byUnit.get(u.id)?.status ?? ('none' as const);
          const unitDue = dueOf(u.province);
          return {
            unit: u.id,
            name: u.name,
            district: u.district ?? null,
            status,
            id: byUnit.get(u.id)?.id ?? null,
            due: unitDue,
            overdue: unitDue !== null && today > unitDue && status !== 'published',
          };
        }),
    };
  }),

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
