/**
 * The periods a unit is expected to report for, the one due first: what the
 * new-report form offers instead of asking for a period code.
 */
import { parsePeriod } from './period.ts';

export interface ExpectedPeriod {
  readonly id: string;
  /** The due date (ISO), when the cycle has one for the unit's province or the country. */
  readonly due: string | null;
}

/**
 * The two half-years a unit may be writing for, the likelier first: a
 * half-year's report is written in its last two months (the 6-month report
 * of the second half is issued in December), so from May or November on it
 * is the current half-year; before, the one just ended (late, or not yet sent).
 */
function halfYears(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const current = m <= 6 ? `${String(y)}-H1` : `${String(y)}-H2`;
  const before = m <= 6 ? `${String(y - 1)}-H2` : `${String(y)}-H1`;
  return m === 5 || m === 6 || m >= 11 ? [current, before] : [before, current];
}

/**
 * Periods with a due date (a province's own date over the country's), then
 * the half-year being written and the one just ended; none the unit has a report
 * for. Due ones come first, the earliest due first (an overdue period is the
 * most pressing); then the half-year being written, as above.
 */
export function expectedPeriods(
  today: string,
  dues: readonly { readonly period: string; readonly due: string }[],
  reported: ReadonlySet<string>,
): ExpectedPeriod[] {
  const due = new Map<string, string>();
  for (const d of dues) if (parsePeriod(d.period).ok) due.set(d.period, d.due);
  const ids = [...new Set([...due.keys(), ...halfYears(today)])].filter((id) => !reported.has(id));
  const withDue = ids
    .filter((id) => due.has(id))
    .sort((a, b) => (due.get(a) ?? '').localeCompare(due.get(b) ?? '') || a.localeCompare(b));
  const rest = halfYears(today).filter((id) => ids.includes(id) && !due.has(id));
  return [
    ...withDue.map((id) => ({ id, due: due.get(id) ?? null })),
    ...rest.map((id) => ({ id, due: null })),
  ];
}
