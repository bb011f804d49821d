/**
 * One build of the public site into a release directory. A full build
 * renders every address into an empty directory; an incremental build
 * renders only what the changed reports touch (src/lib/routes.ts decides
 * which) into a staging directory, which the publisher makes a release of
 * with the live one's other files. Either way the result is the same set
 * of files, byte for byte.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { writeFileAtomic } from '@congkhai/content';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand, type RenderResult } from '@congkhai/publisher';
import { reportPath } from '@congkhai/report';
import { reportSource, reportVersion } from '../lib/addresses.ts';
import { fileOf } from '../lib/routes.ts';
import { NewFiles, copyAssets, removePage, replaceFile } from './release.ts';
import type { Renderer } from './renderer.ts';

export interface BuildOptions {
  /** apps/site/dist/app: the built code. */
  readonly appDir: string;
  readonly contentDir: string;
  /** The release directory: empty for a full build, a staging directory otherwise. */
  readonly out: string;
  readonly full: boolean;
  /** Write the search index now; otherwise the caller runs `refreshSearch` later. */
  readonly search: boolean;
  readonly progress?: (done: number, total: number) => void;
  /**
   * Where the time went, phase by phase, in wall milliseconds
   * (bench/measure-build.ts prints it). The search index is made while
   * the pages render: its phases overlap the render loop. `render loop
   * CPU` is this process's CPU time over the loop (rendering is on its
   * main thread, writes on libuv's).
   */
  readonly timing?: (phase: BuildPhase, ms: number) => void;
}

export type BuildPhase =
  | 'content'
  | 'plan'
  | 'assets'
  | 'render loop'
  | 'render loop CPU'
  | 'search after the pages'
  | 'search records'
  | 'search index';

/** What a build did: the publisher's RenderResult, which the renderer answers it. */
export type BuildResult = RenderResult;

/** A report's page: a period id starts with its year (a unit's brief, `ban-in/`, is no report). */
const REPORT_PAGE = /^\/xa\/([^/]+)\/(\d[^/]*)\/$/;

/** How many pages are asked for at once: rendering is one thread, but writes overlap it. */
const WIDTH = 4;

export async function build(renderer: Renderer, opts: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const timing = opts.timing;
  let t = performance.now();
  /** The wall time since the last lap, as `phase`. */
  const lap = (phase: BuildPhase) => {
    const now = performance.now();
    timing?.(phase, now - t);
    t = now;
  };
  const plan = await renderer.plan(opts.full);
  const planSeconds = (performance.now() - started) / 1000;
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

  // The search index is made from the content, not from the pages: Pagefind
  // indexes (in a process of lowest priority, on the other core) while the
  // pages render, rather than after them.
  const search = opts.search ? indexSearch(renderer, opts.out, timing) : undefined;
  search?.catch(() => undefined); // awaited below, after the pages, whatever they do
  const files = plan.full ? new NewFiles(opts.out) : undefined;
  const versions = await versionsOf(opts.contentDir);

  let done = 0;
  const cpu = process.cpuUsage();
  const queue = [...plan.render];
  const worker = async () => {
    for (let page = queue.shift(); page !== undefined; page = queue.shift()) {
      const bytes = await renderer.render(page);
      if (files) await files.write(fileOf(page), bytes);
      else await replaceFile(opts.out, fileOf(page), bytes);
      // The report's source, as published, beside its page for download.
      const m = REPORT_PAGE.exec(page);
      if (m) {
        const [, unit = '', period = ''] = m;
        await copySource(opts, files, versions, unit, period);
      }
      opts.progress?.(++done, plan.render.length);
    }
  };
  const rendered = await Promise.all(Array.from({ length: WIDTH }, worker)).then(
    () => ({ ok: true as const }),
    (e: unknown) => ({ ok: false as const, e }),
  );
  lap('render loop');
  const used = process.cpuUsage(cpu);
  timing?.('render loop CPU', (used.user + used.system) / 1000);
  // Pagefind is done with the folder before the build ends, failed or not (whoever called removes it).
  if (search) await Promise.allSettled([search]);
  lap('search after the pages');
  if (!rendered.ok) throw rendered.e;
  await search;
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
    planSeconds,
  };
}

/** The search index again, over the content as the renderer last read it. */
export function refreshSearch(renderer: Renderer, out: string): Promise<void> {
  return indexSearch(renderer, out);
}

async function indexSearch(
  renderer: Renderer,
  out: string,
  timing?: (phase: BuildPhase, ms: number) => void,
): Promise<void> {
  const started = performance.now();
  const records = join(out, `.records.${String(process.pid)}.json`);
  await writeFile(records, JSON.stringify(await renderer.searchRecords()));
  const written = performance.now();
  timing?.('search records', written - started);
  try {
    // Pagefind takes a core for tens of seconds at 3,300 units: in a process of lowest priority.
    await runCommand('low', process.execPath, ['--import', 'tsx', SEARCH_CLI, records, out]);
  } finally {
    await rm(records, { force: true });
  }
  timing?.('search index', performance.now() - written);
}

const SEARCH_CLI = fileURLToPath(new URL('./search-cli.ts', import.meta.url));

/** A file copied into a release, replacing (never writing into) a file the live release shares. */
async function copyInto(from: string, to: string): Promise<void> {
  await writeFileAtomic(to, await readFile(from));
}

/**
 * The earlier versions the content keeps (versions/<unit>/<period>/<n>.md),
 * by `<unit>/<period>`: read once per build, a few folders, rather than a
 * look for a folder beside each of tens of thousands of reports.
 */
async function versionsOf(contentDir: string): Promise<ReadonlyMap<string, string[]>> {
  const root = join(contentDir, 'versions');
  const found = new Map<string, string[]>();
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isFile() || !/^\d+\.md$/.test(e.name)) continue;
    const at = relative(root, e.parentPath).split(sep);
    if (at.length !== 2) continue;
    const key = at.join('/');
    found.set(key, [...(found.get(key) ?? []), e.name]);
  }
  return found;
}

/**
 * The report's file, and the earlier versions of a corrected report
 * (versions/<unit>/<period>/<n>.md in the content) beside it (reportVersion).
 */
async function copySource(
  opts: BuildOptions,
  files: NewFiles | undefined,
  versions: ReadonlyMap<string, readonly string[]>,
  unit: string,
  period: string,
): Promise<void> {
  // Addresses are absolute ('/xa/…'); files are relative to the output folder.
  const copy = (from: string, address: string) =>
    files ? files.copy(from, address.slice(1)) : copyInto(from, join(opts.out, address));
  await copy(join(opts.contentDir, reportPath(unit, period)), reportSource(unit, period));
  for (const f of versions.get(`${unit}/${period}`) ?? [])
    await copy(
      join(opts.contentDir, 'versions', unit, period, f),
      reportVersion(unit, period, parseInt(f, 10)),
    );
}
