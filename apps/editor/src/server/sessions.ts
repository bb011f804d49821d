/**
 * Sessions: a random token in an HTTP-only, SameSite cookie; only its hash
 * is stored. A session ends after 2 hours idle or 12 hours in all, and at
 * logout on the server. A new one is made at every login.
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

export async function sessionUser(
  db: Client,
  token: string | undefined,
  now = Date.now(),
): Promise<number | undefined> {
  if (!token) return undefined;
  const row = (
    await db.execute({
      sql: 'SELECT user_id, created_at, last_seen FROM sessions WHERE id_hash = ?',
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
  return Number(row.user_id);
}

export async function endSession(db: Client, token: string): Promise<void> {
  await db.execute({ sql: 'DELETE FROM sessions WHERE id_hash = ?', args: [hash(token)] });
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

/** Five wrong passwords for a name from one address lock it for 15 minutes. */
export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60 * 1000;

export async function lockedUntil(
  db: Client,
  key: string,
  now = Date.now(),
): Promise<number | undefined> {
  const row = (
    await db.execute({ sql: 'SELECT locked_until FROM login_attempts WHERE key = ?', args: [key] })
  ).rows[0];
  const until =
    row?.locked_until === null || row?.locked_until === undefined
      ? undefined
      : Number(row.locked_until);
  return until !== undefined && until > now ? until : undefined;
}

export async function recordFailure(db: Client, key: string, now = Date.now()): Promise<void> {
  await db.execute({
    sql: `INSERT INTO login_attempts (key, failures, locked_until) VALUES (?, 1, NULL)
          ON CONFLICT (key) DO UPDATE SET failures = failures + 1,
            locked_until = CASE WHEN failures + 1 >= ? THEN ? ELSE locked_until END`,
    args: [key, MAX_FAILURES, now + LOCK_MS],
  });
}

export async function clearFailures(db: Client, key: string): Promise<void> {
  await db.execute({ sql: 'DELETE FROM login_attempts WHERE key = ?', args: [key] });
}
