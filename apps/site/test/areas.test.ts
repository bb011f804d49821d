/**
 * Issue 13's remainder, #14 and #16 on the public site, on real built sites
 * in Chromium: a page per province and per district, the compare page's
 * link and CSV without JavaScript, a ranking that reads on a phone, the
 * map's demo label off the shapes, no score or rank from impossible
 * figures, and no page over 150 KB however many units there are.
 */
import { Buffer } from 'node:buffer';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { listen, siteHandler } from '@congkhai/serve';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeContent } from '@congkhai/content';
import { generateDemo } from '@congkhai/demo';
import { RANKING_PAGE_ROWS } from '../src/lib/indicator-view.ts';
import { launch, openPage, scriptKb, seriousAxeViolations, type OpenOptions } from './browser.ts';
import { buildSite, builtSite, type BuiltSite } from './fixture.ts';

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

async function open(path: string, opts: OpenOptions = {}, base = site.url): Promise<Page> {
  const { page, status } = await openPage(browser, base + path, { javaScript: false, ...opts });
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

/** The cells of the row of the unit named `name` (its link), under `scope`: unit tables put more than the name in the heading cell on a phone. */
async function unitRow(page: Page, scope: string, name: string): Promise<string[]> {
  const tr = page
    .locator(`${scope} tbody tr`, {
      has: page.locator('th a', { hasText: new RegExp(`^${name}$`) }),
    })
    .first();
  // The cells shown: one hidden at this width is not read (its innerText would be its text).
  const texts = await tr
    .locator('th, td')
    .evaluateAll((cells) =>
      cells.filter((c) => c.checkVisibility()).map((c) => (c as HTMLElement).innerText),
    );
  return texts.map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Every HTML page of a release, with its size in bytes. */
function htmlPages(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => {
      const file = join(e.parentPath, e.name);
      return { path: relative(dir, file), bytes: statSync(file).size };
    });
}

/** Whether the document scrolls sideways. */
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('a page per province and per district', () => {
  it('lists a province’s units since the merger and its districts of before, with their latest figures, a map and who has reported', async () => {
    const page = await open('/tinh/nghe-an/');
    expect(await page.locator('h1').innerText()).toBe('Tỉnh Nghệ An');
    expect(await page.locator('main nav a').allInnerTexts()).toEqual([
      'Trang chủ',
      'Danh bạ đơn vị',
    ]);
    // The new An Bình (2025-H2): (1000 - 5) / 1000 on time, 800 / 1000 online.
    expect(await unitRow(page, '#area-units ~ *', 'Xã An Bình')).toEqual([
      'Xã An Bình',
      '6T cuối 2025',
      '99,5 %',
      '80 %',
      '1',
    ]);
    // Tây Sơn's latest period is 2025-H1: An Bình, An Phú, Tân Thành added up,
    // (594 + 297 + 396) / 1300 on time, (420 + 150 + 200) / 1300 online.
    expect(await unitRow(page, 'section:has(#area-districts)', 'Huyện Tây Sơn')).toEqual([
      'Huyện Tây Sơn',
      '4',
      '6 tháng đầu năm 2025',
      '99 %',
      '59,2 %',
    ]);
    // The same figures as the Nghệ An row of /cong-bo/2025-H1/.
    expect(await row(page, 'section:has(#area-reporting)', '6 tháng đầu năm 2025')).toEqual([
      '6 tháng đầu năm 2025',
      '20/07/2025',
      '4',
      '1',
      '1',
      '1',
      '1',
      '25 %',
    ]);
    await page
      .locator('section:has(#area-reporting) a', { hasText: '6 tháng đầu năm 2025' })
      .click();
    // The province's own page of the period (issue 16): its units one by one.
    expect(page.url()).toBe(`${site.url}/cong-bo/2025-H1/nghe-an/`);
    await page.context().close();
  });

  it('draws the province’s map for its latest period, with its table', async () => {
    const page = await open('/tinh/nghe-an/');
    const map = page.locator('figure.choropleth');
    expect((await map.locator('figcaption').innerText()).replace(/\s+/g, ' ')).toBe(
      'Bản đồ: Tỷ lệ giải quyết trước và đúng hạn, Tỉnh Nghệ An, 6 tháng cuối năm 2025 Ranh giới minh họa, không phải ranh giới thật.',
    );
    // The units that existed on 31/12/2025.
    expect(await map.locator('svg path > title').allTextContents()).toEqual([
      'Xã An Bình: 99,5\u00a0%',
      'Xã Đông Sơn: không có số liệu',
      'Xã Tân Thành: không có số liệu',
    ]);
    expect(await map.locator('details.map-table tbody tr').count()).toBe(3);
    await page.context().close();
  });

  it('lists a district’s units with their latest figures and its map', async () => {
    const page = await open('/tinh/nghe-an/tay-son/');
    expect(await page.locator('h1').innerText()).toBe('Huyện Tây Sơn, tỉnh Nghệ An');
    expect(await page.locator('main nav a').allInnerTexts()).toEqual([
      'Trang chủ',
      'Danh bạ đơn vị',
      'Nghệ An',
    ]);
    const units = await page.locator('#area-units ~ * tbody th a').allInnerTexts();
    expect(units).toEqual(['Xã An Bình', 'Xã An Phú', 'Xã Đông Sơn', 'Xã Tân Thành']);
    expect((await unitRow(page, '#area-units ~ *', 'Xã Đông Sơn')).slice(1)).toEqual([
      '—',
      '—',
      '—',
      '0',
    ]);
    const titles = await page.locator('figure.choropleth svg path > title').allTextContents();
    expect(titles).toEqual([
      'Xã An Bình: 99\u00a0%',
      'Xã An Phú: 99\u00a0%',
      'Xã Đông Sơn: không có số liệu',
      'Xã Tân Thành: 99\u00a0%',
    ]);
    expect(await page.locator('section:has(#area-districts)').count()).toBe(0);
    await page.context().close();
  });

  it('is in English under /en/', async () => {
    const province = await open('/en/tinh/nghe-an/');
    expect(await province.locator('h1').innerText()).toBe('Nghệ An province');
    expect(await province.locator('a[href="/en/tinh/nghe-an/tay-son/"]').allInnerTexts()).toEqual([
      'District Tây Sơn',
    ]);
    const district = await open('/en/tinh/nghe-an/tay-son/');
    expect(await district.locator('h1').innerText()).toBe('Tây Sơn district, Nghệ An province');
    expect(await district.locator('html').getAttribute('lang')).toBe('en');
    await province.context().close();
    await district.context().close();
  });

  it('is where the directory and the breadcrumb of a unit page lead', async () => {
    const page = await open('/xa/');
    await page.locator('main tbody th a', { hasText: 'Tỉnh Nghệ An' }).click();
    expect(page.url()).toBe(`${site.url}/tinh/nghe-an/`);
    // The directory lists provinces (issue 16): a district is a row of its province's page.
    await page.locator('main tbody th a', { hasText: 'Huyện Tây Sơn' }).click();
    expect(page.url()).toBe(`${site.url}/tinh/nghe-an/tay-son/`);
    await page.goto(`${site.url}/xa/an-phu-tay-son-nghe-an/`);
    await page.locator('main nav a', { hasText: 'Nghệ An' }).click();
    expect(page.url()).toBe(`${site.url}/tinh/nghe-an/`);
    await page.context().close();
  });

  it('is in the sitemap, and an unknown province or district leads to the directory', async () => {
    const sitemap = await (await fetch(`${site.url}/sitemap-0.xml`)).text();
    expect(sitemap).toContain('/tinh/nghe-an/tay-son/</loc>');
    expect(sitemap).toContain('/en/tinh/thai-binh/</loc>');
    const res = await fetch(`${site.url}/tinh/khong-co/`);
    expect(res.status).toBe(404);
  });

  it.each(['/tinh/nghe-an/', '/tinh/nghe-an/tay-son/', '/en/tinh/hai-duong/'])(
    '%s loads no JavaScript',
    async (path) => {
      expect(await scriptKb(browser, site.url + path)).toBe(0);
    },
  );

  it.each([
    ['/tinh/nghe-an/', 1280],
    ['/tinh/nghe-an/', 390],
    ['/tinh/nghe-an/tay-son/', 1280],
    ['/en/tinh/nghe-an/tay-son/', 390],
  ] as const)(
    '%s has no serious axe-core violation and does not scroll sideways (%s px)',
    async (path, width) => {
      const page = await open(path, { javaScript: true, width, bypassCSP: true });
      expect(await overflows(page)).toBe(false);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    },
  );
});

describe('the compare page without JavaScript', () => {
  const DEFAULT =
    '?don-vi=an-binh-tay-son-nghe-an,an-phu-tay-son-nghe-an,tan-thanh-tay-son-nghe-an&chi-so=online_intake_rate';
  const HEAD =
    '\uFEFFperiod,period_label,"Xã An Bình, Tây Sơn (%)","Xã An Phú, Tây Sơn (%)","Xã Tân Thành, Tây Sơn (%)"\r\n';

  it('downloads the CSV of exactly what it shows', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${site.url}/so-sanh/`);
    const download = page.waitForEvent('download');
    await page.locator('#share-csv').click();
    const text = readFileSync(await (await download).path(), 'utf8');
    expect(text.startsWith(HEAD)).toBe(true);
    // The table on the page: An Bình 70 %, An Phú 50 %, Tân Thành 50 % in 2025-H1.
    expect(text).toContain('2025-H1,6T đầu 2025,70,50,50\r\n');
    expect(text).toContain('2024-H2,6T cuối 2024,60,50,\r\n');
    const en = await (await fetch(`${site.url}/du-lieu/so-sanh/en.csv`)).text();
    expect(en).toContain('"Commune An Bình, Tây Sơn (%)"');
    await context.close();
  });

  it('gives the same CSV as its script makes of the same view', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${site.url}/so-sanh/${DEFAULT}`, { waitUntil: 'networkidle' });
    await page.locator('#compare-view canvas').waitFor();
    const download = page.waitForEvent('download');
    await page.locator('#share-csv').click();
    const made = readFileSync(await (await download).path(), 'utf8');
    // Bytes, BOM and all (Response.text() drops the BOM).
    const file = Buffer.from(
      await (await fetch(`${site.url}/du-lieu/so-sanh/vi.csv`)).arrayBuffer(),
    );
    expect(made).toBe(file.toString('utf8'));
    await context.close();
  });

  it('links to the view it shows, which opens the same table, and says the images need JavaScript', async () => {
    const page = await open('/so-sanh/');
    const heads = await page.locator('.compare thead th').allInnerTexts();
    const link = page.locator('#share-link');
    expect(await link.getAttribute('href')).toBe(`/so-sanh/${DEFAULT}`);
    await link.click();
    expect(page.url()).toBe(`${site.url}/so-sanh/${DEFAULT}`);
    expect(await page.locator('.compare thead th').allInnerTexts()).toEqual(heads);
    expect(await page.locator('#share-png').isVisible()).toBe(false);
    expect(await page.locator('#share-svg').isVisible()).toBe(false);
    expect(await page.locator('main').innerText()).toContain(
      'Ảnh PNG và SVG của biểu đồ cần JavaScript.',
    );
    await page.context().close();
  });
});

