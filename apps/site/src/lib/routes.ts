/**
 * Every address the public site has, and which of them depend on what;
 * each is made by its function in addresses.ts.
 * The renderer writes `allPages` for a full build; after a publish it
 * writes only `affectedPages`, and a test holds that the two ways give the
 * same files. Pages fall in three kinds:
 *
 * - per report (reportPage): its report and its unit only;
 * - per unit (unitPage, unitBrief, unitData): the unit, the units of
 *   its province (its rank and median in its district and province, the
 *   peer table) and the units it merged into (their series carry its
 *   figures from before the merger);
 * - per indicator and period (rankings): every report of that period and
 *   of the period before (the change column); the latest period's ranking
 *   is also the indicator's own page (indicatorPage);
 * - per period, who has reported it (reportingPage, a summary by
 *   province): the reports of that period, and the due dates (a change of
 *   due.yaml renders them all); each province's list of its units for the
 *   period (reportingProvincePage): the reports of the period in
 *   that province, and the due dates;
 * - per province and per district of before 1 July 2025 (provincePage,
 *   districtPage): the reports of its units (their latest
 *   figures, its map, who has reported there) and the due dates;
 * - everything else (home, the directory of provinces, indexes, compare,
 *   downloads, feed, sitemap):
 *   rebuilt on every change, since it sums or lists all reports.
 *
 * These are what a change could touch; of them a publish renders only the
 * pages whose inputs differ from the live release's (page-inputs.ts): the
 * units of a province whose rank, median, peers or map moved, the ranking
 * pages whose rows moved, the site's files that show what changed.
 */
import { INDICATORS, previousPeriod, successors, type Period } from '@congkhai/indicators';
import {
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
} from './addresses.ts';
import { directory } from './directory.ts';
import { LANGS, href, localeOf } from './i18n.ts';
import { rankingPageCount } from './indicator-view.ts';
import {
  changedRankingPages,
  reportChanges,
  sameInputs,
  shows,
  showsChanged,
  unitBriefInputs,
  unitDataInputs,
  unitPageInputs,
  type Projection,
  type ReportChange,
} from './page-inputs.ts';
import { peersOf, type SiteData } from './site-data.ts';

/** Paths present once per language. */
const GLOBAL_PAGES = [
  directoryPage(),
  indicatorsPage(),
  dataPage(),
  methodPage(),
  comparePage(),
  searchPage(),
  compareEmbedPage(),
];

/**
 * Of them, those that show nothing of the content (the method, from the
 * catalog; the search form; the not-found page): the same for the
 * renderer's whole life, so rendered by a full build only.
 */
const FIXED = new Set([methodPage(), searchPage(), notFoundFile()]);

/** Language-free files: downloads, the not-found page. */
const GLOBAL_FILES = [
  notFoundFile(),
  reportsData('csv'),
  reportsData('json'),
  compareData('vi'),
  compareData('en'),
];

/**
 * The site's own pages and files that show one thing of every report
 * (page-inputs.ts): after a publish they are rendered again only when a
 * changed report shows differently through it (`always`: new due dates).
 */
const projectedPages = (
  dueChanged = false,
): { pages: readonly string[]; shows: Projection; always?: boolean }[] => [
  { pages: inLangs(reportingPage()), shows: shows.reporting, always: dueChanged },
  { pages: [reportingData()], shows: shows.reporting, always: dueChanged },
  ...INDICATORS.map((d) => ({ pages: [indicatorDataFile(d.id)], shows: shows.value(d) })),
  { pages: [feedFile()], shows: shows.feed },
  // The data package counts the reports and who has reported; the unit list has the units that reported.
  {
    pages: [sitemapIndexFile(), sitemapFile(), dataPackage(), unitsData()],
    shows: shows.presence,
  },
];

/**
 * Whether the home page shows something else after `changes`: it sums the
 * latest period's reports (and who has reported it), lists the movers of
 * the online intake rate since the period before, and the newest reports.
 */
function homeChanged(data: SiteData, changes: readonly ReportChange[], dueChanged: boolean) {
  const latest = data.latest;
  const before = latest && previousPeriod(latest)?.id;
  const mover = INDICATORS.find((d) => d.id === 'online_intake_rate');
  return (
    dueChanged ||
    changes.some((c) => c.period === latest?.id) ||
    (before !== undefined &&
      mover !== undefined &&
      showsChanged(changes, shows.value(mover), [before])) ||
    showsChanged(changes, shows.newest)
  );
}

