/**
 * The site's server, built by `astro build` into dist/app (see
 * adapter.ts), loaded into this process and asked for pages directly. It keeps the
 * content in memory between builds, so a publish re-reads one file and
 * renders only the pages it touches.
 */
import { Buffer } from 'node:buffer';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { notFoundFile } from '../lib/addresses.ts';
import type { RenderPlan } from '../lib/render-plan.ts';
import type { SearchRecord } from '../lib/search-records.ts';

export type { RenderPlan, SearchRecord };

type Render = (url: string, init?: RequestInit) => Promise<Response>;
type Plan = (full: boolean) => Promise<RenderPlan | { error: string }>;
type Records = () => Promise<SearchRecord[]>;

/** Addresses resolve against this origin; nothing listens on it. */
const ORIGIN = 'http://renderer.invalid';

/** The address a page is asked for: the not-found file (`/404.html`) is Astro's `/404` route. */
const requestPath = (page: string) => (page === notFoundFile() ? '/404' : page);

/**
 * A response's body as bytes. Read chunk by chunk: Response.arrayBuffer()
 * took 0.6 s on the 28 MB open-data file, reading its one chunk 10 ms.
 */
async function bytesOf(res: Response): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  for await (const chunk of res.body) chunks.push(chunk);
  return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks);
}

/**
 * The old generation grows to 1.1 times what a full collection left,
 * rather than V8's up to 4 times under a high allocation rate: the live
 * content is a few hundred MiB, and a full build at 3,300 units let the
 * heap reach 2,320 MiB of mostly garbage (990 MiB at 1.2 times, 935 at
 * 1.1: bench:site, where it runs beside Pagefind). Set for a full build
 * only, in whatever process the renderer runs (V8 reads it at each
 * collection): a publish renders some tens of pages in the editor's
 * long-lived renderer, where V8's own growth (0: its dynamic factor) costs
 * fewer collections in the time a publish waits for.
 */
const heapGrowing = (full: boolean) => `--heap-growing-percent=${full ? '10' : '0'}`;

export class BuildError extends Error {
  override name = 'BuildError';
}

export class Renderer {
  private constructor(
    private readonly renderUrl: Render,
    private readonly planOf: Plan,
    private readonly records: Records,
  ) {}

  /** Loads the built server of `appDir` (apps/site/dist/app). CONTENT_DIR must be set first. */
  static async start(appDir: string): Promise<Renderer> {
    const entry = join(appDir, 'server/entry.mjs');
    if (!existsSync(entry)) {
      throw new BuildError(`${entry} is missing: run \`astro build\` in apps/site first`);
    }
    const { render, plan, searchRecords } = (await import(pathToFileURL(entry).href)) as {
      render: Render;
      plan: Plan;
      searchRecords: Records;
    };
    return new Renderer(render, plan, searchRecords);
  }

  /** Reads the content again and answers what to render (src/lib/render-plan.ts). */
  async plan(full: boolean): Promise<RenderPlan> {
    setFlagsFromString(heapGrowing(full));
    const plan = await this.planOf(full);
    if ('error' in plan) throw new BuildError(plan.error);
    return plan;
  }

  /** One page or file, as it is written to the release. */
  async render(page: string): Promise<Uint8Array> {
    const res = await this.fetch(requestPath(page));
    const expected = page === notFoundFile() ? 404 : 200;
    if (res.status !== expected) {
      throw new BuildError(
        `${page}: HTTP ${String(res.status)} ${(await res.text()).slice(0, 2000)}`,
      );
    }
    return bytesOf(res);
  }

  /** What the search index is built from (src/lib/search-records.ts). */
  searchRecords(): Promise<SearchRecord[]> {
    return this.records();
  }

  private fetch(path: string, init?: RequestInit): Promise<Response> {
    return this.renderUrl(ORIGIN + path, init);
  }
}
