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
import { collator, madeFrom, type SiteData } from './site-data.ts';

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

/**
 * The period's reporting as computed for the data this data was made from
 * (site-data.ts, madeFrom), when the change shows nothing here: the same
 * due dates, and each changed report of the period there before and
 * after, or neither, first published the same day. The rows name units
 * by the earlier objects: the same units (units.yaml did not change),
 * whose reports the rows do not read.
 */
function unchangedSince(data: SiteData, period: Period): PeriodReporting | undefined {
  const from = madeFrom(data);
  if (!from || from.before.due !== data.due) return undefined;
  const prior = cache.get(from.before)?.get(period.id);
  if (!prior) return undefined;
  const shown = (d: SiteData, unit: string) => {
    const r = d.units.get(unit)?.reports.find((x) => x.period === period.id);
    return r ? `report ${r.published ?? ''}` : '';
  };
  for (const key of from.changed) {
    const [unit = '', p = ''] = key.split('/');
    if (p === period.id && shown(from.before, unit) !== shown(data, unit)) return undefined;
  }
  return prior;
}

export function reportingOf(data: SiteData, period: Period): PeriodReporting {
  let perData = cache.get(data);
  if (!perData) cache.set(data, (perData = new Map<string, PeriodReporting>()));
  const hit = perData.get(period.id) ?? unchangedSince(data, period);
  if (hit) {
    perData.set(period.id, hit);
    return hit;
  }
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
