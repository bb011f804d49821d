/**
 * Importing a report as a new user would (the real product with demo data,
 * Chromium in front): pasting a real report's text puts its title in the
 * title field, never the whole text; its narrative, with the document's
 * own sections as headings, in the narrative; the unit chosen only when
 * the text names exactly one of the editor's units, else the editor is
 * asked (never the first commune of the list). Screenshots at 1280 and
 * 390 px into SHOTS_DIR (/tmp/shots-import by default).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixturesOf } from '@congkhai/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productUnderTest } from './product.ts';

const product = productUnderTest({ name: 'import' });
const shots = process.env.SHOTS_DIR ?? '/tmp/shots-import';
mkdirSync(shots, { recursive: true });

const realText = (name: string) => {
  const t = fixturesOf('tuning').find((x) => x.name === name);
  if (!t) throw new Error(`no tuning text ${name}`);
  return readFileSync(t.text, 'utf8');
};

async function paste(page: Page, text: string) {
  await page.getByLabel('hoặc dán nội dung').fill(text);
  await page.getByRole('button', { name: 'Đọc báo cáo' }).click();
  await page.getByRole('heading', { name: 'Kiểm tra bản nhập' }).waitFor();
  // The review shows this text's proposal (a second paste replaces the first).
  await expect
    .poll(() => page.locator('.source-text').innerText())
    .toContain((text.trim().split('\n')[0] ?? '').slice(0, 15));
}

/** The page at 1280 and 390 px; on the phone nothing reaches past the screen but inside a box that scrolls (wide tables). */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(shots, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(shots, `${name}-390.png`), fullPage: true });
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter(
        (e) =>
          e.getBoundingClientRect().right > window.innerWidth + 1 ||
          // Content wider than a box that does not scroll it (a long word in a paragraph).
          (getComputedStyle(e).overflowX === 'visible' &&
            e.getBoundingClientRect().left + e.scrollWidth > window.innerWidth + 1),
      )
      // Overflowing an ancestor that scrolls or clips it is that ancestor's business.
      .filter((e) => {
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
          if (getComputedStyle(a).overflowX !== 'visible') return false;
        return true;
      })
      .map(
        (e) =>
          `${e.tagName}.${e.className}#${e.id} ${String(Math.round(e.getBoundingClientRect().right))}`,
      )
      .slice(0, 8),
  );
  expect(wide).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(() => product.start(), 200_000);
afterAll(() => product.stop());

