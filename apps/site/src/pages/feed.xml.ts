/** An Atom feed of the newest published reports. */
import { periodLabel, unitTitle } from '@congkhai/indicators';
import type { APIRoute } from 'astro';
import { siteUrl } from '../env.ts';
import { escapeMarkup } from '../lib/markup.ts';
import { siteData } from '../lib/site-data.ts';

export const GET: APIRoute = async () => {
  const data = await siteData();
  const base = siteUrl();
  const when = (r: (typeof data.reports)[number]) =>
    r.issued && r.issued.length === 10 ? r.issued : r.periodInfo.end;
  const newest = [...data.reports].sort((a, b) => when(b).localeCompare(when(a))).slice(0, 50);
  const updated = newest[0] ? `${when(newest[0])}T00:00:00Z` : new Date(0).toISOString();
  const entries = newest.map((r) => {
    const u = data.units.get(r.unit);
    const url = new URL(`/xa/${r.unit}/${r.period}/`, base).href;
    const name = `${u ? unitTitle(u) : r.unit} — ${periodLabel(r.periodInfo)}`;
    return `  <entry>
    <id>${escapeMarkup(url)}</id>
    <title>${escapeMarkup(name)}</title>
    <link href="${escapeMarkup(url)}"/>
    <updated>${when(r)}T00:00:00Z</updated>
    <summary>${escapeMarkup(r.title)}</summary>
  </entry>`;
  });
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
  <id>${escapeMarkup(new URL('/', base).href)}</id>
  <title>Công khai — báo cáo mới công bố</title>
  <link href="${escapeMarkup(new URL('/feed.xml', base).href)}" rel="self"/>
  <link href="${escapeMarkup(new URL('/', base).href)}"/>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
