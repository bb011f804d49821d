/** The sitemap index (one sitemap: the site stays under 50,000 pages per file at 3,300 units). */
import type { APIRoute } from 'astro';
import { siteUrl } from '../env.ts';
import { sitemapFile } from '../lib/addresses.ts';

export const GET: APIRoute = () => {
  const base = siteUrl();
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${new URL(sitemapFile(), base).href}</loc></sitemap></sitemapindex>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
