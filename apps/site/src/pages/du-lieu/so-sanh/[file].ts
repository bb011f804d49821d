/** `/du-lieu/so-sanh/vi.csv` and `en.csv`: the compare page's default view, for its download link without JavaScript. */
import type { APIRoute } from 'astro';
import { defaultCsv } from '~/lib/compare-data.ts';
import { siteData } from '~/lib/site-data.ts';

export const GET: APIRoute = async ({ params }) => {
  const locale = params.file === 'vi.csv' ? 'vi' : params.file === 'en.csv' ? 'en' : undefined;
  if (!locale) return new Response('Not found', { status: 404 });
  return new Response(defaultCsv(await siteData(), locale), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
