/**
 * Accounts against a real server on a temporary libsql file: login
 * throttling (per account with a growing delay, per address, atomic,
 * expiring), bounded hashing, and the account lifecycle (one-time
 * passwords, the password policy, change, reset, log out everywhere). The
 * server's clock for throttling and expiry is the test's `now`; requests
 * come from different loopback addresses where the address matters.
 */
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONE_TIME_PASSWORD_MS } from '../src/server/accounts.ts';
import { migrate, openDatabase } from '../src/server/db.ts';
import { ensureFirstAdmin } from '../src/server/seed.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../src/server/limits.ts';
import { addressKey, clientAddress, DEFAULT_THROTTLE } from '../src/server/login-throttle.ts';
import { generatePassword, ServerBusyError, Slots } from '../src/server/password.ts';
import { passwordProblem } from '../src/server/password-policy.ts';
import { PASSWORD, startEditor, type Harness } from './harness.ts';

let h: Harness;
let now = Date.now();
// The defaults but a smaller address budget, so fewer half-second hashes show it.
const throttle = { ...DEFAULT_THROTTLE, addressFailures: 10 };
const NEW_PASSWORD = 'Đồng lúa chín vàng ươm mùa 2025';

interface Answer {
  status: number;
  message: string;
  retryAfter: number | undefined;
  /** The device cookie the server gave (name=value), if any. */
  device: string | undefined;
}

