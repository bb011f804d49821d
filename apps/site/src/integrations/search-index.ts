/**
 * Builds the static full-text search index (Pagefind) once the pages are
 * written: unit and report pages in Vietnamese, which is what citizens
 * search; English pages repeat the same reports.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

export function searchIndex(): AstroIntegration {
  return {
    name: 'congkhai-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { index, errors } = await createIndex({ forceLanguage: 'vi' });
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: out, glob: 'xa/**/*.html' });
        if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        await index.writeFiles({ outputPath: join(out, 'pagefind') });
        await close();
        logger.info(`${String(added.page_count)} pages indexed for search`);
      },
    },
  };
}
