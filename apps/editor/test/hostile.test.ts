/**
 * The editor's API against hostile and odd input, over real HTTP on a real
 * temporary libsql database: each finding of the hardening review replayed
 * (texts that libsql cannot read back, leaking errors, authorization
 * gaps, inputs big enough to stall the server), then a property-based
 * fuzz of every procedure. After each, the server still answers and what
 * it acknowledged is still there.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/server/app.ts';
import { failure, PASSWORD, startEditor, type Harness } from './harness.ts';

let h: Harness;
const A = 'an-binh-tay-son-nghe-an';
const B = 'kim-tan-kim-thanh-hai-duong';

const content = (extra: Record<string, unknown> = {}) => ({
  title: 'Báo cáo kết quả cải cách hành chính',
  metrics: { 'dossiers.received': 120 },
  targets: {},
  statedShares: {},
  explanations: {},
  body: '## I. Kết quả\n\nĐã thực hiện.\n',
  ...extra,
});

/** What no answer of the server may contain: a stack frame, a path of this machine, a database error. */
const LEAKS =
  /\bat [\w.<>]+ \(|node_modules|\/work\/|\/tmp\/|file:\/\/|SQLITE_|LibsqlError|\.ts:\d+/;

async function healthy(): Promise<void> {
  const res = await fetch(`${h.url}/healthz`);
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  h = await startEditor();
  await h.user('bientap-a', 'editor', { units: [A] });
  await h.user('bientap-b', 'editor', { units: [B] });
  await h.user('duyet-nghe-an', 'reviewer', { provinces: ['Nghệ An'] });
  await h.user('duyet-hai-duong', 'reviewer', { provinces: ['Hải Dương'] });
  await h.user('quantri', 'admin', {});
});

afterAll(async () => {
  await h.stop();
});

describe('texts that cannot be stored as they are', () => {
  it('refuses a lone surrogate or a NUL in any field, naming the field', async () => {
    const a = await h.login('bientap-a');
    const id = await a.reports.create.mutate({ unit: A, period: '2021-H1' });
    const title = await failure(
      a.reports.save.mutate({ id, baseVersion: 1, content: content({ title: 'Báo cáo \ud800' }) }),
    );
    expect(title).toMatchObject({ code: 'BAD_REQUEST' });
    expect(title.message).toMatch(/^Tiêu đề: có ký tự Unicode hỏng/);
    const body = await failure(
      a.reports.save.mutate({ id, baseVersion: 1, content: content({ body: 'Đã\u0000xong' }) }),
    );
    expect(body.message).toMatch(/^Nội dung: có ký tự NUL/);
    const key = await failure(
      a.reports.save.mutate({
        id,
        baseVersion: 1,
        content: content({ explanations: { '\udfff': 'x' } }),
      }),
    );
    expect(key.message).toMatch(/^Giải trình: tên mục có ký tự Unicode hỏng/);
    const name = await failure(
      h.client().auth.login.mutate({ username: 'a\ud800', password: 'x' }),
    );
    expect(name.message).toMatch(/^Tên đăng nhập:/);
    // Nothing was saved by any of them; Vietnamese text with Đ is fine.
    const saved = await a.reports.save.mutate({
      id,
      baseVersion: 1,
      content: content({ title: 'Báo cáo xã Đông Hải, Đức Lâm' }),
    });
    expect(saved.version).toBe(2);
    expect((await a.reports.get.query({ id })).title).toBe('Báo cáo xã Đông Hải, Đức Lâm');
  });

  it('stores texts typed in decomposed Unicode (NFD) as NFC, so search and the unit list find them', async () => {
    const a = await h.login('bientap-a');
    const id = await a.reports.create.mutate({ unit: A, period: '2018-H1' });
    const title = 'Báo cáo quý Một xã Tiến Phước';
    const body = '## I. Kết quả\n\nĐã tiếp nhận hồ sơ trực tuyến.\n';
    expect(title.normalize('NFD')).not.toBe(title);
    await a.reports.save.mutate({
      id,
      baseVersion: 1,
      content: content({ title: title.normalize('NFD'), body: body.normalize('NFD') }),
    });
    const got = await a.reports.get.query({ id });
    expect(got.title).toBe(title);
    expect(got.content.body).toBe(body);
    const found = await a.reports.list.query({ text: 'Tiến Phước' });
    expect(found.map((r) => r.id)).toContain(id);
  });

  it('lists and opens a report whose stored title holds a lone surrogate (saved before the check)', async () => {
    const a = await h.login('bientap-a');
    const id = await a.reports.create.mutate({ unit: A, period: '2021-H2' });
    // As an older server stored it: JSON text escapes the surrogate, which
    // json_extract then decoded into bytes libsql could not read (a panic).
    await h.db.execute({
      sql: 'UPDATE revisions SET content = ? WHERE report_id = ?',
      args: [
        JSON.stringify({ ...(await a.reports.get.query({ id })).content, title: 'Tiêu\ud800đề' }),
        id,
      ],
    });
    await h.db.execute({
      sql: 'UPDATE reports SET title = ? WHERE id = ?',
      args: ['Tiêu\ud800đề', id],
    });
    const list = await a.reports.list.query({ text: 'tiêu' });
    expect(list.map((r) => r.id)).toContain(id);
    expect((await a.reports.get.query({ id })).id).toBe(id);
    await healthy();
  });
});

