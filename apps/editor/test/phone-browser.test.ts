/**
 * The editor on a 390 px phone (the real product with demo data, Chromium
 * in front): no screen is wider than the phone (no sideways scroll of the
 * whole page; a wide table scrolls inside its own box), the import screen
 * with a pasted real report included; and the monospace text boxes draw
 * Vietnamese letters whole ("hồ sơ", never the grave mark beside the "ô").
 * Screenshots (the top of each page, as wide as the page) into SHOTS_DIR
 * (/tmp/shots-phone by default).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixturesOf } from '@congkhai/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productUnderTest } from './product.ts';

const product = productUnderTest({ name: 'phone' });
const shots = process.env.SHOTS_DIR ?? '/tmp/shots-phone';
mkdirSync(shots, { recursive: true });
const PHONE = { width: 390, height: 844 };

const realText = (name: string) => {
  const t = fixturesOf('tuning').find((x) => x.name === name);
  if (!t) throw new Error(`no tuning text ${name}`);
  return readFileSync(t.text, 'utf8');
};

interface Width {
  /** document.documentElement.scrollWidth: 390 when the page does not scroll sideways. */
  readonly scrollWidth: number;
  /** Elements reaching past the phone's right edge that no box of theirs scrolls or clips. */
  readonly past: string[];
}

/**
 * The page's width at 390 px, and what makes it wider: an element reaching
 * past the right edge, unless an ancestor that scrolls or clips it holds it.
 * An ancestor with overflow holds only what it contains as a containing
 * block: an absolutely positioned element (a visually hidden label) is held
 * by a scroll box only if the box, or something inside it, is positioned.
 */
