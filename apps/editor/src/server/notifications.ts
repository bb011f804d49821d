/**
 * Notifications, after DHIS2's notification templates: each kind is a
 * template (data, below) with variables in braces, sent to a set of
 * recipients; every one lands in the editor's notification list and, when
 * the deployment has SMTP_URL and the user an e-mail address, in their mail.
 */
import type { Unit } from '@congkhai/indicators';
import { parsePeriod, periodLabel } from '@congkhai/indicators';
import type { Client } from '@libsql/client';
import type { EditorEnv } from './env.ts';
import { sendMail } from './mail.ts';
import { listUnits } from './store/units.ts';
import { text } from './store/values.ts';

export type NotificationKind =
  'due_soon' | 'overdue' | 'in_review' | 'approval_needed' | 'returned' | 'published' | 'digest';

interface Template {
  /** Who gets it, said in the admin's words. */
  readonly recipients: string;
  readonly subject: string;
  /** Vietnamese first, English second; `{link}` is the address to open. */
  readonly body: string;
}

/** The templates. Variables: {unit} {period} {due} {days} {by} {comment} {link} {list} {count}. */
export const TEMPLATES: Readonly<Record<NotificationKind, Template>> = {
  due_soon: {
    recipients:
      'người biên tập của đơn vị chưa gửi duyệt / editors of a unit that has not submitted',
    subject: 'Còn {days} ngày đến hạn nộp báo cáo {period} của {unit}',
    body: 'Báo cáo {period} của {unit} đến hạn nộp ngày {due} (còn {days} ngày) và chưa được gửi duyệt.{comment}\nMở: {link}\n\nThe {periodEn} report of {unit} is due on {due} ({days} days left) and has not been submitted.',
  },
  overdue: {
    recipients:
      'người biên tập của đơn vị chưa gửi duyệt / editors of a unit that has not submitted',
    subject: 'Quá hạn nộp báo cáo {period} của {unit}',
    body: 'Báo cáo {period} của {unit} đã quá hạn nộp ngày {due} và chưa được gửi duyệt.{comment}\nMở: {link}\n\nThe {periodEn} report of {unit} was due on {due} and has not been submitted.',
  },
  in_review: {
    recipients: 'người duyệt của đơn vị / reviewers of the unit',
    subject: 'Báo cáo chờ duyệt: {unit}, {period}',
    body: '{by} đã gửi duyệt báo cáo {period} của {unit}.{comment}\nMở: {link}\n\n{by} submitted the {periodEn} report of {unit} for review.',
  },
  approval_needed: {
    recipients: 'người duyệt của tỉnh / reviewers of the province',
    subject: 'Chờ tỉnh phê duyệt: {unit}, {period}',
    body: '{by} đã phê duyệt cấp huyện báo cáo {period} của {unit}; tỉnh cần phê duyệt trước khi công bố.\nMở: {link}\n\n{by} approved the {periodEn} report of {unit} at district level; the province approves before it is published.',
  },
  returned: {
    recipients: 'người biên tập của đơn vị / editors of the unit',
    subject: 'Báo cáo bị trả lại: {unit}, {period}',
    body: '{by} đã trả lại báo cáo {period} của {unit} để sửa.{comment}\nMở: {link}\n\n{by} returned the {periodEn} report of {unit} for changes.',
  },
  published: {
    recipients: 'người biên tập của đơn vị / editors of the unit',
    subject: 'Báo cáo đã công bố: {unit}, {period}',
    body: '{by} đã công bố báo cáo {period} của {unit}.\nMở: {link}\n\n{by} published the {periodEn} report of {unit}.',
  },
  digest: {
    recipients:
      'người duyệt, mỗi ngày một thư khi có việc / reviewers, one letter a day when there is work',
    subject: 'Tổng hợp hằng ngày: {count}',
    body: 'Việc đang chờ bạn:\n{list}\n\nMở chu kỳ báo cáo: {link}\n\nWaiting for you: see the list above.',
  },
};

export type Vars = Partial<
  Record<
    'unit' | 'period' | 'periodEn' | 'due' | 'days' | 'by' | 'comment' | 'link' | 'list' | 'count',
    string
  >
>;

/** A template with its variables filled in; an unknown variable stays as written, so a typo shows. */
export function render(kind: NotificationKind, vars: Vars): { subject: string; body: string } {
  const t = TEMPLATES[kind];
  const fill = (s: string) =>
    s.replace(/\{(\w+)\}/g, (m, k: string) => (vars as Record<string, string | undefined>)[k] ?? m);
  return { subject: fill(t.subject), body: fill(t.body) };
}

/** dd/mm/yyyy, as every date the editor shows. */
export const viDate = (iso: string): string => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
};

