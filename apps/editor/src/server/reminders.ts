/**
 * The daily run: editors reminded before a due date and once it has
 * passed, reviewers sent a digest of what waits for them. It runs in the
 * server process (a timer checks the Vietnamese date) and is a plain
 * function of the database and a date, so tests call it with the day they
 * need. Each notification has a key, so running twice on a day sends nothing twice.
 */
import { parsePeriod, type Period, type Unit } from '@congkhai/indicators';
import type { Client } from '@libsql/client';
import { canReview } from './access.ts';
import { daysBetween, dueOf, dueSet, readDueDates, unitInPeriod, vnDate } from './cycle.ts';
import type { EditorEnv } from './env.ts';
import {
  cycleLink,
  editorsOf,
  notify,
  reportLink,
  reportVars,
  viDate,
  type Recipient,
} from './notifications.ts';
import { listUnits } from './store/units.ts';
import { getUser } from './store/users.ts';
import { text } from './store/values.ts';

/** Overdue reminders go out for this many days after a due date; later, a reviewer reminds by hand. */
export const OVERDUE_WINDOW_DAYS = 30;

interface Services {
  readonly db: Client;
  readonly env: EditorEnv;
}

export interface ReminderRun {
  readonly dueSoon: number;
  readonly overdue: number;
  readonly digests: number;
}

/** What a unit owes for a period, and the report it has, if any. */
interface Owed {
  readonly unit: Unit;
  readonly period: Period;
  readonly due: string;
  readonly days: number;
  readonly report: { id: number; status: string } | undefined;
}

async function owed(db: Client, today: string): Promise<Owed[]> {
  const dues = await readDueDates(db);
  const units = await listUnits(db);
  const reports = new Map(
    (await db.execute('SELECT id, unit_id, period, status FROM reports')).rows.map((r) => [
      `${text(r.unit_id)}/${text(r.period)}`,
      { id: Number(r.id), status: text(r.status) },
    ]),
  );
  const out: Owed[] = [];
  for (const id of dues.keys()) {
    const p = parsePeriod(id);
    if (!p.ok) continue;
    for (const unit of units) {
      if (!unitInPeriod(unit, p.period) || !dueSet(dues, p.period, unit.province)) continue;
      const due = dueOf(dues, p.period, unit.province);
      out.push({
        unit,
        period: p.period,
        due,
        days: daysBetween(today, due),
        report: reports.get(`${unit.id}/${p.period.id}`),
      });
    }
  }
  return out;
}

const notSubmitted = (o: Owed) => o.report === undefined || o.report.status === 'draft';

export async function runReminders(services: Services, today: string): Promise<ReminderRun> {
  const { db, env } = services;
  const all = await owed(db, today);
  let dueSoon = 0;
  let overdue = 0;
  const editors = new Map<string, Recipient[]>();
  const editorsOfUnit = async (unit: string) => {
    let e = editors.get(unit);
    if (!e) editors.set(unit, (e = await editorsOf(db, unit)));
    return e;
  };
  for (const o of all.filter(notSubmitted)) {
    const soon = o.days >= 0 && o.days <= env.reminderDays;
    const late = o.days < 0 && o.days >= -OVERDUE_WINDOW_DAYS;
    if (!soon && !late) continue;
    const kind = soon ? 'due_soon' : 'overdue';
    const told = await notify(
      services,
      await editorsOfUnit(o.unit.id),
      kind,
      `${kind}:${o.unit.id}:${o.period.id}`,
      { ...reportVars(o.unit, o.period.id), due: viDate(o.due), days: String(o.days), comment: '' },
      o.report ? reportLink(env, o.report.id) : cycleLink(env, o.period.id),
    );
    if (soon) dueSoon += told.length;
    else overdue += told.length;
  }
  const digests = await sendDigests(services, today, all);
  return { dueSoon, overdue, digests };
}

/** One letter a day to each reviewer with work waiting: reports in review, units past due with nothing submitted. */
async function sendDigests(
  services: Services,
  today: string,
  all: readonly Owed[],
): Promise<number> {
  const { db, env } = services;
  const reviewers = (
    await db.execute("SELECT id FROM users WHERE role = 'reviewer' AND disabled = 0 ORDER BY id")
  ).rows.map((r) => Number(r.id));
  const units = await listUnits(db);
  const inReview = (
    await db.execute(
      "SELECT id, unit_id, period FROM reports WHERE status = 'in_review' ORDER BY period, unit_id",
    )
  ).rows.map((r) => ({ id: Number(r.id), unit: text(r.unit_id), period: text(r.period) }));
  let sent = 0;
  for (const id of reviewers) {
    const user = await getUser(db, id);
    if (!user) continue;
    const mine = (u: Unit) => canReview(user, u);
    const waiting = inReview.flatMap((r) => {
      const unit = units.find((u) => u.id === r.unit);
      return unit && mine(unit) ? [{ ...r, unit }] : [];
    });
    const late = all.filter(
      (o) => mine(o.unit) && notSubmitted(o) && o.days < 0 && o.days >= -OVERDUE_WINDOW_DAYS,
    );
    if (waiting.length === 0 && late.length === 0) continue;
    const lines = [
      ...waiting.map(
        (w) =>
          `- Chờ duyệt: ${w.unit.name} — ${reportVars(w.unit, w.period).period}: ${reportLink(env, w.id)}`,
      ),
      ...late.map(
        (o) =>
          `- Quá hạn, chưa gửi duyệt: ${o.unit.name} — ${reportVars(o.unit, o.period.id).period} (hạn ${viDate(o.due)})`,
      ),
    ];
    const count = [
      waiting.length > 0 ? `${String(waiting.length)} báo cáo chờ duyệt` : '',
      late.length > 0 ? `${String(late.length)} đơn vị quá hạn` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const row = (
      await db.execute({ sql: 'SELECT email, display_name FROM users WHERE id = ?', args: [id] })
    ).rows[0];
    const told = await notify(
      services,
      [{ id, name: text(row?.display_name), email: row?.email ? text(row.email) : null }],
      'digest',
      `digest:${today}`,
      { count, list: lines.join('\n') },
      cycleLink(env, late[0]?.period.id ?? waiting[0]?.period ?? ''),
    );
    sent += told.length;
  }
  return sent;
}

/**
 * Runs the reminders once a day in the server process: at start, then
 * whenever the Vietnamese date has changed and it is past `hour` there.
 */
export function scheduleReminders(
  services: Services,
  opts: { hour?: number; now?: () => number; log?: (line: string) => void } = {},
): { stop(): void } {
  const now = opts.now ?? Date.now;
  const hour = opts.hour ?? 7;
  let last = '';
  let running = false;
  const tick = () => {
    const today = vnDate(now());
    const vnHour = Number(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Ho_Chi_Minh',
        hour: '2-digit',
        hour12: false,
      }).format(new Date(now())),
    );
    if (running || today === last || vnHour < hour) return;
    running = true;
    runReminders(services, today)
      .then((r) => {
        last = today;
        opts.log?.(
          `Nhắc việc ${today} / reminders: ${String(r.dueSoon)} sắp đến hạn, ${String(r.overdue)} quá hạn, ${String(r.digests)} thư tổng hợp`,
        );
      })
      .catch((e: unknown) => {
        console.error('Nhắc việc thất bại / reminders failed:', e);
      })
      .finally(() => (running = false));
  };
  tick();
  const timer = setInterval(tick, 10 * 60_000);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
    },
  };
}
