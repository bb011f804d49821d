/**
 * The whole product, as people use it: the real server on its embedded
 * database with demo content, Chromium in front. An editor imports a .docx,
 * fixes a warning and submits; a reviewer publishes; the public site then
 * shows the new figure.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productUnderTest, waitFor } from './product.ts';

const product = productUnderTest({ name: 'e2e' });
const { editor, site, dir } = product;
const login = (user: string) => product.login(user);
/** Screenshots of the screens walked, for a person to look at (SHOTS_DIR, or beside the test's data). */
const shots = process.env.SHOTS_DIR ?? join(dir, 'shots');
const mkdirp = (d: string) => mkdirSync(d, { recursive: true });

beforeAll(() => product.start(), 200_000);
afterAll(() => product.stop());

describe('from a .docx to the public site', () => {
  it('is published by an editor and a reviewer, and the public unit page shows the new figure', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            'UBND XÃ QUANG HẢI',
            'Quang Hải, ngày 20 tháng 12 năm 2023',
            'BÁO CÁO',
            'Kết quả cải cách hành chính 6 tháng cuối năm 2023',
            'Tổng số hồ sơ tiếp nhận: 1.250 hồ sơ (tiếp nhận trực tuyến: 1.200 hồ sơ; tiếp nhận trực tiếp: 40 hồ sơ).',
            'Đã giải quyết 1.250 hồ sơ, trong đó trước hạn 1.240 hồ sơ, đúng hạn 10 hồ sơ, quá hạn 0 hồ sơ.',
            'Các thủ tục thuộc 15 lĩnh vực.',
          ].map((t) => new Paragraph(t)),
        },
      ],
    });
    const file = join(dir, 'bao-cao.docx');
    writeFileSync(file, new Uint8Array(await Packer.toBuffer(doc)));

    const ed = await login('bientap');
    await ed.setInputFiles('#imp-file', file);
    await ed.getByRole('heading', { name: 'Kiểm tra bản nhập' }).waitFor();
    expect(await ed.locator('#imp-period').inputValue()).toBe('2023-H2');
    // The text names Quang Hải, one of the editor's units: chosen; the title is the line after BÁO CÁO.
    expect(await ed.locator('#imp-unit').inputValue()).toBe('quang-hai-tu-ky-hai-duong');
    expect(await ed.locator('#imp-title').inputValue()).toBe(
      'Kết quả cải cách hành chính 6 tháng cuối năm 2023',
    );
    // Each proposed figure is shown with its sentence, and highlighted in the text.
    expect(await ed.locator('td.source').first().innerText()).toContain('1.250');
    expect(await ed.locator('.source-text .num.proposed').count()).toBeGreaterThan(3);
    // A number the importer left alone is assigned by keyboard: focus it, Enter, choose, Enter.
    const fields = ed.locator('.source-text .num:not(.proposed)', { hasText: /^15$/ });
    await fields.focus();
    await ed.keyboard.press('Enter');
    await expect.poll(() => ed.evaluate(() => document.activeElement?.id)).toBe('imp-assign');
    await ed.selectOption('#imp-assign', 'procedures.fields');
    await ed.keyboard.press('Enter');
    await expect
      .poll(() => ed.evaluate(() => document.activeElement?.id))
      .toBe('imp-procedures.fields');
    expect(await ed.locator('#imp-procedures\\.fields').inputValue()).toBe('15');
    expect(await ed.locator('.source-text .num.proposed', { hasText: /^15$/ }).count()).toBe(1);
    mkdirp(shots);
    await ed.screenshot({ path: join(shots, 'import-review-desktop.png'), fullPage: true });
    await ed.setViewportSize({ width: 390, height: 844 });
    await ed.screenshot({ path: join(shots, 'import-review-phone.png'), fullPage: true });
    // On a phone the page does not scroll sideways: wide tables scroll inside themselves.
    const wide = await ed.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .filter((e) => !e.parentElement?.closest('table, .source-text'))
        .map((e) => `${e.tagName}.${e.className}#${e.id}`)
        .slice(0, 8),
    );
    expect(wide).toEqual([]);
    await ed.setViewportSize({ width: 1280, height: 900 });
    await ed.getByRole('button', { name: /Xác nhận tất cả/ }).click();
    await ed.getByRole('button', { name: 'Tạo bản nháp từ bản nhập' }).click();
    await ed.locator('#m-dossiers\\.received').waitFor();

    // The parts do not add up (1.200 + 40 ≠ 1.250): the editor sees it and fixes it.
    await expect
      .poll(() => ed.locator('.warn').innerText())
      .toContain('khác 1.250 hồ sơ tiếp nhận trong kỳ');
    await ed.fill('#m-dossiers\\.received_direct', '50');
    await ed.keyboard.press('Control+s');
    await expect
      .poll(() => ed.locator('.actions [role=status]').first().innerText())
      .toContain('Đã lưu');
    expect(await ed.locator('main').innerText()).toContain('Các số liệu khớp với nhau.');
    // Figures that moved more than 50 % since 2023-H1 ask for a one-line explanation first.
    await ed.fill('#comment', 'Xin duyệt');
    await ed.getByRole('button', { name: 'Gửi duyệt' }).click();
    // Refused where the click was, with what blocks it listed in the action bar, each a link to its field.
    await expect
      .poll(() => ed.locator('.actions [role=alert]').innerText())
      .toContain('Chưa gửi được');
    expect(await ed.locator('.actions .blockers').innerText()).toContain('cần một dòng giải trình');
    expect(await ed.locator('#comment').inputValue()).toBe('Xin duyệt');
    for (const input of await ed.locator('input[id^="x-"]').all())
      await input.fill('Số liệu cả 6 tháng, kỳ trước tính đến 30/6.');
    // A figure unusual for the district asks for a line too.
    for (const input of await ed.locator('input[id^="n-"][aria-invalid="true"]').all())
      await input.fill('Đúng theo sổ theo dõi.');
    await ed.keyboard.press('Control+s');
    await expect
      .poll(() => ed.locator('.actions [role=status]').first().innerText())
      .toContain('Đã lưu');
    await ed.fill('#comment', 'Xin duyệt');
    await ed.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect.poll(() => ed.locator('.status').first().innerText()).toBe('Chờ duyệt');

    const rv = await login('duyet');
    await rv
      .getByRole('link', { name: /Kết quả cải cách hành chính 6 tháng cuối năm 2023/ })
      .click();
    await rv.getByRole('button', { name: 'Duyệt và công bố' }).click();
    await expect.poll(() => rv.locator('main').innerText()).toContain('Đã công bố');
    const published = readFileSync(
      join(dir, 'content/reports/quang-hai-tu-ky-hai-duong/2023-H2.md'),
      'utf8',
    );
    expect(published).toContain('received_direct: 50');

    // The rebuild goes live; the public unit page shows the new figure in the chart's table.
    await waitFor(
      async () => (await fetch(`${site}/xa/quang-hai-tu-ky-hai-duong/2023-H2/`)).status === 200,
      120_000,
      'the rebuilt site',
      () => product.output(),
    );
    // Only what the report touches was rendered again (units.yaml unchanged by the publish).
    await expect
      .poll(() => product.output())
      .toMatch(
        /\(công bố \/ publish quang-hai-tu-ky-hai-duong\/2023-H2 \(duyet\)\)…\n[^\n]*site live[^\n]*rendered again/,
      );
    const pub = await (await product.browser.newContext()).newPage();
    await pub.goto(`${site}/xa/quang-hai-tu-ky-hai-duong/`);
    const rows = await pub
      .locator('#ind-online_intake_rate ~ .chart-block tbody tr')
      .allInnerTexts();
    expect(rows.find((r) => r.includes('6 tháng cuối năm 2023'))).toContain(
      '96\u00a0% (1.200/1.250)',
    );
    const compare = (await (
      await fetch(`${site}/du-lieu/chi-so/online_intake_rate.json`)
    ).json()) as { periods: { id: string }[]; values: Record<string, (number | null)[]> };
    const i = compare.periods.findIndex((p) => p.id === '2023-H2');
    expect(compare.values['quang-hai-tu-ky-hai-duong']?.[i]).toBe(0.96);

    // The search index lives beside the releases; the live release links to it.
    const search = await fetch(`${site}/pagefind/pagefind.js`);
    expect(search.status).toBe(200);
    expect(search.headers.get('content-type')).toMatch(/javascript/);
    expect(search.headers.get('cache-control')).toContain('must-revalidate');

    // Withdrawing without a reason is stopped at the comment field, which says why.
    await rv.getByRole('button', { name: 'Rút công bố' }).click();
    expect(await rv.locator('#comment-error').innerText()).toBe(
      'Hãy ghi lý do rút công bố vào ô Ý kiến.',
    );
    expect(await rv.evaluate(() => document.activeElement?.id)).toBe('comment');
    expect(await rv.locator('.status').first().innerText()).toBe('Đã công bố');

    // The build history names the publish, who made it, and its result.
    await rv.getByRole('link', { name: 'Dựng trang' }).click();
    const row = rv
      .locator('tbody tr')
      .filter({ hasText: 'công bố / publish quang-hai-tu-ky-hai-duong/2023-H2 (duyet)' });
    expect(await row.locator('.status').innerText()).toBe('Đã lên trang');
  });

  it('shows two editors of one report the conflict, and keeps both texts in history', async () => {
    const first = await login('bientap');
    await first.selectOption('#n-unit', 'kim-tan-kim-thanh-hai-duong');
    // A period the cycle does not offer is typed as its code.
    await first.selectOption('#n-choice', 'other');
    await first.fill('#n-period', '2024-Q1');
    await first.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await first.locator('#body').waitFor();
    const url = first.url();
    const second = await login('bientap');
    await second.goto(url);
    await second.locator('#body').waitFor();

    await first.fill('#body', 'Văn bản của máy thứ nhất.');
    await first.keyboard.press('Control+s');
    await expect
      .poll(() => first.locator('.actions [role=status]').first().innerText())
      .toContain('Đã lưu');
    await second.fill('#body', 'Văn bản của máy thứ hai.');
    await second.keyboard.press('Control+s');
    await second.getByRole('heading', { name: 'Hai phiên bản khác nhau' }).waitFor();
    expect(await second.locator('section.card pre').first().innerText()).toContain(
      'Văn bản của máy thứ nhất.',
    );
    await second.getByRole('button', { name: 'Lưu bản của tôi thành phiên bản mới' }).click();
    await expect
      .poll(() => second.locator('.actions [role=status]').first().innerText())
      .toContain('Đã lưu');

    const id = Number(/bao-cao\/(\d+)/.exec(url)?.[1]);
    const bodies = await second.evaluate(async (reportId) => {
      const res = await fetch(
        `/trpc/reports.history?input=${encodeURIComponent(JSON.stringify({ id: reportId }))}`,
      );
      const json = (await res.json()) as { result: { data: { content: { body: string } }[] } };
      return json.result.data.map((h) => h.content.body);
    }, id);
    expect(bodies).toContain('Văn bản của máy thứ nhất.\n');
    expect(bodies[0]).toBe('Văn bản của máy thứ hai.\n');
  });

  it('turns a folder of past reports into drafts for an admin, saying what needs a decision', async () => {
    const folder = join(dir, 'backlog');
    mkdirp(folder);
    writeFileSync(
      join(folder, 'quang-hai-2024-h1.txt'),
      [
        'UBND XÃ QUANG HẢI',
        'Quang Hải, ngày 28 tháng 6 năm 2024',
        'BÁO CÁO',
        'Kết quả cải cách hành chính 6 tháng đầu năm 2024',
        'Tổng số hồ sơ tiếp nhận: 980 hồ sơ, trong đó trực tuyến 950 hồ sơ.',
      ].join('\n\n'),
    );
    writeFileSync(join(folder, 'ghi-chu.txt'), 'Ghi chú của văn phòng, không phải báo cáo.');
    const admin = await login('admin');
    await admin.goto(`${editor}/#/nhap-hang-loat`);
    await admin.setInputFiles('#bulk-files', [
      join(folder, 'quang-hai-2024-h1.txt'),
      join(folder, 'ghi-chu.txt'),
    ]);
    await expect
      .poll(() => admin.locator('[role=status]').last().innerText(), { timeout: 60_000 })
      .toBe('1 bản nháp đã tạo · 1 cần quyết định · 0 lỗi');
    expect(await admin.locator('#bulk-progress').getAttribute('value')).toBe('2');
    await admin.screenshot({ path: join(shots, 'bulk-import-desktop.png'), fullPage: true });
    await admin.setViewportSize({ width: 390, height: 844 });
    await admin.screenshot({ path: join(shots, 'bulk-import-phone.png'), fullPage: true });
    await admin.getByRole('link', { name: 'Đã tạo bản nháp' }).click();
    await admin.locator('#m-dossiers\\.received').waitFor();
    expect(await admin.locator('#m-dossiers\\.received').inputValue()).toBe('980');
  });
});
