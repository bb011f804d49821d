/**
 * The reporting cycle as its people run it, in Chromium against the real
 * product (start.ts --demo) with e-mail going to a real SMTP server started
 * here: the admin finds units, gives the editor an address and turns on a
 * province's own approval; the reviewer opens the cycle on the period now
 * due, filters it and reminds the editor by keyboard; the editor finds the
 * reminder in the editor and in their mail, creates the draft from the
 * cycle and submits it; the reviewer approves at both levels and unapproves
 * with a comment. Screenshots at 1280 and 390 px go to /tmp/shots-cycle/.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productUnderTest } from './product.ts';

const shots = '/tmp/shots-cycle';
let smtp: SMTPServer;
const inbox: ParsedMail[] = [];
const product = productUnderTest({
  name: 'cycle',
  env: () => ({
    SMTP_URL: `smtp://127.0.0.1:${String((smtp.server.address() as AddressInfo).port)}`,
    MAIL_FROM: 'Công khai <congkhai@xa.example>',
    EDITOR_URL: product.editor,
  }),
});
const { editor } = product;
const login = (user: string) => product.login(user);

/** The page at 1280 and 390 px: the whole page, and the part that changed (`part`) on its own, to be read at full size. */
async function shot(p: Page, name: string, part?: string) {
  for (const width of [1280, 390]) {
    await p.setViewportSize({ width, height: width < 500 ? 844 : 900 });
    await p.screenshot({ path: join(shots, `${name}-${String(width)}.png`), fullPage: true });
    if (part)
      await p
        .locator(part)
        .first()
        .screenshot({ path: join(shots, `${name}-part-${String(width)}.png`) });
  }
  await p.setViewportSize({ width: 1280, height: 900 });
}

const mailTo = (to: string) =>
  inbox.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(to)));

async function letter(to: string, subject: RegExp): Promise<ParsedMail> {
  await expect
    .poll(() => mailTo(to).some((m) => subject.test(m.subject ?? '')), { timeout: 15_000 })
    .toBe(true);
  const m = mailTo(to).find((x) => subject.test(x.subject ?? ''));
  if (!m) throw new Error('no letter');
  return m;
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
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
  await product.start();
});

afterAll(async () => {
  await product.stop();
  await new Promise<void>((resolve) => {
    smtp.close(() => {
      resolve();
    });
  });
});

