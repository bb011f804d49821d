import type { APIRoute } from 'astro';
import { bytesResponse, reportingCsv } from '~/lib/open-data.ts';
import { siteData } from '~/lib/site-data.ts';

export const GET: APIRoute = async () =>
  bytesResponse(reportingCsv(await siteData()), 'text/csv; charset=utf-8');
