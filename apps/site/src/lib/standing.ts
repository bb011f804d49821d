/**
 * A unit's standing for its latest report: per indicator and for the
 * composite score, its rank and median in its district and in its province
 * among the units with a report of the same period (packages/indicators
 * computes; this gathers the values). A unit's page therefore depends on
 * every unit of its province (see routes.ts).
 */
import {
  INDICATORS,
  standingOf,
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

export function standingRows(unit: SiteUnit, report: SiteReport, data: SiteData): StandingRow[] {
  // A report with an impossible figure has no rank, and is no one's peer in a rank or a median.
  if (report.impossible) return [];
  const others = (data.byPeriod.get(report.period) ?? []).filter((r) => !r.impossible);
  const inProvince = others.filter((r) => data.units.get(r.unit)?.province === unit.province);
  const inDistrict = unit.district
    ? inProvince.filter((r) => data.units.get(r.unit)?.district === unit.district)
    : [];
  const items = (list: readonly SiteReport[], m: (typeof MEASURES)[number]) =>
    list.map((r) => ({
      key: r.unit,
      name: data.units.get(r.unit)?.name ?? r.unit,
      value: m.value(r),
    }));
  // Only what the report states: a row of dashes says nothing.
  return MEASURES.filter((m) => m.better !== 'neutral' && m.value(report) !== null).map((m) => ({
    id: m.id,
    label: m.label,
    kind: m.kind,
    value: m.value(report),
    district:
      inDistrict.length > 0 ? standingOf(unit.id, items(inDistrict, m), m.better) : undefined,
    province: standingOf(unit.id, items(inProvince, m), m.better),
  }));
}
