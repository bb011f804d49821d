import { text } from '../store.ts';
/** Reports: list, create, save with conflict detection, history, the review workflow, publish. */
import {
  METRIC_IDS,
  SUM_CHECKS,
  comparePeriods,
  expectedPeriods,
  foldVietnamese,
  impossibleFigures,
  implausibleFigures,
  largeChanges,
  metricDefinition,
  parsePeriod,
  periodLabel,
  plausibleRanges,
  previousPeriod,
  runChecks,
  type Period,
  type MetricId,
  type Metrics,
  type Unit,
} from '@congkhai/indicators';
import { REPORT_SCHEMA_VERSION, parseReport, serializeReport, type Report } from '@congkhai/report';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { canEdit, canRead, canReview, readableUnits } from '../access.ts';
import { refuseIfApproved, requireApprovals } from '../approvals.ts';
import { cycleOf } from '../cycle-view.ts';
import { tellAbout } from '../notifications.ts';
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
  pageReports,
  setStatus,
  workflowEvents,
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
  /**
   * A line on any figure: where it came from, why the source says so (an
   * impossible figure), that an unusual one is right. Kept with the revision
   * and shown to the reviewer; not part of the published file.
   */
  notes: byMetric(z.string().max(500)).default({}),
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

/** The content of a revision: the report, and the editor's notes on its figures. */
type Stored = Report & { readonly notes?: Partial<Record<MetricId, string>> };

/** The notes of a stored revision (revisions before notes existed have none). */
const notesStored = (c: Stored): Partial<Record<MetricId, string>> => c.notes ?? {};

const notesOf = (c: ContentInput) =>
  onlyKnown(Object.fromEntries(Object.entries(c.notes).filter(([, v]) => v.trim() !== '')));

/** Fields of the form by their labels, for messages: "Ngày ban hành", never "(issued)". */
const FIELD_LABELS: Record<string, string> = {
  issued: 'Ngày ban hành',
  number: 'Số hiệu',
  signer: 'Người ký',
  title: 'Tiêu đề',
  period: 'Kỳ báo cáo',
  unit: 'Đơn vị',
};
function fieldLabel(path: string): string {
  const key = path.split('.')[0] ?? path;
  if (FIELD_LABELS[key]) return FIELD_LABELS[key];
  const id = path.split('.').slice(1).join('.');
  return (METRIC_IDS as readonly string[]).includes(id)
    ? metricDefinition(id as MetricId).label.vi
    : path;
}

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
    // Each message names its field by the label the form shows.
    const named = back.errors.map((e) => {
      const label = fieldLabel(e.path);
      const strip = (m: string) => m.replace(/\s*\([a-z_.]+\)/g, '');
      return {
        path: e.path,
        label,
        message: { vi: strip(e.message.vi), en: strip(e.message.en) },
      };
    });
    throw fail('BAD_REQUEST', named.map((e) => e.message.vi).join(' '), { errors: named });
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
  // Only what citizens can read is "previous": never a draft with its 101 %.
  return r?.status === 'published' ? { period: prev.id, metrics: r.content.metrics } : null;
}

/**
 * What is usual for the unit: its own published figures of earlier periods
 * of the same kind, and its district's published figures of this period.
 */
async function usualFigures(ctx: Context, unit: Unit, units: readonly Unit[], period: string) {
  const p = parsePeriod(period);
  if (!p.ok) return { history: [], peers: [] };
  const own = (await listReports(ctx.db, { units: [unit.id], status: 'published' }))
    .map((r) => ({ r, q: parsePeriod(r.period) }))
    .filter(
      (x): x is { r: (typeof x)['r']; q: { ok: true; period: Period } } =>
        x.q.ok && x.q.period.kind === p.period.kind && comparePeriods(x.q.period, p.period) < 0,
    )
    .sort((a, b) => comparePeriods(b.q.period, a.q.period))
    .slice(0, 8);
  const peerIds = unit.district
    ? units
        .filter(
          (u) => u.district === unit.district && u.province === unit.province && u.id !== unit.id,
        )
        .map((u) => u.id)
    : [];
  const peers = peerIds.length
    ? (
        await listReports(ctx.db, { units: peerIds, status: 'published', period: p.period.id })
      ).slice(0, 40)
    : [];
  const contents = async (rows: readonly { id: number }[]) =>
    (await Promise.all(rows.map((r) => getReport(ctx.db, r.id)))).flatMap((r) =>
      r ? [r.content.metrics] : [],
    );
  return { history: await contents(own.map((x) => x.r)), peers: await contents(peers) };
}

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
    (w) => w.level === 'impossible' && !Object.keys(w.values).some((id) => noted(id as MetricId)),
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
      metrics: Object.keys(w.values),
      message: w.message,
    })),
    impossibleFigures: impossible,
    unusual,
    unexplained,
  };
}

function requireStatus(current: Status, allowed: readonly Status[], action: string) {
  if (!allowed.includes(current))
    throw fail(
      'PRECONDITION_FAILED',
      `Không thể ${action} báo cáo đang ở trạng thái "${current}".`,
    );
}

/** Presence expires this long after the last heartbeat (the client beats every 15 s): a closed tab is gone within a minute. */
export const PRESENCE_TTL_MS = 40_000;

export const reportsRouter = router({
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

  /** The report list a page at a time: search by unit name, filter by period, status and district, and the total. */
  page: authed
    .input(
      z.object({
        unitText: z.string().max(200).default(''),
        district: z.string().max(200).default(''),
        period: z.string().max(40).default(''),
        status: z.enum(['draft', 'in_review', 'published', 'withdrawn']).optional(),
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
      const { report } = await loadReport(ctx, input.id, 'edit');
      requireStatus(report.status, ['draft'], 'sửa');
      const next: Stored = {
        ...toReport(report.unit, report.period, input.content),
        notes: notesOf(input.content),
      };
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
        const checks = () => runChecks({ metrics: next.metrics, statedShares: next.statedShares });
        // A save of what is already stored (a second click, an autosave after a manual save) is no revision.
        const same =
          report.version === current &&
          serializeReport(report.content) === serializeReport(next) &&
          JSON.stringify(notesStored(report.content)) === JSON.stringify(next.notes ?? {});
        if (same) {
          await tx.rollback();
          return { version: current, unchanged: true, warnings: checks() };
        }
        const version = await addRevision(tx, input.id, current, next, ctx.user.id, input.note);
        await tx.commit();
        return {
          version,
          unchanged: false,
          warnings: checks(),
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
      const { report, unit, units } = await loadReport(ctx, input.id, 'edit');
      requireStatus(report.status, ['draft'], 'gửi duyệt');
      const b = await submitBlockers(ctx, report, unit, units);
      const names = (ids: readonly string[]) =>
        ids.map((id) => metricDefinition(id as MetricId).label.vi).join(', ');
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
