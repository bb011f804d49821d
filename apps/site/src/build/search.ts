/**
 * The static full-text search index (Pagefind), built from one record per
 * unit and per report rather than from the HTML: several times faster
 * than parsing tens of thousands of pages. Written beside the release
 * and moved into it whole, so a search never sees half an index.
 */
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import type { SearchRecord } from './renderer.ts';

/**
 * One index per process at a time: Pagefind runs one service per process
 * and `close()` ends it. A full build writes its index in the renderer;
 * the index refreshed after publishes is written by a process of its own
 * (search-cli.ts), so the two never share a service.
 */
export async function writeSearchIndex(
  records: readonly SearchRecord[],
  out: string,
): Promise<void> {
  const tmp = join(out, `.pagefind.${String(process.pid)}`);
  await rm(tmp, { recursive: true, force: true });
  const { index, errors } = await createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    for (let i = 0; i < records.length; i += 256) {
      await Promise.all(
        records.slice(i, i + 256).map((r) =>
          index.addCustomRecord({
            url: r.url,
            content: r.content,
            language: 'vi',
            meta: { title: r.title },
          }),
        ),
      );
    }
    const written = await index.writeFiles({ outputPath: tmp });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    await close();
  }
  const old = join(out, `.pagefind-old.${String(process.pid)}`);
  await rename(join(out, 'pagefind'), old).catch(() => undefined);
  await rename(tmp, join(out, 'pagefind'));
  await rm(old, { recursive: true, force: true });
}
