/**
 * The static full-text search index (Pagefind), built from one record per
 * unit and per report rather than from the HTML: several times faster
 * than parsing tens of thousands of pages. Written beside the release
 * and moved into it whole, so a search never sees half an index.
 *
 * It is written as several indexes the search page merges (Pagefind's
 * mergeIndex): the units' in the folder itself, the reports' in shards of
 * at most SHARD_REPORTS (SHARDS_FILE lists them), each by a Pagefind
 * service of its own, ended before the next starts. Pagefind holds every
 * word of every page of an index several times over until it is written
 * (about 80 KB a report): one index of 3,300 units took 2.3 GiB, a shard
 * of 2,500 reports about 280 MiB (4,000: 420-530 MiB); and its pages are
 * found by URL in a list (fossick_one), so time grew with the square of
 * the pages. More shards cost the search page a few small requests each.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SEARCH_INDEX } from '@congkhai/publisher';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { escapeMarkup } from '../lib/markup.ts';
import { SHARDS_FILE, shardPath } from '../lib/search-shards.ts';
import type { SearchRecord } from './renderer.ts';

/**
 * One index per process at a time: Pagefind runs one service per process
 * and `close()` ends it. Every index is written by a process of its own
 * (search-cli.ts, of lowest priority), a full build's while its pages
 * render, so two never share a service. `shards` are shardRecords', each
 * read when its turn comes (search-cli reads a file each), so only one is
 * held at a time.
 */
export async function writeSearchIndex(
  shards: readonly (() => Promise<readonly SearchRecord[]>)[],
  out: string,
): Promise<void> {
  const tmp = join(out, `.pagefind.${String(process.pid)}`);
  await rm(tmp, { recursive: true, force: true });
  for (const [i, shard] of shards.entries()) {
    // A service per shard: ending it gives its memory back before the next one starts.
    await writeIndex(await shard(), i === 0 ? tmp : join(tmp, shardPath(i)));
  }
  const merged = shards.slice(1).map((_, i) => shardPath(i + 1));
  await mkdir(tmp, { recursive: true });
  await writeFile(join(tmp, SHARDS_FILE), `${JSON.stringify(merged)}\n`);
  const old = join(out, `.pagefind-old.${String(process.pid)}`);
  await rename(join(out, SEARCH_INDEX), old).catch(() => undefined);
  await rename(tmp, join(out, SEARCH_INDEX));
  await rm(old, { recursive: true, force: true });
}

async function writeIndex(records: readonly SearchRecord[], outputPath: string): Promise<void> {
  const { index, errors } = await createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    for (let i = 0; i < records.length; i += 256) {
      await Promise.all(records.slice(i, i + 256).map((r) => add(index, r)));
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    await close();
  }
}

const meta = (r: SearchRecord) => ({
  title: r.title,
  title_en: r.titleEn,
  url_en: r.urlEn,
  folded: r.folded,
  place: r.place,
});

/**
 * A unit is indexed as a small HTML page so that its name can weigh more
 * than where it is (Pagefind weighs by element, custom records have one
 * weight): "quang hai" must put Xã Quang Hải above Xã Thịnh Quang Bắc of
 * Hải Dương. A report is a plain record; both carry a `kind` filter, so
 * the search page lists the units that match first.
 */
async function add(index: PagefindIndex, r: SearchRecord): Promise<void> {
  if (r.kind === 'report') {
    const res = await index.addCustomRecord({
      url: r.url,
      content: `${r.name} ${r.content}`,
      language: 'vi',
      meta: meta(r),
      filters: { kind: ['report'] },
    });
    if (res.errors.length > 0) throw new Error(`Pagefind: ${res.errors.join('; ')}`);
    return;
  }
  const attrs = Object.entries(meta(r))
    .map(([k, v]) => `<meta data-pagefind-meta="${k}[content]" content="${escapeMarkup(v)}">`)
    .join('');
  const res = await index.addHTMLFile({
    url: r.url,
    content:
      `<html lang="vi"><head>${attrs}</head><body>` +
      `<h1 data-pagefind-weight="10">${escapeMarkup(r.name)}</h1>` +
      `<p data-pagefind-weight="0.5">${escapeMarkup(r.content)}</p>` +
      `<span data-pagefind-filter="kind:unit"></span></body></html>`,
  });
  if (res.errors.length > 0) throw new Error(`Pagefind: ${res.errors.join('; ')}`);
}
