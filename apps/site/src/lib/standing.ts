/**
 * A unit's standing for its latest report: per indicator and for the
 * composite score, its rank and median in its district and in its province
 * among the units with a report of the same period (packages/indicators
 * computes; this gathers the values). A unit's page therefore depends on
 * every unit of its province (see routes.ts).
 */
import {
  INDICATORS,
  standingsOf,
  type Direction,
  type Standing,
  type Text,
} from '@congkhai/indicators';
import type { SiteData, SiteReport, SiteUnit } from './site-data.ts';

export interface StandingRow {
  readonly id: string;
  readonly label: Text;
  /** A rate (0..1) or points out of 100. */
  readonly kind: 'rate' | 'score';
  readonly value: number | null;
  readonly district: Standing | undefined;
  readonly province: Standing | undefined;
}

const MEASURES: readonly {
  id: string;
  label: Text;
  kind: 'rate' | 'score';
  better: Direction;
  value: (r: SiteReport) => number | null;
}[] = [
  ...INDICATORS.map((d) => ({
    id: d.id,
    label: d.label,
    kind: 'rate' as const,
    better: d.better,
    value: (r: SiteReport) => {
      const x = r.indicators[d.id];
      return x.ok ? x.value : null;
    },
  })),
  {
    id: 'score',
    label: { vi: 'Điểm tổng hợp', en: 'Composite score' },
    kind: 'score',
    better: 'higher',
    value: (r) => r.score.value,
  },
];

/**
 * The standings of every unit of an area (a province, or a district of it)
 * for a period, per measure: computed once per load of the data, not once
 * per unit page (each unit of a province would rank the whole province).
 */
const areaStandings = new WeakMap<SiteData, Map<string, Map<string, Map<string, Standing>>>>();

function standingsIn(
  data: SiteData,
  period: string,
  province: string,
  district: string | undefined,
): Map<string, Map<string, Standing>> {
  let byArea = areaStandings.get(data);
  if (!byArea) {
    byArea = new Map();
    areaStandings.set(data, byArea);
  }
  const key = JSON.stringify([period, province, district ?? null]);
  let found = byArea.get(key);
  if (!found) {
    const list = byAreaOf(data, period).get(JSON.stringify([province, district ?? null])) ?? [];
    found = new Map(
      MEASURES.map((m) => [
        m.id,
        standingsOf(
          list.map((r) => ({
            key: r.unit,
            name: data.units.get(r.unit)?.name ?? r.unit,
            value: m.value(r),
          })),
          m.better,
        ),
      ]),
    );
    byArea.set(key, found);
  }
  return found;
}

const periodAreas = new WeakMap<SiteData, Map<string, Map<string, SiteReport[]>>>();

/**
 * A period's reports by province and by district of it (keyed
 * `[province, district | null]`), in the period's order: one pass over the
 * period per load of the data, rather than one per area asked for (every
 * unit page of a province asks for its district's). A report with an
 * impossible figure is no one's peer in a rank or a median.
 */
function byAreaOf(data: SiteData, period: string): Map<string, SiteReport[]> {
  let byPeriod = periodAreas.get(data);
  if (!byPeriod) periodAreas.set(data, (byPeriod = new Map<string, Map<string, SiteReport[]>>()));
  let areas = byPeriod.get(period);
  if (areas) return areas;
  areas = new Map();
  const add = (key: string, r: SiteReport) => {
    const list = areas.get(key);
    if (list) list.push(r);
    else areas.set(key, [r]);
  };
  for (const r of data.byPeriod.get(period) ?? []) {
    if (r.impossible) continue;
    const u = data.units.get(r.unit);
    if (!u) continue;
    add(JSON.stringify([u.province, null]), r);
    if (u.district !== undefined) add(JSON.stringify([u.province, u.district]), r);
  }
  byPeriod.set(period, areas);
  return areas;
}

export function standingRows(unit: SiteUnit, report: SiteReport, data: SiteData): StandingRow[] {
  // A report with an impossible figure has no rank.
  if (report.impossible) return [];
  const province = standingsIn(data, report.period, unit.province, undefined);
  const district = unit.district
    ? standingsIn(data, report.period, unit.province, unit.district)
    : undefined;
  // Only what the report states: a row of dashes says nothing.
  return MEASURES.filter((m) => m.better !== 'neutral' && m.value(report) !== null).map((m) => ({
    id: m.id,
    label: m.label,
    kind: m.kind,
    value: m.value(report),
    district: district?.get(m.id)?.get(unit.id),
    province: province.get(m.id)?.get(unit.id),
  }));
}
