import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rank } from './ranking.ts';

describe('rank', () => {
  const items = [
    { key: 'c', name: 'Quảng Nghiệp', value: 0.9 },
    { key: 'a', name: 'Kim Tân', value: 0.99 },
    { key: 'd', name: 'Đại Đức', value: 0.9 },
    { key: 'b', name: 'Hải Trường', value: null },
    { key: 'e', name: 'An Bình', value: 0.5 },
  ];

  it('shares a rank between ties and skips the next (1, 2, 2, 4)', () => {
    const r = rank(items, 'higher');
    expect(r.ranked.map((x) => [x.name, x.rank, x.tied])).toEqual([
      ['Kim Tân', 1, false],
      ['Đại Đức', 2, true],
      ['Quảng Nghiệp', 2, true],
      ['An Bình', 4, false],
    ]);
    expect(r.unranked).toEqual(['b']);
  });

  it('ranks the lowest first when lower is better', () => {
    expect(rank(items, 'lower').ranked.map((x) => x.key)).toEqual(['e', 'd', 'c', 'a']);
  });

  it('orders ties in Vietnamese alphabetical order (Đ after D)', () => {
    const r = rank(
      [
        { key: '1', name: 'Đông', value: 1 },
        { key: '2', name: 'Dương', value: 1 },
        { key: '3', name: 'Ân', value: 1 },
      ],
      'higher',
    );
    expect(r.ranked.map((x) => x.name)).toEqual(['Ân', 'Dương', 'Đông']);
  });

  it('does not depend on input order', () => {
    const item = fc.record({
      key: fc.uuid(),
      name: fc.constantFrom('An', 'Ân', 'Bình', 'Đức', 'Dũng', 'Yên'),
      value: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(item, { selector: (i) => i.key, maxLength: 30 }),
        fc.boolean(),
        (list, lower) => {
          const dir = lower ? 'lower' : 'higher';
          expect(rank([...list].reverse(), dir)).toEqual(rank(list, dir));
        },
      ),
    );
  });
});
