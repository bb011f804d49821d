/**
 * Ranking with ties: equal values share a rank and the next rank skips
 * (1, 2, 2, 4). Units without a value are not ranked. Ties are listed in
 * Vietnamese alphabetical order of their names, so the result does not depend
 * on the order of the input.
 */
import type { Direction } from './catalog.ts';

export interface RankItem {
  readonly key: string;
  /** Shown name, used to order ties. */
  readonly name: string;
  readonly value: number | null | undefined;
}

export interface Ranked {
  readonly key: string;
  readonly name: string;
  readonly value: number;
  readonly rank: number;
  readonly tied: boolean;
}

export interface Ranking {
  readonly ranked: readonly Ranked[];
  /** Keys of the items with no value, in name order. */
  readonly unranked: readonly string[];
}

const collator = new Intl.Collator('vi');

function byName(a: RankItem, b: RankItem): number {
  return collator.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export function rank(items: readonly RankItem[], better: Direction): Ranking {
  const sign = better === 'lower' ? 1 : -1;
  const valued = items.filter(
    (i): i is RankItem & { value: number } => typeof i.value === 'number' && !Number.isNaN(i.value),
  );
  valued.sort((a, b) => (a.value === b.value ? byName(a, b) : sign * (a.value - b.value)));
  const ranked: Ranked[] = [];
  valued.forEach((item, i) => {
    const prev = ranked[i - 1];
    const rankOf = prev?.value === item.value ? prev.rank : i + 1;
    const tied = prev?.value === item.value || valued[i + 1]?.value === item.value;
    ranked.push({ key: item.key, name: item.name, value: item.value, rank: rankOf, tied });
  });
  const unranked = items
    .filter((i) => typeof i.value !== 'number' || Number.isNaN(i.value))
    .sort(byName)
    .map((i) => i.key);
  return { ranked, unranked };
}
