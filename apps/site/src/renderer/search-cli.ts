/** `search-cli.ts RECORDS.json OUT`: the search index of OUT from the records (see build.ts refreshSearch). */
import { readFile } from 'node:fs/promises';
import type { SearchRecord } from './renderer.ts';
import { writeSearchIndex } from './search.ts';

const [records = '', out = ''] = process.argv.slice(2);
await writeSearchIndex(JSON.parse(await readFile(records, 'utf8')) as SearchRecord[], out);
