/**
 * The form, feedback where the eye is, and reviewing, as people use them:
 * the real product (server, demo data, site) with Chromium in front. An
 * editor new to it writes a first report (timed); impossible figures block
 * the submission until a line says why, and the comment typed stays; the
 * reviewer sees what changed since returning it and publishes; the build
 * is followed live to the public page's link. Screenshots at 1280 and 390 px
 * into SHOTS_DIR (/tmp/shots-form by default).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productUnderTest } from './product.ts';

const product = productUnderTest({ name: 'form' });
const { editor, site } = product;
const login = (user: string) => product.login(user);
const shots = process.env.SHOTS_DIR ?? '/tmp/shots-form';
mkdirSync(shots, { recursive: true });

const field = (page: Page, id: string) => page.locator(`[id="${id}"]`);

/** The page at 1280 px and at 390 px (a phone): whole, and the screen as seen (the action bar stays at its bottom). */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(shots, `${name}-1280.png`), fullPage: true });
  await page.screenshot({ path: join(shots, `${name}-1280-screen.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(shots, `${name}-390.png`), fullPage: true });
  await page.screenshot({ path: join(shots, `${name}-390-screen.png`) });
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(() => product.start(), 200_000);
afterAll(() => product.stop());

/** The blockers the action bar lists, as links to their fields. */
const blockerLinks = (page: Page) => page.locator('.actions .blockers a');

/** Confirms each unusual figure in one line, as a careful official would. */
async function confirmUnusual(page: Page) {
  // The hrefs first: each link goes once its line is written.
  const hrefs = await blockerLinks(page).evaluateAll((as) =>
    as.map((a) => a.getAttribute('href') ?? ''),
  );
  for (const href of hrefs)
    if (href.startsWith('#n-'))
      await field(page, href.slice(1)).fill('Đúng theo sổ theo dõi hồ sơ.');
}

let reportId = '';
let firstReportMs = 0;

describe('an editor’s first report', () => {
  it('takes a new user from login to a submitted report for the due period, dates as dd/mm/yyyy', async () => {
    const started = Date.now();
    const ed = await login('bientap');
    // The new-report form is at the top; the unit chosen, the period offered is the one due, in words.
    const unit = await ed.locator('#n-unit option:not([value=""])').last().getAttribute('value');
    await ed.selectOption('#n-unit', unit ?? '');
    await expect.poll(() => ed.locator('#n-choice option').count()).toBeGreaterThan(1);
    const offered = await ed.locator('#n-choice option').first().innerText();
    expect(offered).toMatch(/^6 tháng (đầu|cuối) năm 20\d\d/);
    await shoot(ed, 'reports-new');
    await ed.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await field(ed, 'm-dossiers.received').waitFor();
    reportId = /bao-cao\/(\d+)/.exec(ed.url())?.[1] ?? '';

    // Figures as the paper report gives them (Vietnamese thousands), and the issue date as officials write it.
    const prevText = await field(ed, 'h-dossiers.received').innerText();
    const prev = Number(
      /Kỳ trước[^:]*: ([\d.]+)/.exec(prevText)?.[1]?.replaceAll('.', '') ?? '1250',
    );
    await field(ed, 'm-dossiers.received').fill(prev.toLocaleString('vi-VN'));
    await field(ed, 'm-dossiers.received_online').fill(String(prev - 20));
    await field(ed, 'm-dossiers.received_direct').fill('20');
    await field(ed, 'issued').fill('20/12/2026');
    // A draft offers the calendar beside the typed date.
    expect(await ed.getByLabel('Chọn ngày ban hành trên lịch').count()).toBe(1);
    await confirmUnusual(ed);
    await ed.getByRole('button', { name: 'Lưu (Ctrl+S)' }).click();
    await ed
      .locator('.actions')
      .getByText(/Đã lưu \(phiên bản \d+\)/)
      .waitFor();
    await ed.getByRole('button', { name: 'Gửi duyệt' }).click();
    await ed.locator('.actions').getByText('Đã gửi duyệt.').waitFor();
    firstReportMs = Date.now() - started;
    console.log(`first report, login to submitted: ${(firstReportMs / 1000).toFixed(1)} s`);
    // Stored ISO, shown dd/mm/yyyy.
    await ed.reload();
    await field(ed, 'issued').waitFor();
    expect(await field(ed, 'issued').inputValue()).toBe('20/12/2026');
    // Submitted, the report cannot be changed: no calendar (a disabled one is an empty box).
    expect(await field(ed, 'issued').isDisabled()).toBe(true);
    expect(await ed.getByLabel('Chọn ngày ban hành trên lịch').count()).toBe(0);
    expect(firstReportMs).toBeLessThan(60_000);
  }, 120_000);
});

describe('impossible figures and feedback where the eye is', () => {
  it('blocks the submission until a line says why, keeps the comment typed, and links each blocker to its field', async () => {
    const ed = await login('bientap');
    const unit = await ed.locator('#n-unit option:not([value=""])').first().getAttribute('value');
    await ed.selectOption('#n-unit', unit ?? '');
    await expect.poll(() => ed.locator('#n-choice option').count()).toBeGreaterThan(1);
    await ed.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await field(ed, 'm-dossiers.received').waitFor();

    await field(ed, 'm-dossiers.received').fill('1.250');
    await field(ed, 'm-dossiers.received_online').fill('1.400');
    await field(ed, 'm-satisfaction.rate').fill('101');
    // The score is not computed from impossible figures.
    await expect
      .poll(() => ed.getByRole('row', { name: /Điểm tổng hợp/ }).innerText())
      .not.toContain('100/100');
    await field(ed, 'comment').fill('Kính gửi anh Duyệt, số liệu theo sổ.');
    // A draft save is never blocked.
    await ed.getByRole('button', { name: 'Lưu (Ctrl+S)' }).click();
    await ed
      .locator('.actions')
      .getByText(/Đã lưu/)
      .waitFor();
    await ed.getByRole('button', { name: 'Gửi duyệt' }).click();
    await ed
      .locator('.actions .error')
      .getByText(/Chưa gửi được/)
      .waitFor();
    expect(await field(ed, 'comment').inputValue()).toBe('Kính gửi anh Duyệt, số liệu theo sổ.');
    // Not even a reload loses the comment typed.
    await ed.reload();
    await field(ed, 'comment').waitFor();
    expect(await field(ed, 'comment').inputValue()).toBe('Kính gửi anh Duyệt, số liệu theo sổ.');
    await ed.getByRole('button', { name: 'Gửi duyệt' }).click();
    await ed
      .locator('.actions .error')
      .getByText(/Chưa gửi được/)
      .waitFor();
    const links = await blockerLinks(ed).allTextContents();
    expect(links.join(' ')).toMatch(/Tiếp nhận trực tuyến/i);
    expect(links.join(' ')).not.toContain('dossiers.');
    await shoot(ed, 'editor-blocked');

    // By keyboard: the blocker link, Enter, and the cursor is in the field.
    const link = blockerLinks(ed)
      .filter({ hasText: /hài lòng/i })
      .first();
    await link.focus();
    await ed.keyboard.press('Enter');
    await expect
      .poll(() => ed.evaluate(() => document.activeElement?.id))
      .toBe('m-satisfaction.rate');
    await ed.keyboard.press('Control+a');
    await ed.keyboard.type('99,2');
    // The other one is as the source says: a line why.
    await field(ed, 'n-dossiers.received_online').fill('Nguồn ghi 1.400, gồm hồ sơ liên thông.');
    await field(ed, 'm-dossiers.received_direct').fill('0');
    await confirmUnusual(ed);

    // Leaving through an in-app link with unsaved changes asks first.
    let asked = '';
    ed.once('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await ed.getByRole('link', { name: '← Danh sách báo cáo' }).click();
    expect(asked).toContain('chưa lưu');
    expect(ed.url()).toContain('bao-cao/');

    // One Save click makes one revision.
    const before = Number(
      /Phiên bản (\d+)/.exec(await ed.locator('.actions .state').innerText())?.[1],
    );
    await ed.getByRole('button', { name: 'Lưu (Ctrl+S)' }).click();
    await ed
      .locator('.actions')
      .getByText(`Đã lưu (phiên bản ${String(before + 1)}).`)
      .waitFor();
    await new Promise((r) => setTimeout(r, 2500));
    await ed.getByRole('button', { name: 'Lưu (Ctrl+S)' }).click();
    await ed
      .locator('.actions')
      .getByText(/Không có gì mới để lưu/)
      .waitFor();

    await ed.getByRole('button', { name: 'Gửi duyệt' }).click();
    await ed.locator('.actions').getByText('Đã gửi duyệt.').waitFor();
  }, 120_000);
});

describe('reviewing', () => {
  it('shows what changed since the version returned, the workflow, and follows the publish live to its public page', async () => {
    const rv = await login('duyet');
    // The list is paged and never stops silently; the report is found by its unit.
    await rv
      .getByRole('status')
      .getByText(/trong [\d.]+ báo cáo/)
      .waitFor();
    expect(await rv.getByText(/^Trang 1\/\d+$/).count()).toBe(1);
    await rv.getByRole('button', { name: 'Trang sau →' }).click();
    await rv
      .getByRole('status')
      .getByText(/^51–100 trong/)
      .waitFor();
    await shoot(rv, 'reports-list');
    await rv.goto(`${editor}/#/bao-cao/${reportId}`);
    await rv.getByRole('heading', { name: 'Xem xét' }).waitFor();
    await rv.locator('.events li').first().getByText('Gửi duyệt').waitFor();
    await field(rv, 'comment').fill('Xem lại số tiếp nhận trực tiếp.');
    await rv.getByRole('button', { name: 'Trả lại để sửa' }).click();
    await rv.locator('.actions').getByText('Đã trả lại cho người soạn.').waitFor();

    const ed = await login('bientap');
    await ed.goto(`${editor}/#/bao-cao/${reportId}`);
    await field(ed, 'm-dossiers.received_direct').waitFor();
    // What the reviewer said is at the top of the author's screen.
    await ed.locator('.events').getByText('Xem lại số tiếp nhận trực tiếp.').waitFor();
    await field(ed, 'm-dossiers.received_direct').fill('25');
    // A note on any figure, by keyboard: the button, Enter, type.
    await ed.getByRole('button', { name: 'Thêm ghi chú cho Tiếp nhận trực tiếp' }).focus();
    await ed.keyboard.press('Enter');
    await expect
      .poll(() => ed.evaluate(() => document.activeElement?.id))
      .toBe('n-dossiers.received_direct');
    await ed.keyboard.type('Theo sổ của bộ phận một cửa.');
    await field(ed, 'body').fill(
      '## I. Kết quả\n\nĐã tiếp nhận thêm hồ sơ trực tiếp tại bộ phận một cửa.\n',
    );
    await confirmUnusual(ed);
    await ed.getByRole('button', { name: 'Gửi duyệt' }).click();
    await ed.locator('.actions').getByText('Đã gửi duyệt.').waitFor();

    await rv.reload();
    await rv.getByRole('heading', { name: 'Xem xét' }).waitFor();
    await expect.poll(() => rv.locator('.events li').count()).toBe(3);
    expect(await rv.locator('.events li').nth(1).innerText()).toContain(
      'Xem lại số tiếp nhận trực tiếp.',
    );
    const changed = rv.locator('tr.changed', { hasText: 'Tiếp nhận trực tiếp' });
    expect(await changed.locator('td').last().innerText()).toBe('25');
    expect(await rv.locator('.diff ins').count()).toBeGreaterThan(0);
    // The notes on figures are the reviewer's to read.
    expect(await rv.locator('#review-title + h3 + ul').innerText()).toContain(
      'Theo sổ của bộ phận một cửa.',
    );
    // The history tells changes by label, with Vietnamese numbers.
    await rv.getByRole('button', { name: 'Lịch sử sửa đổi' }).click();
    await rv.getByRole('cell', { name: /Tiếp nhận trực tiếp: 20 → 25/ }).waitFor();
    await shoot(rv, 'review');
    await rv.setViewportSize({ width: 390, height: 844 });
    await rv.evaluate(() => {
      scrollTo(0, 0);
    });
    await rv.screenshot({ path: join(shots, 'review-390-top.png') });
    await rv.setViewportSize({ width: 1280, height: 900 });

    await rv.getByRole('button', { name: 'Duyệt và công bố' }).click();
    const confirm = rv.getByRole('button', { name: 'Tôi xác nhận công bố nguyên văn' });
    const live = rv.locator('.actions .build a');
    await confirm
      .or(live)
      .first()
      .waitFor({ timeout: 20_000 })
      .catch(() => undefined);
    if (await confirm.isVisible()) await confirm.click();
    await live.waitFor({ timeout: 90_000 });
    const url = (await live.getAttribute('href')) ?? '';
    expect(url.startsWith(`${site}/xa/`)).toBe(true);
    expect((await fetch(url)).status).toBe(200);
    await shoot(rv, 'published');
  }, 200_000);
});
