/**
 * Approval levels, as DHIS2 approves per level: the district's approval,
 * and then, where a province requires it (a setting of its own, off by
 * default), the province's, before a report may be published. An approved
 * report is locked: it cannot be returned, only unapproved with a comment.
 */
import type { Unit } from '@congkhai/indicators';
import type { Client, Transaction } from '@libsql/client';
import { TRPCError } from '@trpc/server';
import type { User } from './store/users.ts';
import { text } from './store/values.ts';

/** The levels a report is approved at, in order; the API's enum comes from it and the database's CHECK is tested against it. */
export const APPROVAL_LEVELS = ['district', 'province'] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

type Db = Client | Transaction;

export interface Approval {
  readonly level: ApprovalLevel;
  readonly by: string;
  readonly at: string;
}

export async function approvalsOf(db: Db, reportId: number): Promise<Approval[]> {
  const rows = (
    await db.execute({
      sql: `SELECT a.level, u.display_name, a.at FROM report_approvals a LEFT JOIN users u ON u.id = a.user_id
            WHERE a.report_id = ? ORDER BY CASE a.level WHEN 'district' THEN 1 ELSE 2 END`,
      args: [reportId],
    })
  ).rows;
  return rows.map((r) => ({
    level: text(r.level) as ApprovalLevel,
    by: text(r.display_name),
    at: text(r.at),
  }));
}

/** Provinces that require their own approval. */
export async function provincesRequiringApproval(db: Db): Promise<Set<string>> {
  return new Set(
    (
      await db.execute('SELECT province FROM province_settings WHERE province_approval = 1')
    ).rows.map((r) => text(r.province)),
  );
}

export async function requiresProvinceApproval(db: Db, province: string): Promise<boolean> {
  return (
    (
      await db.execute({
        sql: 'SELECT 1 FROM province_settings WHERE province = ? AND province_approval = 1',
        args: [province],
      })
    ).rows.length > 0
  );
}

/** The levels a report must have before it is published. */
export async function levelsNeeded(db: Db, unit: Unit): Promise<ApprovalLevel[]> {
  return (await requiresProvinceApproval(db, unit.province)) ? ['district', 'province'] : [];
}

/** A province's approval is given by a reviewer of the whole province, not of some of its units. */
export const canApproveAt = (user: User, unit: Unit, level: ApprovalLevel): boolean =>
  user.role === 'reviewer' &&
  (level === 'province'
    ? user.provinces.includes(unit.province)
    : user.units.includes(unit.id) || user.provinces.includes(unit.province));

const levelName = (l: ApprovalLevel) => (l === 'district' ? 'cấp huyện' : 'cấp tỉnh');

/** Refuses a publish that still lacks an approval its province requires. */
export async function requireApprovals(db: Db, reportId: number, unit: Unit): Promise<void> {
  const needed = await levelsNeeded(db, unit);
  const have = new Set((await approvalsOf(db, reportId)).map((a) => a.level));
  const missing = needed.filter((l) => !have.has(l));
  if (missing.length > 0)
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: `${unit.province} yêu cầu phê duyệt ${missing.map(levelName).join(' và ')} trước khi công bố.`,
    });
}

/** Refuses returning an approved report: its figures are locked until it is unapproved. */
export async function refuseIfApproved(db: Db, reportId: number): Promise<void> {
  if ((await approvalsOf(db, reportId)).length > 0)
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message:
        'Báo cáo đã được phê duyệt nên số liệu đã khóa; hãy hủy phê duyệt (kèm ý kiến) để trả lại.',
    });
}

export { levelName };
