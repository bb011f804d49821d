/**
 * What a citizen or a journalist hit on the public site (issue 13, "Broken
 * today"), held on a real built site in a real browser: search by name with
 * Đ/đ, the directory, a unit whose only report is a custom range, charts
 * that do not mislead, compare without JavaScript, the site's address read
 * at render time, and open data a spreadsheet reads.
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, scriptKb, seriousAxeViolations, type OpenOptions } from './browser.ts';
import { REPORTS, builtSite, type BuiltSite } from './fixture.ts';

/** The fixture's reports and the three real ones of content/. */
const REPORT_COUNT = REPORTS.length + 3;

let site: BuiltSite;
let browser: Browser;

/** The deployment's address, given when pages are rendered: not the code's build-time default. */
const SITE_URL = 'https://congkhai.example.vn';

beforeAll(async () => {
  site = await builtSite(SITE_URL);
  browser = await launch();
});

afterAll(async () => {
  await browser.close();
  await site.stop();
});

async function open(path: string, opts: OpenOptions = {}): Promise<Page> {
  const { page } = await openPage(browser, site.url + path, { javaScript: true, ...opts });
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
    // Its reports, too, before those of units that only share a word with it.
    const reports = page.locator('#results section').nth(1).locator('ol li a');
    expect(await reports.first().innerText()).toMatch(/^Xã Quang Hải, Tứ Kỳ — /);
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

describe('directory', () => {
  // Issue 16: the directory lists the provinces; a province's page its units since the
  // merger and its districts of before; a district's page its units. What this test
  // read on the one page of every unit, it reads where each part now is.
  it('lists every unit by province and district, with its latest figures, in both languages', async () => {
    const page = await open('/xa/', { javaScript: false });
    expect(await page.locator('h1').innerText()).toBe('Danh bạ đơn vị');
    const provinces = await page.locator('main tbody th').allInnerTexts();
    for (const p of ['Hải Dương', 'Nghệ An', 'Thái Bình', 'Quảng Trị'])
      expect(provinces).toContain(`Tỉnh ${p}`);
    // Units formed on 1 July 2025 apart from the districts of before.
    await page.locator('main a', { hasText: 'Tỉnh Nghệ An' }).click();
    await page.waitForURL(/\/tinh\/nghe-an\/$/);
    expect(await page.locator('#area-units').innerText()).toBe('Đơn vị từ 01/07/2025');
    expect(await page.locator('#area-districts').innerText()).toBe('Các huyện trước 01/07/2025');
    expect(await page.locator('section:has(#area-districts) tbody th a').allInnerTexts()).toEqual([
      'Huyện Tây Sơn',
    ]);
    // Đông Hải's latest report: 2024-H2, (900 - 4) / 900 on time, 500 / 900 online.
    const district = await open('/tinh/thai-binh/tien-hai/', { javaScript: false });
    const row = district.locator('tr', { has: district.locator('a', { hasText: 'Xã Đông Hải' }) });
    expect(await row.innerText()).toMatch(/6T cuối 2024\s+99,6\u00a0%\s+55,6\u00a0%\s+2/);
    const en = await open('/en/xa/', { javaScript: false });
    expect(await en.locator('h1').innerText()).toBe('Directory of units');
    expect(await en.locator('a[href="/en/tinh/thai-binh/"]').count()).toBe(1);
    const enDistrict = await open('/en/tinh/thai-binh/tien-hai/', { javaScript: false });
    expect(
      await enDistrict.locator('main a[href="/en/xa/dong-hai-tien-hai-thai-binh/"]').count(),
    ).toBe(1);
    // Every unit is in one province's count, and they add up to the page's total.
    const all = await open('/xa/', { javaScript: false });
    const counts = await all.locator('main tbody td:nth-of-type(1)').allInnerTexts();
    const total = /([\d.]+) đơn vị\.$/.exec(await all.locator('.lead').innerText())?.[1];
    const figure = (x: string) => Number(x.replace(/\./g, ''));
    expect(counts.length).toBe(provinces.length);
    expect(counts.reduce((sum, c) => sum + figure(c), 0)).toBe(figure(total ?? ''));
    for (const p of [page, district, en, enDistrict, all]) await p.context().close();
  });

  it('is where the breadcrumb of a unit page leads, through the district’s and the province’s pages', async () => {
    // The breadcrumb leads to the district's page (test/areas.test.ts), which leads to its place here.
    const page = await open('/xa/quang-hai-tu-ky-hai-duong/', { javaScript: false });
    const crumbs = page.locator('main nav a');
    expect(await crumbs.allInnerTexts()).toEqual(['Trang chủ', 'Hải Dương', 'Tứ Kỳ']);
    await crumbs.filter({ hasText: 'Tứ Kỳ' }).click();
    await page.waitForURL(/\/tinh\/hai-duong\/tu-ky\/$/);
    expect(await page.locator('h1').innerText()).toBe('Huyện Tứ Kỳ, tỉnh Hải Dương');
    // A district's place in the directory is its row on its province's page (issue 16), under
    // the districts of before 1 July 2025; the province's, its row in the directory.
    await page.locator('main a', { hasText: 'Xem trong danh bạ' }).click();
    await page.waitForURL(/\/tinh\/hai-duong\/#huyen-hai-duong-tu-ky$/);
    const target = page.locator('section:has(#area-districts) #huyen-hai-duong-tu-ky th');
    expect(await target.innerText()).toBe('Huyện Tứ Kỳ');
    expect(await page.locator('#area-districts').innerText()).toBe('Các huyện trước 01/07/2025');
    await page.locator('main a', { hasText: 'Xem trong danh bạ' }).click();
    await page.waitForURL(/\/xa\/#tinh-hai-duong$/);
    expect(await page.locator('#tinh-hai-duong th').innerText()).toBe('Tỉnh Hải Dương');
    await page.context().close();
  });

  it('is linked from the home page and from search without JavaScript', async () => {
    const page = await open('/', { javaScript: false });
    await page.locator('main a', { hasText: 'Danh bạ đơn vị' }).click();
    await page.waitForURL(/\/xa\/$/);
    expect(await page.locator('h1').innerText()).toBe('Danh bạ đơn vị');
    await page.context().close();
  });
});

describe('a unit whose only report is a custom range (Kim Tân, Kim Thành)', () => {
  it('shows what it reported: its indicators and the figures of its latest report', async () => {
    const page = await open('/xa/kim-tan-kim-thanh-hai-duong/', { javaScript: false });
    const main = page.locator('main');
    // (5,599 + 41) / 5,649 resolved in time; 3,614 / 5,655 received online.
    const onTime = main.locator('#ind-on_time_rate ~ .chart-block');
    expect(await onTime.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/Từ 01\/02\/2021 đến 30\/06\/2023\s+99,8\u00a0% \(5\.640\/5\.649\)/),
    ]);
    expect(
      await main.locator('#ind-online_intake_rate ~ .chart-block .figure').innerText(),
    ).toContain('63,9\u00a0%');
    const latest = main.locator('section', { has: page.locator('#latest') });
    const text = await latest.innerText();
    expect(text).toMatch(/Hồ sơ tiếp nhận trong kỳ\s+5\.655/);
    expect(text).toMatch(/Số thủ tục hành chính thuộc thẩm quyền\s+138/);
    expect(await latest.locator('tbody tr').count()).toBeGreaterThanOrEqual(11);
    await page.context().close();
  });
});

describe('charts that do not mislead', () => {
  it('shows one period as a figure, not a chart', async () => {
    const page = await open('/xa/quang-nghiep-tu-nghia-quang-ngai/');
    expect(await page.locator('main canvas').count()).toBe(0);
    // 900 / 1,000 received online.
    expect(
      await page.locator('#ind-online_intake_rate ~ .chart-block .figure').innerText(),
    ).toContain('90\u00a0%');
    await page.context().close();
  });

  it('draws rates on an axis from 0 to 100 %, with a missing period as a gap', async () => {
    const page = await open('/xa/dong-hai-tien-hai-thai-binh/');
    const block = page.locator('#ind-on_time_rate ~ .chart-block');
    const figure = block.locator('figure.chart');
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.getAttribute('data-scale')).toBe('0..1');
    // 2023-H2 and 2024-H2 reported, 2024-H1 not: a row that says so, and no line across it.
    expect(await block.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/6 tháng cuối năm 2023\s+99,9\u00a0%/),
      expect.stringMatching(/6 tháng đầu năm 2024\s+không có báo cáo/),
      expect.stringMatching(/6 tháng cuối năm 2024\s+99,6\u00a0%/),
    ]);
    await page.context().close();
  });

  it('reads without JavaScript: the tables, no blank chart area or legend', async () => {
    for (const width of [1280, 390]) {
      const page = await open('/xa/an-binh-tay-son-nghe-an/', { javaScript: false, width });
      const charts = page.locator('figure.chart');
      expect(await charts.count()).toBeGreaterThan(0);
      for (const chart of await charts.all()) expect(await chart.isVisible()).toBe(false);
      expect(await page.locator('.chart-block table').first().isVisible()).toBe(true);
      await page.context().close();
    }
  });
});

