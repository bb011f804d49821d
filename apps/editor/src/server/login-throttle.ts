/**
 * Login throttling after OWASP's Authentication Cheat Sheet ("Login
 * Throttling", "Account Lockout"): the counter of failures belongs to the
 * account, not to the address, so spreading guesses over many addresses
 * gains nothing; a few failures are free, then each attempt waits a delay
 * that doubles with every failure up to a cap (an exponential lockout that
 * never locks: a correct password after the delay always passes); failures
 * are forgotten an hour after the last one. Besides, each client address
 * has a budget of failures per window across all accounts, so one client
 * cannot spread guesses over many names.
 *
 * Every attempt is reserved in one SQL statement (an UPSERT whose WHERE
 * refuses it while a delay runs) before any password is hashed: parallel
 * guesses cannot all slip through between a check and a count. A
 * reservation is kept as a failure when the password was wrong (its delay
 * then runs from the moment that is known, after the hash), forgotten when
 * it was right, and given back when it was not checked at all.
 */
import type { Client } from '@libsql/client';

export interface ThrottleConfig {
  /** Failures of one account that cost no delay. */
  readonly freeFailures: number;
  /** The delay after the first failure past the free ones; it doubles with each further failure. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** An account's failures are forgotten this long after its last one (longer than maxDelayMs). */
  readonly accountWindowMs: number;
  /** Failures one client address may make, over all accounts, in a window. */
  readonly addressFailures: number;
  readonly addressWindowMs: number;
}

/**
 * Five free failures, then 1 s, 2 s, 4 s … up to 5 minutes: at most about
 * 25 guesses an hour on one account (ASVS v4 2.2.1 asks for no more than
 * 100), while a user who mistypes a few times never waits. An office
 * behind one address may make 20 failures in 15 minutes.
 */
export const DEFAULT_THROTTLE: ThrottleConfig = {
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 5 * 60 * 1000,
  accountWindowMs: 60 * 60 * 1000,
  addressFailures: 20,
  addressWindowMs: 15 * 60 * 1000,
};

/** Why an attempt may not be checked now, and from when it may. */
export interface Refusal {
  readonly scope: 'account' | 'address';
  readonly retryAt: number;
}

/** An attempt that may be checked; settle it once the password was checked (or was not). */
export interface Reservation {
  /** The password was right: the account's failures are forgotten, the address gets its one back. */
  succeeded(): Promise<void>;
  /** The password was wrong: the failure stays counted, and the delay runs from now, when it is known. */
  failed(): Promise<void>;
  /** The password was not checked after all (the server was busy): both get their attempt back. */
  refund(): Promise<void>;
}

/** The name a failure counts against: the account as the user types it, existing or not (no enumeration). */
export const accountKey = (username: string): string =>
  username.normalize('NFC').trim().toLowerCase();

/**
 * The address a budget counts against: IPv4 as it is (an IPv4-mapped IPv6
 * address unwrapped), IPv6 by its /64 prefix, since one host is usually
 * given a whole /64.
 */
