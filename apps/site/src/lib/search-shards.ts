/**
 * The search index is several Pagefind indexes (src/renderer/search.ts):
 * the units' in the index folder, the reports' in shards inside it, which
 * the search page merges. The list of shards is a file of the folder, so
 * it is always the list of the index beside it.
 */

/** The shards' folders, relative to the index folder, as a JSON array. */
export const SHARDS_FILE = 'shards.json';

/** The folder of shard `n` (from 1; 0 is the index folder itself). */
export const shardPath = (n: number) => `shard-${String(n)}/`;
