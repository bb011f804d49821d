import type { APIRoute } from 'astro';
import { csv } from '../../lib/open-data.ts';
import { siteData } from '../../lib/site-data.ts';

export const GET: APIRoute = async () => {
  const data = await siteData();
  return new Response(csv(data.unitList), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
