/**
 * Sessions: a random token in an HTTP-only, SameSite cookie; only its hash
 * is stored. A session ends after 2 hours idle or 12 hours in all, at
 * logout on the server, and when its user's password changes (every other
 * session of the user) or is reset, or at "log out everywhere". A new one
 * is made at every login and password change.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Client } from '@libsql/client';

export const COOKIE = 'ck_session';
export const IDLE_MS = 2 * 60 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Client, userId: number, now = Date.now()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.execute({
    sql: 'INSERT INTO sessions (id_hash, user_id, created_at, last_seen) VALUES (?, ?, ?, ?)',
    args: [hash(token), userId, now, now],
  });
  return token;
}

/** Who a session belongs to, and whether they must still change a one-time password. */
export interface SessionInfo {
  readonly userId: number;
  readonly mustChangePassword: boolean;
}

export async function sessionUser(
  db: Client,
  token: string | undefined,
  now = Date.now(),
): Promise<SessionInfo | undefined> {
  if (!token) return undefined;
  const row = (
    await db.execute({
      sql: `SELECT s.user_id, s.created_at, s.last_seen, u.must_change_password
            FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?`,
      args: [hash(token)],
    })
  ).rows[0];
  if (!row) return undefined;
  if (now - Number(row.last_seen) > IDLE_MS || now - Number(row.created_at) > ABSOLUTE_MS) {
    await endSession(db, token);
    return undefined;
  }
  // Touch at most once a minute: a save is not a write to the sessions table too.
  if (now - Number(row.last_seen) > 60_000) {
    await db.execute({
      sql: 'UPDATE sessions SET last_seen = ? WHERE id_hash = ?',
      args: [now, hash(token)],
    });
  }
  return {
    userId: Number(row.user_id),
    mustChangePassword: Number(row.must_change_password) === 1,
  };
}

export async function endSession(db: Client, token: string): Promise<void> {
  await db.execute({ sql: 'DELETE FROM sessions WHERE id_hash = ?', args: [hash(token)] });
}

/** Ends every session of a user, but the one of `keep` if given; returns how many ended. */
export async function endUserSessions(db: Client, userId: number, keep?: string): Promise<number> {
  const r = await db.execute(
    keep === undefined
      ? { sql: 'DELETE FROM sessions WHERE user_id = ?', args: [userId] }
      : {
          sql: 'DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?',
          args: [userId, hash(keep)],
        },
  );
  return r.rowsAffected;
}

export function sessionCookie(token: string, secure: boolean): string {
  return `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${String(ABSOLUTE_MS / 1000)}${secure ? '; Secure' : ''}`;
}

export function clearCookie(secure: boolean): string {
  return `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`;
}

export function readCookie(header: string | undefined, name = COOKIE): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
