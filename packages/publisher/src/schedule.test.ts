import { describe, expect, it } from 'vitest';
import { retryDelay, searchDelay } from './schedule.ts';

describe('when builds start', () => {
  it('retries a failed build after 2 s, doubling up to a minute, at most 10 times', () => {
    expect(retryDelay(0)).toBeUndefined();
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelay)).toEqual([
      2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000,
    ]);
    expect(retryDelay(10)).toBe(60_000);
    expect(retryDelay(11)).toBeUndefined();
  });

  it('rebuilds the search index after 5 s of quiet, and never more than a minute after it went stale', () => {
    expect(searchDelay(0, 0)).toBe(5000);
    expect(searchDelay(0, 58_000)).toBe(2000);
    expect(searchDelay(0, 90_000)).toBe(0);
  });
});
