/**
 * Device cookies (OWASP's "Slow Down Online Guessing Attacks with Device
 * Cookies", linked from the Authentication Cheat Sheet): a browser where a
 * user logged in gets a cookie naming that user, signed by the server. A
 * login that brings it counts its failures in a throttle of its own for that
 * browser, so an attacker who keeps the account's shared throttle at its
 * longest delay does not keep the user out on their usual computer; a
 * stolen cookie buys only its own few guesses.
 *
 * The cookie is signed with a key made at start (a restart makes every
 * browser a stranger again, which costs only the exemption) and names a
 * digest of the user's password hash, so a change or reset retires every
 * device cookie of the account but the one given with the change.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEVICE_COOKIE = 'ck_device';
const MAX_AGE_S = 180 * 24 * 60 * 60;
const key = randomBytes(32);

/** What a device cookie is bound to: a digest of the stored hash, new with every password (its salt is new). */
export const passwordStamp = (passwordHash: string): string =>
  createHash('sha256').update(passwordHash).digest('base64url').slice(0, 16);

const sign = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');
const payloadOf = (account: string, passwordStamp: string, nonce: string) =>
  Buffer.from(JSON.stringify([account, passwordStamp, nonce])).toString('base64url');

/** A new device token for the account, whose password last changed at `passwordStamp`. */
export function deviceToken(account: string, passwordStamp: string): string {
  const payload = payloadOf(account, passwordStamp, randomBytes(12).toString('base64url'));
  return `${payload}.${sign(payload)}`;
}

/**
 * The device a token names, as a short id for its throttle, when it is one
 * this server signed for this account and its current password; undefined
 * otherwise.
 */
export function deviceOf(
  token: string | undefined,
  account: string,
  passwordStamp: string,
): string | undefined {
  const [payload, mac] = (token ?? '').split('.');
  if (!payload || !mac) return undefined;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(fields) || fields[0] !== account || fields[1] !== passwordStamp)
    return undefined;
  return createHash('sha256').update(payload).digest('hex').slice(0, 24);
}

/** Sent only to the login and password procedures; never readable by scripts. */
export function deviceCookie(token: string, secure: boolean): string {
  return `${DEVICE_COOKIE}=${token}; Path=/trpc/; HttpOnly; SameSite=Strict; Max-Age=${String(MAX_AGE_S)}${secure ? '; Secure' : ''}`;
}
