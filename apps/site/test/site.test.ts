/**
 * The built site as a citizen reads it, over a real HTTP server and in a
 * real browser: figures in tables, ranking order, CSV rows, the compare
 * page's shareable URL, search without diacritics, pages without
 * JavaScript, inert HTML in reports, and axe-core on each page type.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INLINE_SCRIPT_HASHES, siteSecurityHeaders } from '@congkhai/serve';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, seriousAxeViolations, type OpenOptions } from './browser.ts';
import { buildSite, builtSite, writeFixture, type BuiltSite } from './fixture.ts';

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
  const { page } = await openPage(browser, site.url + path, { javaScript: true, ...opts });
  return page;
}

const cells = (page: Page, selector: string) => page.locator(selector).allInnerTexts();

describe('unit page', () => {
  it('shows each indicator over time in a table, with the district alongside', async () => {
    const page = await open('/xa/an-binh-tay-son-nghe-an/');
    expect(await page.locator('h1').innerText()).toBe('Xã An Bình');
    const table = page.locator('#ind-online_intake_rate ~ .chart-block table');
    const rows = await table.locator('tbody tr').allInnerTexts();
    // 300/500 = 60 %, 420/600 = 70 %; district Tây Sơn 2025-H1: (420+150+200)/(600+300+400) = 59,2 %.
    expect(rows[0]).toMatch(/6 tháng cuối năm 2024\s+60\u00a0% \(300\/500\)/);
    expect(rows[1]).toMatch(/6 tháng đầu năm 2025\s+70\u00a0% \(420\/600\)\s+59,2\u00a0%/);
    await page.context().close();
  });

  it('reads fully without JavaScript', async () => {
    const page = await open('/xa/an-binh-tay-son-nghe-an/', { javaScript: false });
    expect(await page.locator('table').count()).toBeGreaterThan(3);
    expect(await page.locator('body').innerText()).toContain('Tỷ lệ giải quyết trước và đúng hạn');
    await page.context().close();
  });

  it('continues the series of the units it was formed from, added up', async () => {
    const page = await open('/xa/an-binh-nghe-an/');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Được thành lập ngày 01/07/2025 từ');
    // 2025-H1 before the merger: (420 + 150) / (600 + 300) = 63,3 %.
    const rows = await page
      .locator('#ind-online_intake_rate ~ .chart-block tbody tr')
      .allInnerTexts();
    expect(rows.find((r) => r.includes('6 tháng đầu năm 2025'))).toMatch(
      /trước sắp xếp[\s\S]*63,3\u00a0%/,
    );
    await page.context().close();
  });

  it('says so for a unit with no report, and a unit with a single period', async () => {
    const none = await open('/xa/dong-son-tay-son-nghe-an/');
    expect(await none.locator('main').innerText()).toContain(
      'Đơn vị chưa có báo cáo nào được công bố.',
    );
    const one = await open('/xa/quang-nghiep-tu-nghia-quang-ngai/');
    expect(await one.locator('main').innerText()).toContain('Đơn vị mới có một kỳ báo cáo');
    await none.context().close();
    await one.context().close();
  });
});

describe('report page', () => {
  it('shows the figures, the indicators with their formulas, and the warnings honestly', async () => {
    const page = await open('/xa/quang-hai-tu-ky-hai-duong/2023-H1/', { javaScript: false });
    const text = await page.locator('main').innerText();
    expect(text).toContain('(Tiếp nhận trực tuyến) / (Hồ sơ tiếp nhận trong kỳ) = 1.145/1.164');
    expect(text).toContain(
      'Báo cáo nêu tiếp nhận trực tuyến đạt 100\u00a0%, nhưng 1.145/1.164 = 98,4\u00a0%.',
    );
    expect(text).toMatch(/Tỷ lệ thanh toán trực tuyến\s+50\u00a0%\s+10,2\u00a0%\s+✗ Chưa đạt/);
    expect(await page.locator('script').count()).toBe(0);
    await page.context().close();
  });

  it('keeps HTML and script in a report inert', async () => {
    const page = await open('/xa/an-binh-nghe-an/2025-H2/');
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned),
    ).toBeUndefined();
    expect(await page.locator('h1').innerText()).toBe('Báo cáo <script>alert(1)</script> năm 2025');
    const narrative = await page.locator('.narrative').innerHTML();
    expect(narrative).not.toMatch(/<script|onerror|javascript:|<img/);
    expect(narrative).toContain('<strong>1.000</strong>');
    await page.context().close();
  });

  it('offers the source file for download', async () => {
    const res = await fetch(`${site.url}/xa/quang-hai-tu-ky-hai-duong/2023-H1/bao-cao.md`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('received_online: 1145');
  });
});

describe('indicator page', () => {
  it('ranks with ties and lists units that cannot be ranked', async () => {
    const page = await open('/chi-so/late_rate/2025-H1/', { javaScript: false });
    const rows = await cells(page, '#ranking tbody tr');
    // Late rates: An Bình 6/600 = 1 %, An Phú 3/300 = 1 %, Tân Thành 4/400 = 1 %, Quảng Nghiệp 50/1000 = 5 %.
    expect(rows.map((r) => r.split('\t').slice(0, 2).join(' '))).toEqual([
      '1 (đồng hạng) Xã An Bình',
      '1 (đồng hạng) Xã An Phú',
      '1 (đồng hạng) Xã Tân Thành',
      '4 Xã Quảng Nghiệp',
    ]);
    await page.context().close();
  });

  it('names the indicator page as the canonical address of its latest period, and lists it once in the sitemap', async () => {
    const page = await open('/chi-so/late_rate/', { javaScript: false });
    const canonical = () => page.locator('link[rel=canonical]').getAttribute('href');
    expect(new URL((await canonical()) ?? '').pathname).toBe('/chi-so/late_rate/');
    const latest = await page
      .locator('a[aria-current=page]', { hasText: /năm/ })
      .getAttribute('href');
    await page.goto(new URL(latest ?? '', page.url()).href);
    expect(new URL((await canonical()) ?? '').pathname).toBe('/chi-so/late_rate/');
    await page.goto(new URL('/chi-so/late_rate/2024-H2/', page.url()).href);
    expect(new URL((await canonical()) ?? '').pathname).toBe('/chi-so/late_rate/2024-H2/');
    const sitemap = await (await fetch(new URL('/sitemap-0.xml', page.url()))).text();
    expect(sitemap).toContain('/chi-so/late_rate/</loc>');
    expect(sitemap).not.toContain(`${latest ?? ''}</loc>`);
    await page.context().close();
  });

  it('says when an indicator is computable nowhere', async () => {
    const page = await open('/chi-so/waste_sorting_rate/2025-H1/');
    expect(await page.locator('main').innerText()).toContain('Chưa đơn vị nào có đủ số liệu');
    await page.context().close();
  });
});

describe('open data', () => {
  it('has a CSV row per report, with metrics and indicators', async () => {
    const csv = await (await fetch(`${site.url}/du-lieu/bao-cao.csv`)).text();
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    // No unit of the fixture has an official code: no unit_code column.
    expect(header?.split(',').slice(0, 3)).toEqual(['unit_id', 'unit_kind', 'unit_name']);
    const row = rows.find((r) => r.startsWith('quang-hai-tu-ky-hai-duong,'));
    expect(row).toContain(',2023-H1,2023-01-01,2023-06-30,');
    expect(row).toContain(',1164,1145,19,');
    const columns = header?.split(',') ?? [];
    const values = row?.split(',') ?? [];
    expect(values[columns.indexOf('indicator.online_intake_rate')]).toBe('98.3677');
  });

  it('describes every column in datapackage.json', async () => {
    const pkg = (await (await fetch(`${site.url}/du-lieu/datapackage.json`)).json()) as {
      resources: { schema: { fields: { name: string }[] } }[];
    };
    const fields = pkg.resources[0]?.schema.fields.map((f) => f.name) ?? [];
    expect(fields).toContain('dossiers.received');
    expect(fields).toContain('indicator.on_time_rate');
  });
});

describe('compare page', () => {
  it('keeps the comparison in the URL, and restores it from a shared link', async () => {
    const page = await open(
      '/so-sanh/?don-vi=an-binh-tay-son-nghe-an,an-phu-tay-son-nghe-an&chi-so=late_rate',
    );
    await page.locator('.compare table').waitFor();
    expect(await page.locator('.compare thead th').allInnerTexts()).toEqual([
      'Kỳ',
      'An Bình',
      'An Phú',
    ]);
    expect(await page.locator('#compare-indicator').inputValue()).toBe('late_rate');
    await page.selectOption('#compare-indicator', 'online_intake_rate');
    await page.waitForURL(/chi-so=online_intake_rate/);
    expect(new URL(page.url()).searchParams.get('don-vi')).toBe(
      'an-binh-tay-son-nghe-an,an-phu-tay-son-nghe-an',
    );
    await page.context().close();
  });

  it('finds "Quảng Nghiệp" when typed without diacritics', async () => {
    const page = await open('/so-sanh/?don-vi=an-binh-tay-son-nghe-an');
    await page.fill('#compare-add', 'quang nghiep');
    await page.getByRole('button', { name: /Quảng Nghiệp/ }).click();
    await page.waitForURL(/quang-nghiep-tu-nghia-quang-ngai/);
    expect(await page.locator('.compare thead th').allInnerTexts()).toContain('Quảng Nghiệp');
    await page.context().close();
  });

  it('refuses 200 units on one chart with a message', async () => {
    const many = Array.from({ length: 200 }, (_, i) => `u${String(i)}`).join(',');
    const page = await open(`/so-sanh/?don-vi=${many}`);
    expect(await page.locator('#compare-message').innerText()).toContain('Tối đa 12 đơn vị');
    expect(await page.locator('.compare .chosen').count()).toBe(12);
    await page.context().close();
  });
});

describe('search', () => {
  it('finds a unit by its name without diacritics', async () => {
    const page = await open('/tim-kiem/?q=quang%20nghiep');
    await page.locator('#results ol li').first().waitFor();
    expect(await page.locator('#results').innerText()).toContain('Quảng Nghiệp');
    await page.context().close();
  });

  it('names a report result with its district, as communes may share a name', async () => {
    const page = await open('/tim-kiem/?q=quang%20hai');
    await page.locator('#results ol li').first().waitFor();
    const titles = await page.locator('#results ol li a').allInnerTexts();
    expect(titles).toContain(
      'Xã Quang Hải, Tứ Kỳ — 6 tháng đầu năm 2023: Báo cáo tiến độ thực hiện nhiệm vụ đột phá sáng tạo 6 tháng đầu năm 2023',
    );
    await page.context().close();
  });
});

describe('accessibility', () => {
  const pages = [
    '/',
    '/en/',
    '/xa/an-binh-tay-son-nghe-an/',
    '/xa/quang-hai-tu-ky-hai-duong/2023-H1/',
    '/chi-so/on_time_rate/',
    '/so-sanh/',
    '/phuong-phap/',
    '/du-lieu/',
    '/tim-kiem/',
  ];
  it.each(pages)('%s has no serious axe-core violation', async (path) => {
    // axe-core is injected as an inline script, which the site's CSP rightly refuses.
    const page = await open(path, { bypassCSP: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe("the public site's security headers", () => {
  it('allow every inline script the built site has', async () => {
    const files = readdirSync(site.outDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.html'),
    );
    const html = files.map((f) => readFileSync(join(site.outDir, f), 'utf8'));
    // Parsed as the browser parses them: a "<script>" inside an attribute is no script.
    const page = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
    const scripts = await page.evaluate((docs) => {
      const run = ['', 'module', 'text/javascript'];
      return docs.map((d) =>
        [...new DOMParser().parseFromString(d, 'text/html').querySelectorAll('script:not([src])')]
          .filter((s) => run.includes(s.getAttribute('type') ?? ''))
          .map((s) => s.textContent),
      );
    }, html);
    await page.context().close();
    const refused = new Set<string>();
    scripts.forEach((list, i) => {
      for (const body of list) {
        const hash = `sha256-${createHash('sha256').update(body).digest('base64')}`;
        if (!INLINE_SCRIPT_HASHES.includes(hash)) refused.add(`${files[i] ?? ''}: ${hash}`);
      }
    });
    expect(scripts.flat().length).toBeGreaterThan(0);
    // A script of the site's own belongs in a file; an Astro upgrade may need its new hashes.
    expect([...refused]).toEqual([]);
  });

  it('let pages, charts and search work with no CSP violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const violations: string[] = [];
    context.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`Refused to load: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const page = await context.newPage();
    const home = await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
    for (const [name, value] of siteSecurityHeaders('/'))
      expect(home?.headers()[name.toLowerCase()]).toBe(value);
    await page.goto(`${site.url}/xa/an-binh-tay-son-nghe-an/`, { waitUntil: 'networkidle' });
    await page.locator('canvas').first().scrollIntoViewIfNeeded();
    // Chart.js drew: some pixel of a canvas is painted.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('canvas')].some((c) => {
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
        return data.some((v, i) => i % 4 === 3 && v > 0);
      }),
    );
    await page.goto(`${site.url}/so-sanh/?don-vi=an-binh-tay-son-nghe-an,an-phu-tay-son-nghe-an`, {
      waitUntil: 'networkidle',
    });
    await page.locator('.compare table').waitFor();
    await page.goto(`${site.url}/tim-kiem/?q=quang%20nghiep`, { waitUntil: 'networkidle' });
    await page.locator('#results ol li').first().waitFor();
    expect(await page.locator('#results').innerText()).toContain('Quảng Nghiệp');
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe('a content file that fails the schema', () => {
  it('stops the build, naming the file and line, and leaves no half-built site', async () => {
    const content = await writeFixture();
    const bad = join(content, 'reports/an-phu-tay-son-nghe-an/2025-H1.md');
    writeFileSync(bad, readFileSync(bad, 'utf8').replace(/received: 300\n/, 'received: ba trăm\n'));
    const out = join(mkdtempSync(join(tmpdir(), 'congkhai-bad-')), 'dist');
    const r = buildSite(content, out);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(
      /an-phu-tay-son-nghe-an\/2025-H1\.md:\d+:\d+: Hồ sơ tiếp nhận trong kỳ \(dossiers\.received\) phải là một số/,
    );
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });
});