async function width(page: Page, name: string): Promise<Width> {
  const w = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const held = (e: Element) => {
      const own = getComputedStyle(e).position;
      if (own === 'fixed') return false;
      // Whether the element (or its positioned ancestor) is still looking for its containing block.
      let escaping = own === 'absolute';
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.position === 'fixed') return false;
        if (escaping && s.position !== 'static') escaping = false;
        if (!escaping && s.overflowX !== 'visible') return true;
        if (s.position === 'absolute') escaping = true;
      }
      return false;
    };
    const past = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > vw + 1 && !held(e))
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''} ${String(Math.round(e.getBoundingClientRect().right))}`,
      )
      .slice(0, 8);
    return { scrollWidth: document.documentElement.scrollWidth, past };
  });
  await page.screenshot({
    path: join(shots, `${name}-390.png`),
    fullPage: true,
    clip: { x: 0, y: 0, width: w.scrollWidth, height: 1400 },
  });
  return w;
}

async function phone(page: Page, hash: string, ready: string) {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.getByRole('heading', { name: ready }).first().waitFor();
  await page.waitForLoadState('networkidle');
}

/**
 * The Vietnamese letters of `text` a text box draws broken, in the font it
 * draws with: a mark beside its letter, reaching well into the next letter's
 * place (DejaVu Sans Mono's "ồ": ink to 14.9 px of an 8.9 px advance; a
 * horn or an acute beside a circumflex rightly overhangs by a pixel), or not
 * above it (the letter no taller than the one without the mark).
 */
function brokenLetters(page: Page, selector: string, text: string): Promise<string[]> {
  return page.locator(selector).evaluate((box, text) => {
    const s = getComputedStyle(box);
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.font = `${s.fontSize} ${s.fontFamily}`;
    const marked = [...new Set(text.normalize('NFC'))].filter((c) => c.normalize('NFD').length > 1);
    const base = (c: string) => ctx.measureText(c.normalize('NFD').charAt(0));
    const marksAbove = (c: string) => /[\u0300-\u0303\u0306\u0309]/u.test(c.normalize('NFD'));
    // Both as one code point (NFC) and as a letter with combining marks (NFD).
    return marked
      .flatMap((c) => [c, c.normalize('NFD')])
      .filter((c) => {
        const m = ctx.measureText(c);
        return (
          m.actualBoundingBoxRight > m.width * 1.25 ||
          (marksAbove(c) && m.actualBoundingBoxAscent <= base(c).actualBoundingBoxAscent)
        );
      });
  }, text);
}

const VIETNAMESE = 'Tiếp nhận 13 hồ sơ; Đắk Lắk, Quảng Trị: thủ tục tuyển dụng, Hưng Yên, Bắc Kạn';

beforeAll(() => product.start(), 200_000);
afterAll(() => product.stop());

describe('on a 390 px phone', () => {
  it('no screen is wider than the phone', async () => {
    const anon = await (await product.browser.newContext({ viewport: PHONE })).newPage();
    await anon.goto(product.editor);
    await anon.getByLabel('Tên đăng nhập').waitFor();
    const seen: Record<string, Width> = {};
    seen.login = await width(anon, 'login');

    const admin = await product.login('admin');
    await admin.setViewportSize(PHONE);
    const screens: [string, string, string][] = [
      ['reports', '#/', 'Báo cáo'],
      ['cycle', '#/chu-ky', 'Chu kỳ báo cáo'],
      ['builds', '#/dung-trang', 'Dựng trang công khai'],
      ['notifications', '#/thong-bao', 'Thông báo'],
      ['admin', '#/quan-tri', 'Quản trị'],
      ['bulk-import', '#/nhap-hang-loat', 'Nhập hàng loạt'],
      ['change-password', '#/mat-khau', 'Đổi mật khẩu'],
    ];
    for (const [name, hash, heading] of screens) {
      await phone(admin, hash, heading);
      seen[name] = await width(admin, name);
    }
    // A report of the list, opened.
    await phone(admin, '#/', 'Báo cáo');
    await admin.locator('table a[href^="#/bao-cao/"]').first().click();
    await admin.locator('#body').waitFor();
    await admin.waitForLoadState('networkidle');
    seen['report-editor'] = await width(admin, 'report-editor');

    // The import screen: a real report pasted, then under review.
    const ed = await product.login('bientap');
    await ed.setViewportSize(PHONE);
    seen['reports-editor-role'] = await width(ed, 'reports-editor-role');
    await ed.getByLabel('hoặc dán nội dung').fill(realText('quang-hai-2023-h1'));
    seen['import-pasted'] = await width(ed, 'import-pasted');
    await ed.getByRole('button', { name: 'Đọc báo cáo' }).click();
    await ed.getByRole('heading', { name: 'Kiểm tra bản nhập' }).waitFor();
    seen.import = await width(ed, 'import');

    expect(seen).toEqual(
      Object.fromEntries(Object.keys(seen).map((k) => [k, { scrollWidth: 390, past: [] }])),
    );
  });

  it('the monospace text boxes draw Vietnamese letters whole', async () => {
    const ed = await product.login('bientap');
    await ed.setViewportSize(PHONE);
    const paste = ed.getByLabel('hoặc dán nội dung');
    // Typed as macOS and some Word exports give it (NFD), and as NFC: drawn the same.
    await paste.fill(`${VIETNAMESE.normalize('NFD')}\n${VIETNAMESE}`);
    await paste.screenshot({ path: join(shots, 'paste-vietnamese.png') });
    const seen: Record<string, string[]> = {
      paste: await brokenLetters(ed, '#imp-paste', VIETNAMESE),
    };

    await paste.fill(realText('quang-hai-2023-h1'));
    await ed.getByRole('button', { name: 'Đọc báo cáo' }).click();
    await ed.getByRole('heading', { name: 'Kiểm tra bản nhập' }).waitFor();
    await ed.locator('#imp-body').fill(VIETNAMESE);
    await ed.locator('#imp-body').screenshot({ path: join(shots, 'import-body-vietnamese.png') });
    seen.importBody = await brokenLetters(ed, '#imp-body', VIETNAMESE);

    await ed.evaluate(() => (location.hash = '#/'));
    await ed.getByRole('heading', { name: 'Báo cáo', exact: true }).waitFor();
    await ed.locator('table a[href^="#/bao-cao/"]').first().click();
    await ed.locator('#body').waitFor();
    await ed.locator('#body').scrollIntoViewIfNeeded();
    await ed.locator('#body').screenshot({ path: join(shots, 'narrative-vietnamese.png') });
    seen.narrative = await brokenLetters(ed, '#body', VIETNAMESE);

    expect(seen).toEqual({ paste: [], importBody: [], narrative: [] });
    // The letters checked are the marked ones of the sentence: "ồ", "ắ", "ể", "ị"...
    expect(VIETNAMESE.normalize('NFC')).toContain('hồ sơ');
  });
});
