/**
 * The account lifecycle. A password someone else handed out (the first
 * admin's, a demo user's, a new user's, an admin's reset) is a one-time
 * password: it opens nothing but its own change (trpc.ts's `authed`), and
 * it expires after ONE_TIME_PASSWORD_DAYS unused. A user changes their own
 * password with the current one; every other session of theirs ends then.
 * Every password check is throttled (login-throttle.ts) and its hash
 * bounded (password.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Client } from '@libsql/client';
import { TRPCError } from '@trpc/server';
import { ONE_TIME_PASSWORD_DAYS } from './limits.ts';
import {
  accountKey,
  addressKey,
  clientAddress,
  DEFAULT_THROTTLE,
  isRefusal,
  LoginThrottle,
  waitText,
  type ThrottleConfig,
} from './login-throttle.ts';
import {
  generatePassword,
  hashPassword,
  NO_USER_HASH,
  ServerBusyError,
  verifyPassword,
} from './password.ts';
import { DEVICE_COOKIE, deviceOf, passwordStamp } from './device-cookie.ts';
import { endUserSessions, readCookie } from './sessions.ts';
import { text } from './store/values.ts';

export const ONE_TIME_PASSWORD_MS = ONE_TIME_PASSWORD_DAYS * 24 * 60 * 60 * 1000;

const BUSY_MESSAGE = 'Máy chủ đang bận xử lý các lần đăng nhập khác. Hãy thử lại sau vài giây.';

export interface AccountOptions {
  readonly throttle?: Partial<ThrottleConfig>;
  /** The clock of throttling and of one-time passwords' expiry (tests move it). */
  readonly now?: () => number;
}

/** What a password check needs of a request. */
export interface CheckContext {
  readonly db: Client;
  readonly accounts?: AccountOptions;
  readonly env: { readonly trustProxy: boolean };
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
}

export const nowOf = (c: { readonly accounts?: AccountOptions }): number =>
  c.accounts?.now?.() ?? Date.now();

// One throttle per database, so its sweep runs once a minute per server.
const throttles = new WeakMap<Client, LoginThrottle>();
export function throttleOf(c: { readonly db: Client; readonly accounts?: AccountOptions }) {
  let t = throttles.get(c.db);
  if (!t) {
    const clock = c.accounts?.now;
    t = new LoginThrottle(
      c.db,
      { ...DEFAULT_THROTTLE, ...c.accounts?.throttle },
      clock ? () => clock() : Date.now,
    );
    throttles.set(c.db, t);
  }
  return t;
}

export interface Account {
  readonly id: number;
  readonly username: string;
  readonly mustChangePassword: boolean;
  /** When a one-time password stops working (ms); undefined for a password the user chose. */
  readonly passwordExpiresAt: number | undefined;
  /** What device cookies of the account are bound to (device-cookie.ts). */
  readonly passwordStamp: string;
}

function tooMany(c: CheckContext, retryAt: number, message: string): TRPCError {
  c.res.setHeader('Retry-After', String(Math.max(1, Math.ceil((retryAt - nowOf(c)) / 1000))));
  return new TRPCError({ code: 'TOO_MANY_REQUESTS', message });
}

/**
 * Checks `password` for `username`, throttled: the attempt is reserved
 * (account and address) before the hash, kept as a failure when the
 * password is wrong, given back when it is right or was not checked. A wrong
 * name costs the same hash and the same throttling as a wrong password.
 * A browser with a device cookie for the account counts its failures
 * apart (device-cookie.ts), and its success leaves the account's own count
 * as it is. Returns the account when the password is right, undefined when not;
 * throws TOO_MANY_REQUESTS when the attempt must wait or the server is busy.
 */
