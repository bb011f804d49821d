/**
 * For the renderer only (src/build/), never written to the site: reads
 * the content again and answers which addresses to render. `full` asks
 * for every address with every file parsed again; otherwise the answer is
 * what the reports changed since the last call touch, or every address
 * when only a full build is safe. A content error answers 422 with the
 * file, line and column.
 */
import type { APIRoute } from 'astro';
import { ContentError } from '../../lib/content.ts';
import { fileOf } from '../../build/release.ts';
import { affectedPages, allPages, reportPage, sitemapPages } from '../../lib/routes.ts';
import { refreshSiteData, siteData } from '../../lib/site-data.ts';

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
}

export const POST: APIRoute = async ({ request }) => {
  const { full = false } = (await request.json()) as { full?: boolean };
  const before = full ? undefined : await siteData().catch(() => undefined);
  let refresh;
  try {
    refresh = await refreshSiteData(full);
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    return new Response(JSON.stringify({ error: e.message }), { status: 422 });
  }
  const { data, changed, unitsChanged, dueChanged, boundariesChanged } = refresh;
  const partial =
    before && affectedPages(before, data, changed, unitsChanged || boundariesChanged, dueChanged);
  const plan: RenderPlan = {
    full: !partial,
    render: partial ? partial.render : allPages(data),
    remove: partial ? partial.remove : [],
    changed,
    reports: data.reports.length,
    reportKeys: data.reports.map((r) => `${r.unit}/${r.period}`),
    required: ['index.html', ...data.reports.map((r) => fileOf(reportPage(r.unit, r.period)))],
    pages: sitemapPages(data).length + 1, // and 404.html
  };
  return new Response(JSON.stringify(plan), { headers: { 'Content-Type': 'application/json' } });
};
