/**
 * Issue 13, "Beyond the anchors", on a real built site in Chromium: who has
 * reported each period, the correction log, and a unit among its peers.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, scriptKb, seriousAxeViolations, type OpenOptions } from './browser.ts';
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

async function open(path: string, opts: OpenOptions = {}): Promise<Page> {
  const { page, status } = await openPage(browser, site.url + path, { javaScript: false, ...opts });
  expect(status, path).toBe(200);
  return page;
}

/** The cells of the table row whose heading cell is `name`, under `scope`. */
async function row(page: Page, scope: string, name: string): Promise<string[]> {
  const exact = new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  const tr = page
    .locator(`${scope} tr`, { has: page.locator('th').filter({ hasText: exact }) })
    .first();
  return (await tr.locator('th, td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

describe('who has reported', () => {
  it('keeps each period on one line in the list of periods on a phone', async () => {
    const page = await open('/cong-bo/', { width: 390 });
    const cell = page.locator('table.reporting tbody th').first();
    const lines = await cell.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      return new Set(rects.map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    await page.context().close();
  });

  it('lists every period with its due date and on-time share, without JavaScript', async () => {
    const page = await open('/cong-bo/');
    expect(await page.locator('h1').innerText()).toBe('Ai đã báo cáo');
    // 2025-H1: 13 units due; on time An Bình (Nghệ An's own date) and Quảng Nghiệp.
    expect(await row(page, 'table', '6 tháng đầu năm 2025')).toEqual([
      '6 tháng đầu năm 2025',
      '15/07/2025',
      '13',
      '2',
      '1',
      '1',
      '9',
      '15,4 %',
    ]);
    await page.locator('a', { hasText: '6 tháng đầu năm 2025' }).click();
    expect(page.url()).toBe(`${site.url}/cong-bo/2025-H1/`);
    await page.context().close();
  });

  it('shows each unit on time, late (by how many days) or not yet reported, by province and district', async () => {
    const page = await open('/cong-bo/2025-H1/');
    expect(await row(page, 'section:has(#by-province)', 'Nghệ An')).toEqual([
      'Nghệ An',
      '4',
      '1',
      '1',
      '1',
      '1',
      '25 %',
    ]);
    // Issue 16: each unit is on its province's page of the period, linked from the province's row.
    await page.locator('section:has(#by-province) a', { hasText: 'Nghệ An' }).click();
    expect(page.url()).toBe(`${site.url}/cong-bo/2025-H1/nghe-an/`);
    expect(await page.locator('#each-unit').innerText()).toBe('Từng đơn vị của tỉnh Nghệ An');
    expect(await row(page, 'section:has(#by-district)', 'Tây Sơn')).toEqual([
      'Tây Sơn',
      '4',
      '1',
      '1',
      '1',
      '1',
      '25 %',
    ]);
    const units = 'section:has(#each-unit)';
    // Nghệ An's own due date (20/07) makes 18/07 on time there.
    expect(await row(page, units, 'Xã An Bình')).toEqual([
      'Xã An Bình',
      'Đúng hạn',
      '18/07/2025',
      '20/07/2025',
    ]);
    expect(await row(page, units, 'Xã An Phú')).toEqual([
      'Xã An Phú',
      'Muộn (muộn 5 ngày)',
      '25/07/2025',
      '20/07/2025',
    ]);
    expect(await row(page, units, 'Xã Đông Sơn')).toEqual([
      'Xã Đông Sơn',
      'Chưa báo cáo',
      '—',
      '20/07/2025',
    ]);
    expect(await row(page, units, 'Xã Tân Thành')).toEqual([
      'Xã Tân Thành',
      'Đã công bố, không rõ ngày',
      '—',
      '20/07/2025',
    ]);
    // A unit formed on 1 July 2025 was not due for the first half of 2025.
    expect(await page.locator(units).innerText()).not.toContain('An Bình\n');
    await page.context().close();
    const en = await open('/en/cong-bo/2025-H1/nghe-an/');
    expect(await row(en, units, 'An Phú commune')).toEqual([
      'An Phú commune',
      'Late (5 days late)',
      '2025-07-25',
      '2025-07-20',
    ]);
    await en.context().close();
  });

  it('is in the open data: a CSV with a row per unit due, and a resource of the data package', async () => {
    const csv = await (await fetch(`${site.url}/du-lieu/cong-bo.csv`)).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'period,unit_id,unit_name,district,province,status,due,first_published,days_late',
    );
    expect(lines).toContain(
      '2025-H1,an-phu-tay-son-nghe-an,An Phú,Tây Sơn,Nghệ An,late,2025-07-20,2025-07-25,5',
    );
    expect(lines).toContain(
      '2025-H1,dong-son-tay-son-nghe-an,Đông Sơn,Tây Sơn,Nghệ An,missing,2025-07-20,,',
    );
    const pkg = (await (await fetch(`${site.url}/du-lieu/datapackage.json`)).json()) as {
      resources: { name: string; count: number; schema: { primaryKey: string[] } }[];
    };
    const r = pkg.resources.find((x) => x.name === 'cong-bo');
    expect(r?.schema.primaryKey).toEqual(['period', 'unit_id']);
    expect(r?.count).toBe(lines.length - 1);
  });
});

describe('the correction log', () => {
  it('says on the report what changed, before and after in Vietnamese numbers, when and why', async () => {
    const page = await open('/xa/an-binh-tay-son-nghe-an/2025-H1/');
    expect(await page.locator('.warn[role=note]').first().innerText()).toBe(
      'Báo cáo này đã được đính chính 1 lần, lần gần nhất ngày 02/08/2025.',
    );
    const log = page.locator('section:has(#dinh-chinh)');
    expect(await log.innerText()).toContain(
      'Ngày đính chính: 02/08/2025. Lý do: Sửa số hồ sơ tiếp nhận và tỷ lệ số hóa bị ghi nhầm.',
    );
    expect(await row(page, 'section:has(#dinh-chinh)', 'Hồ sơ tiếp nhận trong kỳ')).toEqual([
      'Hồ sơ tiếp nhận trong kỳ',
      '590',
      '600',
    ]);
    expect(await row(page, 'section:has(#dinh-chinh)', 'Tỷ lệ số hóa hồ sơ')).toEqual([
      'Tỷ lệ số hóa hồ sơ',
      '85 %',
      '88,5 %',
    ]);
    expect(await page.locator('dl.facts').innerText()).toContain('Công bố lần đầu\n18/07/2025');
    // The earlier version stays downloadable, as it was published.
    const href = await log.locator('a[download]').getAttribute('href');
    expect(href).toBe('/xa/an-binh-tay-son-nghe-an/2025-H1/ban-1.md');
    const v1 = await (await fetch(site.url + (href ?? ''))).text();
    expect(v1).toContain('received: 590');
    expect(v1).not.toContain('corrections:');
    const now = await (
      await fetch(`${site.url}/xa/an-binh-tay-son-nghe-an/2025-H1/bao-cao.md`)
    ).text();
    expect(now).toContain('received: 600');
    await page.context().close();
  });

  it('is announced in the Atom feed', async () => {
    const feed = await (await fetch(`${site.url}/feed.xml`)).text();
    const entry = /<entry>\s*<id>[^<]*#dinh-chinh-1<\/id>[\s\S]*?<\/entry>/.exec(feed)?.[0] ?? '';
    expect(entry).toContain('<title>Đính chính: Xã An Bình — 6 tháng đầu năm 2025</title>');
    expect(entry).toContain('<updated>2025-08-02T00:00:00Z</updated>');
    expect(entry).toContain('Hồ sơ tiếp nhận trong kỳ: 590 → 600');
    expect(entry).toContain('Tỷ lệ số hóa hồ sơ: 85\u00a0% → 88,5\u00a0%');
  });
});

describe('a unit among its peers', () => {
  it('gives its rank and median in district and province, and the points still to gain, with the method linked', async () => {
    const page = await open('/xa/an-binh-tay-son-nghe-an/');
    const section = 'section:has(#standing)';
    // Online intake 2025-H1 in Tây Sơn: An Bình 70 %, An Phú 50 %, Tân Thành 50 %.
    expect(await row(page, section, 'Tỷ lệ tiếp nhận trực tuyến')).toEqual([
      'Tỷ lệ tiếp nhận trực tuyến',
      '70 %',
      '1/3 hơn 100 % đơn vị Trung vị 50 %',
      '1/3 hơn 100 % đơn vị Trung vị 50 %',
    ]);
    expect(await row(page, section, 'Số hóa hồ sơ')).toEqual(['Số hóa hồ sơ', '22', '2,5']);
    expect(await row(page, section, 'Mức độ hài lòng')).toEqual([
      'Mức độ hài lòng',
      '18',
      'không có số liệu',
    ]);
    expect(await page.locator(`${section} a[href="/phuong-phap/#diem"]`).count()).toBe(1);
    await page.context().close();
  });
});

describe('new pages stay light and accessible', () => {
  it.each([
    '/cong-bo/',
    '/cong-bo/2025-H1/',
    '/cong-bo/2025-H1/nghe-an/',
    '/xa/an-binh-tay-son-nghe-an/2025-H1/',
    '/xa/an-binh-tay-son-nghe-an/ban-in/',
  ])('%s loads no JavaScript', async (path) => {
    expect(await scriptKb(browser, site.url + path)).toBe(0);
  });

  it.each(['/so-sanh/', '/nhung/so-sanh/', '/xa/an-binh-tay-son-nghe-an/'])(
    '%s stays under 70 KB of JavaScript (gzip) with the new tools',
    async (path) => {
      expect(await scriptKb(browser, site.url + path)).toBeLessThan(70);
    },
  );

  it.each([
    ['/cong-bo/', 1280],
    ['/cong-bo/2025-H1/', 1280],
    ['/en/cong-bo/2025-H1/', 390],
    ['/cong-bo/2025-H1/nghe-an/', 1280],
    ['/en/cong-bo/2025-H1/nghe-an/', 390],
    ['/xa/an-binh-tay-son-nghe-an/2025-H1/', 390],
    ['/xa/an-binh-tay-son-nghe-an/', 1280],
    ['/chi-so/online_intake_rate/2025-H1/', 390],
    ['/nhung/so-sanh/', 390],
    ['/xa/an-binh-tay-son-nghe-an/ban-in/', 1280],
  ] as const)('%s has no serious axe-core violation (%s px)', async (path, width) => {
    // axe-core is injected as an inline script, which the site's CSP rightly refuses.
    const page = await open(path, { javaScript: true, width, bypassCSP: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('a map where the content has boundaries', () => {
  it('draws a choropleth as SVG at build time, each shape titled, with a legend, the demo label and a table', async () => {
    const page = await open('/xa/an-phu-tay-son-nghe-an/');
    const map = page.locator('figure.choropleth');
    expect((await map.locator('figcaption').innerText()).replace(/\s+/g, ' ')).toBe(
      'Bản đồ: Tỷ lệ giải quyết trước và đúng hạn, Tỉnh Nghệ An, 6 tháng đầu năm 2025 Ranh giới minh họa, không phải ranh giới thật.',
    );
    // The units of Nghệ An that existed on 30/06/2025: the new An Bình is not drawn for 2025-H1.
    const titles = await map.locator('svg path > title').allTextContents();
    expect(titles.map((x) => x.replace(/\s+/g, ' '))).toEqual([
      'Xã An Bình: 99 %',
      'Xã An Phú: 99 %',
      'Xã Đông Sơn: không có số liệu',
      'Xã Tân Thành: 99 %',
    ]);
    expect(await map.locator('svg path[stroke="#a4161a"]').count()).toBeGreaterThan(0);
    const legend = await map.locator('.legend li').allInnerTexts();
    expect(legend.map((x) => x.replace(/\s+/g, ' '))).toEqual(['99 %', 'không có số liệu']);
    expect(await map.locator('details.map-table tbody tr').count()).toBe(4);
    await page.context().close();
  });

  it('shows a map per province with boundaries on indicator pages, classes from a colour-blind-safe scale', async () => {
    const page = await open('/chi-so/online_intake_rate/2025-H1/');
    const maps = page.locator('figure.choropleth');
    expect(await maps.count()).toBe(1);
    const fills = await maps
      .locator('svg > path[fill^="#"]')
      .evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')));
    // 70 % and 50 % fall in the top and the bottom class of YlGnBu.
    expect(new Set(fills)).toEqual(new Set(['#253494', '#ffffcc']));
    const first = (await maps.locator('.legend li').allInnerTexts())[0] ?? '';
    expect(first.replace(/\s+/g, ' ')).toBe('50 % – 54 %');
    await page.context().close();
  });
});

describe('for journalists: a one-page brief per unit', () => {
  it('prints on one A4 sheet without the site header, linked from the unit page', async () => {
    const page = await open('/xa/an-binh-tay-son-nghe-an/');
    await page.locator('a', { hasText: 'Bản in một trang (A4)' }).click();
    expect(page.url()).toBe(`${site.url}/xa/an-binh-tay-son-nghe-an/ban-in/`);
    expect(await page.locator('h1').innerText()).toBe('Xã An Bình');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    // One page: a PDF's page objects are "/Type /Page" (the tree is "/Type /Pages").
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    await page.context().close();
  });
});

describe('for journalists: the compare page', () => {
  const QUERY = '?don-vi=an-binh-tay-son-nghe-an,an-phu-tay-son-nghe-an&chi-so=online_intake_rate';

  it('gives a link that reproduces the view, the CSV of what is shown, PNG and SVG of the chart, and an embed snippet', async () => {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${site.url}/so-sanh/${QUERY}`, { waitUntil: 'networkidle' });
    await page.locator('#compare-view canvas').waitFor();
    const link = await page.locator('#share-link').getAttribute('href');
    expect(link).toBe(`/so-sanh/${QUERY}`);

    const csv = page.waitForEvent('download');
    await page.locator('#share-csv').click();
    const csvFile = await (await csv).path();
    const text = (await import('node:fs')).readFileSync(csvFile, 'utf8');
    expect(
      text.startsWith(
        '\uFEFFperiod,period_label,"Xã An Bình, Tây Sơn (%)","Xã An Phú, Tây Sơn (%)"\r\n',
      ),
    ).toBe(true);
    expect(text).toContain('2025-H1,6T đầu 2025,70,50\r\n');

    const svg = page.waitForEvent('download');
    await page.locator('#share-svg').click();
    const svgText = (await import('node:fs')).readFileSync(await (await svg).path(), 'utf8');
    expect(svgText).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(svgText).toContain('Xã An Phú, Tây Sơn, 6T đầu 2025: 50');

    const png = page.waitForEvent('download');
    await page.locator('#share-png').click();
    const pngBytes = (await import('node:fs')).readFileSync(await (await png).path());
    expect([...pngBytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');

    const snippet = await page.locator('#share-embed').inputValue();
    expect(snippet).toBe(
      `<iframe src="http://localhost:4321/nhung/so-sanh/${QUERY}" title="Tỷ lệ tiếp nhận trực tuyến" width="100%" height="520" style="border:0" loading="lazy"></iframe>`,
    );
    await context.close();
  });

  it('the embeddable page may be framed by another site and draws the view of its address; other pages may not', async () => {
    const embed = await fetch(`${site.url}/nhung/so-sanh/${QUERY}`);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const compare = await fetch(`${site.url}/so-sanh/`);
    expect(compare.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(compare.headers.get('x-frame-options')).toBe('DENY');

    // A page of another origin (another port) frames it.
    const other = createServer((_, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><title>Báo X</title><iframe src="${site.url}/nhung/so-sanh/${QUERY}" width="800" height="520"></iframe>`,
      );
    });
    await new Promise<void>((ok) => other.listen(0, '127.0.0.1', ok));
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://localhost:${String((other.address() as AddressInfo).port)}/`);
    const frame = page.frameLocator('iframe');
    await frame.locator('#embed-view thead th', { hasText: 'Xã An Phú' }).waitFor();
    expect(await frame.locator('#embed-view thead').innerText()).toContain('Xã An Phú, Tây Sơn');
    expect(await frame.locator('#embed-full').getAttribute('href')).toBe(
      `http://localhost:4321/so-sanh/${QUERY}`,
    );
    other.close();
    await context.close();
  });
});
