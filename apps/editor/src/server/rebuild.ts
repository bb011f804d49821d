/**
 * Rebuilds the public site after a publish or withdraw.
 *
 * - One build at a time, and at most one start a second; requests that
 *   arrive meanwhile are coalesced into exactly one next build.
 * - The site renderer (apps/site/src/build/worker.ts) is a child process
 *   that outlives builds and keeps the content in memory: after a publish
 *   it renders only the pages the changed reports touch, into a release
 *   made as a hard-link copy of the live one (prepared while idle).
 * - The first build of a renderer, and any build after a failure, is full:
 *   the renderer's memory no longer matches the live release then.
 * - Each release is checked against the content snapshot it rendered (the
 *   home page and a page for every report of that snapshot: a publish
 *   that lands during a build is the next build's, never a reason to fail
 *   this one) and goes live by an atomic rename of the `current` symlink;
 *   the last releases are kept for rollback. A failed or killed build
 *   leaves the live site as it was; its log is kept in `builds`, and it is
 *   tried again with growing delays.
 * - After a build goes live, a report the database says is published but
 *   the snapshot lacked (published while it rendered) asks for the next.
 * - The search index is rebuilt beside the pages (it is the slowest
 *   part), and goes live in a release of its own when it is ready.
 */
import { EventEmitter } from 'node:events';
import { existsSync, realpathSync } from 'node:fs';
import { lstat, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Client } from '@libsql/client';
import { RendererProcess, linkCopy, mergeInto, removeTree } from '@congkhai/site/build';
import { inheritedEnv } from './env.ts';

/** Why a build is wanted: what happened, the unit it concerns (if one), and who did it. */
export interface BuildRequest {
  readonly reason: string;
  readonly unit?: string;
  readonly by?: string;
}

/** How a request reads in the build log and the list of builds. */
export const describeRequest = (r: BuildRequest) => (r.by ? `${r.reason} (${r.by})` : r.reason);

export interface BuildRunnerOptions {
  readonly db: Client;
  /** Holds releases/ and the current symlink. */
  readonly siteRoot: string;
  readonly contentDir: string;
  /** Reports the database holds published (`<unit>/<period>`), compared with each build that goes live. */
  readonly published: () => Promise<string[]>;
  readonly keep?: number;
  readonly log?: (line: string) => void;
}

const MIN_INTERVAL_MS = 1000;
/** A failed build is tried again after 2 s, then twice as late each time up to a minute, at most 10 times. */
const RETRY_FIRST_MS = 2000;
const RETRY_MAX_MS = 60_000;
const RETRY_ATTEMPTS = 10;
const sec = (ms: number) => (ms / 1000).toFixed(1);
/** The search index waits for this much quiet after a publish, and never lags more than the second. */
const SEARCH_QUIET_MS = 5000;
const SEARCH_MAX_LAG_MS = 60_000;

export class BuildRunner {
  private running: Promise<void> | undefined;
  private queued: BuildRequest[] = [];
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  /** The missing reports the last catch-up build was asked for. */
  private caughtUp = '';
  private renderer: RendererProcess | undefined;
  /** True until a build of the current renderer has gone live, and after any failure. */
  private needFull = true;
  /** A link copy of the live release, made while idle, for the next build to start from. */
  private standby: { base: string; dir: string; ready: Promise<boolean> } | undefined;
  /** The search index lags the pages: rebuilt in the background, then put live. */
  private search: { job: Promise<void>; dir: string } | undefined;
  private searchStale = false;
  private staleSince: number | undefined;
  private searchTimer: NodeJS.Timeout | undefined;
  private searchReady: string | undefined;
  private lastStart = 0;
  private discarded = 0;
  /** Pages rendered so far of the build in progress (shown to editors after a publish). */
  progress: { done: number; total: number } | undefined;
  /** 'change' when a build starts, renders a page or finishes: what a publish's follower waits on. */
  readonly changes = new EventEmitter();
  /** HTML pages of the live release, for the record of a search-index release. */
  private livePages = 0;

