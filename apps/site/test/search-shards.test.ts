/** The search index's shards (src/lib/search-shards.ts): units apart, a unit's reports together. */
import { describe, expect, it } from 'vitest';
import { shardRecords } from '../src/lib/search-shards.ts';
import type { SearchRecord } from '../src/lib/search-records.ts';

const record = (kind: SearchRecord['kind'], url: string): SearchRecord => ({
  kind,
  url,
  urlEn: url,
  title: url,
  titleEn: url,
  name: url,
  folded: url,
  place: '',
  content: '',
});

describe('shardRecords', () => {
  it('puts the units in the first index and a unit’s reports in one shard', () => {
    const records = [
      record('unit', '/xa/a/'),
      record('report', '/xa/a/2024-H1/'),
      record('report', '/xa/a/2024-H2/'),
      record('report', '/xa/a/2025-H1/'),
      record('unit', '/xa/b/'),
      record('report', '/xa/b/2024-H1/'),
      record('unit', '/xa/c/'),
      record('report', '/xa/c/2024-H1/'),
      record('report', '/xa/c/2024-H2/'),
    ];
    const urls = shardRecords(records, 2).map((s) => s.map((r) => r.url));
    expect(urls).toEqual([
      ['/xa/a/', '/xa/b/', '/xa/c/'],
      ['/xa/a/2024-H1/', '/xa/a/2024-H2/', '/xa/a/2025-H1/'],
      ['/xa/b/2024-H1/', '/xa/c/2024-H1/', '/xa/c/2024-H2/'],
    ]);
  });

  it('is one index of units and one shard of reports below the shard size', () => {
    const records = [record('unit', '/xa/a/'), record('report', '/xa/a/2024-H1/')];
    expect(shardRecords(records).map((s) => s.length)).toEqual([1, 1]);
  });
});
