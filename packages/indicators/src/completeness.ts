/**
 * Who has reported a period, in public: each unit expected to report it
 * is published on time (on or before its due date), published late, published
 * (no due date, or a report from before publication days were recorded),
 * or not yet reported; and the shares by any grouping (province, district).
 */
import type { Period } from './period.ts';
import type { Unit } from './unit.ts';

export type ReportingStatus = 'on_time' | 'late' | 'published' | 'missing';

export interface ReportingRow {
  readonly unit: Unit;
  readonly status: ReportingStatus;
  readonly due?: string;
  /** `YYYY-MM-DD` of first publication, when recorded. */
  readonly published?: string;
  /** Days after the due date a late report came. */
  readonly daysLate?: number;
}

export interface ReportingSummary {
  /** Units expected to report (those that existed at the period's end, and any that reported it). */
  readonly expected: number;
  readonly onTime: number;
  readonly late: number;
  /** Published with no due date or no recorded day to judge by. */
  readonly undated: number;
  readonly missing: number;
  /** Reported on time out of expected; null when nothing is expected. */
  readonly onTimeShare: number | null;
  /** Reported at all out of expected. */
  readonly reportedShare: number | null;
}

/** Whether a unit existed on the period's last day, so it was due to report it. */
export function expectedToReport(unit: Unit, period: Period): boolean {
  return (
    (!unit.validFrom || unit.validFrom <= period.end) &&
    (!unit.validTo || unit.validTo >= period.end)
  );
}

const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function reportingStatus(
  unit: Unit,
  report: { readonly published?: string } | undefined,
  due: string | undefined,
): ReportingRow {
  const dueField = due ? { due } : {};
  if (!report) return { unit, status: 'missing', ...dueField };
  const published = report.published;
  if (!published || !due)
    return { unit, status: 'published', ...dueField, ...(published ? { published } : {}) };
  return published <= due
    ? { unit, status: 'on_time', due, published }
    : { unit, status: 'late', due, published, daysLate: days(due, published) };
}

/**
 * Every unit's status for a period. `reports` maps unit id to its report
 * of the period; `dueOf` gives a unit's due date (its province's or the national one).
 */
export function reportingRows(
  units: readonly Unit[],
  period: Period,
  reports: ReadonlyMap<string, { readonly published?: string }>,
  dueOf: (unit: Unit) => string | undefined,
): ReportingRow[] {
  return units
    .filter((u) => reports.has(u.id) || expectedToReport(u, period))
    .map((u) => reportingStatus(u, reports.get(u.id), dueOf(u)));
}

export function summarizeReporting(rows: readonly ReportingRow[]): ReportingSummary {
  const count = (s: ReportingStatus) => rows.filter((r) => r.status === s).length;
  const expected = rows.length;
  const onTime = count('on_time');
  const missing = count('missing');
  return {
    expected,
    onTime,
    late: count('late'),
    undated: count('published'),
    missing,
    onTimeShare: expected === 0 ? null : onTime / expected,
    reportedShare: expected === 0 ? null : (expected - missing) / expected,
  };
}
