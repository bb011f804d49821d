/** The audit log: who did what to which subject, when. */
import { now, type Db } from './values.ts';

export async function audit(
  db: Db,
  userId: number | undefined,
  action: string,
  subject: string,
  detail?: unknown,
): Promise<void> {
  await db.execute({
    sql: 'INSERT INTO audit_log (at, user_id, action, subject, detail) VALUES (?, ?, ?, ?, ?)',
    args: [
      now(),
      userId ?? null,
      action,
      subject,
      detail === undefined ? null : JSON.stringify(detail),
    ],
  });
}
