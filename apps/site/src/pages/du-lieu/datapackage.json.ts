import type { APIRoute } from 'astro';
import { siteUrl } from '~/env.ts';
import { datapackage } from '~/lib/open-data.ts';
import { siteData } from '~/lib/site-data.ts';

export const GET: APIRoute = async () => {
  const data = await siteData();
  return new Response(JSON.stringify(datapackage(data, siteUrl()), null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });
};