describe('compare', () => {
  it('reads without JavaScript: names and a table of figures, not slugs and "loading"', async () => {
    for (const path of ['/so-sanh/', '/en/so-sanh/']) {
      const page = await open(path, { javaScript: false });
      const main = await page.locator('main').innerText();
      expect(main).not.toMatch(/Đang tải số liệu|Loading figures/);
      expect(main).not.toContain('an-binh-tay-son-nghe-an');
      expect(await page.locator('.compare thead th').allInnerTexts()).toEqual(
        path.startsWith('/en')
          ? ['Period', 'An Bình', 'An Phú', 'Tân Thành']
          : ['Kỳ', 'An Bình', 'An Phú', 'Tân Thành'],
      );
      // An Bình 2025-H1: 420 / 600 online.
      const rows = await page.locator('.compare tbody tr').allInnerTexts();
      expect(rows.some((r) => /^(6T đầu|H1) 2025\s+70\u00a0?%/.test(r))).toBe(true);
      expect((await page.locator('.compare .chosen').allInnerTexts())[0]).toMatch(
        /^(Xã|Commune) An Bình, Tây Sơn$/,
      );
      expect(await page.locator('#compare-add').isVisible()).toBe(false);
      await page.context().close();
    }
  });

  it('adds the only match when Enter is pressed', async () => {
    const page = await open('/so-sanh/?don-vi=an-binh-tay-son-nghe-an');
    await page.fill('#compare-add', 'duc lam');
    await page.getByRole('button', { name: /Đức Lâm/ }).waitFor();
    await page.press('#compare-add', 'Enter');
    await page.waitForURL(/duc-lam-duc-tho-ha-tinh/);
    expect(await page.locator('.compare thead th').allInnerTexts()).toContain('Đức Lâm');
    await page.context().close();
  });
});

