/**
 * The account flows as people go through them, on the real server (a fresh
 * database, no content) with Chromium in front: the first admin signs in
 * with the one-time password printed at start, is made to choose a
 * password (a common one refused), then works; creates a user and resets
 * their password; that user, on a phone, chooses theirs and logs out
 * everywhere. Screenshots of the new screens go to /tmp/shots-auth/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productUnderTest } from './product.ts';

const shots = '/tmp/shots-auth';
// The editor alone on an empty database: the first start creates the first admin.
const product = productUnderTest({ name: 'accounts', entry: 'main.ts' });
const { editor } = product;
const ADMIN_PASSWORD = 'Quản trị xã nhà mình 2025';
const USER_PASSWORD = 'trâu ơi ta bảo trâu này';

async function page(width: number): Promise<Page> {
  return (
    await product.browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 } })
  ).newPage();
}

/** Each of these follows a scrypt hash on a shared machine: wait up to 10 s, not one. */
const poll = (f: () => Promise<string>) => expect.poll(f, { timeout: 10_000 });

/** Opens the account's menu under the user's name and picks an item. */
async function accountMenu(p: Page, role: 'link' | 'button', name: string) {
  await p.locator('details.account summary').click();
  await p.getByRole(role, { name }).click();
}

async function shot(p: Page, name: string) {
  await p.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  await product.start();
});

afterAll(() => product.stop());

