import { describe, expect, it } from 'vitest';
import { firstSorted } from '../src/lib/home-view.ts';

describe('the first of a sort, in one pass', () => {
  it('gives what a stable sort gives, ties in the order given', () => {
    // Pairs sorted by their first number, descending: many ties, kept in the order given.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const items = Array.from({ length: 2000 }, (_, i) => [next() % 40, i] as const);
    const cmp = (a: readonly number[], b: readonly number[]) => (b[0] ?? 0) - (a[0] ?? 0);
    for (const n of [1, 10, 37, 2000, 3000])
      expect(firstSorted(items, cmp, n)).toEqual([...items].sort(cmp).slice(0, n));
    expect(firstSorted([], cmp, 10)).toEqual([]);
  });
});
