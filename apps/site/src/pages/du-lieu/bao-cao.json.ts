import type { APIRoute } from 'astro';
import { bytesResponse, json } from '~/lib/open-data.ts';
import { siteData } from '~/lib/site-data.ts';

export const GET: APIRoute = async () => {
  const data = await siteData();
  return bytesResponse(json(data, data.unitList), 'application/json');
};