describe('accounts in the browser', () => {
  it('makes the first admin choose a password, refusing a common one, then lets them work', async () => {
    const oneTime = /\sadmin\s+admin\s+(\S+)/.exec(product.output())?.[1] ?? '';
    expect(oneTime).toHaveLength(15);
    const p = await page(1280);
    await p.goto(editor);
    await shot(p, 'login-desktop');
    await p.getByLabel('Tên đăng nhập').fill('admin');
    await p.getByLabel('Mật khẩu').fill(oneTime);
    await p.getByRole('button', { name: 'Đăng nhập' }).click();

    await p.getByRole('heading', { name: 'Đặt mật khẩu của bạn' }).waitFor();
    // Nothing else is offered until the password is changed.
    expect(await p.getByRole('link', { name: 'Quản trị' }).count()).toBe(0);
    await shot(p, 'forced-change-desktop');
    await p.getByLabel('Mật khẩu một lần').fill(oneTime);
    await p.getByLabel('Mật khẩu mới', { exact: true }).fill('password1234');
    await p.getByLabel('Nhập lại mật khẩu mới').fill('password1234');
    await p.getByRole('button', { name: 'Lưu mật khẩu và tiếp tục' }).click();
    await poll(() => p.locator('#cp-next-error').innerText()).toContain(
      'Đây là mật khẩu phổ biến hoặc đã bị lộ',
    );
    expect(await p.locator('#cp-next').getAttribute('aria-invalid')).toBe('true');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('cp-next');
    await shot(p, 'forced-change-refused-desktop');

    await p.getByLabel('Mật khẩu mới', { exact: true }).fill(ADMIN_PASSWORD);
    await p.getByLabel('Nhập lại mật khẩu mới').fill(ADMIN_PASSWORD);
    await p.getByRole('button', { name: 'Lưu mật khẩu và tiếp tục' }).click();
    await p.getByRole('heading', { name: 'Báo cáo', exact: true }).waitFor();

    // Works: creates a user, then resets that user's password.
    await p.getByRole('link', { name: 'Quản trị' }).click();
    await p.getByLabel('Tên đăng nhập').fill('moi.bientap');
    await p.getByLabel('Họ tên').fill('Lê Văn Mới');
    await p.getByRole('button', { name: 'Tạo người dùng' }).click();
    await poll(() => p.locator('#one-time-password').innerText()).toContain('Đã tạo moi.bientap');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('one-time-password');
    expect(await p.locator('#one-time-password code').innerText()).toHaveLength(15);
    const row = p.locator('tbody tr').filter({ hasText: 'moi.bientap' });
    expect(await row.innerText()).toContain('mật khẩu một lần, hết hạn');
    // A reset asks for a second click first: it ends the user's password and sessions.
    await row.getByRole('button', { name: 'Cấp lại mật khẩu cho moi.bientap' }).click();
    await shot(p, 'admin-reset-confirm-desktop');
    await row.getByRole('button', { name: /^Xác nhận cấp lại mật khẩu cho moi.bientap/ }).click();
    await poll(() => p.locator('#one-time-password').innerText()).toContain(
      'Mật khẩu một lần mới cho moi.bientap',
    );
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('one-time-password');
    const reset = await p.locator('#one-time-password code').innerText();
    expect(reset).toHaveLength(15);
    await shot(p, 'admin-reset-desktop');
    const phoneAdmin = await page(390);
    await phoneAdmin.goto(editor);
    await phoneAdmin.getByLabel('Tên đăng nhập').fill('admin');
    await phoneAdmin.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
    await phoneAdmin.getByRole('button', { name: 'Đăng nhập' }).click();
    await phoneAdmin.getByRole('heading', { name: 'Báo cáo', exact: true }).waitFor();
    await phoneAdmin.goto(`${editor}/#/quan-tri`);
    await phoneAdmin.getByRole('heading', { name: 'Người dùng', exact: true }).waitFor();
    await shot(phoneAdmin, 'admin-users-phone');

    // Changing one's own password, by keyboard: a wrong current password is named at its field.
    await p.locator('details.account summary').click();
    await shot(p, 'account-menu-desktop');
    await p.getByRole('link', { name: 'Đổi mật khẩu' }).click();
    await p.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    expect(await p.locator('details.account').getAttribute('open')).toBeNull();
    await shot(p, 'change-desktop');
    await p.locator('#cp-current').focus();
    await p.keyboard.type('không phải mật khẩu');
    await p.keyboard.press('Tab');
    await p.keyboard.type('một mật khẩu mới thật dài');
    await p.keyboard.press('Tab');
    await p.keyboard.type('một mật khẩu mới thật dài');
    await p.keyboard.press('Enter');
    await poll(() => p.locator('#cp-current-error').innerText()).toBe('Không đúng.');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('cp-current');
    await p.keyboard.press('Control+a');
    await p.keyboard.type(ADMIN_PASSWORD);
    await p.keyboard.press('Enter');
    // The admin's session on the phone ended with the change; this one goes on.
    await poll(() => p.locator('[role=status]').first().innerText()).toContain(
      'Đã đổi mật khẩu. 1 phiên đăng nhập khác đã kết thúc.',
    );
    await phoneAdmin.reload();
    await phoneAdmin.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  });

  it('makes a user on a phone choose a password with the reset one-time password, then log out everywhere', async () => {
    const admin = await page(1280);
    await admin.goto(editor);
    await admin.getByLabel('Tên đăng nhập').fill('admin');
    await admin.getByLabel('Mật khẩu').fill('một mật khẩu mới thật dài');
    await admin.getByRole('button', { name: 'Đăng nhập' }).click();
    await admin.getByRole('heading', { name: 'Báo cáo', exact: true }).waitFor();
    await admin.goto(`${editor}/#/quan-tri`);
    const row = admin.locator('tbody tr').filter({ hasText: 'moi.bientap' });
    await row.getByRole('button', { name: 'Cấp lại mật khẩu cho moi.bientap' }).click();
    await row.getByRole('button', { name: /^Xác nhận cấp lại mật khẩu cho moi.bientap/ }).click();
    await poll(() => admin.locator('#one-time-password').innerText()).toContain(
      'Mật khẩu một lần mới',
    );
    const oneTime = await admin.locator('#one-time-password code').innerText();

    const p = await page(390);
    await p.goto(editor);
    await shot(p, 'login-phone');
    await p.getByLabel('Tên đăng nhập').fill('moi.bientap');
    await p.getByLabel('Mật khẩu').fill(oneTime);
    await p.getByRole('button', { name: 'Đăng nhập' }).click();
    await p.getByRole('heading', { name: 'Đặt mật khẩu của bạn' }).waitFor();
    await p.getByLabel('Mật khẩu một lần').fill(oneTime);
    await p.getByLabel('Mật khẩu mới', { exact: true }).fill('moi.bientap');
    await p.getByLabel('Nhập lại mật khẩu mới').fill('moi.bientap');
    await p.getByRole('button', { name: 'Lưu mật khẩu và tiếp tục' }).click();
    await poll(() => p.locator('#cp-next-error').innerText()).toContain('Cần ít nhất 12 ký tự');
    await shot(p, 'forced-change-refused-phone');
    await p.getByLabel('Mật khẩu mới', { exact: true }).fill(USER_PASSWORD);
    await p.getByLabel('Nhập lại mật khẩu mới').fill(USER_PASSWORD);
    await p.getByRole('button', { name: 'Lưu mật khẩu và tiếp tục' }).click();
    await p.getByRole('heading', { name: 'Báo cáo', exact: true }).waitFor();
    // The session and this browser's device cookie: neither readable by scripts.
    const cookies = await p.context().cookies();
    expect(cookies.find((c) => c.name === 'ck_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    expect(cookies.find((c) => c.name === 'ck_device')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/trpc/',
    });
    expect(await p.evaluate(() => document.cookie)).toBe('');
    await p.locator('details.account summary').click();
    await shot(p, 'account-menu-phone');
    await p.keyboard.press('Escape');
    expect(await p.locator('details.account').getAttribute('open')).toBeNull();
    await accountMenu(p, 'link', 'Đổi mật khẩu');
    await p.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    await shot(p, 'change-phone');

    await accountMenu(p, 'button', 'Đăng xuất mọi nơi');
    await poll(() => p.locator('[role=status]').first().innerText()).toBe(
      'Đã đăng xuất khỏi mọi nơi (1 phiên).',
    );
    await shot(p, 'logged-out-everywhere-phone');
  });
});
