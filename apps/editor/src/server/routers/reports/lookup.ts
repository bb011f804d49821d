/** The unit or report a procedure works on, as the user may see it, and the errors a procedure throws. */
import type { Unit } from '@congkhai/indicators';
import { TRPCError } from '@trpc/server';
import { canEdit, canRead, canReview } from '../../access.ts';
import { getReport, type Status } from '../../store/reports.ts';
import { listUnits } from '../../store/units.ts';
import type { User } from '../../store/users.ts';
import { ErrorData, type Context } from '../../trpc.ts';

export const fail = (
  code: 'NOT_FOUND' | 'FORBIDDEN' | 'BAD_REQUEST' | 'CONFLICT' | 'PRECONDITION_FAILED',
  message: string,
  payload?: unknown,
) =>
  new TRPCError({
    code,
    message,
    ...(payload === undefined ? {} : { cause: new ErrorData(message, payload) }),
  });

export async function loadUnit(
  ctx: Context,
  unitId: string,
): Promise<{ unit: Unit; units: Unit[] }> {
  const units = await listUnits(ctx.db);
  const unit = units.find((u) => u.id === unitId);
  if (!unit) throw fail('NOT_FOUND', `Không có đơn vị "${unitId}".`);
  return { unit, units };
}

export async function loadReport(
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

export function requireStatus(current: Status, allowed: readonly Status[], action: string) {
  if (!allowed.includes(current))
    throw fail(
      'PRECONDITION_FAILED',
      `Không thể ${action} báo cáo đang ở trạng thái "${current}".`,
    );
}
