/** Every HTML page of the site, for search engines; the list comes from the route catalog. */
import type { APIRoute } from 'astro';
import { siteUrl } from '../env.ts';
import { sitemapPages } from '../lib/routes.ts';
import { siteData } from '../lib/site-data.ts';

export const GET: APIRoute = async () => {
  const base = siteUrl();
  const urls = sitemapPages(await siteData()).map(
    (p) => `<url><loc>${new URL(p, base).href}</loc></url>`,
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
