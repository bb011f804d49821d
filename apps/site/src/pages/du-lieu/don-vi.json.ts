/** The unit list the compare page searches, with names folded for search without diacritics. */
import { foldVietnamese, unitKindLabel } from '@congkhai/indicators';
import type { APIRoute } from 'astro';
import { peersOf, siteData } from '../../lib/site-data.ts';

export const GET: APIRoute = async () => {
  const data = await siteData();
  const units = data.unitList
    .filter((u) => u.reports.length > 0)
    .map((u) => ({
      id: u.id,
      name: u.name,
      kind: { vi: unitKindLabel(u.kind).vi, en: unitKindLabel(u.kind).en },
      district: u.district ?? null,
      province: u.province,
      search: foldVietnamese(`${u.name} ${u.district ?? ''} ${u.province}`),
      peers: peersOf(u, data)
        .slice(0, 5)
        .map((p) => p.id),
    }));
  return new Response(JSON.stringify(units), { headers: { 'Content-Type': 'application/json' } });
};
