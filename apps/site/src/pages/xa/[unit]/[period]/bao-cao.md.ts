/** The published report file itself, in the canonical format, for download. */
import { serializeReport } from '@congkhai/report';
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../../lib/site-data.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const data = await siteData();
  return data.reports.map((r) => ({ params: { unit: r.unit, period: r.period } }));
};

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const report = data.units.get(params.unit ?? '')?.reports.find((r) => r.period === params.period);
  if (!report) return new Response('Not found', { status: 404 });
  const { key, periodInfo, indicators, score, warnings, ...plain } = report;
  return new Response(serializeReport(plain), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
};
