/** The reporting cycle: when each period is due, for whom, and which period is due now. */
import {
  comparePeriods,
  parsePeriod,
  period,
  previousPeriod,
  type Period,
  type Unit,
} from '@congkhai/indicators';
import type { Client } from '@libsql/client';
import { text } from './store/values.ts';

/** Today's date in Vietnam (the day reminders and due dates are counted in), as yyyy-mm-dd. */
export function vnDate(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(ms));
}

/** Days from `from` to `to` (both yyyy-mm-dd); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** Due dates set: period → province ('' for the whole country) → date. */
export type DueDates = ReadonlyMap<string, ReadonlyMap<string, string>>;

export async function readDueDates(db: Client): Promise<DueDates> {
  const dues = new Map<string, Map<string, string>>();
  for (const r of (await db.execute('SELECT period, province, due FROM period_due')).rows) {
    const byProvince = dues.get(text(r.period)) ?? new Map<string, string>();
    byProvince.set(text(r.province), text(r.due));
    dues.set(text(r.period), byProvince);
  }
  return dues;
}

/**
 * A period's due date for a province: the province's own, else the
 * national one, else (none set) the period's last day.
 */
export function dueOf(dues: DueDates, p: Period, province: string): string {
  const set = dues.get(p.id);
  return set?.get(province) ?? set?.get('') ?? p.end;
}

/** Whether any due date was set for the period (reminders go only for those). */
export const dueSet = (dues: DueDates, p: Period, province: string): boolean =>
  dues.get(p.id)?.has(province) === true || dues.get(p.id)?.has('') === true;

function halfOf(iso: string): Period {
  const y = Number(iso.slice(0, 4));
  return period(`${String(y)}-H${Number(iso.slice(5, 7)) <= 6 ? '1' : '2'}`);
}

/**
 * The periods a cycle may be looked at for: every period with a due date,
 * and the half-years around today (the kind the communes report in), in
 * chronological order.
 */
export function cyclePeriods(dues: DueDates, today: string): Period[] {
  const current = halfOf(today);
  const ids = new Set<string>([current.id, ...dues.keys()]);
  const prev = previousPeriod(current);
  if (prev) ids.add(prev.id);
  return [...ids]
    .map((id) => parsePeriod(id))
    .flatMap((r) => (r.ok ? [r.period] : []))
    .sort(comparePeriods);
}

/**
 * The period now due, for a province ('' for the whole country): the one
 * whose due date is the first on or after today; when every one is past,
 * the one due last. In December 2026 that is 2026-H2 (due by its end at the
 * latest), not 2025-H2 whose due date has passed.
 */
export function duePeriod(dues: DueDates, today: string, province = ''): Period {
  const periods = cyclePeriods(dues, today).map((p) => ({ p, due: dueOf(dues, p, province) }));
  const upcoming = periods
    .filter((x) => x.due >= today)
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const chosen = upcoming[0] ?? periods.sort((a, b) => (a.due < b.due ? 1 : -1))[0];
  return chosen?.p ?? halfOf(today);
}

/** Whether a unit existed during the period (a unit merged away before it, or formed after it, owes nothing). */
export const unitInPeriod = (u: Unit, p: Period): boolean =>
  (u.validTo === undefined || u.validTo >= p.start) &&
  (u.validFrom === undefined || u.validFrom <= p.end);