describe('the reporting cycle', () => {
  it('is run by an admin, a reviewer and an editor, through the editor and e-mail', async () => {
    // The admin: units are listed and found without diacritics; the editor gets an address.
    const admin = await login('admin');
    await admin.getByRole('link', { name: 'Quản trị' }).click();
    const units = admin.getByRole('region', { name: 'Danh sách đơn vị' });
    await units.getByLabel('Tìm theo tên, huyện, tỉnh hoặc mã').fill('kim tan');
    await expect.poll(() => units.locator('tbody th').allInnerTexts()).toContain('Kim Tân');
    await units.getByLabel('Tìm theo tên, huyện, tỉnh hoặc mã').fill('');
    expect(await units.locator('tbody tr').count()).toBe(25);
    await admin.getByRole('button', { name: 'Sửa phạm vi của bientap' }).click();
    const edit = admin.locator('#edit-user');
    await edit.getByLabel('Thư điện tử (nhận thông báo)').fill('bientap@xa.example');
    await edit.getByLabel('Tìm đơn vị theo tên').fill('quang hai');
    await expect
      .poll(() => edit.locator('ul.hits label').first().innerText())
      .toContain('Quang Hải');
    await shot(admin, 'admin-scope', '#edit-user');
    await edit.getByRole('button', { name: 'Lưu phạm vi' }).click();
    await expect
      .poll(() => admin.locator('p[role=status]').first().innerText())
      .toContain('Đã lưu phạm vi của bientap');
    await admin.getByRole('button', { name: 'Sửa phạm vi của duyet' }).click();
    await admin
      .locator('#edit-user')
      .getByLabel('Thư điện tử (nhận thông báo)')
      .fill('duyet@xa.example');
    await admin.locator('#edit-user').getByRole('button', { name: 'Lưu phạm vi' }).click();
    await expect
      .poll(() => admin.locator('p[role=status]').first().innerText())
      .toContain('Đã lưu phạm vi của duyet');
    await shot(admin, 'admin-units', 'section[aria-labelledby=units-h]');

    // The reviewer: the cycle opens on the period now due (December 2026: its second half).
    const rv = await login('duyet');
    await rv.getByRole('link', { name: 'Chu kỳ báo cáo' }).click();
    await rv.getByRole('heading', { name: 'Chu kỳ báo cáo' }).waitFor();
    await expect
      .poll(async () => rv.locator('#c-period option:checked').innerText())
      .toBe('6 tháng cuối năm 2026');
    expect(await rv.locator('main').innerText()).toContain(
      '6 tháng cuối năm 2026: hạn nộp 31/12/2026',
    );
    // By keyboard: the status filter is a radio group, the reminder a button.
    await rv.getByRole('radio', { name: /^Chưa có/ }).focus();
    await rv.keyboard.press('Space');
    const mine = rv.locator('tbody tr', { hasText: 'Nguyễn Văn Biên' }).first();
    await mine.waitFor();
    const unitName = (await mine.locator('th').innerText()).split(',')[0]?.trim() ?? '';
    expect(await rv.locator('tbody tr .status').allInnerTexts()).toEqual(
      expect.arrayContaining(['Chưa có']),
    );
    expect(new Set(await rv.locator('tbody tr .status').allInnerTexts())).toEqual(
      new Set(['Chưa có']),
    );
    await rv
      .getByLabel('Tìm đơn vị')
      .fill(
        unitName
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .replace(/Đ/g, 'D')
          .replace(/đ/g, 'd')
          .toLowerCase(),
      );
    await expect.poll(() => rv.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    await mine.getByRole('button', { name: `Nhắc người biên tập của ${unitName}` }).focus();
    await rv.keyboard.press('Enter');
    await expect
      .poll(() => mine.locator('[role=status]').innerText())
      .toBe('Đã nhắc Nguyễn Văn Biên.');
    await shot(rv, 'cycle-reviewer');

    const m = await letter(
      'bientap@xa.example',
      new RegExp(`^Còn \\d+ ngày đến hạn nộp báo cáo 6 tháng cuối năm 2026 của ${unitName}$`),
    );
    expect(m.text).toContain('đến hạn nộp ngày 31/12/2026');
    expect(m.text).toContain('Trần Thị Duyệt nhắc.');
    expect(m.text).toContain(`Mở: ${editor}/#/chu-ky/2026-H2`);

    // The editor: the header counts the unread reminder; its link opens the cycle, where the draft is made.
    const ed = await login('bientap');
    const bell = ed.getByRole('link', { name: /^Thông báo 1 chưa đọc$/ });
    await bell.waitFor();
    await bell.click();
    await ed.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor();
    await shot(ed, 'notifications');
    await ed.getByRole('link', { name: new RegExp(`của ${unitName}$`) }).click();
    await ed.getByRole('heading', { name: 'Chu kỳ báo cáo' }).waitFor();
    await expect.poll(() => ed.getByRole('link', { name: /^Thông báo$/ }).count()).toBe(1);
    const row = ed.locator('tbody tr', { hasText: unitName }).first();
    await shot(ed, 'cycle-editor');
    await row.getByRole('button', { name: `Tạo bản nháp cho ${unitName}` }).click();
    await ed.waitForURL(/#\/bao-cao\/\d+$/);
    const reportUrl = ed.url();
    await ed.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect.poll(() => ed.locator('.status').first().innerText()).toBe('Chờ duyệt');
    const review = await letter(
      'duyet@xa.example',
      new RegExp(`^Báo cáo chờ duyệt: ${unitName}, 6 tháng cuối năm 2026$`),
    );
    expect(review.text).toContain(`Mở: ${reportUrl.replace(/^.*#/, `${editor}/#`)}`);

    // The admin turns on the unit's province's own approval, by keyboard.
    await admin.reload();
    const list = admin.getByRole('region', { name: 'Danh sách đơn vị' });
    await list.getByLabel('Tìm theo tên, huyện, tỉnh hoặc mã').fill(unitName);
    const province = await list.locator('tbody tr').first().locator('td').nth(2).innerText();
    await admin.getByRole('checkbox', { name: `Yêu cầu tỉnh ${province} phê duyệt` }).focus();
    await admin.keyboard.press('Space');
    await expect
      .poll(() => admin.locator('p[role=status]').first().innerText())
      .toContain(`${province}: báo cáo cần tỉnh phê duyệt sau cấp huyện trước khi công bố.`);
    await shot(admin, 'admin-provinces', 'section.provinces');

    // The reviewer approves at the district's level, then the province's; then unapproves with a reason.
    await rv.reload();
    await rv.getByRole('heading', { name: 'Chu kỳ báo cáo' }).waitFor();
    await rv.getByRole('radio', { name: /^Chờ duyệt/ }).check();
    const inReview = rv.locator('tbody tr', { hasText: unitName }).first();
    await inReview.getByRole('button', { name: `Phê duyệt cấp huyện cho ${unitName}` }).click();
    await expect
      .poll(() => inReview.locator('[role=status]').innerText())
      .toBe('Đã phê duyệt cấp huyện.');
    await inReview.getByRole('button', { name: `Phê duyệt cấp tỉnh cho ${unitName}` }).click();
    await expect.poll(() => inReview.locator('.approvals').innerText()).toMatch(/huyện ✓.*tỉnh ✓/s);
    await inReview.getByText('Hủy phê duyệt', { exact: true }).click();
    await shot(rv, 'cycle-approved');
    await inReview.getByLabel('Lý do (gửi người soạn)').fill('Thiếu số hồ sơ trực tuyến.');
    await inReview.getByRole('button', { name: 'Hủy phê duyệt và trả lại' }).click();
    await expect.poll(() => inReview.locator('.status').innerText()).toBe('Bản nháp');
    const back = await letter(
      'bientap@xa.example',
      new RegExp(`^Báo cáo bị trả lại: ${unitName}, 6 tháng cuối năm 2026$`),
    );
    expect(back.text).toContain('Ý kiến: “Thiếu số hồ sơ trực tuyến.”');
  });
});
