/** One indicator for every unit and standard period: what the compare page charts. */
import { INDICATORS } from '@congkhai/indicators';
import type { APIRoute } from 'astro';
import { indicatorData } from '~/lib/compare-data.ts';
import { siteData } from '~/lib/site-data.ts';

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const id = (params.file ?? '').replace(/\.json$/, '');
  const def = INDICATORS.find((d) => d.id === id);
  if (!def) return new Response('Not found', { status: 404 });
  return new Response(JSON.stringify(indicatorData(def, data)), {
    headers: { 'Content-Type': 'application/json' },
  });
};
