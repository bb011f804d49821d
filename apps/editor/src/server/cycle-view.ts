/** The reporting cycle as a reviewer, an admin or an editor sees it: one row per unit, with who writes it and what can be done. */
import { parsePeriod, periodLabel } from '@congkhai/indicators';
import { TRPCError } from '@trpc/server';
import { canEdit, canReview, readableUnits } from './access.ts';
import { nowOf } from './accounts.ts';
import { type ApprovalLevel, canApproveAt, provincesRequiringApproval } from './approvals.ts';
import { cyclePeriods, dueOf, duePeriod, readDueDates, unitInPeriod, vnDate } from './cycle.ts';
import { listReports } from './store/reports.ts';
import { listUnits } from './store/units.ts';
import { text } from './store/values.ts';
import type { Context } from './trpc.ts';
import type { User } from './store/users.ts';

export async function cycleOf(ctx: Context & { user: User }, requested: string | undefined) {
  const today = vnDate(nowOf(ctx));
  const dues = await readDueDates(ctx.db);
  // A reviewer of one province sees its due dates; everyone else the national ones.
  const scope =
    ctx.user.role === 'reviewer' && ctx.user.provinces.length === 1
      ? (ctx.user.provinces[0] ?? '')
      : '';
  let period = duePeriod(dues, today, scope);
  if (requested !== undefined) {
    const p = parsePeriod(requested);
    if (!p.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: p.message.vi });
    period = p.period;
  }
  const units = await listUnits(ctx.db);
  const mine = new Set(readableUnits(ctx.user, units));
  const shown = units.filter((u) => mine.has(u.id) && unitInPeriod(u, period));
  const rows = await listReports(ctx.db, { units: shown.map((u) => u.id), period: period.id });
  const byUnit = new Map(rows.map((r) => [r.unit, r]));
  const editors = new Map<string, string[]>();
  for (const r of (
    await ctx.db.execute(
      `SELECT s.unit_id, u.display_name FROM user_scopes s JOIN users u ON u.id = s.user_id
       WHERE u.role = 'editor' AND u.disabled = 0 AND s.unit_id IS NOT NULL`,
    )
  ).rows) {
    const list = editors.get(text(r.unit_id)) ?? [];
    list.push(text(r.display_name));
    editors.set(text(r.unit_id), list);
  }
  const approvals = new Map<number, ApprovalLevel[]>();
  if (rows.length > 0)
    for (const r of (
      await ctx.db.execute({
        sql: `SELECT report_id, level FROM report_approvals WHERE report_id IN (${rows.map(() => '?').join(',')})`,
        args: rows.map((r) => r.id),
      })
    ).rows) {
      const list = approvals.get(Number(r.report_id)) ?? [];
      list.push(text(r.level) as ApprovalLevel);
      approvals.set(Number(r.report_id), list);
    }
  const strict = await provincesRequiringApproval(ctx.db);
  const collator = new Intl.Collator('vi');
  const periods = cyclePeriods(dues, today);
  if (!periods.some((p) => p.id === period.id)) periods.push(period);
  return {
    period: period.id,
    label: { vi: periodLabel(period, 'vi'), en: periodLabel(period, 'en') },
    due: dueOf(dues, period, scope),
    today,
    periods: periods.map((p) => ({
      id: p.id,
      label: { vi: periodLabel(p, 'vi'), en: periodLabel(p, 'en') },
      due: dueOf(dues, p, scope),
    })),
    canSetDue:
      ctx.user.role === 'admin' || (ctx.user.role === 'reviewer' && ctx.user.provinces.length > 0),
    units: shown.map((u) => {
      const report = byUnit.get(u.id);
      const status = report?.status ?? ('none' as const);
      const unitDue = dueOf(dues, period, u.province);
      return {
        unit: u.id,
        name: u.name,
        district: u.district ?? null,
        province: u.province,
        status,
        id: report?.id ?? null,
        due: unitDue,
        overdue: today > unitDue && (status === 'none' || status === 'draft'),
        editors: (editors.get(u.id) ?? []).sort(collator.compare),
        canCreate: status === 'none' && canEdit(ctx.user, u),
        canRemind:
          (status === 'none' || status === 'draft') &&
          (ctx.user.role === 'admin' || canReview(ctx.user, u)),
        approvals: report ? (approvals.get(report.id) ?? []) : [],
        provinceApproval: strict.has(u.province),
        /** The next level this user may approve, when the report is in review and its province requires levels. */
        canApprove: nextLevel(
          status,
          strict.has(u.province),
          report ? (approvals.get(report.id) ?? []) : [],
          (l) => canApproveAt(ctx.user, u, l),
        ),
        canUnapprove:
          status === 'in_review' &&
          (approvals.get(report?.id ?? -1) ?? []).length > 0 &&
          canReview(ctx.user, u) &&
          (!(approvals.get(report?.id ?? -1) ?? []).includes('province') ||
            canApproveAt(ctx.user, u, 'province')),
      };
    }),
  };
}

function nextLevel(
  status: string,
  strict: boolean,
  have: readonly ApprovalLevel[],
  may: (l: ApprovalLevel) => boolean,
): ApprovalLevel | null {
  if (status !== 'in_review' || !strict) return null;
  const next: ApprovalLevel | undefined = !have.includes('district')
    ? 'district'
    : !have.includes('province')
      ? 'province'
      : undefined;
  return next && may(next) ? next : null;
}
