/**
 * The administration screen in Chromium against the real product (start.ts
 * --demo), section by section as an admin uses it: a new unit whose name has
 * Đ is saved, found by searching without diacritics and edited; a province
 * is made to approve its reports and the page says so; a user's scope and
 * e-mail are changed. Each section's message shows at the top of the page,
 * one at a time. Screenshots at 1280 and 390 px go to /tmp/shots-admin/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productUnderTest } from './product.ts';

const shots = '/tmp/shots-admin';
const product = productUnderTest({ name: 'admin' });

async function shot(p: Page, name: string) {
  for (const width of [1280, 390]) {
    await p.setViewportSize({ width, height: width < 500 ? 844 : 900 });
    await p.screenshot({ path: join(shots, `${name}-${String(width)}.png`), fullPage: true });
  }
  await p.setViewportSize({ width: 1280, height: 900 });
}

const status = (p: Page) => p.locator('main [role=status]').first();

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  await product.start();
});

afterAll(() => product.stop());

describe('the administration screen', () => {
  it('saves a unit named with Đ, finds it without diacritics, and edits it', async () => {
    const p = await product.login('admin');
    await p.getByRole('link', { name: 'Quản trị' }).click();
    await p.getByRole('heading', { name: 'Quản trị', exact: true }).waitFor();
    await shot(p, 'admin');

    await p.getByLabel('Tên', { exact: true }).fill('Đồng Tâm');
    await p.getByLabel('Tỉnh', { exact: true }).fill('Điện Biên');
    await p.getByLabel('Huyện (bỏ trống từ 01/7/2025)').fill('Điện Biên Đông');
    await p.getByRole('button', { name: 'Lưu đơn vị' }).click();
    await expect.poll(() => status(p).innerText()).toMatch(/^Đã lưu đơn vị \S+\.$/);

    await p.getByLabel('Tìm theo tên, huyện, tỉnh hoặc mã').fill('dong tam dien bien');
    const row = p.locator('tbody tr', { hasText: 'Đồng Tâm' });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('button', { name: 'Sửa' }).click();
    // The form takes the unit, the cursor in its name.
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('n-name');
    expect(await p.getByLabel('Tỉnh', { exact: true }).inputValue()).toBe('Điện Biên');
    await p.getByLabel('Mã (5 số)').fill('03226');
    await p.getByRole('button', { name: 'Lưu đơn vị' }).click();
    await p.getByLabel('Tìm theo tên, huyện, tỉnh hoặc mã').fill('03226');
    await expect.poll(() => p.locator('tbody tr', { hasText: 'Đồng Tâm' }).count()).toBe(1);
    await shot(p, 'unit-saved');
    await p.close();
  });

  it('makes a province approve its reports, and says so at the top', async () => {
    const p = await product.login('admin');
    await p.getByRole('link', { name: 'Quản trị' }).click();
    const approval = p.getByLabel(/Yêu cầu\s+tỉnh Quảng Trị phê duyệt/);
    await approval.check();
    await expect
      .poll(() => status(p).innerText())
      .toBe('Quảng Trị: báo cáo cần tỉnh phê duyệt sau cấp huyện trước khi công bố.');
    await p.reload();
    await p.getByRole('heading', { name: 'Quản trị', exact: true }).waitFor();
    await expect.poll(() => approval.isChecked()).toBe(true);
    await approval.uncheck();
    await expect.poll(() => status(p).innerText()).toBe('Quảng Trị: không cần tỉnh phê duyệt.');
    await p.close();
  });

  it("changes a user's e-mail, and the table shows it", async () => {
    const p = await product.login('admin');
    await p.getByRole('link', { name: 'Quản trị' }).click();
    await p.getByRole('button', { name: 'Sửa phạm vi của bientap' }).click();
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('edit-user');
    await p.getByLabel('Thư điện tử (nhận thông báo)').fill('bientap@dong-tam.example');
    await p.getByRole('button', { name: 'Lưu phạm vi' }).click();
    await expect.poll(() => status(p).innerText()).toBe('Đã lưu phạm vi của bientap.');
    expect(await p.locator('tbody tr', { hasText: 'bientap' }).innerText()).toContain(
      'bientap@dong-tam.example',
    );
    expect(await p.locator('#edit-user').count()).toBe(0);
    await p.close();
  });
});
