import type { APIRoute } from 'astro';
import { datapackage } from '../../lib/open-data.ts';
import { siteData } from '../../lib/site-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = await siteData();
  return new Response(
    JSON.stringify(datapackage(data, site ?? new URL('http://localhost/')), null, 2),
    {
      headers: { 'Content-Type': 'application/json' },
    },
  );
};
