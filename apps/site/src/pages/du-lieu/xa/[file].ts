/** Per unit: `/du-lieu/xa/<unit>.csv` and `.json`. */
import type { APIRoute } from 'astro';
import { bytesResponse, csv, json } from '~/lib/open-data.ts';
import { siteData } from '~/lib/site-data.ts';

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const file = params.file ?? '';
  const unit = data.units.get(file.replace(/\.(csv|json)$/, ''));
  if (!unit) return new Response('Not found', { status: 404 });
  return file.endsWith('.csv')
    ? bytesResponse(csv(data, [unit]), 'text/csv; charset=utf-8')
    : bytesResponse(json(data, [unit]), 'application/json');
};