/** The variables that name a report's unit and period. */
export function reportVars(unit: Unit, period: string): Vars {
  const p = parsePeriod(period);
  return {
    unit: unit.name,
    period: p.ok ? periodLabel(p.period, 'vi') : period,
    periodEn: p.ok ? periodLabel(p.period, 'en') : period,
  };
}

export const reportLink = (env: EditorEnv, id: number) =>
  `${env.editorUrl}/#/bao-cao/${String(id)}`;
export const cycleLink = (env: EditorEnv, period: string) => `${env.editorUrl}/#/chu-ky/${period}`;

export interface Recipient {
  readonly id: number;
  readonly name: string;
  readonly email: string | null;
}

async function recipients(
  db: Client,
  sql: string,
  args: (string | number)[],
): Promise<Recipient[]> {
  return (await db.execute({ sql, args })).rows.map((r) => ({
    id: Number(r.id),
    name: text(r.display_name),
    email: r.email === null || text(r.email) === '' ? null : text(r.email),
  }));
}

/** The editors who write this unit's reports. */
export function editorsOf(db: Client, unit: string): Promise<Recipient[]> {
  return recipients(
    db,
    `SELECT DISTINCT u.id, u.display_name, u.email FROM users u JOIN user_scopes s ON s.user_id = u.id
     WHERE u.role = 'editor' AND u.disabled = 0 AND s.unit_id = ? ORDER BY u.display_name`,
    [unit],
  );
}

/** The reviewers of this unit: of the unit itself, or of its province; `provinceOnly` for the province's approval. */
export function reviewersOf(db: Client, unit: Unit, provinceOnly = false): Promise<Recipient[]> {
  return recipients(
    db,
    `SELECT DISTINCT u.id, u.display_name, u.email FROM users u JOIN user_scopes s ON s.user_id = u.id
     WHERE u.role = 'reviewer' AND u.disabled = 0 AND (s.province = ?${provinceOnly ? '' : ' OR s.unit_id = ?'})
     ORDER BY u.display_name`,
    provinceOnly ? [unit.province] : [unit.province, unit.id],
  );
}

/**
 * Tells each recipient once per `key` (a reminder already sent today is
 * not sent again); returns those told now. The e-mail goes out after the
 * rows are written and never fails the caller: a mail server that is down
 * leaves the notification in the editor, unmarked as e-mailed.
 */
export async function notify(
  services: { readonly db: Client; readonly env: EditorEnv },
  to: readonly Recipient[],
  kind: NotificationKind,
  key: string,
  vars: Vars,
  link: string,
): Promise<Recipient[]> {
  const { subject, body } = render(kind, { ...vars, link });
  const told: { r: Recipient; id: number }[] = [];
  for (const r of to) {
    const res = await services.db.execute({
      sql: `INSERT INTO notifications (user_id, kind, key, subject, body, link, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (user_id, key) DO NOTHING`,
      args: [r.id, kind, key, subject, body, link, new Date().toISOString()],
    });
    if (res.rowsAffected > 0) told.push({ r, id: Number(res.lastInsertRowid) });
  }
  const smtp = services.env.smtp;
  if (smtp) {
    for (const { r, id } of told) {
      if (!r.email) continue;
      void sendMail(smtp, { to: r.email, subject, text: body })
        .then(() =>
          services.db.execute({
            sql: 'UPDATE notifications SET emailed_at = ? WHERE id = ?',
            args: [new Date().toISOString(), id],
          }),
        )
        .catch((e: unknown) => {
          console.error(`Không gửi được thư "${subject}" tới ${r.email ?? ''}:`, e);
        });
    }
  }
  return told.map((t) => t.r);
}

/** A comment as a template line: empty, or a new line with it quoted. */
export const commentLine = (comment: string | undefined) =>
  comment?.trim() ? `\nÝ kiến: “${comment.trim()}”` : '';

/**
 * A workflow event told to those it concerns: a submit to the unit's
 * reviewers, a return or a publish to its editors. Never the one who did it.
 */
export async function tellAbout(
  ctx: {
    readonly db: Client;
    readonly env: EditorEnv;
    readonly user: { id: number; displayName: string };
  },
  kind: 'in_review' | 'returned' | 'published',
  report: { readonly id: number; readonly unit: string; readonly period: string },
  comment?: string,
): Promise<void> {
  const unit = (await listUnits(ctx.db)).find((u) => u.id === report.unit);
  if (!unit) return;
  const to =
    kind === 'in_review' ? await reviewersOf(ctx.db, unit) : await editorsOf(ctx.db, unit.id);
  await notify(
    ctx,
    to.filter((r) => r.id !== ctx.user.id),
    kind,
    `${kind}:${String(report.id)}:${new Date().toISOString()}`,
    { ...reportVars(unit, report.period), by: ctx.user.displayName, comment: commentLine(comment) },
    reportLink(ctx.env, report.id),
  );
}
