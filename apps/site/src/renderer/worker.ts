/**
 * The site renderer as a child process of the editor server: it loads
 * the built site once and keeps the content in memory, so a publish costs
 * the pages it touches rather than a whole build. Asked over IPC:
 *
 *   { id, kind: 'build', out, full }  -> pages (and, when full, the search index) into `out`
 *   { id, kind: 'search', out }       -> the search index alone into `out`/pagefind
 *
 * and answers { id, kind: 'progress' | 'done' | 'error', ... }. Jobs may
 * overlap: a search index is written while pages render.
 */
import { fileURLToPath } from 'node:url';
import type { RenderJob, RenderResult } from '@congkhai/publisher';
import { build, refreshSearch } from './build.ts';
import { contentDir } from '../env.ts';
import { Renderer } from './renderer.ts';

export type WorkerRequest = RenderJob & { readonly id: number };

export type WorkerReply =
  | {
      readonly id: number;
      readonly kind: 'progress';
      readonly done: number;
      readonly total: number;
    }
  | { readonly id: number; readonly kind: 'done'; readonly result?: RenderResult }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };

const appDir = fileURLToPath(new URL('../../dist/app/', import.meta.url));
const send = (m: WorkerReply | { kind: 'ready' }) => process.send?.(m);

const renderer = await Renderer.start(appDir);
send({ kind: 'ready' });

process.on('message', (m: WorkerRequest) => {
  const run = async (): Promise<RenderResult | undefined> => {
    if (m.kind === 'search') {
      await refreshSearch(renderer, m.out);
      return undefined;
    }
    let last = 0;
    return build(renderer, {
      appDir,
      contentDir: contentDir(),
      out: m.out,
      full: m.full,
      search: m.full,
      progress: (done, total) => {
        // A few messages a second at most: the editor shows a progress bar.
        const now = performance.now();
        if (done === total || now - last > 250) {
          last = now;
          send({ id: m.id, kind: 'progress', done, total });
        }
      },
    });
  };
  run().then(
    (result) => send({ id: m.id, kind: 'done', ...(result ? { result } : {}) }),
    (e: unknown) =>
      send({ id: m.id, kind: 'error', message: e instanceof Error ? e.message : String(e) }),
  );
});
// The editor going away ends the renderer with it.
process.on('disconnect', () => process.exit(0));
