/**
 * The reporting cycle run as reviewers and admins run it, against the real
 * server and a real SMTP server started here (smtp-server): the period now
 * due, the responsible editors, "create draft" and "remind", notifications
 * in the editor and by e-mail (read back as they arrived), the daily
 * reminders and digest, and the province's own approval level.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duePeriod } from '../src/server/cycle.ts';
import { EnvError, parseSmtpUrl } from '../src/server/env.ts';
import { runReminders, scheduleReminders } from '../src/server/reminders.ts';
import { failure, startEditor, type Harness } from './harness.ts';

const A = 'an-binh-tay-son-nghe-an';
const B = 'kim-tan-kim-thanh-hai-duong';
/** The server's clock: 10 December 2026, 09:00 in Vietnam. */
const NOW = Date.parse('2026-12-10T02:00:00Z');

let h: Harness;
let smtp: SMTPServer;
const inbox: ParsedMail[] = [];

/** The letters to `to` that have arrived so far. */
const mailTo = (to: string) =>
  inbox.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(to)));

/** Waits for the letter (sent after the request answered), by its subject. */
async function letter(to: string, subject: RegExp): Promise<ParsedMail> {
  await expect
    .poll(() => mailTo(to).some((m) => subject.test(m.subject ?? '')), { timeout: 10_000 })
    .toBe(true);
  const m = mailTo(to).find((x) => subject.test(x.subject ?? ''));
  if (!m) throw new Error('no letter');
  return m;
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then(
        (m) => {
          inbox.push(m);
          done();
        },
        (e: unknown) => {
          done(e as Error);
        },
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  h = await startEditor({
    accounts: { now: () => NOW },
    env: {
      smtp: parseSmtpUrl(`smtp://127.0.0.1:${String(port)}`, 'Công khai <congkhai@xa.example>'),
      editorUrl: 'https://bientap.example',
    },
  });
  await h.user('bientap-a', 'editor', { units: [A] });
  await h.user('bientap-b', 'editor', { units: [B] });
  await h.user('duyet-tay-son', 'reviewer', { units: [A] });
  await h.user('duyet-nghe-an', 'reviewer', { provinces: ['Nghệ An'] });
  await h.user('duyet-hai-duong', 'reviewer', { provinces: ['Hải Dương'] });
  await h.user('quantri', 'admin', {});
  const names: [string, string][] = [
    ['bientap-a', 'Nguyễn Thị Lan'],
    ['bientap-b', 'Trần Văn Đức'],
    ['duyet-nghe-an', 'Lê Minh Đạo'],
  ];
  for (const [u, n] of names)
    await h.db.execute({
      sql: 'UPDATE users SET display_name = ? WHERE username = ?',
      args: [n, u],
    });
  // Addresses as an admin gives them.
  const admin = await h.login('quantri');
  const users = await admin.users.list.query();
  for (const u of users.filter((x) => x.role !== 'admin'))
    await admin.users.update.mutate({
      id: u.id,
      units: u.units,
      provinces: u.provinces,
      email: `${u.username}@xa.example`,
    });
});

afterAll(async () => {
  await h.stop();
  await new Promise<void>((resolve) => {
    smtp.close(() => {
      resolve();
    });
  });
});

describe('configuration', () => {
  it('parses SMTP_URL once, and says which part of a bad one is wrong', () => {
    expect(parseSmtpUrl('smtps://u:p@mail.example', undefined)).toMatchObject({
      host: 'mail.example',
      port: 465,
      secure: true,
      from: 'Công khai <no-reply@mail.example>',
    });
    expect(parseSmtpUrl('smtp://mail.example?from=ubnd@xa.example', undefined)).toMatchObject({
      port: 587,
      secure: false,
      from: 'ubnd@xa.example',
    });
    expect(parseSmtpUrl(undefined, undefined)).toBeUndefined();
    expect(() => parseSmtpUrl('http://mail.example', undefined)).toThrow(EnvError);
    expect(() => parseSmtpUrl('mail.example:25', undefined)).toThrow(/SMTP_URL/);
    expect(() => parseSmtpUrl('smtp://mail.example', 'không phải thư')).toThrow(/MAIL_FROM/);
  });
});

