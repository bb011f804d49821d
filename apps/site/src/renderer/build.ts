/**
 * One build of the public site into a release directory. A full build
 * renders every address into an empty directory; an incremental build
 * starts from a link copy of the live release and renders only what the
 * changed reports touch (src/lib/routes.ts decides which). Either way the
 * result is the same set of files, byte for byte.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { writeFileAtomic } from '@congkhai/content';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand, type RenderResult } from '@congkhai/publisher';
import { reportPage, reportPath } from '@congkhai/report';
import { fileOf } from '../lib/routes.ts';
import { copyAssets, removePage, replaceFile } from './release.ts';
import type { Renderer } from './renderer.ts';
import { writeSearchIndex } from './search.ts';

export interface BuildOptions {
  /** apps/site/dist/app: the built code. */
  readonly appDir: string;
  readonly contentDir: string;
  /** The release directory: empty for a full build, a link copy of the live release otherwise. */
  readonly out: string;
  readonly full: boolean;
  /** Write the search index now; otherwise the caller runs `refreshSearch` later. */
  readonly search: boolean;
  readonly progress?: (done: number, total: number) => void;
  /**
   * Where the time went, phase by phase (bench/measure-build.ts prints it):
   * `ms` is wall time, except for phases marked summed, which overlap in
   * the render loop and add up the time each of its workers waited.
   */
  readonly timing?: (phase: BuildPhase, ms: number) => void;
}

export type BuildPhase =
  | 'content'
  | 'plan'
  | 'assets'
  | 'render loop'
  | 'render (summed)'
  | 'write (summed)'
  | 'source copies (summed)'
  | 'search records'
  | 'search index';

/** What a build did: the publisher's RenderResult, which the renderer answers it. */
export type BuildResult = RenderResult;

/** A report's page: a period id starts with its year (a unit's brief, `ban-in/`, is no report). */
const REPORT_PAGE = /^\/xa\/([^/]+)\/(\d[^/]*)\/$/;

/** How many pages are asked for at once: rendering is one thread, but writes overlap it. */
const WIDTH = 4;

export async function build(renderer: Renderer, opts: BuildOptions): Promise<BuildResult> {
  const timing = opts.timing;
  let t = performance.now();
  /** The wall time since the last lap, as `phase`. */
  const lap = (phase: BuildPhase) => {
    const now = performance.now();
    timing?.(phase, now - t);
    t = now;
  };
  const plan = await renderer.plan(opts.full);
  if (plan.ms) {
    timing?.('content', plan.ms.content);
    timing?.('plan', plan.ms.plan);
  }
  t = performance.now();
  if (plan.full) {
    await rm(opts.out, { recursive: true, force: true });
    await mkdir(opts.out, { recursive: true });
    await copyAssets(opts.appDir, opts.out);
  }
  for (const page of plan.remove) await removePage(opts.out, page);
  lap('assets');

  let done = 0;
  const summed = { render: 0, write: 0, sources: 0 };
  const queue = [...plan.render];
  const worker = async () => {
    for (let page = queue.shift(); page !== undefined; page = queue.shift()) {
      const t0 = performance.now();
      const bytes = await renderer.render(page);
      const t1 = performance.now();
      await replaceFile(opts.out, fileOf(page), bytes);
      const t2 = performance.now();
      summed.render += t1 - t0;
      summed.write += t2 - t1;
      // The report's source, as published, beside its page for download.
      const m = REPORT_PAGE.exec(page);
      if (m) {
        const [, unit = '', period = ''] = m;
        await copySource(opts, unit, period);
        summed.sources += performance.now() - t2;
      }
      opts.progress?.(++done, plan.render.length);
    }
  };
  await Promise.all(Array.from({ length: WIDTH }, worker));
  lap('render loop');
  timing?.('render (summed)', summed.render);
  timing?.('write (summed)', summed.write);
  timing?.('source copies (summed)', summed.sources);

  if (opts.search) {
    const records = await renderer.searchRecords();
    lap('search records');
    await writeSearchIndex(records, opts.out);
    lap('search index');
  }
  return {
    full: plan.full,
    written: plan.render.length,
    removed: plan.remove.length,
    removedPages: plan.remove,
    changed: plan.changed,
    reports: plan.reports,
    reportKeys: plan.reportKeys,
    required: plan.required,
    pages: plan.pages,
  };
}

/** The search index again, over the content as the renderer last read it. */
export async function refreshSearch(renderer: Renderer, out: string): Promise<void> {
  const records = join(out, 'records.json');
  await writeFile(records, JSON.stringify(await renderer.searchRecords()));
  try {
    // Pagefind takes a core for tens of seconds at 3,300 units: in a process of lowest priority.
    await runCommand('low', process.execPath, ['--import', 'tsx', SEARCH_CLI, records, out]);
  } finally {
    await rm(records, { force: true });
  }
}

const SEARCH_CLI = fileURLToPath(new URL('./search-cli.ts', import.meta.url));

/** A file copied into a release, replacing (never writing into) a file the live release shares. */
async function copyInto(from: string, to: string): Promise<void> {
  await writeFileAtomic(to, await readFile(from));
}

/**
 * The report's file, and the earlier versions of a corrected report
 * (versions/<unit>/<period>/<n>.md in the content) as ban-<n>.md beside it.
 */
async function copySource(opts: BuildOptions, unit: string, period: string): Promise<void> {
  const dir = join(opts.out, reportPage(unit, period));
  await copyInto(join(opts.contentDir, reportPath(unit, period)), join(dir, 'bao-cao.md'));
  const versions = join(opts.contentDir, 'versions', unit, period);
  const kept = await readdir(versions).catch(() => [] as string[]);
  for (const f of kept) {
    if (!/^\d+\.md$/.test(f)) continue;
    await copyInto(join(versions, f), join(dir, `ban-${f}`));
  }
}
