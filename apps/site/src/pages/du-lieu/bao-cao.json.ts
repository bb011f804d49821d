import type { APIRoute } from 'astro';
import { json } from '../../lib/open-data.ts';
import { siteData } from '../../lib/site-data.ts';

export const GET: APIRoute = async () => {
  const data = await siteData();
  return new Response(json(data.unitList), {
    headers: { 'Content-Type': 'application/json' },
  });
};
