/**
 * The form, the checks and reviewing, over real HTTP against the real
 * server and a temporary libsql database (the browser walks in
 * form-browser.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startEditor, type Harness } from './harness.ts';

let h: Harness;
const A = 'an-binh-tay-son-nghe-an';
type C = ReturnType<Harness['client']>;
let ed: C;
let ed2: C;
let rv: C;

const content = (metrics: Record<string, number> = {}, extra: Record<string, unknown> = {}) => ({
  title: 'Báo cáo kết quả cải cách hành chính',
  metrics,
  targets: {},
  statedShares: {},
  explanations: {},
  notes: {},
  body: '## I. Kết quả\n\nĐã thực hiện.\n',
  ...extra,
});

async function published(period: string, metrics: Record<string, number>, title?: string) {
  const id = await ed.reports.create.mutate({
    unit: A,
    period,
    content: content(metrics, title ? { title } : {}),
  });
  await ed.reports.submit.mutate({ id });
  await rv.reports.publish.mutate({ id, confirmWarnings: true });
  return id;
}

beforeAll(async () => {
  h = await startEditor();
  await h.user('bientap-a', 'editor', { units: [A] });
  await h.user('bientap-a2', 'editor', { units: [A] });
  await h.user('duyet', 'reviewer', { provinces: ['Nghệ An'] });
  ed = await h.login('bientap-a');
  ed2 = await h.login('bientap-a2');
  rv = await h.login('duyet');
  await published('2024-H1', { 'dossiers.received': 1000 });
  await published('2024-H2', { 'dossiers.received': 1100 });
  await published(
    '2025-H1',
    { 'dossiers.received': 1200 },
    'Báo cáo cải cách hành chính 6 tháng đầu năm 2025',
  );
});

afterAll(async () => {
  await h.stop();
});

describe('the period and the title', () => {
  it('offers the periods the cycle expects, in words, the due one first', async () => {
    await rv.reports.setDue.mutate({ period: '2025-H2', due: '2026-01-15' });
    const periods = await ed.reports.expectedPeriods.query({ unit: A });
    expect(periods[0]).toMatchObject({ id: '2025-H2', due: '2026-01-15', overdue: true });
    expect(periods[0]?.label.vi).toBe('6 tháng cuối năm 2025');
    // Periods the unit has reported are not offered.
    expect(periods.map((p) => p.id)).not.toContain('2025-H1');
  });

  it('gives a draft copied from the previous period the new period in its title', async () => {
    const id = await ed.reports.create.mutate({ unit: A, period: '2025-H2', from: 'previous' });
    const r = await ed.reports.get.query({ id });
    expect(r.content.title).toBe('Báo cáo cải cách hành chính 6 tháng cuối năm 2025');
  });
});

describe('the checks', () => {
  let id: number;
  beforeAll(async () => {
    const rows = await ed.reports.list.query({ unit: A, period: '2025-H2' });
    id = rows[0]?.id ?? 0;
  });

  it('compares with published figures only, and knows the unit’s usual range', async () => {
    const r = await ed.reports.get.query({ id });
    expect(r.previous).toMatchObject({ period: '2025-H1', metrics: { 'dossiers.received': 1200 } });
    expect(r.ranges['dossiers.received']).toMatchObject({ basis: 'history', count: 3 });
    // A draft of the next period compares with nothing: 2025-H2 is not published.
    const next = await ed.reports.create.mutate({ unit: A, period: '2026-H1', content: content() });
    expect((await ed.reports.get.query({ id: next })).previous).toBeNull();
  });

  it('saves impossible figures as a draft, and refuses to submit them until a line says why', async () => {
    const impossible = {
      'dossiers.received': 1250,
      'dossiers.received_online': 1400,
      'satisfaction.rate': 101,
    };
    const r = await ed.reports.get.query({ id });
    const saved = await ed.reports.save.mutate({
      id,
      baseVersion: r.version,
      content: content(impossible),
    });
    expect(saved.unchanged).toBe(false);
    const f = await failure(ed.reports.submit.mutate({ id, comment: 'Gửi anh xem' }));
    expect(f.code).toBe('PRECONDITION_FAILED');
    expect(f.message).toContain('Tiếp nhận trực tuyến');
    expect(f.message).not.toContain('dossiers.');
    expect((f.payload as { impossible: string[][] }).impossible).toHaveLength(2);
    const notes = {
      'dossiers.received_online': 'Nguồn ghi 1.400 (gồm hồ sơ liên thông từ kỳ trước).',
      'satisfaction.rate': 'Nguồn ghi 101 %, đã hỏi lại văn phòng.',
    };
    const v = await ed.reports.save.mutate({
      id,
      baseVersion: saved.version,
      content: content(impossible, { notes }),
    });
    // The notes are kept with the revision.
    const hist = await ed.reports.history.query({ id });
    expect((hist[0]?.content as { notes?: Record<string, string> }).notes).toEqual(notes);
    expect(v.version).toBe(saved.version + 1);
    await ed.reports.submit.mutate({ id, comment: 'Gửi anh xem' });
    expect((await rv.reports.get.query({ id })).content.notes).toEqual(notes);
  });

  it('asks for a line on a figure far outside the unit’s past', async () => {
    const other = await ed.reports.create.mutate({
      unit: A,
      period: '2023-H2',
      content: content(),
    });
    // 2023-H2 has no earlier history of its own... the 2026-H1 draft has: 1.000–1.200 before it.
    const d = (await ed.reports.list.query({ unit: A, period: '2026-H1' }))[0]?.id ?? 0;
    const cur = await ed.reports.get.query({ id: d });
    await ed.reports.save.mutate({
      id: d,
      baseVersion: cur.version,
      content: content({ 'dossiers.received': 12_000 }),
    });
    const f = await failure(ed.reports.submit.mutate({ id: d }));
    expect(f.message).toContain('khác thường');
    expect((f.payload as { unusual: string[] }).unusual).toEqual(['dossiers.received']);
    expect(other).toBeGreaterThan(0);
  });

  it('makes no revision of a save that changes nothing', async () => {
    const d = await ed.reports.create.mutate({ unit: A, period: '2023-H1', content: content() });
    const r = await ed.reports.get.query({ id: d });
    const a = await ed.reports.save.mutate({
      id: d,
      baseVersion: r.version,
      content: content({ 'dossiers.received': 5 }),
    });
    const b = await ed.reports.save.mutate({
      id: d,
      baseVersion: a.version,
      content: content({ 'dossiers.received': 5 }),
    });
    expect(b).toMatchObject({ unchanged: true, version: a.version });
    expect(await ed.reports.history.query({ id: d })).toHaveLength(2);
  });

  it('names fields by their labels in messages', async () => {
    const d = (await ed.reports.list.query({ unit: A, period: '2023-H1' }))[0]?.id ?? 0;
    const r = await ed.reports.get.query({ id: d });
    const f = await failure(
      ed.reports.save.mutate({
        id: d,
        baseVersion: r.version,
        content: content({}, { issued: '20/12/2023' }),
      }),
    );
    expect(f.message).toContain('Ngày ban hành');
    expect(f.message).not.toContain('(issued)');
  });
});

describe('reviewing', () => {
  it('tells the workflow as it happened and keeps the version last returned and last published', async () => {
    const id = (await ed.reports.list.query({ unit: A, period: '2025-H2' }))[0]?.id ?? 0;
    await rv.reports.returnToDraft.mutate({ id, comment: 'Xem lại số trực tuyến.' });
    const c = await rv.reports.compare.query({ id });
    expect(c.events.map((e) => e.kind)).toEqual(['submitted', 'returned']);
    expect(c.events[0]?.comment).toBe('Gửi anh xem');
    expect(c.events[1]).toMatchObject({ comment: 'Xem lại số trực tuyến.', by: 'duyet' });
    expect(c.returned?.version).toBe(c.version);
    expect(c.published).toBeNull();
    const p = await rv.reports.compare.query({
      id: (await ed.reports.list.query({ unit: A, period: '2025-H1' }))[0]?.id ?? 0,
    });
    expect(p.events.map((e) => e.kind)).toEqual(['submitted', 'published']);
    expect(p.published?.content.metrics).toEqual({ 'dossiers.received': 1200 });
  });

  it('ends presence when the other person leaves', async () => {
    const id = (await ed.reports.list.query({ unit: A, period: '2025-H2' }))[0]?.id ?? 0;
    await ed2.reports.presence.mutate({ id });
    expect(await ed.reports.presence.mutate({ id })).toHaveLength(1);
    await ed2.reports.presence.mutate({ id, leaving: true });
    expect(await ed.reports.presence.mutate({ id })).toEqual([]);
  });

  it('lists reports a page at a time, by unit name, period, status and district, with the total', async () => {
    const all = await rv.reports.page.query({ limit: 2 });
    expect(all.total).toBe(7);
    expect(all.rows).toHaveLength(2);
    const rest = await rv.reports.page.query({ limit: 5, offset: 5 });
    expect(rest.rows).toHaveLength(2);
    expect((await rv.reports.page.query({ unitText: 'an binh' })).total).toBe(7);
    expect((await rv.reports.page.query({ unitText: 'Kim Tân' })).total).toBe(0);
    expect((await rv.reports.page.query({ district: 'Tây Sơn', status: 'published' })).total).toBe(
      3,
    );
    expect((await rv.reports.page.query({ period: '2025-H1' })).rows.map((r) => r.period)).toEqual([
      '2025-H1',
    ]);
  });
});
