/** The review of a report: comments, and its workflow as it happened. */
import { now, text, type Db } from './values.ts';

export async function addComment(
  db: Db,
  reportId: number,
  userId: number,
  body: string,
): Promise<void> {
  await db.execute({
    sql: 'INSERT INTO review_comments (report_id, author_id, body, created_at) VALUES (?, ?, ?, ?)',
    args: [reportId, userId, body, now()],
  });
}

export async function comments(
  db: Db,
  reportId: number,
): Promise<{ author: string; body: string; at: string }[]> {
  const rows = (
    await db.execute({
      sql: 'SELECT u.display_name AS author, c.body, c.created_at FROM review_comments c JOIN users u ON u.id = c.author_id WHERE c.report_id = ? ORDER BY c.id',
      args: [reportId],
    })
  ).rows;
  return rows.map((r) => ({ author: text(r.author), body: text(r.body), at: text(r.created_at) }));
}

export type WorkflowEventKind = 'submitted' | 'returned' | 'published' | 'withdrawn';
const EVENT_ACTIONS: Record<string, WorkflowEventKind> = {
  report_submit: 'submitted',
  report_return: 'returned',
  report_publish: 'published',
  report_withdraw: 'withdrawn',
};

/**
 * The workflow of a report as it happened, from the audit log: who
 * submitted, returned, published or withdrew it, when, with the comment
 * they wrote then, and the version it was at (the last revision before).
 */
export async function workflowEvents(
  db: Db,
  reportId: number,
): Promise<
  {
    kind: WorkflowEventKind;
    at: string;
    by: string | null;
    version: number;
    comment: string | null;
  }[]
> {
  const actions = Object.keys(EVENT_ACTIONS);
  const rows = (
    await db.execute({
      sql: `SELECT a.action, a.at, a.user_id, u.display_name,
              (SELECT MAX(v.version) FROM revisions v WHERE v.report_id = ? AND v.created_at <= a.at) AS version
            FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
            WHERE a.subject = ? AND a.action IN (${actions.map(() => '?').join(',')}) ORDER BY a.id`,
      args: [reportId, String(reportId), ...actions],
    })
  ).rows;
  const notes = (
    await db.execute({
      sql: 'SELECT author_id, body, created_at FROM review_comments WHERE report_id = ? ORDER BY id',
      args: [reportId],
    })
  ).rows.map((c) => ({
    by: Number(c.author_id),
    body: text(c.body),
    at: Date.parse(text(c.created_at)),
  }));
  return rows.map((r) => {
    const at = text(r.at);
    // The comment written with the step: same person, within a few seconds.
    const note = notes.find(
      (c) => c.by === Number(r.user_id) && Math.abs(c.at - Date.parse(at)) < 5000,
    );
    return {
      kind: EVENT_ACTIONS[text(r.action)] ?? 'submitted',
      at,
      by: r.display_name === null ? null : text(r.display_name),
      version: Number(r.version ?? 1),
      comment: note?.body ?? null,
    };
  });
}