/** Where an address is written: a page `/a/b/` -> `a/b/index.html`, files as they are. */
export const fileOf = (page: string) =>
  page.endsWith('/') ? `${page.slice(1)}index.html` : page.slice(1);

const inLangs = (path: string) => LANGS.map((lang) => href(localeOf(lang), path));

const unitPages = (id: string) => [
  ...inLangs(unitPage(id)),
  ...inLangs(unitBrief(id)),
  unitData(id, 'csv'),
  unitData(id, 'json'),
];

/**
 * The rankings of a period, each in pages of a bounded size; the latest
 * period's first pages are also each indicator's own page.
 */
const rankingPages = (periodId: string, data: SiteData) =>
  INDICATORS.flatMap((d) => [
    ...Array.from({ length: rankingPageCount(data, d, periodId) }, (_, i) =>
      inLangs(rankingPage(d.id, periodId, i + 1)),
    ).flat(),
    ...(periodId === data.latest?.id ? inLangs(indicatorPage(d.id)) : []),
  ]);

/** The periods a completeness page is made for: the standard ones (a custom range has no due date). */
export const reportingPeriods = (data: SiteData) => data.periods.filter((p) => p.kind !== 'range');

const reportingPages = (periodId: string) => inLangs(reportingPage(periodId));

/** Every province gets its page for every period, due or not: the set of pages then follows the units alone. */
const reportingProvincePages = (periodId: string, data: SiteData) =>
  directory(data).flatMap((p) => inLangs(reportingProvincePage(periodId, p.name)));

/** A province's page and its districts' pages. */
const areaPages = (data: SiteData) =>
  directory(data).flatMap((p) => [
    ...inLangs(provincePage(p.name)),
    ...p.districts.flatMap((d) => inLangs(districtPage({ province: p.name, district: d.name }))),
  ]);

/** The site's own pages and files; after `changes`, those of them that show something else. */
const globalPages = (data: SiteData, changes?: readonly ReportChange[], dueChanged = false) => [
  ...(!changes || homeChanged(data, changes, dueChanged) ? inLangs(homePage()) : []),
  ...GLOBAL_PAGES.filter((p) => !changes || !FIXED.has(p)).flatMap(inLangs),
  ...GLOBAL_FILES.filter((p) => !changes || !FIXED.has(p)),
  ...projectedPages(dueChanged).flatMap((x) =>
    !changes || x.always || showsChanged(changes, x.shows) ? x.pages : [],
  ),
];

/** Every page and file of the site, in a stable order. */
export function allPages(data: SiteData): string[] {
  return [
    ...globalPages(data),
    ...(data.latest ? [] : INDICATORS.flatMap((d) => inLangs(indicatorPage(d.id)))),
    ...data.periods.flatMap((p) => rankingPages(p.id, data)),
    ...reportingPeriods(data).flatMap((p) => [
      ...reportingPages(p.id),
      ...reportingProvincePages(p.id, data),
    ]),
    ...areaPages(data),
    ...data.unitList.flatMap((u) => unitPages(u.id)),
    ...data.reports.map((r) => reportPage(r.unit, r.period)),
  ];
}

/** The HTML pages a sitemap lists (not data files). */
export function sitemapPages(data: SiteData): string[] {
  // The latest period's rankings repeat each indicator's own page, the canonical one.
  const repeats = new Set(
    data.latest ? INDICATORS.flatMap((d) => inLangs(rankingPage(d.id, data.latest?.id ?? ''))) : [],
  );
  // A unit's printable brief repeats its page too, and an embed is for frames.
  const left = new Set([
    ...data.unitList.flatMap((u) => inLangs(unitBrief(u.id))),
    ...inLangs(compareEmbedPage()),
  ]);
  return allPages(data).filter((p) => p.endsWith('/') && !repeats.has(p) && !left.has(p));
}

export interface Plan {
  /** Pages and files to render again. */
  readonly render: readonly string[];
  /** Report pages that no longer exist (a withdrawn report). */
  readonly remove: readonly string[];
}