export async function checkPassword(
  c: CheckContext,
  username: string,
  password: string,
): Promise<Account | undefined> {
  const account = accountKey(username);
  const row = (
    await c.db.execute({
      sql: `SELECT id, username, password_hash, must_change_password, password_expires_at
            FROM users WHERE username = ? AND disabled = 0`,
      args: [account],
    })
  ).rows[0];
  const stamp = row ? passwordStamp(text(row.password_hash)) : '';
  const device = row
    ? deviceOf(readCookie(c.req.headers.cookie, DEVICE_COOKIE), account, stamp)
    : undefined;
  const reserved = await throttleOf(c).reserve(
    device ? `${account}#${device}` : account,
    addressKey(clientAddress(c.req, c.env.trustProxy)),
  );
  if (isRefusal(reserved)) {
    const wait = waitText(reserved.retryAt, nowOf(c));
    throw tooMany(
      c,
      reserved.retryAt,
      reserved.scope === 'account'
        ? `Đăng nhập sai quá nhiều lần với tài khoản này. Hãy thử lại sau ${wait}.`
        : `Đăng nhập sai quá nhiều lần từ địa chỉ mạng này. Hãy thử lại sau ${wait}.`,
    );
  }
  let ok: boolean;
  try {
    ok = await verifyPassword(password, row ? text(row.password_hash) : NO_USER_HASH);
  } catch (e) {
    await reserved.refund();
    if (e instanceof ServerBusyError) throw tooMany(c, nowOf(c) + 2000, BUSY_MESSAGE);
    throw e;
  }
  if (!row || !ok) {
    await reserved.failed();
    return undefined;
  }
  await reserved.succeeded();
  return {
    id: Number(row.id),
    username: text(row.username),
    mustChangePassword: Number(row.must_change_password) === 1,
    passwordExpiresAt:
      row.password_expires_at === null ? undefined : Number(row.password_expires_at),
    passwordStamp: stamp,
  };
}

/** A one-time password that has passed its date opens nothing, not even its own change. */
export function oneTimePasswordExpired(account: Account, now: number): boolean {
  return (
    account.mustChangePassword &&
    account.passwordExpiresAt !== undefined &&
    account.passwordExpiresAt <= now
  );
}

export const EXPIRED_MESSAGE = `Mật khẩu một lần này đã hết hạn (sau ${String(ONE_TIME_PASSWORD_DAYS)} ngày). Hãy nhờ quản trị viên cấp mật khẩu mới.`;

/** Makes the password a user was just given a one-time one: to be changed at first login, within the days allowed. */
export async function markOneTime(db: Client, userId: number, now: number): Promise<void> {
  await db.execute({
    sql: 'UPDATE users SET must_change_password = 1, password_expires_at = ?, password_changed_at = ? WHERE id = ?',
    args: [now + ONE_TIME_PASSWORD_MS, new Date(now).toISOString(), userId],
  });
}

/** An admin's reset: a new one-time password (returned once, stored only hashed), every session of the user ended. */
export async function resetPassword(
  c: { readonly db: Client; readonly accounts?: AccountOptions },
  userId: number,
  username: string,
): Promise<string> {
  const password = generatePassword();
  const hash = await hashPassword(password);
  await c.db.execute({
    sql: 'UPDATE users SET password_hash = ? WHERE id = ?',
    args: [hash, userId],
  });
  await markOneTime(c.db, userId, nowOf(c));
  await endUserSessions(c.db, userId);
  // The user may have been throttled by the guesses that made them ask for a reset.
  await throttleOf(c).clearAccount(accountKey(username));
  return password;
}

/**
 * A password the user chose: no longer one-time; every session of the user
 * ends (the caller opens a new one), and so does every device cookie.
 * Returns how many sessions ended and the password's new stamp.
 */
export async function setOwnPassword(
  c: { readonly db: Client; readonly accounts?: AccountOptions },
  userId: number,
  password: string,
): Promise<{ ended: number; passwordStamp: string }> {
  const hash = await hashPassword(password);
  await c.db.execute({
    sql: `UPDATE users SET password_hash = ?, must_change_password = 0, password_expires_at = NULL,
            password_changed_at = ? WHERE id = ?`,
    args: [hash, new Date(nowOf(c)).toISOString(), userId],
  });
  return { ended: await endUserSessions(c.db, userId), passwordStamp: passwordStamp(hash) };
}

/** Hashing refused because the server is busy, told as a 429 the user can act on. */
export async function unlessBusy<T>(
  c: { readonly res: ServerResponse },
  work: Promise<T>,
): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (!(e instanceof ServerBusyError)) throw e;
    c.res.setHeader('Retry-After', '2');
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: BUSY_MESSAGE });
  }
}
