/**
 * A single-page app's built files (the editor's): Vite's hashed `/assets/`
 * immutable, everything else revalidated; a path that names no file and
 * looks like a page (no extension) gets index.html, a missing asset a 404.
 */
import type { Handler } from './guard.ts';
import { resolveFile } from './files.ts';
import { plain, sendFile, staticHandler } from './static.ts';
import { CACHE_IMMUTABLE } from './headers.ts';

const NO_CACHE = 'no-cache';

export function spaHandler(dir: string): Handler {
  return staticHandler({
    root: dir,
    dir: '.',
    always: () => [],
    cacheControl: (path) => (path.startsWith('/assets/') ? CACHE_IMMUTABLE : NO_CACHE),
    notFound: async (req, res) => {
      const last = (req.url ?? '/').split('?')[0]?.split('/').pop() ?? '';
      const index = last.includes('.') ? undefined : await resolveFile(dir, '.', '/index.html');
      if (index?.kind === 'file') {
        await sendFile(req, res, index, (r) => {
          r.setHeader('Cache-Control', NO_CACHE);
        });
        return;
      }
      plain(res, 404, 'Not found');
    },
  });
}
