/** Whether a release may go live. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_ENTRY } from './search-index.ts';

/**
 * A release is good when it has what the snapshot it rendered requires
 * (the renderer names the files: the home page, a page for every report)
 * and a search index (the search page is useless without one). Throws,
 * naming the first files missing.
 */
export function checkRelease(out: string, required: readonly string[]): void {
  const needed = [...required, SEARCH_ENTRY];
  const missing = needed.filter((f) => !existsSync(join(out, f)));
  if (missing.length > 0) throw new Error(`missing pages: ${missing.slice(0, 6).join(', ')}`);
}
