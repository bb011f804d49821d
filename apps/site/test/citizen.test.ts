/**
 * What a citizen or a journalist hit on the public site (issue 13, "Broken
 * today"), held on a real built site in a real browser: search by name with
 * Đ/đ, the directory, a unit whose only report is a custom range, charts
 * that do not mislead, compare without JavaScript, the site's address read
 * at render time, and open data a spreadsheet reads.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { builtSite, type BuiltSite } from './fixture.ts';

let site: BuiltSite;
let browser: Browser;

beforeAll(async () => {
  site = await builtSite();
  browser = await launch();
});

afterAll(async () => {
  await browser.close();
  await site.stop();
});

async function open(
  path: string,
  opts: { javaScript?: boolean; width?: number } = {},
): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: opts.javaScript ?? true,
    viewport: { width: opts.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(site.url + path, { waitUntil: 'networkidle' });
  return page;
}

describe('search', () => {
  /** The first result of a query on the search page of a language. */
  async function first(q: string, lang: 'vi' | 'en'): Promise<string> {
    const page = await open(`${lang === 'en' ? '/en' : ''}/tim-kiem/?q=${encodeURIComponent(q)}`);
    const item = page.locator('#results ol li a').first();
    await item.waitFor();
    const text = await item.innerText();
    await page.context().close();
    return text;
  }

  it.each([
    ['dong hai', 'Xã Đông Hải (Tiền Hải, Thái Bình)'],
    ['Đông Hải', 'Xã Đông Hải (Tiền Hải, Thái Bình)'],
    ['xa dong hai', 'Xã Đông Hải (Tiền Hải, Thái Bình)'],
    ['duc lam', 'Xã Đức Lâm (Đức Thọ, Hà Tĩnh)'],
    ['Đức Lâm', 'Xã Đức Lâm (Đức Thọ, Hà Tĩnh)'],
    ['quang hai', 'Xã Quang Hải (Tứ Kỳ, Hải Dương)'],
    ['Quang Hải', 'Xã Quang Hải (Tứ Kỳ, Hải Dương)'],
  ])('"%s" finds %s first', async (q, expected) => {
    expect(await first(q, 'vi')).toBe(expected);
  });

  it.each([
    ['dong hai', 'Đông Hải commune (Tiền Hải, Thái Bình)'],
    ['Dong Hai commune', 'Đông Hải commune (Tiền Hải, Thái Bình)'],
    ['Đức Lâm', 'Đức Lâm commune (Đức Thọ, Hà Tĩnh)'],
    ['quang hai', 'Quang Hải commune (Tứ Kỳ, Hải Dương)'],
  ])('in English, "%s" finds %s first, linking to the English page', async (q, expected) => {
    expect(await first(q, 'en')).toBe(expected);
    const page = await open(`/en/tim-kiem/?q=${encodeURIComponent(q)}`);
    const link = page.locator('#results ol li a').first();
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^\/en\/xa\//);
    await page.context().close();
  });

  it('ranks a unit whose name matches above one that matches by its province', async () => {
    const page = await open('/tim-kiem/?q=quang%20hai');
    await page.locator('#results ol li a').first().waitFor();
    const titles = await page.locator('#results ol li a').allInnerTexts();
    const quangHai = titles.indexOf('Xã Quang Hải (Tứ Kỳ, Hải Dương)');
    const thinhQuang = titles.indexOf('Xã Thịnh Quang Bắc (Thanh Hà, Hải Dương)');
    expect(quangHai).toBe(0);
    if (thinhQuang >= 0) expect(thinhQuang).toBeGreaterThan(quangHai);
    await page.context().close();
  });

  it('says there is no match, and points to the directory', async () => {
    for (const path of ['/tim-kiem/?q=xyzxyz', '/en/tim-kiem/?q=xyzxyz']) {
      const page = await open(path);
      const results = page.locator('#results');
      await results.locator('a').waitFor();
      expect(await results.locator('li').count()).toBe(0);
      expect(await results.innerText()).toMatch(/Không tìm thấy kết quả nào|No match found/);
      await page.context().close();
    }
  });

  it('leads to the directory without JavaScript', async () => {
    const page = await open('/tim-kiem/?q=dong+hai', { javaScript: false });
    const link = page.locator('main a[href="/xa/"]');
    expect(await link.count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
