/**
 * Rolling the public site back on the builds screen ("Dựng trang"), in
 * Chromium against the real product (start.ts --demo): while one release
 * is kept the button is disabled and says why; after a second build the
 * admin, by keyboard only, asks for the rollback, confirms it, and sees it
 * done and listed as a build; the public site serves the earlier release.
 * An editor sees no such button. Screenshots at 1280 and 390 px go to
 * /tmp/shots-rollback/.
 */
import { mkdirSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieClient } from './client.ts';
import { productUnderTest } from './product.ts';

const shots = '/tmp/shots-rollback';
const product = productUnderTest({ name: 'rollback' });
const { editor } = product;
const releases = () => readdirSync(join(product.dir, 'site', 'releases')).sort();
const live = () => readlinkSync(join(product.dir, 'site', 'current'));

async function shot(p: Page, name: string) {
  for (const width of [1280, 390]) {
    await p.setViewportSize({ width, height: width < 500 ? 844 : 900 });
    await p.screenshot({ path: join(shots, `${name}-${String(width)}.png`), fullPage: true });
  }
  await p.setViewportSize({ width: 1280, height: 900 });
}

/** The builds screen once every build has ended (the list follows a running one by itself). */
async function buildsScreen(p: Page) {
  await p.goto(`${editor}/#/dung-trang`);
  await p.getByRole('heading', { name: 'Dựng trang công khai' }).waitFor();
  await expect.poll(() => p.locator('tbody .status-running').count(), { timeout: 60_000 }).toBe(0);
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  await product.start();
});

afterAll(() => product.stop());

describe('rolling the public site back in the browser', () => {
  it('offers nothing to go back to while one release is kept, and says so', async () => {
    const p = await product.login('admin');
    await buildsScreen(p);
    expect(releases()).toHaveLength(1);
    const button = p.getByRole('button', { name: 'Quay lại bản trước' });
    expect(await button.isDisabled()).toBe(true);
    expect(await p.locator('#rollback-none').innerText()).toBe(
      'Chưa có bản trước nào được giữ để quay lại: chỉ có bản đang chạy.',
    );
    expect(await button.getAttribute('aria-describedby')).toBe('rollback-none');
    await shot(p, 'none');
    await p.close();
  });

  it('lets the admin roll back by keyboard after confirming, and lists the rollback as a build', async () => {
    // A second build: the admin sets a due date, which the public site shows.
    const c = cookieClient(editor);
    await c.auth.login.mutate({ username: 'admin', password: product.password('admin') });
    await c.reports.setDue.mutate({ period: '2030-M01', due: '2030-02-10' });
    await expect.poll(() => releases().length, { timeout: 60_000 }).toBeGreaterThan(1);

    const p = await product.login('admin');
    await buildsScreen(p);
    const current = live();
    const previous = releases()
      .filter((r) => `releases/${r}` < current)
      .at(-1);
    const button = p.getByRole('button', { name: 'Quay lại bản trước' });
    expect(await button.isDisabled()).toBe(false);
    expect(await p.locator('#rollback-none').count()).toBe(0);
    await shot(p, 'ready');

    await button.focus();
    await p.keyboard.press('Enter');
    // The confirmation takes the focus and says which release goes live.
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('rollback-confirm');
    expect(await p.locator('#rollback-ask').innerText()).toMatch(
      /^Đưa bản dựng lúc .+ lên lại thay cho bản đang chạy\? Bản đang chạy vẫn được giữ\.$/,
    );
    await shot(p, 'confirm');
    await p.keyboard.press('Enter');

    const done = p.locator('#rollback-result');
    await done.waitFor();
    expect(await done.innerText()).toMatch(/^Đã quay lại bản dựng lúc .+\.$/);
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('rollback-result');
    expect(live()).toBe(`releases/${previous ?? ''}`);
    const first = p.locator('tbody tr').first();
    expect(await first.locator('td').nth(1).innerText()).toBe(
      'quay lại bản trước / roll back (admin)',
    );
    expect(await first.locator('td').nth(2).innerText()).toBe('Đã lên trang');
    expect((await fetch(`${product.site}/`)).status).toBe(200);
    await shot(p, 'done');

    await p.close();
  });

  it('shows an editor no rollback', async () => {
    const p = await product.login('bientap');
    await p.goto(`${editor}/#/dung-trang`);
    await p.getByRole('heading', { name: 'Dựng trang công khai' }).waitFor();
    await p.locator('tbody tr').first().waitFor();
    expect(await p.getByRole('button', { name: 'Quay lại bản trước' }).count()).toBe(0);
    await p.close();
  });
});
