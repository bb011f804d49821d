/**
 * Who has reported each period (/cong-bo/): every unit expected to report
 * it, as published on time, late, or not yet, by province and district,
 * computed with packages/indicators from the reports' first publication
 * days and due.yaml. Kept per content snapshot and period.
 */
import {
  reportingRows,
  summarizeReporting,
  type Period,
  type ReportingRow,
  type ReportingSummary,
} from '@congkhai/indicators';
import { collator, type SiteData } from './site-data.ts';

export interface ReportingGroup {
  readonly name: string;
  readonly rows: readonly ReportingRow[];
  readonly summary: ReportingSummary;
}

export interface ProvinceReporting extends ReportingGroup {
  /** Districts of before 1 July 2025; units without one are under `current`. */
  readonly districts: readonly ReportingGroup[];
  readonly current: readonly ReportingRow[];
}

export interface PeriodReporting {
  readonly period: Period;
  /** The national due date, when one is set. */
  readonly due: string | undefined;
  readonly rows: readonly ReportingRow[];
  readonly summary: ReportingSummary;
  readonly provinces: readonly ProvinceReporting[];
}

const cache = new WeakMap<SiteData, Map<string, PeriodReporting>>();

const group = (name: string, rows: readonly ReportingRow[]): ReportingGroup => ({
  name,
  rows,
  summary: summarizeReporting(rows),
});

export function reportingOf(data: SiteData, period: Period): PeriodReporting {
  let perData = cache.get(data);
  if (!perData) cache.set(data, (perData = new Map<string, PeriodReporting>()));
  const hit = perData.get(period.id);
  if (hit) return hit;
  const reports = new Map((data.byPeriod.get(period.id) ?? []).map((r) => [r.unit, r]));
  const rows = reportingRows(data.unitList, period, reports, (u) => data.dueOf(period.id, u));
  const byProvince = new Map<string, ReportingRow[]>();
  for (const r of rows) {
    const list = byProvince.get(r.unit.province) ?? [];
    list.push(r);
    byProvince.set(r.unit.province, list);
  }
  const provinces = [...byProvince]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([name, list]): ProvinceReporting => {
      const districts = new Map<string, ReportingRow[]>();
      for (const r of list) {
        if (!r.unit.district) continue;
        const d = districts.get(r.unit.district) ?? [];
        d.push(r);
        districts.set(r.unit.district, d);
      }
      return {
        ...group(name, list),
        current: list.filter((r) => !r.unit.district),
        districts: [...districts]
          .sort(([a], [b]) => collator.compare(a, b))
          .map(([d, l]) => group(d, l)),
      };
    });
  const out: PeriodReporting = {
    period,
    due: data.due.find((d) => d.period === period.id && d.province === '')?.due,
    rows,
    summary: summarizeReporting(rows),
    provinces,
  };
  perData.set(period.id, out);
  return out;
}