describe('the period now due', () => {
  it('is the first whose due date is today or later, the half-year running when none is set', () => {
    const none = new Map<string, Map<string, string>>();
    expect(duePeriod(none, '2026-12-10').id).toBe('2026-H2');
    const set = new Map([['2025-H2', new Map([['', '2026-01-15']])]]);
    expect(duePeriod(set, '2026-12-10').id).toBe('2026-H2');
    expect(duePeriod(set, '2026-01-05').id).toBe('2025-H2');
    // A province's own date wins: Nghệ An's 2026-H1 is due later than the country's.
    const province = new Map([
      [
        '2026-H1',
        new Map([
          ['', '2026-06-20'],
          ['Nghệ An', '2026-07-10'],
        ]),
      ],
    ]);
    expect(duePeriod(province, '2026-07-01').id).toBe('2026-H2');
    expect(duePeriod(province, '2026-07-01', 'Nghệ An').id).toBe('2026-H1');
  });

  it('opens the cycle on it, with the responsible editors and what each user may do', async () => {
    const r = await h.login('duyet-nghe-an');
    await r.reports.setDue.mutate({ period: '2025-H2', due: '2026-01-15' });
    await r.reports.setDue.mutate({ period: '2026-H2', due: '2026-12-13' });
    const cycle = await r.reports.cycle.query({});
    expect(cycle).toMatchObject({ period: '2026-H2', due: '2026-12-13', today: '2026-12-10' });
    expect(cycle.label.vi).toBe('6 tháng cuối năm 2026');
    expect(cycle.periods.map((p) => p.id)).toEqual(
      expect.arrayContaining(['2025-H2', '2026-H1', '2026-H2']),
    );
    expect(cycle.units).toEqual([
      expect.objectContaining({
        unit: A,
        status: 'none',
        editors: ['Nguyễn Thị Lan'],
        canCreate: false,
        canRemind: true,
        overdue: false,
      }),
    ]);
    const ed = await h.login('bientap-a');
    expect((await ed.reports.cycle.query({})).units[0]).toMatchObject({
      canCreate: true,
      canRemind: false,
    });
    expect(
      (await failure(ed.notifications.remind.mutate({ unit: A, period: '2026-H2' }))).code,
    ).toBe('FORBIDDEN');
  });
});

describe('notifications', () => {
  it('reminds the editors of a missing unit, in the editor and by e-mail, once a day', async () => {
    const r = await h.login('duyet-nghe-an');
    expect(await r.notifications.remind.mutate({ unit: A, period: '2026-H2' })).toEqual({
      told: ['Nguyễn Thị Lan'],
      already: 0,
    });
    expect(await r.notifications.remind.mutate({ unit: A, period: '2026-H2' })).toEqual({
      told: [],
      already: 1,
    });
    const ed = await h.login('bientap-a');
    const list = await ed.notifications.list.query();
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({
      kind: 'due_soon',
      subject: 'Còn 3 ngày đến hạn nộp báo cáo 6 tháng cuối năm 2026 của An Bình',
      link: '#/chu-ky/2026-H2',
      read: false,
    });
    const m = await letter('bientap-a@xa.example', /^Còn 3 ngày/);
    expect(m.from?.text).toBe('"Công khai" <congkhai@xa.example>');
    expect(m.text).toContain('đến hạn nộp ngày 13/12/2026 (còn 3 ngày) và chưa được gửi duyệt.');
    expect(m.text).toContain('Lê Minh Đạo nhắc.');
    expect(m.text).toContain('Mở: https://bientap.example/#/chu-ky/2026-H2');
    await ed.notifications.markRead.mutate({});
    expect(await ed.notifications.unread.query()).toBe(0);
  });

  it('tells reviewers of a submit, and editors of a return and of a publish, each with the link to the report', async () => {
    const ed = await h.login('bientap-a');
    const id = await ed.reports.create.mutate({ unit: A, period: '2026-H1' });
    await ed.reports.submit.mutate({ id, comment: 'Xin duyệt số liệu.' });
    const link = `https://bientap.example/#/bao-cao/${String(id)}`;
    const review = await letter(
      'duyet-nghe-an@xa.example',
      /^Báo cáo chờ duyệt: An Bình, 6 tháng đầu năm 2026$/,
    );
    expect(review.text).toContain(
      'Nguyễn Thị Lan đã gửi duyệt báo cáo 6 tháng đầu năm 2026 của An Bình.',
    );
    expect(review.text).toContain('Ý kiến: “Xin duyệt số liệu.”');
    expect(review.text).toContain(`Mở: ${link}`);
    // The unit's own reviewer is told too; the other province's is not.
    await letter('duyet-tay-son@xa.example', /^Báo cáo chờ duyệt/);
    expect(mailTo('duyet-hai-duong@xa.example')).toEqual([]);

    const r = await h.login('duyet-nghe-an');
    await r.reports.returnToDraft.mutate({ id, comment: 'Thiếu số hồ sơ trực tuyến.' });
    const back = await letter('bientap-a@xa.example', /^Báo cáo bị trả lại: An Bình/);
    expect(back.text).toContain(
      'Lê Minh Đạo đã trả lại báo cáo 6 tháng đầu năm 2026 của An Bình để sửa.',
    );
    expect(back.text).toContain('Thiếu số hồ sơ trực tuyến.');

    await ed.reports.submit.mutate({ id, comment: '' });
    await r.reports.publish.mutate({ id });
    const done = await letter(
      'bientap-a@xa.example',
      /^Báo cáo đã công bố: An Bình, 6 tháng đầu năm 2026$/,
    );
    expect(done.text).toContain(`Mở: ${link}`);
    const items = (await ed.notifications.list.query()).items.map((n) => n.kind);
    expect(items.slice(0, 2)).toEqual(['published', 'returned']);
  });

  it('runs the daily reminders and the reviewers’ digest, and a second run that day sends nothing again', async () => {
    const ed = await h.login('bientap-b');
    const id = await ed.reports.create.mutate({ unit: B, period: '2025-H2' });
    await ed.reports.submit.mutate({ id, comment: '' });
    // The whole country's 2026-H2 reports are due on the 13th (Nghệ An set the same): three days from the 10th.
    await (
      await h.login('quantri')
    ).reports.setDue.mutate({ period: '2026-H2', due: '2026-12-13' });
    const first = await runReminders(h, '2026-12-10');
    expect(first).toEqual({ dueSoon: 2, overdue: 0, digests: 1 });
    const soon = await letter(
      'bientap-b@xa.example',
      /^Còn 3 ngày đến hạn nộp báo cáo 6 tháng cuối năm 2026 của Kim Tân$/,
    );
    expect(soon.text).toContain('Mở: https://bientap.example/#/chu-ky/2026-H2');
    const digest = await letter(
      'duyet-hai-duong@xa.example',
      /^Tổng hợp hằng ngày: 1 báo cáo chờ duyệt$/,
    );
    expect(digest.text).toContain(
      `- Chờ duyệt: Kim Tân — 6 tháng cuối năm 2025: https://bientap.example/#/bao-cao/${String(id)}`,
    );
    const again = await runReminders(h, '2026-12-10');
    expect(again).toEqual({ dueSoon: 0, overdue: 0, digests: 0 });
    // Past the due date, once: overdue, and the digest says so.
    const late = await runReminders(h, '2026-12-15');
    // Each unit's editors, and every reviewer with a late unit: Kim Tân's, and An Bình's two.
    expect(late).toEqual({ dueSoon: 0, overdue: 2, digests: 3 });
    await letter('bientap-b@xa.example', /^Quá hạn nộp báo cáo 6 tháng cuối năm 2026 của Kim Tân$/);
    const lateDigest = await letter('duyet-hai-duong@xa.example', /đơn vị quá hạn$/);
    expect(lateDigest.text).toContain(
      '- Quá hạn, chưa gửi duyệt: Kim Tân — 6 tháng cuối năm 2026 (hạn 13/12/2026)',
    );
  });
});

