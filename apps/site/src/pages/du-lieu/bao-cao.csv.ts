import type { APIRoute } from 'astro';
import { bytesResponse, csv } from '~/lib/open-data.ts';
import { siteData } from '~/lib/site-data.ts';

export const GET: APIRoute = async () => {
  const data = await siteData();
  return bytesResponse(csv(data, data.unitList), 'text/csv; charset=utf-8');
};
