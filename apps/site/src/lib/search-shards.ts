/**
 * The search index is several Pagefind indexes (src/renderer/search.ts):
 * the units' in the index folder, the reports' in shards inside it, which
 * the search page merges. The list of shards is a file of the folder, so
 * it is always the list of the index beside it.
 */
import type { SearchRecord } from './search-records.ts';

/** The shards' folders, relative to the index folder, as a JSON array. */
export const SHARDS_FILE = 'shards.json';

/** The folder of shard `n` (from 1; 0 is the index folder itself). */
export const shardPath = (n: number) => `shard-${String(n)}/`;

/** Reports per shard: a unit's reports stay in one shard, so a shard may hold a few more. */
const SHARD_REPORTS = 2500;

/**
 * The records in indexes: the units first (the folder's own index), then
 * the reports, a unit's together, in shards of about `size`.
 */
export function shardRecords(
  records: readonly SearchRecord[],
  size = SHARD_REPORTS,
): SearchRecord[][] {
  const units = records.filter((r) => r.kind === 'unit');
  const shards: SearchRecord[][] = [units];
  let shard: SearchRecord[] = [];
  let unit = '';
  for (const r of records) {
    if (r.kind !== 'report') continue;
    // The unit's page is the report's address without its period.
    const of = r.url.replace(/[^/]+\/$/, '');
    if (of !== unit && shard.length >= size) {
      shards.push(shard);
      shard = [];
    }
    unit = of;
    shard.push(r);
  }
  if (shard.length > 0) shards.push(shard);
  return shards;
}
