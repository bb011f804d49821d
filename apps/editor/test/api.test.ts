import { text } from '../src/server/store/values.ts';
/** The editor's API over real HTTP against a real temporary libsql database. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewerSchemaError, SCHEMA_VERSION, openDatabase } from '../src/server/db.ts';
import { seedReportsDir } from '@congkhai/fixtures';
import { failure, PASSWORD, startEditor, type Harness } from './harness.ts';

let h: Harness;
const A = 'an-binh-tay-son-nghe-an';
const B = 'kim-tan-kim-thanh-hai-duong';

const content = (metrics: Record<string, number> = {}, extra: Record<string, unknown> = {}) => ({
  title: 'Báo cáo kết quả cải cách hành chính',
  metrics,
  targets: {},
  statedShares: {},
  explanations: {},
  body: '## I. Kết quả\n\nĐã thực hiện.\n',
  ...extra,
});

beforeAll(async () => {
  h = await startEditor();
  await h.user('bientap-a', 'editor', { units: [A] });
  await h.user('bientap-a2', 'editor', { units: [A] });
  await h.user('bientap-b', 'editor', { units: [B] });
  await h.user('duyet-nghe-an', 'reviewer', { provinces: ['Nghệ An'] });
  await h.user('duyet-hai-duong', 'reviewer', { provinces: ['Hải Dương'] });
});

afterAll(async () => {
  await h.stop();
});

describe('health and auth', () => {
  it('answers /healthz when the database is reachable and migrated', async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, schema: SCHEMA_VERSION });
  });

  it('sets an HTTP-only SameSite session cookie at login, and ends the session on the server at logout', async () => {
    const res = await fetch(`${h.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: h.url },
      body: JSON.stringify({ username: 'bientap-a', password: PASSWORD }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ck_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Lax/);
    const token = cookie.split(';')[0] ?? '';
    const me = async () =>
      (await (await fetch(`${h.url}/trpc/auth.me`, { headers: { cookie: token } })).json()) as {
        result: { data: unknown };
      };
    expect((await me()).result.data).toMatchObject({ username: 'bientap-a', role: 'editor' });
    await fetch(`${h.url}/trpc/auth.logout`, {
      method: 'POST',
      headers: { cookie: token, origin: h.url, 'content-type': 'application/json' },
      body: '{}',
    });
    expect((await me()).result.data).toBeNull();
  });

  it('refuses to start against a database newer than the code', async () => {
    const url = `file:${join(tmpdir(), `congkhai-newer-${String(Date.now())}.db`)}`;
    const db = await openDatabase(url);
    await db.execute({
      sql: 'INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)',
      args: [SCHEMA_VERSION + 1, 'later'],
    });
    db.close();
    await expect(openDatabase(url)).rejects.toThrow(NewerSchemaError);
  });

  it('refuses a wrong password, then makes the name wait after five failures', async () => {
    const c = h.client();
    const first = await failure(c.auth.login.mutate({ username: 'bientap-b', password: 'sai' }));
    expect(first).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    for (let i = 0; i < 4; i++)
      await failure(c.auth.login.mutate({ username: 'bientap-b', password: 'sai' }));
    const locked = await failure(
      c.auth.login.mutate({ username: 'bientap-b', password: PASSWORD }),
    );
    expect(locked.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.message).toContain('Đăng nhập sai quá nhiều lần');
    await h.db.execute('DELETE FROM login_account_failures');
    await h.db.execute('DELETE FROM login_address_failures');
  });

  it('refuses a mutation from another origin (CSRF)', async () => {
    const c = h.client({ origin: 'https://evil.example' });
    const r = await failure(c.auth.login.mutate({ username: 'bientap-a', password: PASSWORD }));
    expect(r.code).toBe('FORBIDDEN');
    const none = await failure(
      h.client({ origin: null }).auth.login.mutate({ username: 'bientap-a', password: PASSWORD }),
    );
    expect(none.code).toBe('FORBIDDEN');
  });

  it('asks to log in again, without losing anything, when there is no session', async () => {
    const r = await failure(h.client().reports.list.query({}));
    expect(r.code).toBe('UNAUTHORIZED');
    expect(r.message).toContain('nội dung đang sửa vẫn được giữ');
  });
});

describe('roles and units', () => {
  it('lets an editor of unit A create and read A, and neither read nor write unit B', async () => {
    const a = await h.login('bientap-a');
    const b = await h.login('bientap-b');
    const idA = await a.reports.create.mutate({ unit: A, period: '2024-H1' });
    const idB = await b.reports.create.mutate({ unit: B, period: '2024-H1' });
    expect((await a.reports.list.query({})).map((r) => r.unit)).toEqual([A]);
    expect((await failure(a.reports.get.query({ id: idB }))).code).toBe('NOT_FOUND');
    expect((await failure(a.reports.create.mutate({ unit: B, period: '2024-H2' }))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await failure(a.reports.save.mutate({ id: idB, baseVersion: 1, content: content() }))).code,
    ).toBe('NOT_FOUND');
    expect((await failure(b.reports.get.query({ id: idA }))).code).toBe('NOT_FOUND');
  });

  it('lets a reviewer publish only for their province, and never edit', async () => {
    const a = await h.login('bientap-a');
    const id = await a.reports.create.mutate({ unit: A, period: '2023-H1' });
    await a.reports.submit.mutate({ id, comment: '' });
    const wrong = await h.login('duyet-hai-duong');
    expect((await failure(wrong.reports.publish.mutate({ id }))).code).toBe('NOT_FOUND');
    const right = await h.login('duyet-nghe-an');
    expect(
      (await failure(right.reports.save.mutate({ id, baseVersion: 1, content: content() }))).code,
    ).toBe('FORBIDDEN');
    expect(await right.reports.publish.mutate({ id })).toEqual({ url: `/xa/${A}/2023-H1/` });
  });

  it('keeps users and units to the admin', async () => {
    const a = await h.login('bientap-a');
    const r = await failure(
      a.units.upsert.mutate({ kind: 'xa', name: 'Mới', province: 'Nghệ An', formedFrom: [] }),
    );
    expect(r.code).toBe('FORBIDDEN');
  });
});

describe('the role matrix', () => {
  // Who may do what with a report of unit A (Nghệ An): every role, own scope and not.
  // "read" means get; "write" means save a draft; "review" means publish; "due"
  // means set the due date for Nghệ An; "builds" means seeing a publish of A,
  // and who made it, in the site's build history; "rollBack" means not being refused
  // (FORBIDDEN) a rollback of the public site (this server keeps no release to go back to).
  type May = {
    read: boolean;
    write: boolean;
    review: boolean;
    due: boolean;
    builds: boolean;
    rollBack: boolean;
  };
  const cases: [string, May][] = [
    [
      'bientap-a',
      { read: true, write: true, review: false, due: false, builds: true, rollBack: false },
    ],
    [
      'bientap-b',
      { read: false, write: false, review: false, due: false, builds: false, rollBack: false },
    ],
    [
      'duyet-nghe-an',
      { read: true, write: false, review: true, due: true, builds: true, rollBack: false },
    ],
    [
      'duyet-hai-duong',
      { read: false, write: false, review: false, due: false, builds: false, rollBack: false },
    ],
    [
      'quantri-matrix',
      { read: true, write: false, review: false, due: true, builds: true, rollBack: true },
    ],
  ];

  beforeAll(async () => {
    await h.db.execute({
      sql: "INSERT INTO builds (release, reason, requests, started_at, status) VALUES ('matrix', ?, ?, '2026-01-01T00:00:00Z', 'live')",
      args: [
        `công bố / publish ${A}/2018-M12 (duyet-matrix)`,
        JSON.stringify([
          { reason: `công bố / publish ${A}/2018-M12`, unit: A, by: 'duyet-matrix' },
        ]),
      ],
    });
  });

  it.each(cases)('%s', async (user, may) => {
    if (user === 'quantri-matrix')
      await h.user('quantri-matrix', 'admin', {}).catch(() => undefined);
    const owner = await h.login('bientap-a');
    const period = `2018-M${String(cases.findIndex(([u]) => u === user) + 1).padStart(2, '0')}`;
    const id = await owner.reports.create.mutate({ unit: A, period });
    const c = await h.login(user);
    const ok = (p: Promise<unknown>) =>
      p.then(
        () => true,
        () => false,
      );
    const read = await ok(c.reports.get.query({ id }));
    const write = await ok(
      c.reports.save.mutate({ id, baseVersion: 1, content: content({ 'dossiers.received': 1 }) }),
    );
    await owner.reports.submit.mutate({ id, comment: '' }).catch(() => undefined);
    const review = await ok(c.reports.publish.mutate({ id }));
    const due = await ok(
      c.reports.setDue.mutate({ period: '2018-M12', due: '2019-01-15', province: 'Nghệ An' }),
    );
    const history = await c.site.builds.query({ limit: 100 });
    const builds = history.builds.some((b) => b.reason.includes('(duyet-matrix)'));
    const rollBack = (await failure(c.site.rollBack.mutate())).code !== 'FORBIDDEN';
    expect({ read, write, review, due, builds, rollBack }).toEqual(may);
    expect((await c.reports.list.query({})).some((r) => r.id === id)).toBe(may.read);
  });
});

describe('the role matrix at two approval levels', () => {
  // Nghệ An requires its own approval after the district's. Who may approve a
  // report of unit A in review at each level, and publish once both are given.
  const cases: [string, { district: boolean; province: boolean; publish: boolean }][] = [
    ['bientap-a', { district: false, province: false, publish: false }],
    ['bientap-b', { district: false, province: false, publish: false }],
    ['duyet-tay-son', { district: true, province: false, publish: true }],
    ['duyet-nghe-an', { district: true, province: true, publish: true }],
    ['duyet-hai-duong', { district: false, province: false, publish: false }],
    ['quantri-levels', { district: false, province: false, publish: false }],
  ];
  let admin: Awaited<ReturnType<Harness['login']>>;
  beforeAll(async () => {
    await h.user('quantri-levels', 'admin', {});
    await h.user('duyet-tay-son', 'reviewer', { units: [A] });
    admin = await h.login('quantri-levels');
    await admin.units.setProvinceApproval.mutate({ province: 'Nghệ An', required: true });
  });
  afterAll(async () => {
    await admin.units.setProvinceApproval.mutate({ province: 'Nghệ An', required: false });
  });

  it.each(cases)('%s', async (user, may) => {
    const owner = await h.login('bientap-a');
    const period = `2017-M${String(cases.findIndex(([u]) => u === user) + 1).padStart(2, '0')}`;
    const id = await owner.reports.create.mutate({ unit: A, period });
    await owner.reports.submit.mutate({ id, comment: '' });
    const c = await h.login(user);
    const ok = (p: Promise<unknown>) =>
      p.then(
        () => true,
        () => false,
      );
    // Nobody publishes before both levels have approved.
    const early = await ok(c.reports.publish.mutate({ id }));
    const district = await ok(c.approvals.approve.mutate({ id, level: 'district' }));
    if (!district)
      await (await h.login('duyet-tay-son')).approvals.approve.mutate({ id, level: 'district' });
    const province = await ok(c.approvals.approve.mutate({ id, level: 'province' }));
    if (!province)
      await (await h.login('duyet-nghe-an')).approvals.approve.mutate({ id, level: 'province' });
    const publish = await ok(c.reports.publish.mutate({ id }));
    expect({ early, district, province, publish }).toEqual({ early: false, ...may });
  });
});

describe('saving', () => {
  it('saves a new revision and refuses a save based on an older version, showing the other', async () => {
    const a1 = await h.login('bientap-a');
    const a2 = await h.login('bientap-a2');
    const id = await a1.reports.create.mutate({ unit: A, period: '2022-H2' });
    const first = await a1.reports.save.mutate({
      id,
      baseVersion: 1,
      content: content({ 'dossiers.received': 100 }, { body: 'Văn bản của người thứ nhất.\n' }),
    });
    expect(first.version).toBe(2);
    const conflict = await failure(
      a2.reports.save.mutate({
        id,
        baseVersion: 1,
        content: content({ 'dossiers.received': 120 }, { body: 'Văn bản của người thứ hai.\n' }),
      }),
    );
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain('bientap-a');
    expect(conflict.payload).toMatchObject({
      version: 2,
      content: { body: 'Văn bản của người thứ nhất.\n', metrics: { 'dossiers.received': 100 } },
    });
    // The second editor merges and saves on top of version 2: both texts survive in history.
    await a2.reports.save.mutate({
      id,
      baseVersion: 2,
      content: content({ 'dossiers.received': 120 }, { body: 'Văn bản của người thứ hai.\n' }),
    });
    const bodies = (await a1.reports.history.query({ id })).map((h) => h.content.body);
    expect(bodies).toEqual(['Văn bản của người thứ hai.\n', 'Văn bản của người thứ nhất.\n', '']);
  });

  it('lands one of many saves made on the same version at the same moment; the others are told of it', async () => {
    // Six editors of one report press save together, all on version 1: the
    // server reads the report for all of them before any write, so only the
    // write itself can tell them apart.
    const editors = await Promise.all(
      Array.from({ length: 6 }, (_, i) => h.login(i % 2 ? 'bientap-a' : 'bientap-a2')),
    );
    const first = await h.login('bientap-a');
    const id = await first.reports.create.mutate({ unit: A, period: '2018-H1' });
    const results = await Promise.allSettled(
      editors.map((e, i) =>
        e.reports.save.mutate({
          id,
          baseVersion: 1,
          content: content(
            { 'dossiers.received': 100 + i },
            { body: `Bản của người ${String(i)}.\n` },
          ),
        }),
      ),
    );
    const saved = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(saved.map((r) => r.version)).toEqual([2]);
    const refused = await Promise.all(
      results.flatMap((r) =>
        r.status === 'rejected' ? [failure(Promise.reject(r.reason as Error))] : [],
      ),
    );
    expect(refused).toHaveLength(5);
    for (const f of refused) {
      expect(f.code).toBe('CONFLICT');
      expect(f.message).toContain('phiên bản 2');
    }
    // One revision per save that landed, and it is the one its editor was told.
    const history = await first.reports.history.query({ id });
    expect(history.map((v) => v.version)).toEqual([2, 1]);
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    expect(history[0]?.content.body).toBe(`Bản của người ${String(winner)}.\n`);
  });

  it('keeps the database settings on every statement, also after many requests at once', async () => {
    const a = await h.login('bientap-a');
    const id = await a.reports.create.mutate({ unit: A, period: '2018-H2' });
    let version = 1;
    for (let i = 0; i < 5; i++)
      version = (
        await Promise.all([
          a.reports.save.mutate({
            id,
            baseVersion: version,
            content: content({ 'dossiers.received': i }),
          }),
          a.reports.get.query({ id }),
          a.reports.list.query({}),
        ])
      )[0].version;
    const pragma = async (name: string) =>
      Number(Object.values((await h.db.execute(`PRAGMA ${name}`)).rows[0] ?? {})[0]);
    // synchronous 1 is NORMAL (db.ts says why), in WAL mode; busy_timeout in ms.
    expect({
      journal: text((await h.db.execute('PRAGMA journal_mode')).rows[0]?.journal_mode),
      synchronous: await pragma('synchronous'),
      foreignKeys: await pragma('foreign_keys'),
      busyTimeout: await pragma('busy_timeout'),
    }).toEqual({ journal: 'wal', synchronous: 1, foreignKeys: 1, busyTimeout: 5000 });
  });

  it('refuses figures the format refuses, with the message, and keeps text, HTML and a 5 MB body as written', async () => {
    const a = await h.login('bientap-a');
    const id = await a.reports.create.mutate({ unit: A, period: '2022-H1' });
    const bad = await failure(
      a.reports.save.mutate({ id, baseVersion: 1, content: content({ 'dossiers.received': -5 }) }),
    );
    expect(bad).toMatchObject({ code: 'BAD_REQUEST' });
    expect(bad.message).toContain('không được âm');
    const big = `${'Đoạn văn dài có dấu tiếng Việt. '.repeat(160_000)}\n`;
    const ok = await a.reports.save.mutate({
      id,
      baseVersion: 1,
      content: content({}, { title: 'Báo cáo <script>alert(1)</script>', body: big }),
    });
    const got = await a.reports.get.query({ id });
    expect(got.version).toBe(ok.version);
    expect(got.content.title).toBe('Báo cáo <script>alert(1)</script>');
    expect(got.content.body.length).toBeGreaterThan(5_000_000);
  });

  it('restores an old revision as a new one', async () => {
    const a = await h.login('bientap-a');
    const id = await a.reports.create.mutate({ unit: A, period: '2021-H2' });
    await a.reports.save.mutate({
      id,
      baseVersion: 1,
      content: content({ 'dossiers.received': 1 }),
    });
    await a.reports.save.mutate({
      id,
      baseVersion: 2,
      content: content({ 'dossiers.received': 2 }),
    });
    expect(await a.reports.restore.mutate({ id, version: 2, baseVersion: 3 })).toBe(4);
    expect((await a.reports.get.query({ id })).content.metrics).toEqual({ 'dossiers.received': 1 });
  });
});

describe('workflow and publishing', () => {
  it('asks for an explanation of a figure that moved more than 50 %', async () => {
    const a = await h.login('bientap-a');
    const prev = await a.reports.create.mutate({ unit: A, period: '2025-H1' });
    await a.reports.save.mutate({
      id: prev,
      baseVersion: 1,
      content: content({ 'dossiers.received': 100 }),
    });
    // Only published figures are "previous": a draft's are not compared with.
    await a.reports.submit.mutate({ id: prev });
    await (await h.login('duyet-nghe-an')).reports.publish.mutate({ id: prev });
    const id = await a.reports.create.mutate({ unit: A, period: '2025-H2' });
    await a.reports.save.mutate({
      id,
      baseVersion: 1,
      content: content({ 'dossiers.received': 400 }),
    });
    const r = await failure(a.reports.submit.mutate({ id, comment: '' }));
    expect(r.code).toBe('PRECONDITION_FAILED');
    expect(r.message).toContain('Hồ sơ tiếp nhận trong kỳ');
    await a.reports.save.mutate({
      id,
      baseVersion: 2,
      content: content(
        { 'dossiers.received': 400 },
        { explanations: { 'dossiers.received': 'Sáp nhập thêm hai thôn.' } },
      ),
    });
    expect(await a.reports.submit.mutate({ id, comment: 'Xin duyệt' })).toBe(true);
  });

  it('publishes the canonical file atomically, asks to confirm failing sums, and withdraws', async () => {
    const a = await h.login('bientap-a');
    const id = await a.reports.create.mutate({ unit: A, period: '2024-H2' });
    await a.reports.save.mutate({
      id,
      baseVersion: 1,
      content: content({
        'dossiers.received': 100,
        'dossiers.received_online': 70,
        'dossiers.received_direct': 20,
      }),
    });
    await a.reports.submit.mutate({ id, comment: '' });
    const r = await h.login('duyet-nghe-an');
    const ask = await failure(r.reports.publish.mutate({ id }));
    expect(ask.code).toBe('PRECONDITION_FAILED');
    expect(ask.payload).toMatchObject({
      warnings: [{ vi: expect.stringContaining('khác 100 hồ sơ tiếp nhận') as unknown }],
    });
    await r.reports.publish.mutate({ id, confirmWarnings: true });
    const file = join(h.contentDir, 'reports', A, '2024-H2.md');
    expect(readFileSync(file, 'utf8')).toContain('received_online: 70');
    expect(readFileSync(join(h.contentDir, 'units.yaml'), 'utf8')).toContain(`id: ${A}`);
    expect(h.changes).toContain(`công bố / publish ${A}/2024-H2 (duyet-nghe-an)`);
    // units.yaml is rewritten only when the units change (a change makes the site render everything).
    const units = statSync(join(h.contentDir, 'units.yaml'));
    const audit = (
      await h.db.execute(
        "SELECT detail FROM audit_log WHERE action = 'report_publish' ORDER BY id DESC LIMIT 1",
      )
    ).rows[0];
    expect(text(audit?.detail)).toContain('received_split');
    // Withdrawing needs a reason; the message names the field, in words, not as JSON.
    const noReason = await failure(r.reports.withdraw.mutate({ id, comment: '  ' }));
    expect(noReason).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Ý kiến: hãy ghi lý do rút công bố.',
    });
    expect(existsSync(file)).toBe(true);
    await r.reports.withdraw.mutate({ id, comment: 'Số liệu cần kiểm tra lại' });
    expect(existsSync(file)).toBe(false);
    const next = await a.reports.create.mutate({ unit: A, period: '2019-H2' });
    await a.reports.save.mutate({
      id: next,
      baseVersion: 1,
      content: content({ 'dossiers.received': 10 }),
    });
    await a.reports.submit.mutate({ id: next, comment: '' });
    await r.reports.publish.mutate({ id: next, confirmWarnings: true });
    expect(existsSync(join(h.contentDir, 'reports', A, '2019-H2.md'))).toBe(true);
    expect(statSync(join(h.contentDir, 'units.yaml')).ino).toBe(units.ino);
  });

  it('returns a report to draft with the reviewer’s comment', async () => {
    const a = await h.login('bientap-a');
    const id = await a.reports.create.mutate({ unit: A, period: '2021-H1' });
    await a.reports.submit.mutate({ id, comment: '' });
    const r = await h.login('duyet-nghe-an');
    expect(await failure(r.reports.returnToDraft.mutate({ id, comment: ' ' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Ý kiến: Hãy ghi ý kiến để người soạn biết cần sửa gì.',
    });
    // A value of the wrong type: zod's Vietnamese message, with the field's label.
    const wrongType = await failure(
      r.reports.returnToDraft.mutate({ id, comment: 5 as unknown as string }),
    );
    expect(wrongType.message).toMatch(/^Ý kiến: Đầu vào không hợp lệ/);
    await r.reports.returnToDraft.mutate({ id, comment: 'Thiếu số hồ sơ trực tuyến.' });
    const got = await a.reports.get.query({ id });
    expect(got.status).toBe('draft');
    expect(got.comments.map((c) => c.body)).toEqual(['Thiếu số hồ sơ trực tuyến.']);
  });

  it('shows who else has the report open', async () => {
    const a1 = await h.login('bientap-a');
    const a2 = await h.login('bientap-a2');
    const id = await a1.reports.create.mutate({ unit: A, period: '2020-H1' });
    expect(await a1.reports.presence.mutate({ id })).toEqual([]);
    expect((await a2.reports.presence.mutate({ id })).map((p) => p.name)).toEqual(['bientap-a']);
  });

  it('shows the reporting cycle of a period, with units past the due date', async () => {
    const r = await h.login('duyet-nghe-an');
    await r.reports.setDue.mutate({ period: '2025-H2', due: '2026-01-15' });
    const cycle = await r.reports.cycle.query({ period: '2025-H2' });
    expect(cycle.due).toBe('2026-01-15');
    expect(cycle.units).toEqual([
      {
        unit: A,
        name: 'An Bình',
        district: 'Tây Sơn',
        province: 'Nghệ An',
        status: 'in_review',
        id: expect.any(Number) as unknown,
        due: '2026-01-15',
        // In review: submitted, so not overdue whatever the date.
        overdue: false,
        editors: ['bientap-a', 'bientap-a2'],
        canCreate: false,
        canRemind: false,
        approvals: [],
        provinceApproval: false,
        canApprove: null,
        canUnapprove: false,
      },
    ]);
    const a = await h.login('bientap-a');
    expect(
      (await failure(a.reports.setDue.mutate({ period: '2025-H2', due: '2026-02-01' }))).code,
    ).toBe('FORBIDDEN');
  });
});

describe('administration', () => {
  it('lets an admin create a user, who then logs in with the one-time password', async () => {
    await h.user('quantri', 'admin', {});
    const admin = await h.login('quantri');
    const { password } = await admin.users.create.mutate({
      username: 'Moi.Bien-Tap',
      displayName: 'Người Mới',
      role: 'editor',
      units: [A],
    });
    const c = h.client();
    expect(await c.auth.login.mutate({ username: 'moi.bien-tap', password })).toMatchObject({
      role: 'editor',
      units: [A],
    });
    expect(
      (
        await failure(
          admin.users.create.mutate({ username: 'moi.bien-tap', displayName: 'x', role: 'editor' }),
        )
      ).code,
    ).toBe('CONFLICT');
    expect((await failure(c.users.list.query())).code).toBe('FORBIDDEN');
  });

  it('imports a units CSV, all rows or none, naming the bad line', async () => {
    const admin = await h.login('quantri');
    const bad = await failure(
      admin.units.importCsv.mutate({
        csv: 'code,name,kind,district,province\n10001,Đông Hòa,xa,Tây Hòa,Phú Yên\n,Tây Hòa,lang,,Phú Yên\n',
      }),
    );
    expect(bad.message).toContain('Dòng 3');
    expect((await admin.units.list.query()).some((u) => u.name === 'Đông Hòa')).toBe(false);
    const n = await admin.units.importCsv.mutate({
      csv: '\uFEFFcode,name,kind,district,province,valid_from,valid_to\n10001,Đông Hòa,thi_tran,Tây Hòa,Phú Yên,,2025-06-30\n10002,Hòa Bình,xa,,Phú Yên,2025-07-01,\n',
    });
    expect(n).toBe(2);
    expect(
      (await admin.units.list.query()).find((u) => u.id === 'dong-hoa-tay-hoa-phu-yen'),
    ).toMatchObject({ kind: 'thi_tran', code: '10001', validTo: '2025-06-30' });
    // Units are public: the import reaches units.yaml and asks for a rebuild, naming who did it.
    expect(readFileSync(join(h.contentDir, 'units.yaml'), 'utf8')).toContain(
      'id: dong-hoa-tay-hoa-phu-yen',
    );
    expect(h.changes.at(-1)).toBe('đơn vị / units 2 đơn vị / units (quantri)');
  });
});

describe('import', () => {
  it('proposes figures with their source sentences from a pasted report', async () => {
    const a = await h.login('bientap-a');
    const text = readFileSync(join(seedReportsDir, 'quang-hai-2023-h1.txt'), 'utf8');
    const p = await a.import.propose.mutate({ text });
    expect(p.metrics['dossiers.received']).toMatchObject({ value: 1164 });
    expect(p.metrics['dossiers.received']?.source).toContain('1.164');
    expect(p.period?.label).toBe('2023-H1');
  });

  it('explains an upload that is not a Word file', async () => {
    const a = await h.login('bientap-a');
    const r = await failure(
      a.import.propose.mutate({ fileBase64: Buffer.from('%PDF-1.7').toString('base64') }),
    );
    expect(r.message).toContain('Không đọc được tệp PDF');
  });

  it('turns past reports into drafts in bulk (admins), and says what needs a decision', async () => {
    await h.user('quantri-bulk', 'admin', {});
    const admin = await h.login('quantri-bulk');
    const kimTan = readFileSync(join(seedReportsDir, 'kim-tan-2021-2023.txt'), 'utf8');
    const created = await admin.import.bulkDraft.mutate({ name: 'kim-tan.txt', text: kimTan });
    expect(created).toMatchObject({
      status: 'created',
      unit: B,
      period: '2021-02-01..2023-06-30',
    });
    expect(created.figures).toBeGreaterThan(5);
    const draft = await admin.reports.get.query({
      id: created.status === 'created' ? created.id : 0,
    });
    expect(draft.status).toBe('draft');
    expect(draft.content.body).toContain('##');
    const again = await admin.import.bulkDraft.mutate({ name: 'kim-tan (2).txt', text: kimTan });
    expect(again).toMatchObject({ status: 'exists', unit: B });
    // Quang Hải is not in this units list: a person decides, nothing is created.
    const quangHai = readFileSync(join(seedReportsDir, 'quang-hai-2023-h1.txt'), 'utf8');
    const none = await admin.import.bulkDraft.mutate({ name: 'quang-hai.txt', text: quangHai });
    expect(none).toMatchObject({ status: 'decide', unit: null });
    const editor = await h.login('bientap-b');
    expect(
      (await failure(editor.import.bulkDraft.mutate({ name: 'x.txt', text: kimTan }))).code,
    ).toBe('FORBIDDEN');
  });
});
