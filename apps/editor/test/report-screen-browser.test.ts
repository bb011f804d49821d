/**
 * The report screen, as its people use it (the real product with demo
 * data, Chromium in front): leaving unsaved work by Back or by closing the
 * tab asks first; the reviewer approves and unapproves at the second level
 * on the report itself; a published report is corrected (reopened as a
 * draft while the public page stays, edited, submitted, published with
 * the reason) and the rebuilt public page shows the correction log; two
 * people saving the same draft see both versions and may take the other one.
 * Screenshots at 1280 and 390 px into SHOTS_DIR (/tmp/shots-client by default).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieClient } from './client.ts';
import { productUnderTest, waitFor } from './product.ts';

const product = productUnderTest({ name: 'report-screen' });
const { editor, site } = product;
const shots = process.env.SHOTS_DIR ?? '/tmp/shots-client';
mkdirSync(shots, { recursive: true });
const UNIT = 'quang-hai-tu-ky-hai-duong';
const PROVINCE = 'Hải Dương';

const field = (page: Page, id: string) => page.locator(`[id="${id}"]`);

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(shots, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(shots, `${name}-390.png`), fullPage: true });
  await page.screenshot({ path: join(shots, `${name}-390-screen.png`) });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The API as a user (after their first login in the browser has set their own password). */
async function apiAs(user: string) {
  const c = cookieClient(editor);
  await c.auth.login.mutate({ username: user, password: product.password(user) });
  return c;
}

/** The next dialog, answered: its kind and text. */
function answerNext(page: Page, accept: boolean): Promise<{ type: string; message: string }> {
  return new Promise((resolve) => {
    page.once('dialog', (d: Dialog) => {
      resolve({ type: d.type(), message: d.message() });
      void (accept ? d.accept() : d.dismiss());
    });
  });
}

