/**
 * `search-cli.ts OUT SHARD.json...`: the search index of OUT from the
 * records of each shard, one file each (see build.ts refreshSearch), read
 * one at a time.
 */
import { readFile } from 'node:fs/promises';
import type { SearchRecord } from './renderer.ts';
import { writeSearchIndex } from './search.ts';

const [out = '', ...shards] = process.argv.slice(2);
await writeSearchIndex(
  shards.map((f) => async () => JSON.parse(await readFile(f, 'utf8')) as SearchRecord[]),
  out,
);