describe('pasting a real report', () => {
  it('fills the title, the narrative and the unit the text names, and asks when it names none', async () => {
    const ed = await product.login('bientap');

    // Quang Hải's report: its one commune is one of the editor's.
    await paste(ed, realText('quang-hai-2023-h1'));
    expect(await ed.locator('#imp-title').inputValue()).toBe(
      'Tiến độ thực hiện nhiệm vụ đột phá sáng tạo 6 tháng đầu năm 2023',
    );
    expect(await ed.locator('#imp-unit').inputValue()).toBe('quang-hai-tu-ky-hai-duong');
    expect(await ed.locator('#imp-period').inputValue()).toBe('2023-H1');
    expect(await ed.locator('#imp-period-hint').innerText()).toBe('6 tháng đầu năm 2023');
    // "ngày … tháng 7 năm 2023", the day left blank: the month and year.
    expect(await ed.locator('#imp-issued').inputValue()).toBe('07/2023');
    const body = await ed.locator('#imp-body').inputValue();
    expect(body).toContain('## I. CÔNG TÁC TỔ CHỨC THỰC HIỆN');
    expect(body).toContain('### 1. Hoàn thành đạt và vượt chỉ tiêu nhiệm vụ triển khai');
    expect(body).toMatch(/\n- Tập trung quán triệt và triển khai cơ bản đầy đủ/);
    // The narrative, not the header or the distribution list.
    expect(body).not.toContain('Số: /BC-UBND');
    expect(body).not.toContain('Nơi nhận');
    await shoot(ed, 'import-quang-hai');
    // On a phone the title field takes the whole width: the title is read, not a slit of it.
    await ed.setViewportSize({ width: 390, height: 844 });
    const titleBox = await ed.locator('#imp-title').boundingBox();
    expect(titleBox?.width).toBeGreaterThan(300);
    await ed.setViewportSize({ width: 1280, height: 900 });

    // A provincial centre's article names no commune: the editor chooses, nothing is picked.
    await paste(ed, realText('ben-tre-ttpvhcc-2021-m05'));
    expect(await ed.locator('#imp-unit').inputValue()).toBe('');
    expect(await ed.locator('#imp-unit-hint').innerText()).toContain(
      'không khớp đơn vị nào bạn được giao: hãy chọn.',
    );
    expect(await ed.locator('#imp-title').inputValue()).toBe(
      'Trung tâm Phục vụ hành chính công giải quyết hơn 4,5 ngàn hồ sơ',
    );
    expect(await ed.locator('#imp-body').inputValue()).toContain(
      'Trung tâm đã giải quyết: 4.561/5.650 HS (tỷ lệ 80,7%).',
    );
    expect(await ed.locator('#imp-period').inputValue()).toBe('2021-M05');
    // Dates as the editor writes every date: day/month/year.
    expect(await ed.locator('#imp-issued').inputValue()).toBe('06/06/2021');
    await shoot(ed, 'import-ben-tre');

    // A text naming two of the editor's communes alike: asked which.
    await paste(
      ed,
      'BÁO CÁO\nKết quả phối hợp cải cách hành chính quý I năm 2023\n\nXã Quang Hải và xã Kim Tân đã tiếp nhận 120 hồ sơ trong quý I năm 2023.',
    );
    expect(await ed.locator('#imp-unit').inputValue()).toBe('');
    expect(await ed.locator('#imp-unit-hint').innerText()).toContain(
      'khớp nhiều đơn vị: hãy chọn.',
    );
    expect(await ed.locator('#imp-title').inputValue()).toBe(
      'Kết quả phối hợp cải cách hành chính quý I năm 2023',
    );
    // Creating the draft without a unit is refused, with the reason where the eye is.
    await ed.getByRole('button', { name: /Xác nhận tất cả/ }).click();
    await ed.getByRole('button', { name: 'Tạo bản nháp từ bản nhập' }).click();
    await ed
      .locator('.import-review [role=alert]', { hasText: 'Đơn vị: hãy chọn đơn vị của báo cáo.' })
      .waitFor();
    await shoot(ed, 'import-ambiguous');
  }, 120_000);

  it('merges into a draft of the same period field by field, overwriting nothing the editor kept', async () => {
    const ed = await product.login('bientap');
    const first =
      'BÁO CÁO\nKết quả cải cách hành chính quý I năm 2024\n\nXã Quang Hải đã tiếp nhận 120 hồ sơ trong quý I năm 2024.';
    await paste(ed, first);
    expect(await ed.locator('#imp-unit').inputValue()).toBe('quang-hai-tu-ky-hai-duong');
    await ed.getByRole('button', { name: /Xác nhận tất cả/ }).click();
    await ed.getByRole('button', { name: 'Tạo bản nháp từ bản nhập' }).click();
    await ed.locator('#m-dossiers\\.received').waitFor();
    const draftAddress = ed.url();
    expect(await ed.locator('#m-dossiers\\.received').inputValue()).toBe('120');

    // The same period again, from a later text: each field that differs is a choice.
    await ed.goto(new URL('#/', draftAddress).href);
    await ed.getByRole('heading', { name: 'Báo cáo', exact: true }).waitFor();
    await paste(
      ed,
      'BÁO CÁO\nKết quả cải cách hành chính quý I năm 2024 (bổ sung)\n\nXã Quang Hải đã tiếp nhận 130 hồ sơ, đã giải quyết 125 hồ sơ trong quý I năm 2024.',
    );
    await ed.getByRole('heading', { name: 'Kỳ này đã có bản nháp: chọn từng mục' }).waitFor();
    await ed.getByRole('button', { name: /Xác nhận tất cả/ }).click();
    const merge = ed.getByRole('button', { name: 'Gộp vào bản nháp' });
    // Nothing is chosen for the editor: the merge waits for every choice.
    expect(await merge.isDisabled()).toBe(true);
    const row = (label: RegExp) =>
      ed.locator('tr', { has: ed.getByRole('rowheader', { name: label }) });
    await row(/^Tiêu đề$/)
      .getByLabel('Lấy bản nhập')
      .check();
    await row(/^Hồ sơ tiếp nhận trong kỳ$/)
      .getByLabel('Giữ')
      .check();
    await row(/^Đã giải quyết$/)
      .getByLabel('Lấy bản nhập')
      .check();
    await row(/^Nội dung$/)
      .getByLabel('Giữ')
      .check();
    // A date the calendar does not have is refused with the field's name, nothing saved.
    await ed.getByLabel('Ngày ban hành (ngày/tháng/năm)').fill('31/02/2024');
    await merge.click();
    await ed.locator('.import-review [role=alert]', { hasText: /^Ngày ban hành:/ }).waitFor();
    expect(ed.url()).not.toBe(draftAddress);
    // A good one is one more field to choose (the draft has none).
    await ed.getByLabel('Ngày ban hành (ngày/tháng/năm)').fill('05/04/2024');
    expect(await merge.isDisabled()).toBe(true);
    await row(/^Ngày ban hành$/)
      .getByLabel('Lấy bản nhập')
      .check();
    await shoot(ed, 'import-merge');
    await merge.click();
    await ed.locator('#m-dossiers\\.received').waitFor();
    expect(ed.url()).toBe(draftAddress);
    // Kept what the editor kept (120), took what they took (125, the new title); the narrative is the draft's.
    expect(await ed.locator('#m-dossiers\\.received').inputValue()).toBe('120');
    expect(await ed.locator('#m-dossiers\\.resolved').inputValue()).toBe('125');
    expect(await ed.getByLabel('Tiêu đề').inputValue()).toBe(
      'Kết quả cải cách hành chính quý I năm 2024 (bổ sung)',
    );
    expect(await ed.locator('#issued').inputValue()).toBe('05/04/2024');
  }, 120_000);
});
