/** What a report's figures are compared with: the unit's previous published report, its own history and its district's peers. */
import {
  comparePeriods,
  parsePeriod,
  previousPeriod,
  type Metrics,
  type Period,
  type Unit,
} from '@congkhai/indicators';
import { findReport, getReport, listReports } from '../../store/reports.ts';
import type { Context } from '../../trpc.ts';

export async function previousMetrics(
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
export async function usualFigures(
  ctx: Context,
  unit: Unit,
  units: readonly Unit[],
  period: string,
) {
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