/** A login over raw HTTP from a given loopback address (so the server sees that client address), with cookies if given. */
function login(
  username: string,
  password: string,
  from = '127.0.0.1',
  cookie?: string,
): Promise<Answer> {
  const body = JSON.stringify({ username, password });
  const url = new URL(`${h.url}/trpc/auth.login`);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: from,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          origin: h.url,
          ...(cookie ? { cookie } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          const json = JSON.parse(text) as { error?: { message: string } };
          const retry = res.headers['retry-after'];
          resolve({
            status: res.statusCode ?? 0,
            message: json.error?.message ?? '',
            retryAfter: retry === undefined ? undefined : Number(retry),
            device: res.headers['set-cookie']
              ?.find((c) => c.startsWith('ck_device='))
              ?.split(';')[0],
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function failure(
  p: Promise<unknown>,
): Promise<{ code: string | undefined; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCClientError) {
      const data = e.data as { code?: string } | undefined;
      return { code: data?.code, message: e.message };
    }
    throw e;
  }
  throw new Error('expected the call to fail');
}

async function signIn(username: string, password = PASSWORD) {
  const c = h.client();
  const me = await c.auth.login.mutate({ username, password });
  return { c, me };
}

const count = (answers: Answer[], status: number) =>
  answers.filter((a) => a.status === status).length;

beforeAll(async () => {
  h = await startEditor({ accounts: { now: () => now, throttle } });
  await h.user('quantri', 'admin', {});
  await h.user('bientap', 'editor', { units: ['an-binh-tay-son-nghe-an'] });
  await h.user('duyet', 'reviewer', { provinces: ['Nghệ An'] });
  for (const name of [
    'muc-tieu',
    'cham-dan',
    'het-han',
    'hai-may',
    'doi-mk',
    'vung-ben',
    'vung-ben-2',
  ])
    await h.user(name, 'editor', {});
});

afterAll(async () => {
  await h.stop();
});

// Each password check is a real scrypt hash: half a second, more on a busy machine.
describe('login throttling', { timeout: 120_000 }, () => {
  it('checks at most the free failures of 40 parallel wrong guesses for one account', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => login('muc-tieu', 'sai-mat-khau', '127.0.0.2')),
    );
    expect(count(answers, 401)).toBeLessThanOrEqual(throttle.freeFailures);
    expect(count(answers, 429)).toBeGreaterThanOrEqual(40 - throttle.freeFailures);
    const refused = answers.find((a) => a.status === 429);
    expect(refused?.message).toBe(
      'Đăng nhập sai quá nhiều lần với tài khoản này. Hãy thử lại sau 1 giây.',
    );
    expect(refused?.retryAfter).toBe(1);
  });

  it('keeps a throttled account throttled from another address; a correct password after the delay passes', async () => {
    for (let i = 0; i < throttle.freeFailures; i++)
      expect((await login('cham-dan', 'sai', '127.0.0.3')).status).toBe(401);
    const elsewhere = await login('cham-dan', PASSWORD, '127.0.0.4');
    expect(elsewhere.status).toBe(429);
    expect(elsewhere.message).toContain('Hãy thử lại sau 1 giây.');
    // Each further failure doubles the delay, up to the cap.
    const delays: number[] = [];
    for (let i = 0; i < 11; i++) {
      now += (delays.at(-1) ?? 1) * 1000;
      expect((await login('cham-dan', 'sai', `127.0.1.${String(i + 1)}`)).status).toBe(401);
      delays.push((await login('cham-dan', PASSWORD, '127.0.0.4')).retryAfter ?? 0);
    }
    expect(delays).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
    expect((await login('cham-dan', PASSWORD, '127.0.0.4')).message).toContain('sau 5 phút.');
    now += 300_000;
    expect((await login('cham-dan', PASSWORD, '127.0.0.4')).status).toBe(200);
    // A success forgets the failures: the next mistakes are free again.
    expect((await login('cham-dan', 'sai', '127.0.0.4')).status).toBe(401);
    expect((await login('cham-dan', 'sai', '127.0.0.4')).status).toBe(401);
  });

  it('stops one address that spreads guesses over 15 accounts, and only that address', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 15; i++)
      answers.push(await login(`khong-co-${String(i)}`, 'sai', '127.0.0.5'));
    expect(count(answers, 401)).toBe(throttle.addressFailures);
    expect(count(answers, 429)).toBe(15 - throttle.addressFailures);
    expect(answers.at(-1)?.message).toBe(
      'Đăng nhập sai quá nhiều lần từ địa chỉ mạng này. Hãy thử lại sau 15 phút.',
    );
    // A correct password from that address waits too; from another address it passes.
    expect((await login('bientap', PASSWORD, '127.0.0.5')).status).toBe(429);
    expect((await login('bientap', PASSWORD, '127.0.0.6')).status).toBe(200);
    now += throttle.addressWindowMs;
    expect((await login('bientap', PASSWORD, '127.0.0.5')).status).toBe(200);
  });

  it('forgets an account’s failures an hour after the last one', async () => {
    for (let i = 0; i < throttle.freeFailures; i++)
      expect((await login('het-han', 'sai', '127.0.0.7')).status).toBe(401);
    expect((await login('het-han', 'sai', '127.0.0.7')).status).toBe(429);
    now += throttle.accountWindowMs;
    // Counted afresh: the free failures are free again, and only then the delay.
    for (let i = 0; i < throttle.freeFailures; i++)
      expect((await login('het-han', 'sai', '127.0.0.8')).status).toBe(401);
    expect((await login('het-han', PASSWORD, '127.0.0.8')).status).toBe(429);
    now += 1000;
    expect((await login('het-han', PASSWORD, '127.0.0.8')).status).toBe(200);
  });

  it('lets a user in at once from a browser they logged in from, while an attacker keeps the account waiting', async () => {
    const known = await login('vung-ben', PASSWORD, '127.0.3.1');
    expect(known.device).toMatch(/^ck_device=[\w-]+\.[\w-]+$/);
    for (let i = 0; i < throttle.freeFailures; i++)
      expect((await login('vung-ben', 'sai', '127.0.3.2')).status).toBe(401);
    expect((await login('vung-ben', PASSWORD, '127.0.3.2')).status).toBe(429);
    // Same address, no cookie: throttled; with the cookie: in at once.
    expect((await login('vung-ben', PASSWORD, '127.0.3.1')).status).toBe(429);
    const again = await login('vung-ben', PASSWORD, '127.0.3.1', known.device);
    expect(again.status).toBe(200);
    // Its success leaves the account's own count alone: the attacker still waits.
    expect((await login('vung-ben', PASSWORD, '127.0.3.2')).status).toBe(429);
    // A cookie for another account, or a forged one, is no exemption.
    const other = await login('bientap', PASSWORD, '127.0.3.3');
    expect((await login('vung-ben', PASSWORD, '127.0.3.3', other.device)).status).toBe(429);
    const forged = `${known.device?.split('.')[0] ?? ''}.AAAA`;
    expect((await login('vung-ben', PASSWORD, '127.0.3.1', forged)).status).toBe(429);
    // The device has its own few guesses, then waits like anyone.
    for (let i = 0; i < throttle.freeFailures; i++)
      expect((await login('vung-ben', 'sai', '127.0.3.4', again.device)).status).toBe(401);
    expect((await login('vung-ben', PASSWORD, '127.0.3.4', again.device)).status).toBe(429);
  });

  it('retires every device cookie of an account whose password an admin resets', async () => {
    const known = await login('vung-ben-2', PASSWORD, '127.0.4.1');
    for (let i = 0; i < throttle.freeFailures; i++)
      expect((await login('vung-ben-2', 'sai', '127.0.4.2')).status).toBe(401);
    const admin = (await signIn('quantri')).c;
    const id = (await admin.users.list.query()).find((u) => u.username === 'vung-ben-2')?.id ?? 0;
    await admin.users.resetPassword.mutate({ id });
    // The reset forgot the account's failures; the old cookie buys nothing now.
    for (let i = 0; i < throttle.freeFailures; i++)
      expect((await login('vung-ben-2', 'sai', '127.0.4.2')).status).toBe(401);
    expect((await login('vung-ben-2', 'sai', '127.0.4.1', known.device)).status).toBe(429);
  });

  it('counts IPv6 clients by their /64 and unwraps IPv4-mapped addresses', () => {
    expect(addressKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('2001:db8:aa:bb:1:2:3:4')).toBe(addressKey('2001:db8:aa:bb:ffff::9'));
    expect(addressKey('2001:db8:aa:bb::1')).toBe('2001:db8:aa:bb::/64');
    expect(addressKey('2001:db8:aa:bc::1')).not.toBe(addressKey('2001:db8:aa:bb::1'));
  });

  it('takes the address a trusted proxy saw, never one the client wrote', () => {
    const req = (xff?: string) => ({
      headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
      socket: { remoteAddress: '127.0.0.1' },
    });
    expect(clientAddress(req('203.0.113.9'), false)).toBe('127.0.0.1');
    expect(clientAddress(req('1.2.3.4, 203.0.113.9'), true)).toBe('203.0.113.9');
    expect(clientAddress(req(), true)).toBe('127.0.0.1');
  });
});

