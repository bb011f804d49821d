/** The unit list the compare page searches, with names folded for search without diacritics. */
import type { APIRoute } from 'astro';
import { unitEntry } from '~/lib/compare-data.ts';
import { siteData } from '~/lib/site-data.ts';

export const GET: APIRoute = async () => {
  const data = await siteData();
  const units = data.unitList.filter((u) => u.reports.length > 0).map((u) => unitEntry(u, data));
  return new Response(JSON.stringify(units), { headers: { 'Content-Type': 'application/json' } });
};