export function addressKey(remote: string | undefined): string {
  const a = (remote ?? '').toLowerCase();
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (v4?.[1]) return v4[1];
  if (!a.includes(':')) return a;
  const [head = '', tail = ''] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = a.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The client's address: the socket's, or behind a trusted reverse proxy the
 * last address of X-Forwarded-For (the one the proxy itself saw; the
 * earlier ones are whatever the client wrote).
 */
export function clientAddress(
  req: {
    headers: Record<string, string | string[] | undefined>;
    socket: { remoteAddress?: string | undefined };
  },
  trustProxy: boolean,
): string | undefined {
  const forwarded = req.headers['x-forwarded-for'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .at(-1);
  return trustProxy && last ? last : req.socket.remoteAddress;
}

/** SQL for the delay after `n` failures (n an SQL expression): none while free, then doubling up to the cap. */
function delaySql(n: string, c: ThrottleConfig): string {
  const free = String(Math.trunc(c.freeFailures));
  return `(CASE WHEN (${n}) < ${free} THEN 0 ELSE MIN(${String(Math.trunc(c.maxDelayMs))}, ${String(Math.trunc(c.baseDelayMs))} << MIN((${n}) - ${free}, 40)) END)`;
}

export class LoginThrottle {
  private lastSweep = 0;

  constructor(
    private readonly db: Client,
    readonly config: ThrottleConfig = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reserves one attempt for the account from the address, or says until when it must wait. */
  async reserve(account: string, address: string): Promise<Reservation | Refusal> {
    const c = this.config;
    const t = this.now();
    await this.sweep(t);
    const byAddress = await this.db.execute({
      sql: `INSERT INTO login_address_failures (address, failures, window_start) VALUES (?1, 1, ?2)
            ON CONFLICT (address) DO UPDATE SET
              failures = CASE WHEN window_start <= ?2 - ?3 THEN 1 ELSE failures + 1 END,
              window_start = CASE WHEN window_start <= ?2 - ?3 THEN ?2 ELSE window_start END
            WHERE failures < ?4 OR window_start <= ?2 - ?3
            RETURNING failures`,
      args: [address, t, c.addressWindowMs, c.addressFailures],
    });
    if (byAddress.rows.length === 0) {
      const row = (
        await this.db.execute({
          sql: 'SELECT window_start FROM login_address_failures WHERE address = ?',
          args: [address],
        })
      ).rows[0];
      return { scope: 'address', retryAt: Number(row?.window_start ?? t) + c.addressWindowMs };
    }
    // The new count: 1 when the old failures have expired, else one more.
    const count = `(CASE WHEN last_failure <= ?2 - ?3 THEN 1 ELSE failures + 1 END)`;
    const byAccount = await this.db.execute({
      sql: `INSERT INTO login_account_failures (account, failures, last_failure, next_attempt)
              VALUES (?1, 1, ?2, ?2 + ${delaySql('1', c)})
            ON CONFLICT (account) DO UPDATE SET
              failures = ${count},
              last_failure = ?2,
              next_attempt = ?2 + ${delaySql(count, c)}
            WHERE next_attempt <= ?2 OR last_failure <= ?2 - ?3
            RETURNING failures`,
      args: [account, t, c.accountWindowMs],
    });
    if (byAccount.rows.length === 0) {
      await this.refundAddress(address);
      const row = (
        await this.db.execute({
          sql: 'SELECT next_attempt FROM login_account_failures WHERE account = ?',
          args: [account],
        })
      ).rows[0];
      return { scope: 'account', retryAt: Number(row?.next_attempt ?? t) };
    }
    return {
      succeeded: async () => {
        await this.db.execute({
          sql: 'DELETE FROM login_account_failures WHERE account = ?',
          args: [account],
        });
        await this.refundAddress(address);
      },
      failed: async () => {
        const t2 = this.now();
        await this.db.execute({
          sql: `UPDATE login_account_failures SET last_failure = MAX(last_failure, ?2),
                  next_attempt = MAX(next_attempt, ?2 + ${delaySql('failures', c)})
                WHERE account = ?1`,
          args: [account, t2],
        });
      },
      refund: async () => {
        // One failure fewer, and the delay that count had since the last failure.
        await this.db.execute({
          sql: `UPDATE login_account_failures SET failures = MAX(failures - 1, 0),
                  next_attempt = last_failure + ${delaySql('MAX(failures - 1, 0)', c)}
                WHERE account = ?`,
          args: [account],
        });
        await this.refundAddress(address);
      },
    };
  }

  /** An account's failures forgotten at once: an admin gave it a new password. */
  async clearAccount(account: string): Promise<void> {
    await this.db.execute({
      sql: 'DELETE FROM login_account_failures WHERE account = ?',
      args: [account],
    });
  }

  private async refundAddress(address: string): Promise<void> {
    await this.db.execute({
      sql: 'UPDATE login_address_failures SET failures = MAX(failures - 1, 0) WHERE address = ?',
      args: [address],
    });
  }

  /** Expired rows go, at most once a minute, so guesses at random names leave nothing behind. */
  private async sweep(t: number): Promise<void> {
    if (t - this.lastSweep < 60_000) return;
    this.lastSweep = t;
    await this.db.execute({
      sql: 'DELETE FROM login_account_failures WHERE last_failure <= ? AND next_attempt <= ?',
      args: [t - this.config.accountWindowMs, t],
    });
    await this.db.execute({
      sql: 'DELETE FROM login_address_failures WHERE window_start <= ?',
      args: [t - this.config.addressWindowMs],
    });
  }
}

export const isRefusal = (r: Reservation | Refusal): r is Refusal => 'retryAt' in r;

/** "42 giây", "3 phút": how long until `at`, rounded up, in Vietnamese. */
export function waitText(at: number, now: number): string {
  const s = Math.max(1, Math.ceil((at - now) / 1000));
  return s < 90 ? `${String(s)} giây` : `${String(Math.ceil(s / 60))} phút`;
}
