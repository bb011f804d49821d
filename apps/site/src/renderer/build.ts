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
import type { RenderPlan } from '../lib/render-plan.ts';
import { shardRecords } from '../lib/search-shards.ts';
import { startPart, type Part } from './part-client.ts';
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
   * How many processes render a full build: this one, and with 2 a second
   * renderer (part.ts) that reads the content itself, at the same time as
   * this one, and renders pages this one hands it, on the other core.
   * Default one: on this shared 2-core machine two did not build faster
   * (bench:site --units 3300: 164 s in two, 107-152 s in one, under load
   * 2-20) and hold the content twice (+0.7 GiB peak); a second renderer
   * costs its start and the content read again. An incremental build is one.
   */
  readonly processes?: 1 | 2;
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
  | 'second renderer ready'
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
export const WIDTH = 4;

export async function build(renderer: Renderer, opts: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  // Two processes asked for: the second reads the content while this one does.
  const part = opts.full && opts.processes === 2 ? startPart(opts.contentDir, opts.out) : undefined;
  try {
    const plan = await renderer.plan(opts.full);
    const planSeconds = (performance.now() - started) / 1000;
    if (plan.ms) {
      opts.timing?.('content', plan.ms.content);
      opts.timing?.('plan', plan.ms.plan);
    }
    return await renderAll(renderer, opts, part, plan, planSeconds);
  } finally {
    part?.stop();
  }
}

async function renderAll(
  renderer: Renderer,
  opts: BuildOptions,
  part: Part | undefined,
  plan: RenderPlan,
  planSeconds: number,
): Promise<BuildResult> {
  const timing = opts.timing;
  let t = performance.now();
  /** The wall time since the last lap, as `phase`. */
  const lap = (phase: BuildPhase) => {
    const now = performance.now();
    timing?.(phase, now - t);
    t = now;
  };
  if (plan.full) {
    await rm(opts.out, { recursive: true, force: true });
    await mkdir(opts.out, { recursive: true });
    await copyAssets(opts.appDir, opts.out);
  }
  for (const page of plan.remove) await removePage(opts.out, page);
  lap('assets');
  // Both render: the part has read the content before the first page is handed out.
  if (part) {
    await part.ready;
    lap('second renderer ready');
  }

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
  const count = (n: number) => {
    done += n;
    opts.progress?.(done, plan.render.length);
  };
  const worker = async () => {
    for (let page = queue.shift(); page !== undefined; page = queue.shift()) {
      await writePage(renderer, opts.out, files, versions, page, opts.contentDir);
      count(1);
    }
  };
  // A failure empties the queue: the others stop after the page they are on, and are waited for.
  const stopping = (e: unknown) => {
    queue.length = 0;
    throw e;
  };
  const settled = await Promise.allSettled([
    ...Array.from({ length: WIDTH }, () => worker().catch(stopping)),
    ...(part ? [part.render(plan, queue, count).catch(stopping)] : []),
  ]);
  const failed = settled.find((r) => r.status === 'rejected');
  const rendered = failed ? { ok: false as const, e: failed.reason as unknown } : { ok: true };
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

/**
 * A page (or file) rendered and written into `out`, with, for a report's
 * page, the report's source as published beside it. `files` is a full
 * build's (plain writes), undefined for an incremental one (replacing).
 */
export async function writePage(
  renderer: Renderer,
  out: string,
  files: NewFiles | undefined,
  versions: ReadonlyMap<string, readonly string[]>,
  page: string,
  contentDir: string,
): Promise<void> {
  const bytes = await renderer.render(page);
  if (files) await files.write(fileOf(page), bytes);
  else await replaceFile(out, fileOf(page), bytes);
  const m = REPORT_PAGE.exec(page);
  if (m) {
    const [, unit = '', period = ''] = m;
    await copySource(contentDir, out, files, versions, unit, period);
  }
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
  // A file per shard: the search process holds one shard's records at a time.
  const shards = shardRecords(await renderer.searchRecords());
  const files = shards.map((_, i) =>
    join(out, `.records.${String(process.pid)}.${String(i)}.json`),
  );
  try {
    for (const [i, shard] of shards.entries())
      await writeFile(files[i] ?? '', JSON.stringify(shard));
    const written = performance.now();
    timing?.('search records', written - started);
    // Pagefind takes a core for tens of seconds at 3,300 units: in a process of lowest priority.
    await runCommand('low', process.execPath, ['--import', 'tsx', SEARCH_CLI, out, ...files]);
    timing?.('search index', performance.now() - written);
  } finally {
    await Promise.all(files.map((f) => rm(f, { force: true })));
  }
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
export async function versionsOf(contentDir: string): Promise<ReadonlyMap<string, string[]>> {
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
  contentDir: string,
  out: string,
  files: NewFiles | undefined,
  versions: ReadonlyMap<string, readonly string[]>,
  unit: string,
  period: string,
): Promise<void> {
  // Addresses are absolute ('/xa/…'); files are relative to the output folder.
  const copy = (from: string, address: string) =>
    files ? files.copy(from, address.slice(1)) : copyInto(from, join(out, address));
  await copy(join(contentDir, reportPath(unit, period)), reportSource(unit, period));
  for (const f of versions.get(`${unit}/${period}`) ?? [])
    await copy(
      join(contentDir, 'versions', unit, period, f),
      reportVersion(unit, period, parseInt(f, 10)),
    );
}