describe('the daily schedule and who may do what', () => {
  it('runs the reminders from the server process’s timer once the Vietnamese day has begun', async () => {
    // 16 December 2026, 08:00 in Vietnam: a day with no digest yet.
    let done: (line: string) => void = () => undefined;
    const ran = new Promise<string>((resolve) => (done = resolve));
    const timer = scheduleReminders(h, {
      now: () => Date.parse('2026-12-16T01:00:00Z'),
      log: done,
    });
    try {
      expect(await ran).toMatch(/^Nhắc việc 2026-12-16 \/ reminders: /);
      const keys = (
        await h.db.execute("SELECT key FROM notifications WHERE key = 'digest:2026-12-16'")
      ).rows.length;
      expect(keys).toBeGreaterThan(0);
    } finally {
      timer.stop();
    }
  });

  it('keeps scopes and addresses to the admin, refuses a unit that does not exist, and shows each user only their notifications', async () => {
    const admin = await h.login('quantri');
    const users = await admin.users.list.query();
    const b = users.find((u) => u.username === 'bientap-b');
    if (!b) throw new Error('no bientap-b');
    expect(
      await failure(
        admin.users.update.mutate({ id: b.id, units: ['khong-co-xa-nay'], provinces: [] }),
      ),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Không có đơn vị hoặc tỉnh: khong-co-xa-nay.',
    });
    expect(
      (
        await failure(
          admin.users.update.mutate({
            id: b.id,
            units: [B],
            provinces: [],
            email: 'không phải thư',
          }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
    const ed = await h.login('bientap-b');
    expect(
      (await failure(ed.users.update.mutate({ id: b.id, units: [A], provinces: [] }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failure(
          ed.units.setProvinceApproval.mutate({ province: 'Hải Dương', required: true }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    // Marking another user's notifications read does nothing to them.
    const a = await h.login('bientap-a');
    const before = await a.notifications.unread.query();
    const theirs = (await a.notifications.list.query()).items.map((n) => n.id);
    await ed.notifications.markRead.mutate({ ids: theirs });
    expect(await a.notifications.unread.query()).toBe(before);
    expect((await ed.notifications.list.query()).items.every((n) => !theirs.includes(n.id))).toBe(
      true,
    );
  });
});

describe('the province’s own approval', () => {
  it('is off by default; once required, publishing waits for the district and then the province, and approval locks', async () => {
    const admin = await h.login('quantri');
    expect((await admin.units.provinces.query()).find((p) => p.name === 'Nghệ An')).toMatchObject({
      provinceApproval: false,
    });
    const ed = await h.login('bientap-a');
    const district = await h.login('duyet-tay-son');
    const province = await h.login('duyet-nghe-an');
    expect(
      (
        await failure(
          district.units.setProvinceApproval.mutate({ province: 'Nghệ An', required: true }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    await admin.units.setProvinceApproval.mutate({ province: 'Nghệ An', required: true });
    try {
      const id = await ed.reports.create.mutate({ unit: A, period: '2024-H2' });
      await ed.reports.submit.mutate({ id, comment: '' });
      expect(await failure(province.reports.publish.mutate({ id }))).toMatchObject({
        code: 'PRECONDITION_FAILED',
        message: 'Nghệ An yêu cầu phê duyệt cấp huyện và cấp tỉnh trước khi công bố.',
      });
      expect(
        (await failure(province.approvals.approve.mutate({ id, level: 'province' }))).message,
      ).toBe('Cần phê duyệt cấp huyện trước khi tỉnh phê duyệt.');
      await district.approvals.approve.mutate({ id, level: 'district' });
      const ask = await letter(
        'duyet-nghe-an@xa.example',
        /^Chờ tỉnh phê duyệt: An Bình, 6 tháng cuối năm 2024$/,
      );
      expect(ask.text).toContain('duyet-tay-son đã phê duyệt cấp huyện');
      // Approved figures are locked: not returned, only unapproved.
      expect(
        (await failure(province.reports.returnToDraft.mutate({ id, comment: 'Sửa' }))).code,
      ).toBe('PRECONDITION_FAILED');
      expect(
        (await failure(district.approvals.approve.mutate({ id, level: 'province' }))).code,
      ).toBe('FORBIDDEN');
      expect((await failure(district.reports.publish.mutate({ id }))).message).toContain(
        'cấp tỉnh',
      );
      await province.approvals.approve.mutate({ id, level: 'province' });
      expect((await province.approvals.of.query({ id })).approvals.map((a) => a.level)).toEqual([
        'district',
        'province',
      ]);
      expect((await province.reports.cycle.query({ period: '2024-H2' })).units[0]).toMatchObject({
        approvals: ['district', 'province'],
        provinceApproval: true,
      });
      expect(await province.reports.publish.mutate({ id })).toEqual({ url: `/xa/${A}/2024-H2/` });
    } finally {
      await admin.units.setProvinceApproval.mutate({ province: 'Nghệ An', required: false });
    }
  });

  it('is undone with a comment, which sends the report back to its editors; a district does not undo the province', async () => {
    const admin = await h.login('quantri');
    await admin.units.setProvinceApproval.mutate({ province: 'Nghệ An', required: true });
    try {
      const ed = await h.login('bientap-a');
      const district = await h.login('duyet-tay-son');
      const province = await h.login('duyet-nghe-an');
      const id = await ed.reports.create.mutate({ unit: A, period: '2024-H1' });
      await ed.reports.submit.mutate({ id, comment: '' });
      await district.approvals.approve.mutate({ id, level: 'district' });
      await province.approvals.approve.mutate({ id, level: 'province' });
      expect(
        (await failure(province.approvals.unapprove.mutate({ id, comment: ' ' }))).message,
      ).toContain('hãy ghi lý do hủy phê duyệt');
      expect(
        (await failure(district.approvals.unapprove.mutate({ id, comment: 'Sai số' }))).code,
      ).toBe('FORBIDDEN');
      await province.approvals.unapprove.mutate({ id, comment: 'Số hồ sơ quá hạn chưa khớp.' });
      const got = await ed.reports.get.query({ id });
      expect(got.status).toBe('draft');
      expect(got.comments.at(-1)?.body).toBe('Số hồ sơ quá hạn chưa khớp.');
      expect((await province.approvals.of.query({ id })).approvals).toEqual([]);
      const m = await letter(
        'bientap-a@xa.example',
        /^Báo cáo bị trả lại: An Bình, 6 tháng đầu năm 2024$/,
      );
      expect(m.text).toContain('Số hồ sơ quá hạn chưa khớp.');
    } finally {
      await admin.units.setProvinceApproval.mutate({ province: 'Nghệ An', required: false });
    }
  });
});