describe('bounded hashing', { timeout: 120_000 }, () => {
  it('hashes 32 logins with random names two at a time, tells the rest at once that the server is busy, and keeps serving', async () => {
    const started = performance.now();
    const logins = Array.from({ length: 32 }, (_, i) =>
      login(
        `ngau-nhien-${Math.random().toString(36).slice(2)}`,
        'sai',
        `127.0.2.${String(i + 1)}`,
      ).then((a) => ({ ...a, ms: performance.now() - started })),
    );
    // While they run, the editor answers its health check and serves its files quickly.
    await new Promise((r) => setTimeout(r, 100));
    const probe = performance.now();
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${h.url}/`)).status).toBe(200);
    const probeMs = performance.now() - probe;
    const answers = await Promise.all(logins);
    const busy = answers.filter((a) => a.status === 429);
    // Two hashing and eight waiting take the first ten (a few more when a hash ends
    // before the last requests arrive on a loaded machine); before, all 32 were hashed.
    expect(count(answers, 401)).toBeLessThanOrEqual(14);
    expect(busy.length).toBeGreaterThanOrEqual(18);
    expect(busy[0]?.message).toBe(
      'Máy chủ đang bận xử lý các lần đăng nhập khác. Hãy thử lại sau vài giây.',
    );
    expect(busy[0]?.retryAfter).toBe(2);
    // Refused at once, not after waiting behind the hashes.
    expect(Math.max(...busy.map((a) => a.ms))).toBeLessThan(1000);
    // Before, a file read waited behind every queued hash: 25 s on this machine.
    expect(probeMs).toBeLessThan(2000);
  });

  it('runs at most `concurrency` tasks, queues a few, refuses the rest at once', async () => {
    const slots = new Slots(2, 3);
    let running = 0;
    let peak = 0;
    const task = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return true;
    };
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => slots.run(task)));
    expect(peak).toBe(2);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(3);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ServerBusyError);
    expect(await slots.run(task)).toBe(true);
  });
});

describe('the password policy', () => {
  const refusal = (p: string, user = 'nguoi-dung') => passwordProblem(p, user);

  it('asks for 12 to 128 characters, counted after NFC, runs of spaces as one', () => {
    expect(refusal('ngắn quá')).toContain(
      `cần ít nhất ${String(PASSWORD_MIN_LENGTH)} ký tự (mới có 8)`,
    );
    expect(refusal('Hoa sen nở đẹp')).toBeUndefined();
    // Written with combining marks (11 code units), "kế hoạch" is 8 characters after NFC.
    expect(refusal('ke\u0302\u0301 hoa\u0323ch')).toContain('mới có 8)');
    expect(refusal('bầu      trời')).toContain('mới có 8)');
    expect(refusal('x'.repeat(PASSWORD_MAX_LENGTH - 1) + 'y')).toBeUndefined();
    expect(refusal('xy'.repeat(40) + 'z'.repeat(PASSWORD_MAX_LENGTH - 79))).toContain(
      `dài quá ${String(PASSWORD_MAX_LENGTH)} ký tự`,
    );
  });

  it('takes any characters and asks for no mix of kinds', () => {
    expect(refusal('tôi thích đi xe đạp')).toBeUndefined();
    expect(refusal('🐃🌾🏡 trâu cày ruộng')).toBeUndefined();
    expect(refusal('correct horse battery staple')).toBeUndefined();
    expect(refusal('a\u0000b\tc d"e\'f<g>h')).toBeUndefined();
  });

  it('refuses common and breached passwords, dressed up or not, the user name and trivial ones', () => {
    const common = 'đây là mật khẩu phổ biến hoặc đã bị lộ';
    expect(refusal('password1234')).toContain(common);
    expect(refusal('1qaz2wsx3edc')).toContain(common);
    expect(refusal('QWERTY123456')).toContain(common);
    expect(refusal('Iloveyou2024!')).toContain(common);
    expect(refusal('nguoi-dung-2025', 'nguoi-dung-2025')).toBe(
      'không được trùng với tên đăng nhập.',
    );
    expect(refusal('Nguoi.Dung123456', 'nguoi.dung')).toBe('không được trùng với tên đăng nhập.');
    expect(refusal('congkhai2025!!')).toContain('tên của ứng dụng');
    expect(refusal('matkhau123456')).toContain(common);
    expect(refusal('mật khẩu 2025 !!')).toContain('từ "mật khẩu"');
    expect(refusal('aaaaaaaaaaaaaa')).toContain('ký tự lặp lại hoặc liên tiếp');
    expect(refusal('abcabcabcabc')).toContain('ký tự lặp lại hoặc liên tiếp');
    expect(refusal('abcdefghijklmn')).toContain('ký tự lặp lại hoặc liên tiếp');
    expect(refusal('\ud800 mười hai ký tự')).toBe('có ký tự không hợp lệ.');
  });
});

describe('one-time passwords', { timeout: 120_000 }, () => {
  it('are 15 characters that cannot be mistaken for one another, each one new', () => {
    const many = Array.from({ length: 200 }, generatePassword);
    for (const p of many) expect(p).toMatch(/^[a-hjkmnp-zA-HJ-NP-RT-Y346-9]{15}$/);
    expect(new Set(many).size).toBe(200);
  });

  it('lets a new user do nothing but change the one-time password, which must follow the policy', async () => {
    const admin = (await signIn('quantri')).c;
    const { password } = await admin.users.create.mutate({
      username: 'moi',
      displayName: 'Người Mới',
      role: 'editor',
      units: ['an-binh-tay-son-nghe-an'],
    });
    const { c, me } = await signIn('moi', password);
    expect(me).toMatchObject({ username: 'moi', mustChangePassword: true });
    expect(await c.auth.me.query()).toMatchObject({ mustChangePassword: true });
    // Enforced on the server, whatever a client shows.
    for (const call of [c.reports.list.query({}), c.units.list.query(), c.site.builds.query()])
      expect(await failure(call)).toEqual({
        code: 'FORBIDDEN',
        message: 'Hãy đổi mật khẩu một lần trước khi làm việc khác.',
      });
    const change = (newPassword: string, currentPassword = password) =>
      failure(c.auth.changePassword.mutate({ currentPassword, newPassword }));
    expect((await change('password1234')).message).toBe(
      'Mật khẩu mới: đây là mật khẩu phổ biến hoặc đã bị lộ trong các vụ rò rỉ dữ liệu, nên bị dò ra đầu tiên. Hãy chọn mật khẩu khác, ví dụ một câu dài dễ nhớ.',
    );
    expect((await change('ngắn')).message).toMatch(/^Mật khẩu mới: cần ít nhất 12 ký tự/);
    expect((await change('moi')).message).toMatch(/^Mật khẩu mới: cần ít nhất/);
    expect((await change(password)).message).toBe('Mật khẩu mới: phải khác mật khẩu hiện tại.');
    expect(await change(NEW_PASSWORD, 'không phải')).toEqual({
      code: 'BAD_REQUEST',
      message: 'Mật khẩu hiện tại: không đúng.',
    });
    expect(
      (
        await failure(
          c.auth.changePassword.mutate({ currentPassword: '', newPassword: NEW_PASSWORD }),
        )
      ).message,
    ).toMatch(/^Mật khẩu hiện tại: /);

    const changed = await c.auth.changePassword.mutate({
      currentPassword: password,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.me).toMatchObject({ username: 'moi', mustChangePassword: false });
    expect(await c.reports.list.query({})).toEqual([]);
    expect((await login('moi', password)).status).toBe(401);
    expect((await login('moi', NEW_PASSWORD)).status).toBe(200);
    const listed = (await admin.users.list.query()).find((u) => u.username === 'moi');
    expect(listed?.mustChangePassword).toBe(false);
    expect(listed?.oneTimePasswordUntil).toBeUndefined();
  });

  it('lets a one-time password expire after 7 days unused; the admin then resets it', async () => {
    const admin = (await signIn('quantri')).c;
    const { password } = await admin.users.create.mutate({
      username: 'cham-tre',
      displayName: 'Chậm Trễ',
      role: 'reviewer',
      provinces: ['Nghệ An'],
    });
    const listed = (await admin.users.list.query()).find((u) => u.username === 'cham-tre');
    expect(listed?.oneTimePasswordUntil).toBe(now + ONE_TIME_PASSWORD_MS);
    now += ONE_TIME_PASSWORD_MS;
    expect(await login('cham-tre', password)).toMatchObject({
      status: 401,
      message:
        'Mật khẩu một lần này đã hết hạn (sau 7 ngày). Hãy nhờ quản trị viên cấp mật khẩu mới.',
    });
    const id = listed?.id ?? 0;
    const reset = await admin.users.resetPassword.mutate({ id });
    expect(reset.username).toBe('cham-tre');
    expect(reset.password).not.toBe(password);
    const { me } = await signIn('cham-tre', reset.password);
    expect(me.mustChangePassword).toBe(true);
  });

  it('ends every session of a user whose password an admin resets; the old password stops working', async () => {
    const first = await signIn('doi-mk');
    const second = await signIn('doi-mk');
    const admin = (await signIn('quantri')).c;
    const id = (await admin.users.list.query()).find((u) => u.username === 'doi-mk')?.id ?? 0;
    const { password } = await admin.users.resetPassword.mutate({ id });
    for (const c of [first.c, second.c])
      expect((await failure(c.reports.list.query({}))).code).toBe('UNAUTHORIZED');
    expect((await login('doi-mk', PASSWORD)).status).toBe(401);
    expect((await signIn('doi-mk', password)).me.mustChangePassword).toBe(true);
    expect(
      (
        await failure(
          admin.users.resetPassword.mutate({ id: (await admin.auth.me.query())?.id ?? 0 }),
        )
      ).message,
    ).toBe('Hãy đổi mật khẩu của chính mình ở mục Đổi mật khẩu.');
    expect((await failure(admin.users.resetPassword.mutate({ id: 99_999 }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('ends every other session when a password changes, and all of them at “log out everywhere”', async () => {
    const a = await signIn('hai-may');
    const b = await signIn('hai-may');
    const r = await a.c.auth.changePassword.mutate({
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(r.otherSessionsEnded).toBe(1);
    expect((await failure(b.c.reports.list.query({}))).code).toBe('UNAUTHORIZED');
    expect(await a.c.reports.list.query({})).toEqual([]);
    const c = await signIn('hai-may', NEW_PASSWORD);
    expect(await a.c.auth.logoutEverywhere.mutate()).toEqual({ sessions: 2 });
    for (const x of [a.c, c.c]) {
      expect((await failure(x.reports.list.query({}))).code).toBe('UNAUTHORIZED');
      expect(await x.auth.me.query()).toBeNull();
    }
  });
});

describe('the first admin', () => {
  it('gets a one-time password at first start, and a new one at a start after it expired unused', async () => {
    const db = await openDatabase(
      `file:${join(tmpdir(), `congkhai-first-admin-${String(Date.now())}.db`)}`,
    );
    const t0 = Date.now();
    const first = await ensureFirstAdmin(db, t0);
    expect(first).toMatchObject({ username: 'admin', role: 'admin' });
    const row = (await db.execute('SELECT must_change_password, password_expires_at FROM users'))
      .rows[0];
    expect(Number(row?.must_change_password)).toBe(1);
    expect(Number(row?.password_expires_at)).toBe(t0 + ONE_TIME_PASSWORD_MS);
    expect(await ensureFirstAdmin(db, t0 + ONE_TIME_PASSWORD_MS - 1)).toBeUndefined();
    const again = await ensureFirstAdmin(db, t0 + ONE_TIME_PASSWORD_MS);
    expect(again?.username).toBe('admin');
    expect(again?.password).not.toBe(first?.password);
    expect(await ensureFirstAdmin(db, t0 + ONE_TIME_PASSWORD_MS + 1)).toBeUndefined();
    // Once the admin has a password of their own, nothing is printed again.
    await db.execute('UPDATE users SET must_change_password = 0, password_expires_at = NULL');
    expect(await ensureFirstAdmin(db, t0 + 100 * ONE_TIME_PASSWORD_MS)).toBeUndefined();
    db.close();
  });
});

describe('upgrading a database', () => {
  it('makes every password of a database from before one to change at the next login, expiring none', async () => {
    const db = createClient({
      url: `file:${join(tmpdir(), `congkhai-upgrade-${String(Date.now())}.db`)}`,
    });
    await migrate(db, 3);
    await db.execute(
      `INSERT INTO users (username, display_name, password_hash, role, created_at) VALUES ('cu', 'Cũ', 'x', 'editor', '2025-01-01')`,
    );
    await migrate(db);
    const row = (
      await db.execute(
        "SELECT must_change_password, password_expires_at FROM users WHERE username = 'cu'",
      )
    ).rows[0];
    expect(Number(row?.must_change_password)).toBe(1);
    expect(row?.password_expires_at).toBeNull();
    db.close();
  });
});

describe('the role matrix of account procedures', { timeout: 120_000 }, () => {
  // Who may call what: nobody signed in, each role, and a user who still holds a one-time password.
  type Who = 'anonymous' | 'editor' | 'reviewer' | 'admin' | 'one-time';
  const may: Record<
    Who,
    { resetPassword: boolean; changePassword: boolean; logoutEverywhere: boolean; reports: boolean }
  > = {
    anonymous: {
      resetPassword: false,
      changePassword: false,
      logoutEverywhere: false,
      reports: false,
    },
    editor: { resetPassword: false, changePassword: true, logoutEverywhere: true, reports: true },
    reviewer: { resetPassword: false, changePassword: true, logoutEverywhere: true, reports: true },
    admin: { resetPassword: true, changePassword: true, logoutEverywhere: true, reports: true },
    'one-time': {
      resetPassword: false,
      changePassword: true,
      logoutEverywhere: true,
      reports: false,
    },
  };

  it.each(Object.keys(may) as Who[])('%s', async (who) => {
    const admin = (await signIn('quantri')).c;
    const target = `muc-tieu-${who}`;
    const created = await admin.users.create.mutate({
      username: target,
      displayName: target,
      role: 'editor',
    });
    const targetId = (await admin.users.list.query()).find((u) => u.username === target)?.id ?? 0;
    const user = `${who}-matrix`;
    let c = h.client();
    let current = PASSWORD;
    if (who === 'one-time') {
      current = (
        await admin.users.create.mutate({ username: user, displayName: user, role: 'editor' })
      ).password;
      c = (await signIn(user, current)).c;
    } else if (who !== 'anonymous') {
      await h.user(user, who, who === 'reviewer' ? { provinces: ['Nghệ An'] } : {});
      c = (await signIn(user)).c;
    }
    const ok = (p: Promise<unknown>) =>
      p.then(
        () => true,
        () => false,
      );
    const reports = await ok(c.reports.list.query({}));
    const resetPassword = await ok(c.users.resetPassword.mutate({ id: targetId }));
    const changePassword = await ok(
      c.auth.changePassword.mutate({ currentPassword: current, newPassword: NEW_PASSWORD }),
    );
    const logoutEverywhere = await ok(c.auth.logoutEverywhere.mutate());
    expect({ resetPassword, changePassword, logoutEverywhere, reports }).toEqual(may[who]);
    expect(created.password).toHaveLength(15);
  });
});
