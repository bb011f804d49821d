/**
 * After the pages are written: the static full-text search index
 * (Pagefind), built from the records of /tim-kiem/chi-muc.json, and the
 * published report files copied beside their pages for download.
 */
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { CONTENT_DIR } from '../env.ts';
import type { SearchRecord } from '../pages/tim-kiem/chi-muc.json.ts';

const RECORDS = 'tim-kiem/chi-muc.json';

async function inBatches<T>(
  items: readonly T[],
  size: number,
  run: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

export function searchIndex(): AstroIntegration {
  return {
    name: 'congkhai-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const records = JSON.parse(await readFile(join(out, RECORDS), 'utf8')) as SearchRecord[];

        // The source file of each report, as published, for download.
        const reports = records
          .map((r) => /^\/xa\/([^/]+)\/([^/]+)\/$/.exec(r.url))
          .filter((m) => m !== null);
        await inBatches(reports, 128, async ([, unit = '', period = '']) => {
          await mkdir(join(out, 'xa', unit, period), { recursive: true });
          await copyFile(
            join(CONTENT_DIR, 'reports', unit, `${period}.md`),
            join(out, 'xa', unit, period, 'bao-cao.md'),
          );
        });

        const { index, errors } = await createIndex({ forceLanguage: 'vi' });
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        await inBatches(records, 256, (r) =>
          index.addCustomRecord({
            url: r.url,
            content: r.content,
            language: 'vi',
            meta: { title: r.title },
          }),
        );
        await index.writeFiles({ outputPath: join(out, 'pagefind') });
        await close();
        await rm(join(out, RECORDS));
        logger.info(
          `${String(records.length)} units and reports indexed for search; ${String(reports.length)} report files copied`,
        );
      },
    },
  };
}
