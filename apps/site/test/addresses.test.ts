/**
 * The site's addresses are made in one module (src/lib/addresses.ts), but
 * Astro's routes are files whose folders spell the same segments again.
 * These tests hold the three together: every address the module makes is
 * one the route catalog (routes.ts) lists, every address of the catalog is
 * answered by a page file, and every page file answers an address the
 * module makes. The addresses themselves are pinned as the site has always
 * spelled them, so that a link out there keeps working.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { INDICATORS } from '@congkhai/indicators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as addresses from '../src/lib/addresses.ts';
import { href } from '../src/lib/i18n.ts';
import type { SiteData } from '../src/lib/site-data.ts';
import { writeFixture } from './fixture.ts';

const {
  compareData,
  compareEmbedPage,
  comparePage,
  dataPackage,
  dataPage,
  directoryPage,
  districtPage,
  feedFile,
  homePage,
  indicatorDataFile,
  indicatorPage,
  indicatorsPage,
  methodPage,
  notFoundFile,
  provincePage,
  rankingPage,
  reportPage,
  reportSource,
  reportVersion,
  reportingData,
  reportingPage,
  reportingProvincePage,
  reportsData,
  searchPage,
  sitemapFile,
  sitemapIndexFile,
  unitBrief,
  unitData,
  unitPage,
  unitsData,
} = addresses;

const pagesDir = fileURLToPath(new URL('../src/pages/', import.meta.url));

/**
 * The addresses a page file answers, as a pattern: `[...lang]` is the
 * root or `en/`, a `[param]` one segment, `index` its folder, an endpoint
 * (`bao-cao.csv.ts`) its file name, and `404.astro` the not-found file.
 */
function routePattern(file: string): RegExp {
  const segments = file.split('/');
  const name = (segments.pop() ?? '').replace(/\.(astro|ts)$/, '');
  const literal = (s: string) =>
    s
      .split(/\[[^\]]+\]/)
      .map((part) => part.replace(/[.*+?^${}()|\\]/g, '\\$&'))
      .join('[^/]+');
  const folders = segments
    .map((segment) => (segment === '[...lang]' ? '(?:en/)?' : `${literal(segment)}/`))
    .join('');
  const last = name === 'index' ? '' : name === '404' ? '404\\.html' : literal(name);
  return new RegExp(`^/${folders}${last}$`);
}

const pageFiles = readdirSync(pagesDir, { recursive: true, encoding: 'utf8' })
  .map((f) => f.split('\\').join('/'))
  .filter((f) => /\.(astro|ts)$/.test(f));
const routes = pageFiles.map((file) => ({ file, pattern: routePattern(file) }));
const answering = (address: string) =>
  routes.filter((r) => r.pattern.test(address)).map((r) => r.file);

describe('a page file answers an address', () => {
  it.each([
    ['[...lang]/index.astro', '/', '/en/'],
    ['[...lang]/xa/[unit]/[period]/index.astro', '/xa/a/2025-H1/', '/en/xa/a/2025-H1/'],
    ['du-lieu/xa/[file].ts', '/du-lieu/xa/a.csv', undefined],
    ['404.astro', '/404.html', undefined],
  ])('%s answers %s', (file, address, english) => {
    expect(answering(address)).toContain(file);
    if (english) expect(answering(english)).toContain(file);
    expect(answering('/xa/a/2025-H1/extra/')).toEqual([]);
  });
});