describe('errors say what is wrong and nothing about the code', () => {
  it('answers Origin: null with 403, not 500', async () => {
    const res = await fetch(`${h.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'null' },
      body: JSON.stringify({ username: 'x', password: 'y' }),
    });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toMatch(LEAKS);
  });

  it('tells a server fault with a reference, never a stack trace, a path or the database error', async () => {
    const a = await h.login('bientap-a');
    const id = await a.reports.create.mutate({ unit: A, period: '2022-H1' });
    await h.db.execute('ALTER TABLE presence RENAME TO presence_gone');
    try {
      const res = await fetch(`${h.url}/trpc/reports.presence`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: h.url },
        body: JSON.stringify({ id }),
      });
      expect(res.status).toBe(401); // no session: refused before the fault
      const fault = await failure(a.reports.presence.mutate({ id }));
      expect(fault.code).toBe('INTERNAL_SERVER_ERROR');
      expect(fault.message).toMatch(/^Lỗi máy chủ \(mã [0-9a-f]{8}\)/);
      expect(fault.message).not.toMatch(/presence|SQLITE/);
    } finally {
      await h.db.execute('ALTER TABLE presence_gone RENAME TO presence');
    }
  });

  it('sends no stack trace with any error', async () => {
    for (const [path, init] of [
      ['/trpc/reports.get?input=%7B%22id%22%3A%22x%22%7D', {}],
      ['/trpc/nope.nope', {}],
      ['/trpc/auth.login', { method: 'POST', body: '{"username":', headers: { origin: h.url } }],
      ['/trpc/auth.login', { method: 'PUT', body: '{}' }],
    ] as const) {
      const res = await fetch(`${h.url}${path}`, init);
      const body = await res.text();
      expect(res.status, path).toBeLessThan(500);
      expect(body, path).not.toMatch(LEAKS);
      expect(body, path).not.toContain('"stack"');
    }
  });
});

describe('authorization', () => {
  it('lets a reviewer set the due date of their own province only, and an admin any', async () => {
    const r = await h.login('duyet-nghe-an');
    await r.reports.setDue.mutate({ period: '2026-H2', due: '2027-01-10' });
    const other = await failure(
      r.reports.setDue.mutate({ period: '2026-H2', due: '2027-01-01', province: 'Hải Dương' }),
    );
    expect(other.code).toBe('FORBIDDEN');
    expect(other.message).toContain('Nghệ An');
    const admin = await h.login('quantri');
    await admin.reports.setDue.mutate({ period: '2026-H2', due: '2027-01-20' });
    // Nghệ An keeps its own date; Hải Dương has the national one.
    const cycle = await admin.reports.cycle.query({ period: '2026-H2' });
    expect(Object.fromEntries(cycle.units.map((u) => [u.unit, u.due]))).toEqual({
      [A]: '2027-01-10',
      [B]: '2027-01-20',
    });
    expect((await r.reports.cycle.query({ period: '2026-H2' })).due).toBe('2027-01-10');
    const hd = await h.login('duyet-hai-duong');
    expect((await hd.reports.cycle.query({ period: '2026-H2' })).due).toBe('2027-01-20');
    const e = await h.login('bientap-a');
    expect(
      (await failure(e.reports.setDue.mutate({ period: '2026-H2', due: '2027-01-01' }))).code,
    ).toBe('FORBIDDEN');
  });

  it("shows an editor the builds of their own units, and of other units' only that there were some", async () => {
    await h.db.execute({
      sql: "INSERT INTO builds (release, reason, requests, started_at, status, log) VALUES ('r1', ?, ?, '2026-01-01T00:00:00Z', 'live', 'rendered xa/an-binh')",
      args: [
        `công bố / publish ${A}/2025-H1 (duyet-nghe-an); khởi động / start`,
        JSON.stringify([
          { reason: `công bố / publish ${A}/2025-H1`, unit: A, by: 'duyet-nghe-an' },
          { reason: 'khởi động / start' },
        ]),
      ],
    });
    const b = await h.login('bientap-b');
    const seen = (await b.site.builds.query({ limit: 1 })).builds[0];
    expect(seen?.reason).toBe('khởi động / start; 1 yêu cầu khác / other requests');
    expect(seen?.log).toBeNull();
    const a = await h.login('bientap-a');
    expect((await a.site.builds.query({ limit: 1 })).builds[0]?.reason).toBe(
      `công bố / publish ${A}/2025-H1 (duyet-nghe-an); khởi động / start`,
    );
    const admin = await h.login('quantri');
    expect((await admin.site.builds.query({ limit: 1 })).builds[0]?.log).toBe(
      'rendered xa/an-binh',
    );
  });
});

describe('big inputs', () => {
  it('refuses unknown metric ids by name instead of dropping them', async () => {
    const a = await h.login('bientap-a');
    const id = await a.reports.create.mutate({ unit: A, period: '2022-H2' });
    const f = await failure(
      a.reports.save.mutate({
        id,
        baseVersion: 1,
        content: content({ metrics: { 'dossiers.received': 5, 'dossiers.recieved': 7 } }),
      }),
    );
    expect(f.code).toBe('BAD_REQUEST');
    expect(f.message).toBe('Số liệu: không có trong danh mục chỉ tiêu: "dossiers.recieved".');
  });

  it('refuses a million metric keys with a message, and keeps answering', async () => {
    // Built first: a connection left idle while a slow machine builds it may be closed under the request.
    const metrics: Record<string, number> = {};
    for (let i = 0; i < 1_000_000; i++) metrics[`k${String(i)}`] = i;
    const a = await h.login('bientap-a');
    const id = await a.reports.create.mutate({ unit: A, period: '2020-H2' });
    const f = await failure(
      a.reports.save.mutate({ id, baseVersion: 1, content: content({ metrics }) }),
    );
    expect(f.message).toMatch(/^Số liệu: quá nhiều mục/);
    await healthy();
  });

  it('refuses a 5 MB paste with a message that says so', async () => {
    const a = await h.login('bientap-a');
    const f = await failure(
      a.import.propose.mutate({ text: 'Đã tiếp nhận 12 hồ sơ. '.repeat(230_000) }),
    );
    expect(f.code).toBe('BAD_REQUEST');
    expect(f.message).toMatch(/^Văn bản: văn bản dài quá 2\.000\.000 ký tự/);
  });

  it('reads a large paste off the request thread: the server answers while it works', async () => {
    const a = await h.login('bientap-a');
    const text =
      'Trong kỳ, UBND xã đã tiếp nhận 1.164 hồ sơ, trong đó trực tuyến 1.145 hồ sơ. '.repeat(
        24_000,
      );
    const state = { importing: true };
    const importing = a.import.propose.mutate({ text }).finally(() => {
      state.importing = false;
    });
    // Health answers many times while the import is still running.
    let answered = 0;
    while (state.importing && answered < 20) {
      await healthy();
      answered++;
    }
    expect(answered).toBeGreaterThan(3);
    const proposal = await importing;
    expect(proposal).toBeDefined();
  });
});

/** Every procedure of the router, with its kind. */
function procedures(): { path: string; type: 'query' | 'mutation' | 'subscription' }[] {
  const record = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: 'query' | 'mutation' | 'subscription' } }
  >;
  return Object.entries(record).map(([path, p]) => ({ path, type: p._def.type }));
}

/** Values a careless or hostile caller sends: broken Unicode, NUL, huge, nested, wrong types. */
const nasty = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      '\ud800',
      'a\u0000b',
      'Đông Hải',
      '',
      ' ',
      '__proto__',
      '../../etc/passwd',
      '2023-H1',
      '1e308',
    ),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('x'.repeat(300_000), 'Đ'.repeat(2_100_000)),
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1, 2 ** 53 + 1),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom(
          'id',
          'unit',
          'period',
          'title',
          'metrics',
          'content',
          'text',
          'username',
          'password',
          '\ud800',
        ),
        fc.string({ maxLength: 8 }),
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

describe('fuzz: every procedure, any input', () => {
  it('answers every input with a status below 500 or a bare fault, never a leak, and stays up', async () => {
    const a = await h.login('bientap-a');
    const id = await a.reports.create.mutate({ unit: A, period: '2019-H1' });
    const saved = await a.reports.save.mutate({ id, baseVersion: 1, content: content() });
    // An admin's session: most procedures reach their handler.
    const res = await fetch(`${h.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: h.url },
      body: JSON.stringify({ username: 'quantri', password: PASSWORD }),
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const all = procedures().filter((p) => !['auth.login', 'auth.logout'].includes(p.path));
    expect(all.length).toBeGreaterThan(15);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...all),
        nasty,
        fc.boolean(),
        async (proc, input, signedIn) => {
          const headers: Record<string, string> = {
            origin: h.url,
            'content-type': 'application/json',
          };
          if (signedIn) headers.cookie = cookie;
          const body = JSON.stringify(input ?? null);
          const r =
            proc.type === 'query'
              ? await fetch(
                  `${h.url}/trpc/${proc.path}?input=${encodeURIComponent(body.slice(0, 6000))}`,
                  { headers },
                )
              : await fetch(`${h.url}/trpc/${proc.path}`, { method: 'POST', headers, body });
          const text = await r.text();
          expect(text, proc.path).not.toMatch(LEAKS);
          expect(
            r.status,
            `${proc.path} ${body.slice(0, 200)} -> ${text.slice(0, 300)}`,
          ).toBeLessThan(500);
        },
      ),
      { numRuns: 300, seed: 20261202 },
    );
    await healthy();
    // What was acknowledged before the fuzz is still there, as saved.
    const after = await a.reports.get.query({ id });
    expect(after.version).toBe(saved.version);
    expect(after.content.metrics).toEqual({ 'dossiers.received': 120 });
  });
});
