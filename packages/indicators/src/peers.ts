/**
 * A unit among its peers (its district, its province): its rank, how many
 * it does better than, and the median, for one indicator; and the points of
 * the composite score still to gain, group by group.
 */
import type { Direction } from './catalog.ts';
import { rank } from './ranking.ts';
import { SCORE_GROUPS, type CompositeScore, type ScoreGroupId } from './score.ts';

export interface Standing {
  /** 1 = best; ties share a rank. */
  readonly rank: number;
  /** Whether another unit shares the rank. */
  readonly tied: boolean;
  /** Units with a value, the unit included. */
  readonly of: number;
  /** Share of the other units with a value that this one does strictly better than (0..1); null when alone. */
  readonly betterThan: number | null;
  readonly median: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * Where `key` stands among `items` (which include it) by value, or
 * undefined when it has no value.
 */
export function standingOf(
  key: string,
  items: readonly { key: string; name: string; value: number | null | undefined }[],
  better: Direction,
): Standing | undefined {
  return standingsOf(items, better).get(key);
}

/**
 * Where each of `items` with a value stands among them, by key: one
 * ranking for all (a unit's page asks for every unit of its province, and
 * a province is asked for by each of its units).
 */
export function standingsOf(
  items: readonly { key: string; name: string; value: number | null | undefined }[],
  better: Direction,
): Map<string, Standing> {
  const { ranked } = rank(items, better);
  const mid = median(ranked.map((r) => r.value));
  const out = new Map<string, Standing>();
  // Ranked best first, ties side by side: the units worse than a tie are those after its last.
  let end = 0;
  ranked.forEach((me, i) => {
    if (i >= end) {
      end = i + 1;
      while (end < ranked.length && ranked[end]?.value === me.value) end++;
    }
    if (out.has(me.key)) return; // the first of a key counts, as a search for it finds
    out.set(me.key, {
      rank: me.rank,
      tied: me.tied,
      of: ranked.length,
      betterThan: ranked.length > 1 ? (ranked.length - end) / (ranked.length - 1) : null,
      median: mid ?? me.value,
    });
  });
  return out;
}

export interface ScoreGap {
  readonly group: ScoreGroupId;
  /** The group's weight in the national index. */
  readonly points: number;
  /** Points still to gain; null when the report has no figure for the group. */
  readonly toGain: number | null;
}

/** Per score group: the points a report leaves on the table, largest first, unmeasured groups last. */
export function scoreGaps(score: CompositeScore): ScoreGap[] {
  return SCORE_GROUPS.map((g): ScoreGap => {
    const r = score.groups.find((x) => x.group === g.id);
    return {
      group: g.id,
      points: g.points,
      toGain: r?.covered ? Math.max(0, r.possible - r.earned) : null,
    };
  }).sort((a, b) => (b.toGain ?? -1) - (a.toGain ?? -1));
}