describe('addresses', () => {
  it('are spelled as the site has always spelled them', () => {
    expect({
      home: homePage(),
      directory: directoryPage(),
      directoryRow: directoryPage('tinh-nghe-an'),
      unit: unitPage('an-binh-tay-son-nghe-an'),
      brief: unitBrief('an-binh-tay-son-nghe-an'),
      report: reportPage('an-binh-tay-son-nghe-an', '2025-H1'),
      source: reportSource('an-binh-tay-son-nghe-an', '2025-H1'),
      version: reportVersion('an-binh-tay-son-nghe-an', '2025-H1', 2),
      indicators: indicatorsPage(),
      indicator: indicatorPage('on_time_rate'),
      ranking: rankingPage('on_time_rate', '2025-H1'),
      rankingFirst: rankingPage('on_time_rate', '2025-H1', 1),
      rankingThird: rankingPage('on_time_rate', '2025-H1', 3),
      method: methodPage(),
      methodScore: methodPage('diem'),
      compare: comparePage(),
      compareQuery: comparePage('?don-vi=a,b&chi-so=on_time_rate'),
      embed: compareEmbedPage(),
      embedQuery: compareEmbedPage('?don-vi=a'),
      search: searchPage(),
      reporting: reportingPage(),
      reportingPeriod: reportingPage('2025-H1'),
      reportingProvince: reportingProvincePage('2025-H1', 'Thừa Thiên Huế'),
      province: provincePage('Nghệ An'),
      district: districtPage({ province: 'Nghệ An', district: 'Tây Sơn' }),
      data: dataPage(),
      reportsCsv: reportsData('csv'),
      reportsJson: reportsData('json'),
      dataPackage: dataPackage(),
      units: unitsData(),
      reportingCsv: reportingData(),
      compareVi: compareData('vi'),
      compareEn: compareData('en'),
      indicatorFile: indicatorDataFile('on_time_rate'),
      unitCsv: unitData('an-binh-tay-son-nghe-an', 'csv'),
      unitJson: unitData('an-binh-tay-son-nghe-an', 'json'),
      feed: feedFile(),
      sitemapIndex: sitemapIndexFile(),
      sitemap: sitemapFile(),
      notFound: notFoundFile(),
    }).toEqual({
      home: '/',
      directory: '/xa/',
      directoryRow: '/xa/#tinh-nghe-an',
      unit: '/xa/an-binh-tay-son-nghe-an/',
      brief: '/xa/an-binh-tay-son-nghe-an/ban-in/',
      report: '/xa/an-binh-tay-son-nghe-an/2025-H1/',
      source: '/xa/an-binh-tay-son-nghe-an/2025-H1/bao-cao.md',
      version: '/xa/an-binh-tay-son-nghe-an/2025-H1/ban-2.md',
      indicators: '/chi-so/',
      indicator: '/chi-so/on_time_rate/',
      ranking: '/chi-so/on_time_rate/2025-H1/',
      rankingFirst: '/chi-so/on_time_rate/2025-H1/',
      rankingThird: '/chi-so/on_time_rate/2025-H1/trang-3/',
      method: '/phuong-phap/',
      methodScore: '/phuong-phap/#diem',
      compare: '/so-sanh/',
      compareQuery: '/so-sanh/?don-vi=a,b&chi-so=on_time_rate',
      embed: '/nhung/so-sanh/',
      embedQuery: '/nhung/so-sanh/?don-vi=a',
      search: '/tim-kiem/',
      reporting: '/cong-bo/',
      reportingPeriod: '/cong-bo/2025-H1/',
      reportingProvince: '/cong-bo/2025-H1/thua-thien-hue/',
      province: '/tinh/nghe-an/',
      district: '/tinh/nghe-an/tay-son/',
      data: '/du-lieu/',
      reportsCsv: '/du-lieu/bao-cao.csv',
      reportsJson: '/du-lieu/bao-cao.json',
      dataPackage: '/du-lieu/datapackage.json',
      units: '/du-lieu/don-vi.json',
      reportingCsv: '/du-lieu/cong-bo.csv',
      compareVi: '/du-lieu/so-sanh/vi.csv',
      compareEn: '/du-lieu/so-sanh/en.csv',
      indicatorFile: '/du-lieu/chi-so/on_time_rate.json',
      unitCsv: '/du-lieu/xa/an-binh-tay-son-nghe-an.csv',
      unitJson: '/du-lieu/xa/an-binh-tay-son-nghe-an.json',
      feed: '/feed.xml',
      sitemapIndex: '/sitemap-index.xml',
      sitemap: '/sitemap-0.xml',
      notFound: '/404.html',
    });
  });
});