/**
 * What changes when the reports `changed` (`<unit>/<period>`) changed
 * between `before` and `after`; undefined when only a full build is safe:
 * the units changed, or a period appeared or disappeared (period lists
 * and the latest period show on every kind of page).
 */
export function affectedPages(
  before: SiteData,
  after: SiteData,
  changed: readonly string[],
  unitsChanged: boolean,
  dueChanged = false,
): Plan | undefined {
  const ids = (periods: readonly Period[]) => periods.map((p) => p.id).join(' ');
  if (unitsChanged || ids(before.periods) !== ids(after.periods)) return undefined;
  if (before.latest?.id !== after.latest?.id) return undefined;

  const units = new Set<string>();
  const periods = new Set<string>();
  const reports = new Set<string>();
  const remove: string[] = [];
  const areas = new Set<string>();
  const provinces = new Set<string>();
  for (const key of changed) {
    const [unitId = '', periodId = ''] = key.split('/');
    const unit = after.units.get(unitId);
    if (!unit) return undefined;
    units.add(unitId);
    areas.add(provincePage(unit.province));
    provinces.add(unit.province);
    if (unit.district)
      areas.add(districtPage({ province: unit.province, district: unit.district }));
    for (const peer of peersOf(unit, after)) units.add(peer.id);
    for (const u of after.unitList) if (u.province === unit.province) units.add(u.id);
    for (const next of successors(unitId, after.unitList)) units.add(next.unit.id);
    periods.add(periodId);
    for (const q of after.periods) if (previousPeriod(q)?.id === periodId) periods.add(q.id);
    const page = reportPage(unitId, periodId);
    if (unit.reports.some((r) => r.period === periodId)) reports.add(page);
    else remove.push(page);
  }
  // A ranking that gains or loses a page: the pages of before are not all rendered again.
  for (const p of periods)
    for (const d of INDICATORS)
      if (rankingPageCount(before, d, p) !== rankingPageCount(after, d, p)) return undefined;
  const changes = reportChanges(before, after, changed);
  const known = new Set(after.periods.map((p) => p.id));
  // Who has reported a period: its reports' first publication days, or all on new due dates.
  const reporting = reportingPeriods(after)
    .map((p) => p.id)
    .filter((p) => dueChanged || showsChanged(changes, shows.reporting, [p]));
  // Of the pages of the rankings the changed reports take part in, those that show something else.
  const rankings = [...periods]
    .filter((p) => known.has(p))
    .flatMap((p) =>
      INDICATORS.flatMap((d) =>
        changedRankingPages(before, after, d, p, changes).flatMap((page) => [
          ...inLangs(rankingPage(d.id, p, page)),
          ...(page === 1 && p === after.latest?.id ? inLangs(indicatorPage(d.id)) : []),
        ]),
      ),
    );
  // Of the units a report could touch, those whose pages show something else.
  const touched = new Set(changes.map((c) => c.unit));
  const unitChanges = [...units].flatMap((id) => {
    const was = before.units.get(id);
    const now = after.units.get(id);
    if (!was || !now) return unitPages(id);
    return [
      ...(sameInputs(unitPageInputs(was, before, touched), unitPageInputs(now, after, touched))
        ? []
        : inLangs(unitPage(id))),
      ...(sameInputs(unitBriefInputs(was, before), unitBriefInputs(now, after))
        ? []
        : inLangs(unitBrief(id))),
      ...(sameInputs(unitDataInputs(was), unitDataInputs(now))
        ? []
        : [unitData(id, 'csv'), unitData(id, 'json')]),
    ];
  });
  return {
    render: [
      ...globalPages(after, changes, dueChanged),
      ...rankings,
      ...reporting.flatMap(reportingPages),
      // A period's list in a province: the provinces of the reports that changed, or all on new due dates.
      ...reporting.flatMap((p) =>
        dueChanged
          ? reportingProvincePages(p, after)
          : [...provinces].flatMap((name) => inLangs(reportingProvincePage(p, name))),
      ),
      // Who has reported shows on every area's page: its due dates change them all.
      ...(dueChanged ? areaPages(after) : [...areas].flatMap(inLangs)),
      ...unitChanges,
      ...reports,
    ],
    remove,
  };
}
