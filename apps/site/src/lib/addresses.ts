/**
 * Every address of the public site, spelled here and nowhere else: the
 * pages, components and layout link with these functions, the route
 * catalog (routes.ts) lists the site from them, the renderer writes a
 * report's files where they say, and the editor gives the address of a
 * report it published (through `@congkhai/site/addresses`). The
 * publisher knows none of them.
 *
 * Astro's routes are files: the folders under src/pages (`xa/[unit]/`,
 * `chi-so/[indicator]/[period]/trang-[page]/`, `du-lieu/xa/[file].ts`, …)
 * necessarily spell the same segments once more. test/addresses.test.ts
 * holds the two together: every address made here is one the route
 * catalog lists and one a page file answers.
 *
 * Addresses are in Vietnamese, the site's first language; `href` (i18n.ts)
 * puts one under /en/ for the English page.
 */
import { foldVietnamese, type Locale } from '@congkhai/indicators';

/** The slug of a province or district name in an address: "Nghệ An" -> `nghe-an`. */
export const areaSlug = (s: string) =>
  foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A section of a page: `#<id>` after its address. */
const at = (path: string, section?: string) => (section ? `${path}#${section}` : path);

/** The home page. */
export const homePage = () => '/';

/** The directory: the provinces, each with its units. */
export const directoryPage = (section?: string) => at('/xa/', section);

/** A unit's page: its figures over time, its peers, its reports. */
export const unitPage = (unit: string) => `/xa/${unit}/`;

/** A unit's printable one-page brief. */
export const unitBrief = (unit: string) => `${unitPage(unit)}ban-in/`;

/** A report's page, `/xa/<unit>/<period>/`. */
export const reportPage = (unit: string, period: string) => `${unitPage(unit)}${period}/`;

/** A report's source as published (Markdown), beside its page. */
export const reportSource = (unit: string, period: string) =>
  `${reportPage(unit, period)}bao-cao.md`;

/** An earlier version of a corrected report (version 1 is the first publication), beside its page. */
export const reportVersion = (unit: string, period: string, version: number) =>
  `${reportPage(unit, period)}ban-${String(version)}.md`;

/** The list of indicators. */
export const indicatorsPage = () => '/chi-so/';

/** An indicator's own page: its ranking of the latest period. */
export const indicatorPage = (indicator: string) => `${indicatorsPage()}${indicator}/`;

/** A page of an indicator's ranking of a period: the first is the period's own page. */
export const rankingPage = (indicator: string, period: string, page = 1) =>
  `${indicatorPage(indicator)}${period}/${page > 1 ? `trang-${String(page)}/` : ''}`;

/** How the indicators and the score are computed; `section` is an indicator id or `diem`. */
export const methodPage = (section?: string) => at('/phuong-phap/', section);

/** The comparison of units; `query` is its search part (`?don-vi=…`), empty for the default view. */
export const comparePage = (query = '') => `/so-sanh/${query}`;

/**
 * The embeddable comparison, framed by other sites: its path is one of
 * @congkhai/serve's EMBED_PATH_PREFIXES.
 */
export const compareEmbedPage = (query = '') => `/nhung/so-sanh/${query}`;

/** The search page. */
export const searchPage = () => '/tim-kiem/';

/** Who has reported: every period, or one period by province. */
export const reportingPage = (period?: string) =>
  period === undefined ? '/cong-bo/' : `/cong-bo/${period}/`;

/** Who has reported a period in a province: its units one by one. */
export const reportingProvincePage = (period: string, province: string) =>
  `${reportingPage(period)}${areaSlug(province)}/`;

/** A province's page: its units, map and who has reported. */
export const provincePage = (province: string) => `/tinh/${areaSlug(province)}/`;

/** A district's page (a district of before 1 July 2025). */
export const districtPage = (u: { readonly province: string; readonly district: string }) =>
  `${provincePage(u.province)}${areaSlug(u.district)}/`;

/** The open data page: what can be downloaded, and how. */
export const dataPage = () => '/du-lieu/';

/** Every report's figures, one row per report. */
export const reportsData = (ext: 'csv' | 'json') => `/du-lieu/bao-cao.${ext}`;

/** The Frictionless Data Package describing the downloads. */
export const dataPackage = () => '/du-lieu/datapackage.json';

/** The units, for the comparison page's script. */
export const unitsData = () => '/du-lieu/don-vi.json';

/** Who has reported each period, one row per unit. */
export const reportingData = () => '/du-lieu/cong-bo.csv';

/** The comparison's default view as a table, per language. */
export const compareData = (locale: Locale) => `/du-lieu/so-sanh/${locale}.csv`;

/** An indicator's figures for every unit and period, for the comparison page's script. */
export const indicatorDataFile = (indicator: string) => `/du-lieu/chi-so/${indicator}.json`;

/** A unit's figures over time. */
export const unitData = (unit: string, ext: 'csv' | 'json') => `/du-lieu/xa/${unit}.${ext}`;

/** The Atom feed of publications and corrections. */
export const feedFile = () => '/feed.xml';

/** The sitemap index, and the one sitemap it lists. */
export const sitemapIndexFile = () => '/sitemap-index.xml';
export const sitemapFile = () => '/sitemap-0.xml';

/** The page a static server answers a missing address with. */
export const notFoundFile = () => '/404.html';
