/**
 * What the search index is built from: one record per unit and per report,
 * as plain text. The renderer (src/build/search.ts) reads it and indexes it
 * with Pagefind; it is never written to the site. Indexing records is
 * several times faster than parsing tens of thousands of HTML pages.
 */
import { periodLabel, unitTitle } from '@congkhai/indicators';
import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site-data.ts';

export interface SearchRecord {
  readonly url: string;
  readonly title: string;
  readonly content: string;
}

/** Markdown to searchable words: markup removed, text kept. */
const plain = (md: string) => md.replace(/[#>*_`|~[\]()!-]+/g, ' ').replace(/\s+/g, ' ');

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
        title: `${unitTitle(u)} — ${periodLabel(r.periodInfo)}: ${r.title}`,
        content: `${unitTitle(u)} ${place} ${r.title} ${r.number ?? ''} ${plain(r.body)}`,
      });
    }
  }
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json' } });
};