describe('the addresses, the route catalog and the page files agree', () => {
  let data: SiteData;
  let catalog: string[];
  const before = process.env.CONTENT_DIR;

  beforeAll(async () => {
    // The site reads its content folder from CONTENT_DIR when its modules load.
    process.env.CONTENT_DIR = await writeFixture();
    const { refreshSiteData } = await import('../src/lib/site-data.ts');
    const { allPages } = await import('../src/lib/routes.ts');
    data = (await refreshSiteData(true)).data;
    catalog = allPages(data);
  });
  afterAll(() => {
    if (before === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = before;
  });

  /**
   * One address of each function, made from the fixture's units, reports
   * and periods, with the name of the function that made it. The pages
   * (not files) exist in both languages.
   */
  function made(): { fn: string; address: string; page: boolean; listed: boolean }[] {
    const report = data.reports.find((r) => data.units.get(r.unit)?.district) ?? data.reports[0];
    const unit = report && data.units.get(report.unit);
    const period = data.latest;
    const [def] = INDICATORS;
    if (!report || !unit?.district || !period) throw new Error('fixture too small');
    const district = { province: unit.province, district: unit.district };
    const page = (fn: string, address: string, listed = true) => ({
      fn,
      address,
      page: true,
      listed,
    });
    const file = (fn: string, address: string) => ({ fn, address, page: false, listed: true });
    return [
      page('homePage', homePage()),
      page('directoryPage', directoryPage()),
      page('unitPage', unitPage(unit.id)),
      page('unitBrief', unitBrief(unit.id)),
      page('indicatorsPage', indicatorsPage()),
      page('indicatorPage', indicatorPage(def.id)),
      page('rankingPage', rankingPage(def.id, period.id)),
      // The fixture's rankings have one page each; the page file is there for longer ones.
      page('rankingPage', rankingPage(def.id, period.id, 2), false),
      page('methodPage', methodPage()),
      page('comparePage', comparePage()),
      page('compareEmbedPage', compareEmbedPage()),
      page('searchPage', searchPage()),
      page('reportingPage', reportingPage()),
      page('reportingPage', reportingPage(period.id)),
      page('reportingProvincePage', reportingProvincePage(period.id, unit.province)),
      page('provincePage', provincePage(unit.province)),
      page('districtPage', districtPage(district)),
      page('dataPage', dataPage()),
      // Only in Vietnamese: the report is written in it.
      file('reportPage', reportPage(report.unit, report.period)),
      file('reportsData', reportsData('csv')),
      file('reportsData', reportsData('json')),
      file('dataPackage', dataPackage()),
      file('unitsData', unitsData()),
      file('reportingData', reportingData()),
      file('compareData', compareData('vi')),
      file('compareData', compareData('en')),
      file('indicatorDataFile', indicatorDataFile(def.id)),
      file('unitData', unitData(unit.id, 'csv')),
      file('unitData', unitData(unit.id, 'json')),
      file('feedFile', feedFile()),
      file('sitemapIndexFile', sitemapIndexFile()),
      file('sitemapFile', sitemapFile()),
      file('notFoundFile', notFoundFile()),
    ];
  }

  it('every address the module makes is in the route catalog and has a page file', () => {
    const listed = new Set(catalog);
    const missing: string[] = [];
    for (const m of made()) {
      const variants = m.page ? [m.address, href('en', m.address)] : [m.address];
      for (const a of variants) {
        if (m.listed && !listed.has(a)) missing.push(`${m.fn}: ${a} is not in the catalog`);
        if (answering(a).length === 0) missing.push(`${m.fn}: no page file answers ${a}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('a report’s source and its earlier versions lie beside its page', () => {
    const r = data.reports[0];
    if (!r) throw new Error('fixture has no report');
    const dir = reportPage(r.unit, r.period);
    expect(reportSource(r.unit, r.period)).toBe(`${dir}bao-cao.md`);
    expect(reportVersion(r.unit, r.period, 1)).toBe(`${dir}ban-1.md`);
    // A section of a page is the page's address with the section after it.
    expect(directoryPage('x')).toBe(`${directoryPage()}#x`);
    expect(methodPage('x')).toBe(`${methodPage()}#x`);
  });

  it('every address the module exports is covered above', () => {
    // The slug is part of an address, not one; the two files sit beside a report's page.
    const covered = new Set([
      ...made().map((m) => m.fn),
      'areaSlug',
      'reportSource',
      'reportVersion',
    ]);
    expect(Object.keys(addresses).filter((name) => !covered.has(name))).toEqual([]);
  });

  it('every address of the route catalog has its page file', () => {
    expect(catalog.filter((a) => answering(a).length === 0)).toEqual([]);
  });

  it('every page file answers an address the module makes', () => {
    const all = [...catalog, ...made().flatMap((m) => [m.address, href('en', m.address)])];
    expect(pageFiles.filter((f) => !all.some((a) => answering(a).includes(f)))).toEqual([]);
  });
});
