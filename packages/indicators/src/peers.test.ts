import { describe, expect, it } from 'vitest';
import { median, scoreGaps, standingOf, standingsOf } from './peers.ts';
import { compositeScore } from './score.ts';

const items = [
  { key: 'a', name: 'A', value: 0.9 },
  { key: 'b', name: 'B', value: 0.8 },
  { key: 'c', name: 'C', value: 0.8 },
  { key: 'd', name: 'D', value: 0.5 },
  { key: 'e', name: 'E', value: null },
];

describe('standing among peers', () => {
  it('ranks with ties, counts the worse, takes the median of those with a value', () => {
    expect(standingOf('b', items, 'higher')).toEqual({
      rank: 2,
      tied: true,
      of: 4,
      betterThan: 1 / 3,
      median: 0.8,
    });
    expect(standingOf('a', items, 'higher')).toMatchObject({ rank: 1, tied: false, betterThan: 1 });
    expect(standingOf('a', items, 'lower')).toMatchObject({ rank: 4, betterThan: 0 });
    expect(standingOf('e', items, 'higher')).toBeUndefined();
    expect(
      standingOf('a', [items[0] ?? { key: 'a', name: 'A', value: 1 }], 'higher')?.betterThan,
    ).toBeNull();
  });

  it('every standing of a list at once, ties and all, as one by one', () => {
    const all = standingsOf(items, 'higher');
    expect([...all.keys()]).toEqual(['a', 'b', 'c', 'd']);
    expect(all.get('c')).toEqual({ rank: 2, tied: true, of: 4, betterThan: 1 / 3, median: 0.8 });
    expect(all.get('d')).toEqual({ rank: 4, tied: false, of: 4, betterThan: 0, median: 0.8 });
    const lower = standingsOf(items, 'lower');
    expect(lower.get('d')).toMatchObject({ rank: 1, betterThan: 1 });
    expect(lower.get('b')).toMatchObject({ rank: 2, tied: true, betterThan: 1 / 3 });
    expect(lower.get('a')).toMatchObject({ rank: 4, betterThan: 0 });
    expect(standingsOf([], 'higher').size).toBe(0);
  });

  it('median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('points still to gain, by group, largest first, groups without a figure last', () => {
    const gaps = scoreGaps(
      compositeScore({
        'dossiers.resolved': 100,
        'dossiers.resolved_early': 50,
        'dossiers.resolved_on_time': 40,
        'dossiers.resolved_late': 10,
        'rates.digitization': 50,
      }),
    );
    expect(gaps.slice(0, 2)).toEqual([
      { group: 'digitization', points: 22, toGain: 11 },
      { group: 'timeliness', points: 20, toGain: 2 },
    ]);
    expect(gaps.slice(2).every((g) => g.toGain === null)).toBe(true);
  });
});
