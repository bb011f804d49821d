/**
 * Passwords hashed with scrypt at OWASP's parameters (N = 2^17, r = 8,
 * p = 1): 128 MiB and about half a second per hash, on Node's thread pool
 * (node's async scrypt). That pool has four threads and static files are
 * read on it too, so at most two hashes run at once and a few wait their
 * turn; beyond that a hash is refused at once (ServerBusyError) instead of
 * queueing without bound behind unauthenticated logins.
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const;
const KEYLEN = 32;

export class ServerBusyError extends Error {
  override name = 'ServerBusyError';
}

/** A counting semaphore with a bounded queue: `run` refuses at once when the queue is full. */
export class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new ServerBusyError('hashing queue full');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      // The slot passes straight to the next waiter, or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** Two hashes at once, eight waiting (about two seconds of work): the rest are told the server is busy. */
export const hashing = new Slots(2, 8);

function derive(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return hashing.run(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password.normalize('NFC'), salt, KEYLEN, opts, (err, key) => {
          if (err) reject(err);
          else resolve(key);
        });
      }),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return `scrypt$${String(PARAMS.N)}$${String(PARAMS.r)}$${String(PARAMS.p)}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Checked against when the user does not exist, so a wrong name costs as long as a wrong password. */
export const NO_USER_HASH =
  'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Letters and digits that cannot be mistaken for one another when read out or copied by hand (no 0/O, 1/l/I, 5/S, 2/Z). */
const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRTUVWXY346789';

/**
 * A one-time password (a first admin, a demo user, a new user, a reset):
 * 15 readable characters, about 85 bits; it must be changed at the first
 * login (accounts.ts).
 */
export function generatePassword(): string {
  return Array.from({ length: 15 }, () => READABLE[randomInt(READABLE.length)]).join('');
}
