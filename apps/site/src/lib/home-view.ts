/**
 * What the home page shows of the data, computed once per load of the
 * data and shared by both languages: the latest period's sums, the movers
 * of the online intake rate since the period before, and the newest
 * reports. A publish renders the home page in both languages; sorting
 * 25,000 reports for the newest ten, twice, was a fifth of a publish's
 * rendering at 3,300 units.
 */
import {
  aggregateCounts,
  previousPeriod,
  type CountAggregate,
  type Period,
} from '@congkhai/indicators';
import type { SiteData, SiteReport, SiteUnit } from './site-data.ts';

/** The indicator whose movers the home page lists: the one that moves most between periods. */
export const MOVER = 'online_intake_rate' as const;

export interface Move {
  readonly unit: SiteUnit;
  readonly delta: number;
}

export interface HomeView {
  readonly counts: CountAggregate;
  readonly prev: Period | undefined;
  readonly best: readonly Move[];
  readonly worst: readonly Move[];
  readonly newest: readonly SiteReport[];
}

/** Newest first: by the day issued (else the period's end), then the period's end. */
const newer = (a: SiteReport, b: SiteReport) =>
  (b.issued ?? b.periodInfo.end).localeCompare(a.issued ?? a.periodInfo.end) ||
  b.periodInfo.end.localeCompare(a.periodInfo.end);

/**
 * The first `n` of `items` as a stable sort by `cmp` would order them, in
 * one pass: each item goes after those it does not precede, ties in the
 * order given.
 */
export function firstSorted<T>(items: Iterable<T>, cmp: (a: T, b: T) => number, n: number): T[] {
  const top: T[] = [];
  for (const x of items) {
    const last = top[n - 1];
    if (last !== undefined && top.length === n && cmp(last, x) <= 0) continue;
    let i = top.length;
    for (let y = top[i - 1]; y !== undefined && cmp(y, x) > 0; y = top[i - 1]) i--;
    top.splice(i, 0, x);
    if (top.length > n) top.pop();
  }
  return top;
}

const cache = new WeakMap<SiteData, HomeView>();

export function homeView(data: SiteData): HomeView {
  let view = cache.get(data);
  if (view) return view;
  const latest = data.latest;
  const reports = latest ? (data.byPeriod.get(latest.id) ?? []) : [];
  const prev = latest ? previousPeriod(latest) : undefined;
  const before = new Map(
    (prev ? (data.byPeriod.get(prev.id) ?? []) : []).map((r) => [r.unit, r.indicators[MOVER]]),
  );
  const moves = reports
    .map((r) => {
      const now = r.indicators[MOVER];
      const was = before.get(r.unit);
      return now.ok && was?.ok
        ? { unit: data.units.get(r.unit), delta: now.value - was.value }
        : undefined;
    })
    .filter((m): m is Move => m?.unit !== undefined)
    .sort((a, b) => b.delta - a.delta || a.unit.name.localeCompare(b.unit.name, 'vi'));
  view = {
    counts: aggregateCounts(reports.map((r) => r.metrics)),
    prev,
    // A move that rounds to ±0,0 points in the table is not a move.
    best: moves.filter((m) => m.delta >= 0.0005).slice(0, 5),
    worst: moves
      .filter((m) => m.delta <= -0.0005)
      .slice(-5)
      .reverse(),
    newest: firstSorted(data.reports, newer, 10),
  };
  cache.set(data, view);
  return view;
}
