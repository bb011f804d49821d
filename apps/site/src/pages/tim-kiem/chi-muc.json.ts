/**
 * What the search index is built from: one record per unit and per report,
 * as plain text. The renderer (src/build/search.ts) reads it and indexes it
 * with Pagefind; it is never written to the site. Indexing records is
 * several times faster than parsing tens of thousands of HTML pages.
 */
import { periodLabel, unitTitle } from '@congkhai/indicators';
import type { APIRoute } from 'astro';
import { siteData, type SiteReport } from '../../lib/site-data.ts';

export interface SearchRecord {
  readonly url: string;
  readonly title: string;
  readonly content: string;
}

/** Markdown to searchable words: markup removed, text kept. */
const plain = (md: string) => md.replace(/[#>*_`|~[\]()!-]+/g, ' ').replace(/\s+/g, ' ');

/** A report's words, kept while the report is unchanged (25,000 bodies at 3,300 units). */
const words = new WeakMap<SiteReport, string>();
function plainBody(r: SiteReport): string {
  let w = words.get(r);
  if (w === undefined) {
    w = plain(r.body);
    words.set(r, w);
  }
  return w;
}

export const GET: APIRoute = async () => {
  const data = await siteData();
  const records: SearchRecord[] = [];
  for (const u of data.unitList) {
    const place = [u.district, u.province].filter(Boolean).join(', ');
    records.push({
      url: `/xa/${u.id}/`,
      title: `${unitTitle(u)} (${place})`,
      content: `${unitTitle(u)} ${place}`,
    });
    for (const r of u.reports) {
      records.push({
        url: `/xa/${u.id}/${r.period}/`,
        // The district (or province) tells apart communes of one name (two Kim Tân).
        title: `${unitTitle(u)}, ${u.district ?? u.province} — ${periodLabel(r.periodInfo)}: ${r.title}`,
        content: `${unitTitle(u)} ${place} ${r.title} ${r.number ?? ''} ${plainBody(r)}`,
      });
    }
  }
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json' } });
};