/** Each blocker of the submission settled by a line on its field, as a careful official would. */
async function settleBlockers(page: Page) {
  const hrefs = await page
    .locator('.actions .blockers a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs)
    if (href.startsWith('#n-') || href.startsWith('#x-'))
      await field(page, href.slice(1)).fill('Đúng theo sổ theo dõi hồ sơ.');
}

async function submit(page: Page) {
  await settleBlockers(page);
  await page.getByRole('button', { name: 'Lưu (Ctrl+S)' }).click();
  await page
    .locator('.actions')
    .getByText(/Đã lưu|Không có gì mới/)
    .waitFor();
  await page.getByRole('button', { name: 'Gửi duyệt' }).click();
  await page.locator('.actions').getByText('Đã gửi duyệt.').waitFor();
}

beforeAll(() => product.start(), 200_000);
afterAll(() => product.stop());

let reportId = 0;
let period = '';

describe('leaving a report with unsaved changes', () => {
  it('asks on Back and on closing the tab, and staying keeps the typed figure', async () => {
    const ed = await product.login('bientap');
    const api = await apiAs('bientap');
    period = (await api.reports.expectedPeriods.query({ unit: UNIT }))[0]?.id ?? '';
    expect(period).not.toBe('');
    reportId = await api.reports.create.mutate({ unit: UNIT, period });
    await ed.goto(`${editor}/#/bao-cao/${String(reportId)}`);
    const received = field(ed, 'm-dossiers.received');
    await received.waitFor();
    await shoot(ed, 'draft');

    // Back, answered "stay": the screen, its address and the figure typed stay.
    await received.fill('1.234');
    let asked = answerNext(ed, false);
    await ed.evaluate(() => {
      history.back();
    });
    expect((await asked).message).toContain('Báo cáo có thay đổi chưa lưu. Rời trang?');
    await expect.poll(() => new URL(ed.url()).hash).toBe(`#/bao-cao/${String(reportId)}`);
    expect(await received.inputValue()).toBe('1.234');
    expect(await ed.locator('.actions').innerText()).toContain('chưa lưu');

    // Closing the tab: the browser's own question, and staying keeps the page.
    await received.fill('1.235');
    asked = answerNext(ed, false);
    await ed.close({ runBeforeUnload: true });
    expect((await asked).type).toBe('beforeunload');
    expect(ed.isClosed()).toBe(false);
    expect(await received.inputValue()).toBe('1.235');

    // Back, answered "leave": the list, and the work kept on this machine is offered back on return.
    await received.fill('1.236');
    asked = answerNext(ed, true);
    await ed.evaluate(() => {
      history.back();
    });
    await asked;
    await ed.getByRole('heading', { name: 'Báo cáo', exact: true }).waitFor();
    await ed.goto(`${editor}/#/bao-cao/${String(reportId)}`);
    await expect.poll(() => received.inputValue()).toBe('1.236');
    await ed
      .locator('.actions')
      .getByText('Đã khôi phục nội dung chưa lưu trên máy này.')
      .waitFor();
    await submit(ed);
  }, 120_000);
});

describe('the second approval level on the report screen', () => {
  it('is given and undone there by the reviewer whose level is due', async () => {
    await product.login('admin');
    await (
      await apiAs('admin')
    ).units.setProvinceApproval.mutate({
      province: PROVINCE,
      required: true,
    });
    const rv = await product.login('duyet');
    await rv.goto(`${editor}/#/bao-cao/${String(reportId)}`);
    const bar = rv.locator('.actions');
    await bar.getByText(/Phê duyệt:/).waitFor();
    await expect.poll(() => bar.locator('.approvals').innerText()).toMatch(/huyện\s*—.*tỉnh\s*—/s);
    // Publishing waits for the approvals; the district's is due first.
    expect(await rv.getByRole('button', { name: 'Duyệt và công bố' }).count()).toBe(0);
    await shoot(rv, 'review-approval');
    await rv.getByRole('button', { name: 'Phê duyệt cấp huyện' }).click();
    await bar.getByText('Đã phê duyệt cấp huyện.').waitFor();
    await expect.poll(() => bar.locator('.approvals').innerText()).toMatch(/huyện\s*✓.*tỉnh\s*—/s);
    // Approved figures are locked: the way back is unapproving, with a reason.
    expect(await rv.getByRole('button', { name: 'Trả lại để sửa' }).count()).toBe(0);
    await rv.getByRole('button', { name: 'Hủy phê duyệt và trả lại' }).click();
    await bar.getByText('Hãy ghi lý do hủy phê duyệt vào ô Ý kiến.').waitFor();
    await field(rv, 'comment').fill('Thiếu số hồ sơ trực tuyến.');
    await rv.getByRole('button', { name: 'Hủy phê duyệt và trả lại' }).click();
    await bar.getByText('Đã hủy phê duyệt và trả lại người soạn.').waitFor();
    await expect.poll(() => bar.locator('.status').innerText()).toBe('Bản nháp');

    const ed = await product.login('bientap');
    await ed.goto(`${editor}/#/bao-cao/${String(reportId)}`);
    await field(ed, 'm-dossiers.received_online').fill('1.200');
    await field(ed, 'm-dossiers.received_direct').fill('36');
    await submit(ed);

    await rv.reload();
    await rv.getByRole('button', { name: 'Phê duyệt cấp huyện' }).click();
    await bar.getByText('Đã phê duyệt cấp huyện.').waitFor();
    await rv.getByRole('button', { name: 'Phê duyệt cấp tỉnh' }).click();
    await bar.getByText('Đã phê duyệt cấp tỉnh.').waitFor();
    await expect.poll(() => bar.locator('.approvals').innerText()).toMatch(/huyện\s*✓.*tỉnh\s*✓/s);
    await publish(rv);
  }, 200_000);
});

/** Publishes as the reviewer, confirming figures that do not add up, and waits for the public page's link. */
async function publish(rv: Page): Promise<string> {
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
  return (await live.getAttribute('href')) ?? '';
}

describe('correcting a published report', () => {
  it('keeps the public page while the correction is written, and shows the reason once it is published', async () => {
    const page = `${site}/xa/${UNIT}/${period}/`;
    await waitFor(async () => (await fetch(page)).status === 200, 90_000, 'the public page');
    const ed = await product.login('bientap');
    await ed.goto(`${editor}/#/bao-cao/${String(reportId)}`);
    await ed.getByRole('button', { name: 'Đính chính' }).waitFor();
    await shoot(ed, 'published-correct');
    await ed.getByRole('button', { name: 'Đính chính' }).click();
    await ed
      .locator('.actions')
      .getByText(/^Đã mở lại để đính chính\./)
      .waitFor();
    await expect.poll(() => ed.locator('.actions .status').innerText()).toBe('Bản nháp');
    await ed.getByText(/^Đang đính chính báo cáo đã công bố/).waitFor();
    // The published version stays live while the correction is written.
    expect((await fetch(page)).status).toBe(200);
    await field(ed, 'm-dossiers.received_direct').fill('50');
    await field(ed, 'm-dossiers.received').fill('1.250');
    await submit(ed);

    const rv = await product.login('duyet');
    await rv.goto(`${editor}/#/bao-cao/${String(reportId)}`);
    // The approvals given to the published version were undone with the reopening.
    await rv.getByRole('button', { name: 'Phê duyệt cấp huyện' }).click();
    await rv.locator('.actions').getByText('Đã phê duyệt cấp huyện.').waitFor();
    await rv.getByRole('button', { name: 'Phê duyệt cấp tỉnh' }).click();
    await rv.locator('.actions').getByText('Đã phê duyệt cấp tỉnh.').waitFor();
    await rv.getByRole('button', { name: 'Duyệt và công bố' }).click();
    // Asked at publish, in a labelled field, with the cursor put in it.
    const reason = rv.getByLabel('Lý do đính chính (hiện trên trang công khai)');
    await rv
      .locator('#reason-error')
      .getByText(/^Hãy ghi lý do đính chính/)
      .waitFor();
    await expect
      .poll(() => rv.evaluate(() => document.activeElement?.id))
      .toBe('correction-reason');
    await shoot(rv, 'review-correction');
    await reason.fill('Sửa số hồ sơ tiếp nhận theo sổ một cửa.');
    const url = await publish(rv);
    expect(url).toBe(page);
    await waitFor(
      async () =>
        (await (await fetch(page)).text()).includes('Sửa số hồ sơ tiếp nhận theo sổ một cửa.'),
      90_000,
      'the correction on the public page',
      () => product.output(),
    );
    const pub = await (await product.browser.newContext()).newPage();
    await pub.goto(page);
    const log = pub.locator('#dinh-chinh + ol li').first();
    expect(await log.innerText()).toContain('Lý do: Sửa số hồ sơ tiếp nhận theo sổ một cửa.');
    expect(await pub.locator('p.warn[role=note]').innerText()).toContain(
      'đã được đính chính 1 lần',
    );
  }, 240_000);
});

describe('two people saving the same draft', () => {
  it('shows both versions side by side, and taking theirs puts their figures in the form', async () => {
    const ed = await product.login('bientap');
    const api = await apiAs('bientap');
    const other = (await api.reports.expectedPeriods.query({ unit: UNIT })).find(
      (p) => p.id !== period,
    );
    expect(other).toBeDefined();
    const id = await api.reports.create.mutate({ unit: UNIT, period: other?.id ?? '' });
    await ed.goto(`${editor}/#/bao-cao/${String(id)}`);
    const received = field(ed, 'm-dossiers.received');
    await received.waitFor();

    // Someone else saves first, from the version this screen opened.
    const opened = await api.reports.get.query({ id });
    await api.reports.save.mutate({
      id,
      baseVersion: opened.version,
      content: {
        ...opened.content,
        metrics: { ...opened.content.metrics, 'dossiers.received': 40 },
      },
    });

    await received.fill('55');
    await ed.getByRole('button', { name: 'Lưu (Ctrl+S)' }).click();
    const panel = ed.getByRole('heading', { name: 'Hai phiên bản khác nhau' });
    await panel.waitFor();
    await shoot(ed, 'conflict');

    await ed.getByRole('button', { name: 'Dùng bản này' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(await received.inputValue()).toBe('40');
    // Their version is the one now held: saving again is no conflict.
    await received.fill('41');
    await ed.getByRole('button', { name: 'Lưu (Ctrl+S)' }).click();
    await ed
      .locator('.actions')
      .getByText(/Đã lưu \(phiên bản/)
      .waitFor();
    expect((await api.reports.get.query({ id })).content.metrics['dossiers.received']).toBe(41);
  }, 120_000);
});
