/** Change of a figure against the previous comparable period. */
import { statedIds, type Locale, type MetricId, type Metrics } from './catalog.ts';
import { formatPercent } from './format.ts';

export interface Change {
  readonly previous: number;
  readonly current: number;
  /** current - previous (percentage points for rates given as fractions x 100). */
  readonly absolute: number;
  /** (current - previous) / previous, or null when previous is 0. */
  readonly relative: number | null;
}

export function change(current: number, previous: number): Change {
  return {
    previous,
    current,
    absolute: current - previous,
    relative: previous === 0 ? null : (current - previous) / previous,
  };
}

/**
 * Figures that moved by more than `share` (50 % by default) against the
 * previous comparable period: each needs a one-line explanation from the
 * editor, kept with the figure and shown to the public.
 */
export function largeChanges(current: Metrics, previous: Metrics, share = 0.5): MetricId[] {
  return statedIds(current).filter((id) => {
    const now = current[id];
    const before = previous[id];
    if (now === undefined || before === undefined) return false;
    if (before === 0) return now !== 0;
    return Math.abs(now - before) / Math.abs(before) > share;
  });
}

/**
 * A relative change as people read it: "+7 %", "−12 %", "+3.400 %"
 * (Vietnamese thousands), "0 %"; null when there was nothing before (0).
 */
export function formatChange(
  current: number,
  previous: number,
  locale: Locale = 'vi',
): string | null {
  const r = change(current, previous).relative;
  if (r === null) return null;
  const pct = Math.round(r * 100);
  const text = formatPercent(Math.abs(pct), locale, 0);
  return pct > 0 ? `+${text}` : pct < 0 ? `\u2212${text}` : text;
}
