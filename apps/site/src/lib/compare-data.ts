/**
 * What the compare page works with: the unit list it searches and one
 * indicator's figures per unit and period. Served as JSON files for the
 * page's script, and given to the page itself for its default units, so
 * that it reads before any fetch and without JavaScript.
 */
import {
  INDICATORS,
  foldVietnamese,
  periodLabel,
  periodShortLabel,
  unitKindLabel,
  type IndicatorDefinition,
  type Locale,
} from '@congkhai/indicators';
import { chartCsv } from './chart-svg.ts';
import { unitLabel, type IndicatorFigures, type UnitEntry } from './compare-shared.ts';
import { peersOf, type SiteData, type SiteUnit } from './site-data.ts';

export function unitEntry(u: SiteUnit, data: SiteData): UnitEntry {
  return {
    id: u.id,
    name: u.name,
    kind: { vi: unitKindLabel(u.kind).vi, en: unitKindLabel(u.kind).en },
    district: u.district ?? null,
    province: u.province,
    search: foldVietnamese(`${u.name} ${u.district ?? ''} ${u.province}`),
    peers: peersOf(u, data)
      .slice(0, 5)
      .map((p) => p.id),
  };
}

/** One indicator over every standard period, for the units given (all by default). */
export function indicatorData(
  def: IndicatorDefinition,
  data: SiteData,
  units: readonly SiteUnit[] = data.unitList,
): IndicatorFigures & { indicator: { id: string; label: Record<Locale, string>; better: string } } {
  const periods = data.periods.filter((p) => p.kind !== 'range');
  const index = new Map(periods.map((p, i) => [p.id, i]));
  const values: Record<string, (number | null)[]> = {};
  for (const u of units) {
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
  return {
    indicator: { id: def.id, label: def.label, better: def.better },
    periods: periods.map((p) => ({
      id: p.id,
      vi: periodLabel(p, 'vi'),
      en: periodLabel(p, 'en'),
      short: { vi: periodShortLabel(p, 'vi'), en: periodShortLabel(p, 'en') },
    })),
    values,
  };
}

/**
 * The comparison the page opens on, rendered on the server (so it reads
 * without JavaScript): the first unit with reports over several periods
 * and up to four others of its district, on the online intake rate.
 */
export function defaultView(data: SiteData) {
  const first =
    data.unitList.find((u) => u.reports.length > 1) ??
    data.unitList.find((u) => u.reports.length > 0);
  const units = first
    ? [
        first,
        ...peersOf(first, data)
          .filter((u) => u.reports.length > 0)
          .slice(0, 4),
      ]
    : [];
  const def = INDICATORS.find((d) => d.id === 'online_intake_rate') ?? INDICATORS[0];
  return {
    units,
    def,
    entries: units.map((u) => unitEntry(u, data)),
    figures: indicatorData(def, data, units),
  };
}

/** The CSV of the default view: the same file the page's script makes of what it shows. */
export function defaultCsv(data: SiteData, locale: Locale): string {
  const { entries, figures } = defaultView(data);
  return chartCsv(
    figures.periods.map((p) => ({ id: p.id, label: p.short[locale] })),
    entries.map((u) => ({
      label: unitLabel(u, locale),
      data: figures.values[u.id] ?? figures.periods.map(() => null),
    })),
  );
}