describe('a ranking on a phone', () => {
  it('reads at 390 px without scrolling sideways: rank, unit with its province, value with its change', async () => {
    const page = await open('/chi-so/on_time_rate/2025-H1/', { width: 390 });
    const table = page.locator('#ranking');
    const fits = await table.evaluate((t) => t.scrollWidth <= (t.parentElement?.clientWidth ?? 0));
    expect(fits).toBe(true);
    expect(await overflows(page)).toBe(false);
    // Still a table with a heading cell per row, for a screen reader.
    expect(await table.locator('tbody th[scope=row]').count()).toBe(4);
    const visible = await table
      .locator('thead th')
      .evaluateAll((ths) => ths.filter((th) => (th as HTMLElement).offsetParent !== null).length);
    expect(visible).toBe(3);
    // An Phú: 297/300 in 2025-H1 against 196/200 in 2024-H2: +1 point, under the value.
    const anPhu = await unitRow(page, '#ranking', 'Xã An Phú');
    expect(anPhu).toEqual(['1 (đồng hạng)', 'Xã An Phú Nghệ An', '99 % +1,0 điểm %']);
    await page.context().close();
  });

  it('keeps every column at 1280 px', async () => {
    const page = await open('/chi-so/on_time_rate/2025-H1/');
    expect(await unitRow(page, '#ranking', 'Xã An Phú')).toEqual([
      '1 (đồng hạng)',
      'Xã An Phú',
      'Nghệ An',
      '99 %',
      '+1,0 điểm %',
    ]);
    await page.context().close();
  });

  it('has no serious axe-core violation at 390 px', async () => {
    const page = await open('/chi-so/on_time_rate/2025-H1/', {
      javaScript: true,
      width: 390,
      bypassCSP: true,
    });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('the map’s demo label', () => {
  it.each([
    ['/xa/an-phu-tay-son-nghe-an/', 1280],
    ['/tinh/nghe-an/', 1280],
    ['/tinh/nghe-an/tay-son/', 390],
  ] as const)('covers no shape on %s (%s px)', async (path, width) => {
    const page = await open(path, { width });
    const overlaps = await page.locator('figure.choropleth svg').evaluate((svg) => {
      const label = svg.querySelector('text.demo-label');
      if (!(label instanceof SVGGraphicsElement)) return ['no label'];
      const l = label.getBBox();
      return [...svg.querySelectorAll('path')].flatMap((p, i) => {
        const b = p.getBBox();
        const apart =
          l.x > b.x + b.width ||
          b.x > l.x + l.width ||
          l.y > b.y + b.height ||
          b.y > l.y + l.height;
        return apart ? [] : [String(i)];
      });
    });
    expect(overlaps).toEqual([]);
    await page.context().close();
  });
});

describe('impossible figures (online 1.400 of 1.250 received)', () => {
  it('are shown on the unit page with a note, without a rank', async () => {
    const page = await open('/xa/vinh-hien-phu-loc-thua-thien-hue/');
    expect(await row(page, 'section:has(#latest)', 'Tiếp nhận trực tuyến')).toEqual([
      'Tiếp nhận trực tuyến',
      '1.400',
    ]);
    expect(await row(page, 'section:has(#latest)', 'Hồ sơ tiếp nhận trong kỳ')).toEqual([
      'Hồ sơ tiếp nhận trong kỳ',
      '1.250',
    ]);
    const latest = await page.locator('section:has(#latest) .warn').innerText();
    expect(latest).toContain('không được tính điểm tổng hợp và không được xếp hạng');
    expect(latest).toContain(
      'Tiếp nhận trực tuyến (1.400) lớn hơn hồ sơ tiếp nhận trong kỳ (1.250).',
    );
    const standing = page.locator('section:has(#standing)');
    expect(await standing.locator('table').count()).toBe(0);
    expect(await standing.innerText()).toContain(
      'Không xếp hạng vì báo cáo có số liệu không thể đúng',
    );
    await page.context().close();
  });

  it('give the report no composite score, and say why', async () => {
    const page = await open('/xa/vinh-hien-phu-loc-thua-thien-hue/2023-H2/');
    expect(
      await row(page, 'section:has(#indicators)', 'Điểm tổng hợp (mô phỏng Quyết định 766/QĐ-TTg)'),
    ).toEqual([
      'Điểm tổng hợp (mô phỏng Quyết định 766/QĐ-TTg)',
      '—',
      'không tính: báo cáo có số liệu không thể đúng',
    ]);
    // Nor in the open data: its score is empty, its figures as reported.
    const rows = (await (
      await fetch(`${site.url}/du-lieu/xa/vinh-hien-phu-loc-thua-thien-hue.json`)
    ).json()) as Record<string, unknown>[];
    expect(rows[0]).toMatchObject({
      'dossiers.received_online': 1400,
      'indicator.composite_score': null,
    });
    await page.context().close();
  });

  it('leave the unit out of every ranking of the period, named under it', async () => {
    for (const indicator of ['online_intake_rate', 'on_time_rate']) {
      const page = await open(`/chi-so/${indicator}/2023-H2/`);
      // Đông Hải alone: 400/800 online, 799/800 on time.
      expect(await page.locator('#ranking tbody th').allInnerTexts()).toEqual(['Xã Đông Hải']);
      const note = page.locator('.impossible-note');
      expect(await note.innerText()).toBe(
        'Không xếp hạng vì báo cáo có số liệu không thể đúng: Xã Vinh Hiền.',
      );
      expect(await note.locator('a').getAttribute('href')).toBe(
        '/xa/vinh-hien-phu-loc-thua-thien-hue/2023-H2/',
      );
      // Nor in the distribution: one unit, one band.
      const bands = page.locator('table', { has: page.locator('caption', { hasText: 'Phân bố' }) });
      expect(
        (await bands.locator('tbody td.num').allInnerTexts()).reduce((s, n) => s + Number(n), 0),
      ).toBe(1);
      await page.context().close();
    }
  });
});

describe('no page over 150 KB of HTML', () => {
  const LIMIT = 150 * 1024;

  it('holds for every page of the fixture site', () => {
    const pages = htmlPages(site.outDir);
    expect(pages.length).toBeGreaterThan(100);
    expect(pages.filter((p) => p.bytes > LIMIT)).toEqual([]);
  });

  describe('with more units than a page of a ranking holds', () => {
    let content: string;
    let out: string;
    let url: string;
    let stop: () => Promise<void>;

    beforeAll(async () => {
      // One period of 520 demo units: each indicator's ranking is more than two pages.
      content = mkdtempSync(join(tmpdir(), 'congkhai-site-pages-'));
      out = join(content, 'dist');
      await writeContent(content, generateDemo({ units: 520, periods: 1, seed: 3 }));
      const built = buildSite(content, out);
      if (built.code !== 0) throw new Error(built.output);
      const server = await listen(siteHandler({ root: out, live: '.' }), 0, '127.0.0.1');
      url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
      stop = () =>
        new Promise((ok) => {
          server.close(() => {
            ok();
          });
        });
    }, 240_000);

    afterAll(async () => {
      await stop();
    });

    it('cuts a ranking into pages of at most RANKING_PAGE_ROWS rows, every unit on one of them, each page under the bound', () => {
      const dir = join(out, 'chi-so/on_time_rate/2025-H2');
      const pages = [
        'index.html',
        ...readdirSync(dir)
          .filter((d) => d.startsWith('trang-'))
          .sort()
          .map((d) => `${d}/index.html`),
      ];
      expect(pages.length).toBeGreaterThanOrEqual(3);
      const rows = pages.map((p) => {
        const html = readFileSync(join(dir, p), 'utf8');
        expect(html.length).toBeLessThan(LIMIT);
        const body = html.slice(html.indexOf('<table id="ranking"'));
        return (body.slice(0, body.indexOf('</table>')).match(/<th scope="row">/g) ?? []).length;
      });
      for (const n of rows) expect(n).toBeLessThanOrEqual(RANKING_PAGE_ROWS);
      expect(rows.slice(0, -1).every((n) => n === RANKING_PAGE_ROWS)).toBe(true);
      const of = /trong ([\d.]+) đơn vị được xếp hạng/.exec(
        readFileSync(join(dir, 'index.html'), 'utf8'),
      )?.[1];
      expect(rows.reduce((s, n) => s + n, 0)).toBe(Number(of?.replace(/\./g, '')));
    });

    it('holds for every ranking, unit, report, province and district page, the directory and who has reported', () => {
      const bounded = htmlPages(out).filter((p) =>
        /^(en\/)?(chi-so|xa|tinh|cong-bo)\//.test(p.path),
      );
      for (const page of ['xa/index.html', 'en/xa/index.html', 'cong-bo/2025-H2/index.html'])
        expect(bounded.map((p) => p.path)).toContain(page);
      expect(bounded.length).toBeGreaterThan(1000);
      expect(bounded.filter((p) => p.bytes > LIMIT)).toEqual([]);
    });

    it('lists every unit on one province’s page, the directory a row per province', () => {
      const read = (path: string) => readFileSync(join(out, path), 'utf8');
      // A unit's page for every unit: /xa/<unit>/.
      const unitCount = readdirSync(join(out, 'xa'), { withFileTypes: true }).filter((e) =>
        e.isDirectory(),
      ).length;
      const directory = read('xa/index.html');
      const rows = [...directory.matchAll(/<tr id="tinh-[^"]+">[\s\S]*?<\/tr>/g)].map((m) => m[0]);
      const provinces = readdirSync(join(out, 'tinh'));
      expect(rows.length).toBeGreaterThan(1);
      expect(rows.length).toBe(provinces.length);
      const counts = rows.map((r) =>
        Number(/<td class="num">([\d.]+)<\/td>/.exec(r)?.[1]?.replace(/\./g, '')),
      );
      expect(counts.reduce((a, b) => a + b, 0)).toBe(unitCount);
    });

    it('lists every unit due on one province’s page of who has reported, as the open data does', () => {
      const csv = readFileSync(join(out, 'du-lieu/cong-bo.csv'), 'utf8')
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('2025-H2,'));
      const dir = join(out, 'cong-bo/2025-H2');
      const summary = readFileSync(join(dir, 'index.html'), 'utf8');
      expect(summary).not.toContain('class="reporting-units"');
      const listed = readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .flatMap((e) => {
          const html = readFileSync(join(dir, e.name, 'index.html'), 'utf8');
          return [
            ...html.matchAll(
              /<tr class="status-[a-z_]+"><th scope="row"><a href="\/xa\/([^/]+)\//g,
            ),
          ].map((m) => m[1]);
        });
      // 520 units, all due for 2025-H2 but the few merged away on 1 July 2025.
      expect(csv.length).toBeGreaterThan(500);
      expect(listed.length).toBe(csv.length);
      expect(new Set(listed).size).toBe(csv.length);
    });

    it('links the pages of a ranking to each other, without JavaScript', async () => {
      const page = await open('/chi-so/on_time_rate/2025-H2/', {}, url);
      const nav = page.locator('nav.ranking-pages');
      expect((await nav.locator('a').allInnerTexts()).slice(0, 3)).toEqual([
        'Trang 1',
        'Trang 2',
        'Trang 3',
      ]);
      await nav.locator('a', { hasText: 'Trang 2' }).click();
      expect(page.url()).toBe(`${url}/chi-so/on_time_rate/2025-H2/trang-2/`);
      expect(await page.locator('h1').innerText()).toMatch(/· Trang 2$/);
      expect(await page.locator('#ranking tbody tr td.num').first().innerText()).toMatch(/^20[01]/);
      expect(await page.locator('nav.ranking-pages a[aria-current=page]').innerText()).toBe(
        'Trang 2',
      );
      // A page past the last one is not a page.
      const res = await fetch(`${url}/chi-so/on_time_rate/2025-H2/trang-99/`);
      expect(res.status).toBe(404);
      await page.context().close();
    });
  });
});