  constructor(private readonly opts: BuildRunnerOptions) {}

  get currentDir(): string {
    return join(this.opts.siteRoot, 'current');
  }

  private get releases(): string {
    return join(this.opts.siteRoot, 'releases');
  }

  /** Asks for a build; returns when a build that includes this request has finished. */
  request(req: string | BuildRequest): Promise<void> {
    this.queued.push(typeof req === 'string' ? { reason: req } : req);
    this.running ??= this.loop();
    return this.running;
  }

  /** A failed build is tried again later, unless another request comes first. */
  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (this.failures === 0 || this.failures > RETRY_ATTEMPTS) return;
    const wait = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (this.failures - 1));
    this.opts.log?.(
      `Dựng lại sau ${sec(wait)} s / retrying in ${sec(wait)} s (lần ${String(this.failures)})`,
    );
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.request({ reason: `thử lại / retry ${String(this.failures)}` });
    }, wait);
  }

  /** Resolves when no build runs or waits and the search index has caught up. */
  async settled(): Promise<void> {
    for (;;) {
      if (this.running) await this.running;
      else if (this.retryTimer) await new Promise((r) => setTimeout(r, 100));
      else if (this.search) await this.search.job;
      else if (this.searchStale) await new Promise((r) => setTimeout(r, 100));
      else return;
    }
  }

  private async loop(): Promise<void> {
    while (this.queued.length > 0 || this.searchReady) {
      // At most one build starts per second: a burst of publishes becomes
      // one build now and one for the rest, however fast builds are.
      const wait = this.lastStart + MIN_INTERVAL_MS - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      this.lastStart = Date.now();
      const requests = this.queued.splice(0);
      if (requests.length > 0) {
        clearTimeout(this.retryTimer); // this build is the retry
        this.retryTimer = undefined;
      }
      try {
        if (requests.length > 0) await this.build(requests);
        else await this.installSearch();
      } catch (e) {
        this.needFull = true;
        this.opts.log?.(`Dựng trang thất bại / build failed: ${String(e)}`);
      }
    }
    this.running = undefined;
    this.scheduleSearch();
    this.scheduleRetry();
  }

  /**
   * The search index is rebuilt once publishing pauses (it takes a core
   * for tens of seconds at 3,300 units and would slow the publishes that
   * follow), or at the latest a minute after it went stale.
   */
  private scheduleSearch(): void {
    if (!this.searchStale || this.search) return;
    this.staleSince ??= Date.now();
    clearTimeout(this.searchTimer);
    const wait = Math.min(
      SEARCH_QUIET_MS,
      Math.max(0, this.staleSince + SEARCH_MAX_LAG_MS - Date.now()),
    );
    this.searchTimer = setTimeout(() => {
      if (this.running) return; // the loop schedules again when it ends
      this.staleSince = undefined;
      this.startSearch();
    }, wait);
  }

  private rendererProcess(): RendererProcess {
    if (!this.renderer || this.renderer.exited) {
      this.needFull = true;
      this.renderer = new RendererProcess(this.opts.contentDir, inheritedEnv());
    }
    return this.renderer;
  }

  private liveRelease(): string | undefined {
    return existsSync(this.currentDir) ? realpathSync(this.currentDir) : undefined;
  }

  private async record(release: string, requests: readonly BuildRequest[]): Promise<number> {
    const row = await this.opts.db.execute({
      sql: "INSERT INTO builds (release, reason, requests, started_at, status) VALUES (?, ?, ?, ?, 'running')",
      args: [
        release,
        requests.map(describeRequest).join('; '),
        JSON.stringify(requests),
        new Date().toISOString(),
      ],
    });
    this.changes.emit('change');
    return Number(row.lastInsertRowid);
  }

  private async finish(
    id: number,
    status: 'live' | 'failed',
    pages: number,
    log: string,
  ): Promise<void> {
    await this.opts.db.execute({
      sql: 'UPDATE builds SET finished_at = ?, status = ?, pages = ?, log = ? WHERE id = ?',
      args: [new Date().toISOString(), status, pages, log.slice(-20_000), id],
    });
    this.changes.emit('change');
  }

  /** A new release directory holding a link copy of the live release (or nothing, for a full build). */
  private async newRelease(release: string, full: boolean): Promise<string> {
    const out = join(this.releases, release);
    await mkdir(this.releases, { recursive: true });
    const live = this.liveRelease();
    const standby = this.standby;
    this.standby = undefined;
    if (standby && (full || standby.base !== live || !(await standby.ready))) {
      void removeTree(standby.dir).catch(() => undefined);
    } else if (standby) {
      await rename(standby.dir, out);
      return out;
    }
    if (!full && live) await linkCopy(live, out);
    return out;
  }

  private async build(requests: readonly BuildRequest[]): Promise<void> {
    try {
      await this.buildOnce(requests);
    } finally {
      this.progress = undefined;
    }
  }

  private async buildOnce(requests: readonly BuildRequest[]): Promise<void> {
    const reason = requests.map(describeRequest).join('; ');
    const release = new Date().toISOString().replace(/[:.]/g, '-');
    const id = await this.record(release, requests);
    this.opts.log?.(`Đang dựng trang công khai / building the public site (${reason})…`);
    const started = performance.now();
    let out: string | undefined;
    let staging: string | undefined;
    let copying: Promise<string> | undefined;
    let live = false;
    try {
      const renderer = this.rendererProcess();
      const full = this.needFull || !this.liveRelease();
      const progress = (done: number, total: number) => {
        this.progress = { done, total };
        this.changes.emit('change');
      };
      let result;
      let copied = started;
      let rendered = started;
      if (full) {
        out = await this.newRelease(release, true);
        result = await renderer.run({ kind: 'build', out, full }, progress);
        copied = rendered = performance.now();
      } else {
        // The pages render into a staging folder while the release is copied.
        staging = join(this.opts.siteRoot, 'staging', release);
        copying = this.newRelease(release, false);
        copying.catch(() => undefined); // awaited below, or on failure
        result = await renderer.run({ kind: 'build', out: staging, full }, progress);
        rendered = performance.now();
        out = await copying;
        copied = performance.now();
        if (result?.full) {
          // The renderer found a change only a full build covers (a new period,
          // a unit's name): staging is the whole site but for the search index,
          // which stays the live one until the next is written.
          const index = await readlink(join(out, 'pagefind')).catch(() => undefined);
          if (index) await symlink(index, join(staging, 'pagefind'));
          await this.discard(out);
          await rename(staging, out);
        } else if (result) {
          await mergeInto(staging, out, result.removedPages);
        }
        staging = undefined;
      }
      if (!result) throw new Error('renderer gave no result');
      await this.externalizeSearch(out);
      this.check(out, result.required);
      await this.goLive(out);
      live = true;
      this.failures = 0;
      await this.catchUp(result.reportKeys);
      const timing = `rendered ${sec(rendered - started)} s, release copy ready ${sec(copied - started)} s, checked and live ${sec(performance.now() - Math.max(copied, rendered))} s`;
      this.needFull = false;
      this.livePages = result.pages;
      this.searchStale = !full; // a full build asked for wrote the search index itself
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const what = result.full
        ? `full build, ${String(result.written)} pages and files`
        : `${String(result.written)} pages and files rendered again, ${String(result.removed)} removed (${result.changed.join(', ') || 'no report changed'})`;
      await this.finish(id, 'live', result.pages, `${what}; ${seconds} s (${timing})`);
      this.opts.log?.(
        `Trang công khai đã cập nhật / site live (${String(result.pages)} pages; ${what}; ${seconds} s)`,
      );
    } catch (e) {
      this.needFull = true;
      this.failures++;
      // The release copy may still be under way when rendering fails; once it
      // ends, the new release goes, whole or half written.
      if (copying) await copying.catch(() => undefined);
      if (!live) await this.discard(join(this.releases, release));
      if (staging) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
      const message = e instanceof Error ? e.message : String(e);
      await this.finish(id, 'failed', 0, message);
      this.opts.log?.(
        `Dựng trang thất bại, trang đang chạy giữ nguyên / build failed, live site unchanged: ${message}`,
      );
    }
  }

  /**
   * Moves a release out of the way and removes it in the background. Never
   * throws: it runs while a failure is being recorded, maybe on a full disk.
   */
  private async discard(dir: string): Promise<void> {
    const trash = join(this.opts.siteRoot, 'trash', `${basename(dir)}-${String(++this.discarded)}`);
    try {
      await mkdir(dirname(trash), { recursive: true });
      await rename(dir, trash);
    } catch {
      // No room even for a folder entry (a full disk): removed in place, now.
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      return;
    }
    void removeTree(trash).catch(() => undefined);
  }

  /**
   * A release is good when it has what the snapshot it rendered requires
   * (the home page, a page for every report of it) and a search index (the
   * search page is useless without one).
   */
  private check(out: string, required: readonly string[]): void {
    const needed = [...required, join('pagefind', 'pagefind.js')];
    const missing = needed.filter((f) => !existsSync(join(out, f)));
    if (missing.length > 0) throw new Error(`missing pages: ${missing.slice(0, 6).join(', ')}`);
  }

  /**
   * Reports published while the build rendered are not in its snapshot:
   * their publish has asked for a build already, but a request lost to a
   * crash or a restart must not leave a published report missing, so the
   * database is compared with what went live.
   */
  private async catchUp(rendered: readonly string[]): Promise<void> {
    const have = new Set(rendered);
    const missing = (await this.opts.published()).filter((k) => !have.has(k));
    const key = missing.join(' ');
    // Asked once per set: a report whose file is gone needs a person, not a loop of builds.
    if (missing.length > 0 && key === this.caughtUp) {
      this.opts.log?.(
        `Báo cáo đã công bố nhưng không có trong nội dung / published but not in the content: ${missing.slice(0, 6).join(', ')}`,
      );
      return;
    }
    this.caughtUp = key;
    if (missing.length > 0 && this.queued.length === 0)
      this.queued.push({
        reason: `bổ sung / catch up ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` +${String(missing.length - 3)}` : ''}`,
      });
  }

  private async goLive(out: string): Promise<void> {
    // Atomic switch: a new symlink renamed over the old one.
    const release = basename(out);
    const tmp = join(this.opts.siteRoot, `current.${release}`);
    await symlink(join('releases', release), tmp);
    try {
      await rename(tmp, this.currentDir);
    } catch (e) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw e;
    }
    // Old releases go in the background: removing 100,000 links takes seconds
    // the next publish need not wait for.
    void this.prune(release).catch((e: unknown) => {
      this.opts.log?.(`Không xoá được bản cũ / could not prune old releases: ${String(e)}`);
    });
    this.prepareStandby(out);
  }

  /** Copies the live release while nothing else happens, so the next publish starts at once. */
  private prepareStandby(live: string): void {
    const dir = join(this.opts.siteRoot, 'standby', basename(live));
    this.standby = {
      base: live,
      dir,
      ready: mkdir(join(this.opts.siteRoot, 'standby'), { recursive: true })
        .then(() => rm(dir, { recursive: true, force: true }))
        .then(() => linkCopy(live, dir, 'low'))
        .then(
          () => true,
          () => false,
        ),
    };
  }

  /** After the pages: the search index over the same content, written beside the releases. */
  private startSearch(): void {
    if (!this.searchStale || this.search) return;
    if (!this.renderer || this.renderer.exited) {
      // A new renderer starts with a full build, which writes the search index too.
      this.searchStale = false;
      this.needFull = true;
      return;
    }
    this.searchStale = false;
    const dir = join(this.opts.siteRoot, 'search', String(Date.now()));
    const renderer = this.renderer;
    const job = (async () => {
      try {
        await mkdir(dir, { recursive: true });
        await renderer.run({ kind: 'search', out: dir });
        this.searchReady = dir;
        this.running ??= this.loop();
      } catch (e) {
        this.searchStale = true;
        await rm(dir, { recursive: true, force: true });
        this.opts.log?.(`Chỉ mục tìm kiếm thất bại / search index failed: ${String(e)}`);
      } finally {
        this.search = undefined;
      }
    })();
    this.search = { job, dir };
  }

  /** A release that is the live one with the new search index. */
  private async installSearch(): Promise<void> {
    const dir = this.searchReady;
    this.searchReady = undefined;
    if (!dir) return;
    const release = new Date().toISOString().replace(/[:.]/g, '-');
    const id = await this.record(release, [{ reason: 'chỉ mục tìm kiếm / search index' }]);
    let out: string | undefined;
    try {
      out = await this.newRelease(release, false);
      await this.pointSearch(out, dir);
      this.check(out, ['index.html']);
      await this.goLive(out);
      await this.finish(id, 'live', this.livePages, 'search index');
    } catch (e) {
      this.searchStale = true;
      if (out) await this.discard(out);
      await this.discard(dir);
      await this.finish(id, 'failed', 0, e instanceof Error ? e.message : String(e));
    }
  }

  /**
   * The search index lives beside the releases (search/<id>/pagefind), and
   * a release links to it: a file per page (tens of thousands at 3,300
   * units) that a release copy need not copy again, and that a new index
   * replaces by one rename.
   */
  private async pointSearch(out: string, searchDir: string): Promise<void> {
    const link = join(out, `pagefind.${basename(searchDir)}`);
    await symlink(join('..', '..', 'search', basename(searchDir), 'pagefind'), link);
    const old = await lstat(join(out, 'pagefind')).catch(() => undefined);
    if (old?.isDirectory()) await this.discard(join(out, 'pagefind'));
    await rename(link, join(out, 'pagefind'));
  }

  /** A release a full build wrote with the search index inside: the index moves beside the releases. */
  private async externalizeSearch(out: string): Promise<void> {
    const inside = await lstat(join(out, 'pagefind')).catch(() => undefined);
    if (!inside?.isDirectory()) return;
    const dir = join(this.opts.siteRoot, 'search', basename(out));
    await mkdir(dir, { recursive: true });
    await rename(join(out, 'pagefind'), join(dir, 'pagefind'));
    await this.pointSearch(out, dir);
  }

  /** Stops the build in progress, if any (shutdown, or a test of a killed build). */
  kill(): boolean {
    return this.renderer?.kill() ?? false;
  }

  /** Ends the renderer (the editor stopping). */
  close(): void {
    clearTimeout(this.searchTimer);
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.renderer?.close();
  }

  /** True while a build runs or waits. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  private async prune(live: string): Promise<void> {
    const all = (await readdir(this.releases)).sort();
    const old = all
      .filter((r) => r !== live)
      .slice(0, Math.max(0, all.length - (this.opts.keep ?? 3)));
    for (const r of old) await removeTree(join(this.releases, r));
    // Search indexes no kept release links to, and no search job is writing.
    const kept = new Set<string>();
    for (const r of await readdir(this.releases)) {
      const target = await readlink(join(this.releases, r, 'pagefind')).catch(() => '');
      kept.add(basename(dirname(target)));
    }
    const busy = new Set(
      [this.search?.dir, this.searchReady].filter(Boolean).map((d) => basename(d ?? '')),
    );
    const searches = await readdir(join(this.opts.siteRoot, 'search')).catch(() => []);
    for (const d of searches) {
      if (!kept.has(d) && !busy.has(d)) await removeTree(join(this.opts.siteRoot, 'search', d));
    }
  }
}
