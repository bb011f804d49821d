/** One indicator for every unit and standard period: what the compare page charts. */
import { INDICATORS, periodLabel, periodShortLabel } from '@congkhai/indicators';
import type { APIRoute } from 'astro';
import { siteData } from '../../../lib/site-data.ts';

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const id = (params.file ?? '').replace(/\.json$/, '');
  const def = INDICATORS.find((d) => d.id === id);
  if (!def) return new Response('Not found', { status: 404 });
  const periods = data.periods.filter((p) => p.kind !== 'range');
  const index = new Map(periods.map((p, i) => [p.id, i]));
  const values: Record<string, (number | null)[]> = {};
  for (const u of data.unitList) {
    const row: (number | null)[] = periods.map(() => null);
    let any = false;
    for (const r of u.reports) {
      const i = index.get(r.period);
      const x = r.indicators[def.id];
      if (i === undefined || !x.ok) continue;
      row[i] = Number(x.value.toFixed(5));
      any = true;
    }
    if (any) values[u.id] = row;
  }
  return new Response(
    JSON.stringify({
      indicator: { id: def.id, label: def.label, better: def.better },
      periods: periods.map((p) => ({
        id: p.id,
        vi: periodLabel(p, 'vi'),
        en: periodLabel(p, 'en'),
        short: { vi: periodShortLabel(p, 'vi'), en: periodShortLabel(p, 'en') },
      })),
      values,
    }),
    { headers: { 'Content-Type': 'application/json' } },
  );
};
