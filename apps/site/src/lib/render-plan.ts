/**
 * What the renderer renders next: a plain function of the route catalog
 * (routes.ts) and the content. It reads the content again; `full` asks
 * for every address with every file parsed again, otherwise the answer is
 * what the reports changed since the last call touch, or every address
 * when only a full build is safe. A content error (ContentError) names
 * the file, line and column.
 *
 * It runs inside the built server (the renderer's entry exports it), so
 * that the content it reads is the very copy the pages render from.
 */
import { homePage, reportPage } from './addresses.ts';
import { affectedPages, allPages, fileOf, sitemapPages } from './routes.ts';
import { refreshSiteData, siteData, type SiteData } from './site-data.ts';

export interface RenderPlan {
  readonly full: boolean;
  readonly render: readonly string[];
  readonly remove: readonly string[];
  /** Reports added, changed or removed since the last plan. */
  readonly changed: readonly string[];
  readonly reports: number;
  /** Every report of the content this plan read (`<unit>/<period>`): what the build is checked against. */
  readonly reportKeys: readonly string[];
  /** Files the release must hold once this plan is rendered: the home page and every report's page. */
  readonly required: readonly string[];
  /** HTML pages the whole site has after this build. */
  readonly pages: number;
  /** Milliseconds spent reading the content (with the figures derived from it) and planning. */
  readonly ms?: { readonly content: number; readonly plan: number };
}

/** HTML pages of the site for some data (the sitemap's and 404.html), kept per data. */
const pageCounts = new WeakMap<SiteData, number>();
function pagesOf(data: SiteData): number {
  let n = pageCounts.get(data);
  if (n === undefined) pageCounts.set(data, (n = sitemapPages(data).length + 1));
  return n;
}

/**
 * The same after a publish that needs no full build: only the reports
 * came and went (each its one page), not the units, the periods or the
 * rankings' pages. Listing the 32,000 pages again took 0.1 s a publish.
 */
function pagesAfter(before: SiteData, after: SiteData, changed: readonly string[]): number {
  const has = (data: SiteData, key: string) => {
    const [unit = '', period = ''] = key.split('/');
    return data.units.get(unit)?.reports.some((r) => r.period === period) === true;
  };
  let n = pagesOf(before);
  for (const key of changed) n += Number(has(after, key)) - Number(has(before, key));
  pageCounts.set(after, n);
  return n;
}

export async function renderPlan(full: boolean): Promise<RenderPlan> {
  const started = performance.now();
  const before = full ? undefined : await siteData().catch(() => undefined);
  const { data, changed, unitsChanged, dueChanged, boundariesChanged } =
    await refreshSiteData(full);
  const loaded = performance.now();
  const partial =
    before && affectedPages(before, data, changed, unitsChanged || boundariesChanged, dueChanged);
  const plan = {
    full: !partial,
    render: partial ? partial.render : allPages(data),
    remove: partial ? partial.remove : [],
    changed,
    reports: data.reports.length,
    reportKeys: data.reports.map((r) => `${r.unit}/${r.period}`),
    required: [
      fileOf(homePage()),
      ...data.reports.map((r) => fileOf(reportPage(r.unit, r.period))),
    ],
    pages: before && partial ? pagesAfter(before, data, changed) : pagesOf(data),
  };
  return { ...plan, ms: { content: loaded - started, plan: performance.now() - loaded } };
}