describe("the site's address", () => {
  it('is read when pages are rendered: canonical, hreflang, Open Graph, sitemap, feed and data package', async () => {
    const page = await open('/xa/dong-hai-tien-hai-thai-binh/', { javaScript: false });
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toBe(
      `${SITE_URL}/xa/dong-hai-tien-hai-thai-binh/`,
    );
    expect(await page.locator('link[rel=alternate][hreflang=en]').getAttribute('href')).toBe(
      `${SITE_URL}/en/xa/dong-hai-tien-hai-thai-binh/`,
    );
    expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toBe(
      `${SITE_URL}/xa/dong-hai-tien-hai-thai-binh/`,
    );
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(
      'Xã Đông Hải',
    );
    await page.context().close();
    const files = [
      '/sitemap-index.xml',
      '/sitemap-0.xml',
      '/feed.xml',
      '/du-lieu/datapackage.json',
    ];
    for (const f of files) {
      const text = await (await fetch(site.url + f)).text();
      expect(text, f).toContain(SITE_URL);
      expect(text, f).not.toContain('localhost');
    }
    const sitemap = await (await fetch(`${site.url}/sitemap-0.xml`)).text();
    expect(sitemap).toContain(`<loc>${SITE_URL}/xa/</loc>`);
  });
});

describe('open data for spreadsheets', () => {
  const require = createRequire(import.meta.url);
  // The Frictionless Data project's own libraries, not code of ours.
  const { Package } = require('datapackage') as {
    Package: {
      load: (d: unknown) => Promise<{
        valid: boolean;
        errors: Error[];
        resources: {
          source: string;
          descriptor: { name: string; schema: unknown; count: number };
          schema: { errors: Error[]; fieldNames: string[] };
        }[];
      }>;
    };
  };
  const { Table } = require('tableschema') as {
    Table: {
      load: (
        source: string,
        o: { schema: unknown; bom: boolean },
      ) => Promise<{
        headers: string[];
        read: (o: { keyed: boolean; cast: boolean }) => Promise<unknown[]>;
      }>;
    };
  };

  it('starts the CSV with a UTF-8 byte order mark', async () => {
    const bytes = new Uint8Array(
      await (await fetch(`${site.url}/du-lieu/bao-cao.csv`)).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const unit = new Uint8Array(
      await (await fetch(`${site.url}/du-lieu/xa/quang-hai-tu-ky-hai-duong.csv`)).arrayBuffer(),
    );
    expect([...unit.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('validates as a data package, every row against its Table Schema', async () => {
    const descriptor = (await (await fetch(`${site.url}/du-lieu/datapackage.json`)).json()) as {
      resources: { path: string }[];
    };
    // The package names its files at the site's public address; read them from the test server.
    for (const r of descriptor.resources) r.path = r.path.replace(SITE_URL, site.url);
    const pkg = await Package.load(descriptor);
    expect(pkg.errors.map(String)).toEqual([]);
    expect(pkg.valid).toBe(true);
    for (const resource of pkg.resources) {
      expect(resource.schema.errors.map(String)).toEqual([]);
      // datapackage 1.1.10 (2020) reads a byte order mark as part of the first header; its
      // Table Schema library's CSV parser (csv-parse) takes it off when asked (`bom`).
      const table = await Table.load(resource.source, {
        schema: resource.descriptor.schema,
        bom: true,
      });
      // cast: every value of every row must be of its field's type; a row that is not throws.
      const rows = (await table.read({ keyed: true, cast: true })) as Record<string, unknown>[];
      expect(table.headers).toEqual(resource.schema.fieldNames);
      expect(rows.length).toBe(resource.descriptor.count);
      // Who has reported each period: checked in beyond.test.ts.
      if (resource.descriptor.name !== 'bao-cao') continue;
      expect(rows.length).toBe(REPORT_COUNT);
      const quangHai = rows.find((r) => r.unit_id === 'quang-hai-tu-ky-hai-duong');
      // One unit per rate: a percentage as the report states it, 10,2 % paid online.
      expect(quangHai?.['payments.online_rate']).toBe(10.2);
      expect(quangHai?.['indicator.online_intake_rate']).toBe(98.3677);
    }
  });

  it('states each rate once, as a percentage, and has no column that is always empty', async () => {
    const descriptor = (await (await fetch(`${site.url}/du-lieu/datapackage.json`)).json()) as {
      resources: { schema: { fields: { name: string; description: string }[] } }[];
    };
    const fields = descriptor.resources[0]?.schema.fields ?? [];
    const names = fields.map((f) => f.name);
    expect(names).toContain('payments.online_rate');
    expect(names).not.toContain('indicator.online_payment_rate');
    // No unit of the fixture has an official code.
    expect(names).not.toContain('unit_code');
    for (const f of fields.filter((x) => x.name.endsWith('rate')))
      expect(f.description, f.name).toContain('0..100');
  });
});

describe('indicator page', () => {
  it('bands the distribution over the range the values span, not 0..100 % with most bands empty', async () => {
    const page = await open('/chi-so/on_time_rate/2025-H1/', { javaScript: false });
    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Phân bố' }) });
    const rows = await table.locator('tbody tr').allInnerTexts();
    // On time in 2025-H1: 99 % (An Bình, An Phú, Tân Thành) and 95 % (Quảng Nghiệp).
    expect(rows.length).toBeLessThanOrEqual(10);
    expect(rows[0]).toMatch(/^95\u00a0% – 96\u00a0%\s+1/);
    expect(rows.at(-1)).toMatch(/99\u00a0%\s+3/);
    await page.context().close();
  });
});

describe('smaller things', () => {
  it('says "1 report", not "1 reports"', async () => {
    const page = await open('/en/xa/kim-tan-kim-thanh-hai-duong/', { javaScript: false });
    expect(await page.locator('.lead').innerText()).toMatch(/· 1 report$/);
    const two = await open('/en/xa/dong-hai-tien-hai-thai-binh/', { javaScript: false });
    expect(await two.locator('.lead').innerText()).toMatch(/· 2 reports$/);
    await page.context().close();
    await two.context().close();
  });

  it('keeps a period name on one line in a table on a phone', async () => {
    const page = await open('/xa/dong-hai-tien-hai-thai-binh/', { javaScript: false, width: 390 });
    const cell = page.locator('#ind-on_time_rate ~ .chart-block tbody th').first();
    // Lines of the cell's text (the cell itself is as tall as its row, whose figures may take two).
    const lines = await cell.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    await page.context().close();
  });
});

describe('pages stay light and accessible', () => {
  it.each([
    '/',
    '/xa/',
    '/en/xa/',
    '/xa/quang-hai-tu-ky-hai-duong/2023-H1/',
    '/chi-so/on_time_rate/',
    '/phuong-phap/',
  ])('%s loads no JavaScript', async (path) => {
    expect(await scriptKb(browser, site.url + path)).toBe(0);
  });

  it.each(['/xa/dong-hai-tien-hai-thai-binh/', '/so-sanh/'])(
    '%s loads under 70 KB of JavaScript (gzip)',
    async (path) => {
      const kb = await scriptKb(browser, site.url + path);
      expect(kb).toBeGreaterThan(0);
      expect(kb).toBeLessThan(70);
    },
  );

  it.each([
    ['/xa/', true],
    ['/en/xa/', true],
    ['/xa/kim-tan-kim-thanh-hai-duong/', true],
    ['/xa/dong-hai-tien-hai-thai-binh/', true],
    ['/so-sanh/', true],
    [
      '/so-sanh/?don-vi=dong-hai-tien-hai-thai-binh,duc-lam-duc-tho-ha-tinh&chi-so=on_time_rate',
      true,
    ],
    ['/tim-kiem/?q=dong%20hai', true],
    ['/tim-kiem/?q=xyzxyz', true],
  ] as const)('%s has no serious axe-core violation (JavaScript: %s)', async (path, javaScript) => {
    const page = await open(path, { javaScript, bypassCSP: true });
    if (path.includes('?q=')) await page.locator('#results > *').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
