/**
 * Publishing the public site: one build at a time, from the content the
 * renderer reads to a release that goes live.
 *
 * - At most one build starts a second; requests that arrive meanwhile
 *   are coalesced into exactly one next build.
 * - The renderer outlives builds and keeps the content in memory: after
 *   a publish it renders only the pages the changed reports touch, and
 *   the release is the live one with those pages: new folders only where
 *   something changed, links to the rest (releases.ts). Its first build,
 *   and any build after a failure, is full: its memory no longer matches
 *   the live release then.
 * - Each release is checked against the content snapshot it rendered
 *   (what the renderer says that snapshot requires: a publish that lands
 *   during a build is the next build's, never a reason to fail this one)
 *   and goes live by an atomic switch; the last releases are kept for
 *   rollback. A failed or killed build leaves the live site as it was;
 *   its log is kept, and it is tried again with growing delays.
 * - After a build goes live, a report said to be published that the
 *   snapshot lacked (published while it rendered) asks for the next.
 * - The search index is rebuilt beside the pages (it is the slowest
 *   part), and goes live in a release of its own when it is ready.
 */
import { EventEmitter } from 'node:events';
import { rm } from 'node:fs/promises';
import {
  describeRequest,
  type BuildLog,
  type BuildRequest,
  type FinishedStatus,
} from './build-log.ts';
import { checkRelease } from './check.ts';
import { countPages } from './files.ts';
import { ReleaseFolders, releaseId } from './releases.ts';
import { SEARCH_INDEX, type RenderResult, type Renderer } from './renderer.ts';
import { MIN_INTERVAL_MS, retryDelay, sec } from './schedule.ts';
import { SearchIndexes } from './search-index.ts';
import { SearchRefresh } from './search-refresh.ts';

export interface PublisherOptions {
  /** Holds the releases, the search indexes and the `current` symlink. */
  readonly siteRoot: string;
  /** Starts a renderer; called again when the last one has exited. */
  readonly renderer: () => Renderer;
  /** Where builds are recorded. */
  readonly record: BuildLog;
  /** Reports said to be published (`<unit>/<period>`), compared with each build that goes live. */
  readonly published: () => Promise<string[]>;
  /** Releases kept, the live one included (3). */
  readonly keep?: number;
  /** A line for the operator, in Vietnamese and English. */
  readonly log?: (line: string) => void;
}

export class Publisher {
  private running: Promise<void> | undefined;
  private queued: BuildRequest[] = [];
  /** Rollbacks asked for (and by whom), answered by the next one that runs. */
  private rollbacks: { done: (release: string | undefined) => void; by?: string }[] = [];
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  /** The missing reports the last catch-up build was asked for. */
  private caughtUp = '';
  private renderer: Renderer | undefined;
  /** True until a build of the current renderer has gone live, and after any failure. */
  private needFull = true;
  private readonly folders: ReleaseFolders;
  private readonly indexes: SearchIndexes;
  /** The search index lags the pages: rebuilt in the background, then put live. */
  private readonly search: SearchRefresh;
  private lastStart = 0;
  /** When the oldest request not yet built was made (the bench's `queued` phase). */
  private queuedAt: number | undefined;
  /** Pages rendered so far of the build in progress (shown to editors after a publish). */
  progress: { done: number; total: number } | undefined;
  /** 'change' when a build starts, renders a page or finishes: what a publish's follower waits on. */
  readonly changes = new EventEmitter();
  /** HTML pages of the live release, for the record of a search-index release. */
  private livePages = 0;
  /** Seconds of each phase of the last build that went live (the publish benchmark prints them). */
  lastPhases: Record<string, number> | undefined;

  constructor(private readonly opts: PublisherOptions) {
    this.folders = new ReleaseFolders(opts.siteRoot);
    this.indexes = new SearchIndexes(this.folders);
    this.search = new SearchRefresh(this.indexes, {
      renderer: () => this.renderer,
      noRenderer: () => {
        this.needFull = true;
      },
      busy: () => this.running !== undefined,
      ready: () => {
        this.running ??= this.loop();
      },
      ...(opts.log ? { log: opts.log } : {}),
    });
  }

  /** The `current` symlink: what serves the site follows it. */
  get currentDir(): string {
    return this.folders.current;
  }

  /** Asks for a build; returns when a build that includes this request has finished. */
  request(req: string | BuildRequest): Promise<void> {
    this.queuedAt ??= performance.now();
    this.queued.push(typeof req === 'string' ? { reason: req } : req);
    this.running ??= this.loop();
    return this.running;
  }

  /**
   * Puts the kept release before the live one live again, once the build
   * in progress (if any) is over; answers its id, or undefined when there
   * is none. It stays live until the next build, which renders the
   * content as it is then, in full. `by`: who asked, for the build's record.
   */
  rollBack(by?: string): Promise<string | undefined> {
    return new Promise((resolve) => {
      this.rollbacks.push({ done: resolve, ...(by === undefined ? {} : { by }) });
      this.running ??= this.loop();
    });
  }

  /** The kept release a rollback would put live now, if there is one. */
  previousRelease(): Promise<string | undefined> {
    return this.folders.previous();
  }

  /** A failed build is tried again later, unless another request comes first. */
  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const wait = retryDelay(this.failures);
    if (wait === undefined) return;
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
      else {
        const search = this.search.pending();
        if (!search) return;
        await search;
      }
    }
  }

  private async loop(): Promise<void> {
    while (this.queued.length > 0 || this.search.hasReady || this.rollbacks.length > 0) {
      const wait = this.lastStart + MIN_INTERVAL_MS - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      this.lastStart = Date.now();
      const rollbacks = this.rollbacks.splice(0);
      const requests = rollbacks.length > 0 ? [] : this.queued.splice(0);
      const queuedAt = requests.length > 0 ? this.queuedAt : undefined;
      if (requests.length > 0) this.queuedAt = undefined;
      if (requests.length > 0) {
        clearTimeout(this.retryTimer); // this build is the retry
        this.retryTimer = undefined;
      }
      try {
        if (rollbacks.length > 0) {
          const by = rollbacks.find((r) => r.by !== undefined)?.by;
          const release = await this.rollBackOnce(by).catch(() => undefined);
          for (const r of rollbacks) r.done(release);
        } else if (requests.length > 0) await this.build(requests, queuedAt);
        else await this.installSearch();
      } catch (e) {
        this.needFull = true;
        this.opts.log?.(`Dựng trang thất bại / build failed: ${String(e)}`);
      }
    }
    this.running = undefined;
    this.search.schedule();
    this.scheduleRetry();
  }

  private rendererProcess(): Renderer {
    if (!this.renderer || this.renderer.exited) {
      this.needFull = true;
      this.renderer = this.opts.renderer();
    }
    return this.renderer;
  }

  private started(release: string, requests: readonly BuildRequest[]): Promise<number> {
    return this.opts.record.started(release, requests).finally(() => this.changes.emit('change'));
  }

  private async finished(
    id: number,
    status: FinishedStatus,
    pages: number,
    log: string,
  ): Promise<void> {
    await this.opts.record.finished(id, status, pages, log);
    this.changes.emit('change');
  }

  private async build(requests: readonly BuildRequest[], queuedAt?: number): Promise<void> {
    try {
      await this.buildOnce(requests, queuedAt);
    } finally {
      this.progress = undefined;
    }
  }

  private async buildOnce(requests: readonly BuildRequest[], queuedAt?: number): Promise<void> {
    const reason = requests.map(describeRequest).join('; ');
    const release = releaseId();
    const id = await this.started(release, requests);
    this.opts.log?.(`Đang dựng trang công khai / building the public site (${reason})…`);
    const started = performance.now();
    let out: string | undefined;
    let staging: string | undefined;
    let live = false;
    try {
      const renderer = this.rendererProcess();
      const full = this.needFull || !this.folders.live();
      const progress = (done: number, total: number) => {
        this.progress = { done, total };
        this.changes.emit('change');
      };
      let result: RenderResult | undefined;
      let tree = { tree: 0, merge: 0 };
      /** The real folders of a release made from the live one (undefined: every folder is its own). */
      let folders: readonly string[] | undefined;
      let rendered = started;
      if (full) {
        out = await this.folders.create(release);
        result = await renderer.run({ kind: 'build', out, full }, progress);
        rendered = performance.now();
      } else {
        // The pages render into a staging folder; the release is made of the live one and them.
        staging = this.folders.staging(release);
        result = await renderer.run({ kind: 'build', out: staging, full }, progress);
        rendered = performance.now();
        if (result?.full) {
          // The renderer found a change only a full build covers (a new period,
          // a unit's name): staging is the whole site but for the search index,
          // which stays the live one until the next is written.
          await this.indexes.carryOver(this.folders.live() ?? '', staging);
          out = await this.folders.adopt(release, staging);
        } else if (result) {
          const made = await this.folders.compose(release, staging, result.removedPages);
          out = made.out;
          tree = made.timing;
          folders = made.folders;
        }
        staging = undefined;
      }
      if (!result || !out) throw new Error('renderer gave no result');
      await this.indexes.externalize(out);
      const checking = performance.now();
      checkRelease(out, result.required, folders);
      const switching = performance.now();
      await this.goLive(out);
      live = true;
      this.failures = 0;
      const plan = result.planSeconds ?? 0;
      this.lastPhases = {
        queued: queuedAt === undefined ? 0 : (started - queuedAt) / 1000,
        plan,
        render: (rendered - started) / 1000 - plan,
        'release tree': tree.tree,
        merge: tree.merge,
        check: (switching - checking) / 1000,
        switch: (performance.now() - switching) / 1000,
      };
      await this.catchUp(result.reportKeys);
      const timing = Object.entries(this.lastPhases)
        .map(([phase, s]) => `${phase} ${s.toFixed(2)} s`)
        .join(', ');
      this.needFull = false;
      this.livePages = result.pages;
      this.search.wentLive(full); // a full build asked for wrote the search index itself
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const what = result.full
        ? `full build, ${String(result.written)} pages and files`
        : `${String(result.written)} pages and files rendered again, ${String(result.removed)} removed (${result.changed.join(', ') || 'no report changed'})`;
      await this.finished(id, 'live', result.pages, `${what}; ${seconds} s (${timing})`);
      this.opts.log?.(
        `Trang công khai đã cập nhật / site live (${String(result.pages)} pages; ${what}; ${seconds} s)`,
      );
    } catch (e) {
      this.needFull = true;
      this.failures++;
      // The new release goes, whole or half written.
      if (!live) await this.folders.discard(this.folders.dir(release));
      if (staging) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
      const message = e instanceof Error ? e.message : String(e);
      await this.finished(id, 'failed', 0, message);
      this.opts.log?.(
        `Dựng trang thất bại, trang đang chạy giữ nguyên / build failed, live site unchanged: ${message}`,
      );
    }
  }

  /**
   * Reports published while the build rendered are not in its snapshot:
   * their publish has asked for a build already, but a request lost to a
   * crash or a restart must not leave a published report missing, so what
   * is said to be published is compared with what went live.
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
    await this.folders.switchTo(out);
    // The next release's largest folders, linked while the site waits for the next publish.
    this.folders.prepareNext();
    // Old releases go in the background: removing 100,000 links takes seconds
    // the next publish need not wait for.
    void this.prune().catch((e: unknown) => {
      this.opts.log?.(`Không xoá được bản cũ / could not prune old releases: ${String(e)}`);
    });
  }

  private async prune(): Promise<void> {
    await this.folders.prune(this.opts.keep ?? 3);
    // Search indexes no kept release links to, and no search job is writing.
    await this.indexes.prune(this.search.inUse);
  }

  /** A release that is the live one with the new search index. */
  private async installSearch(): Promise<void> {
    const dir = this.search.take();
    if (!dir) return;
    const release = releaseId();
    const id = await this.started(release, [{ reason: 'chỉ mục tìm kiếm / search index' }]);
    let out: string | undefined;
    try {
      // The live release with a new link where its search index was.
      out = (await this.folders.compose(release, undefined, [SEARCH_INDEX])).out;
      await this.indexes.point(out, dir);
      checkRelease(out, ['index.html']);
      await this.goLive(out);
      await this.finished(id, 'live', this.livePages, 'search index');
    } catch (e) {
      this.search.failed();
      if (out) await this.folders.discard(out);
      await this.folders.discard(dir);
      await this.finished(id, 'failed', 0, e instanceof Error ? e.message : String(e));
    }
  }

  private async rollBackOnce(by: string | undefined): Promise<string | undefined> {
    const previous = await this.folders.previous();
    if (!previous) return undefined;
    const id = await this.started(previous, [
      { reason: 'quay lại bản trước / roll back', ...(by === undefined ? {} : { by }) },
    ]);
    try {
      await this.folders.switchTo(this.folders.dir(previous));
    } catch (e) {
      await this.finished(id, 'failed', 0, e instanceof Error ? e.message : String(e));
      throw e;
    }
    // The renderer's memory is of the newer content: the next build renders it all.
    this.needFull = true;
    const pages = await countPages(this.folders.dir(previous), this.folders.releases).catch(
      () => 0,
    );
    await this.finished(id, 'live', pages, `rolled back to ${previous}`);
    this.opts.log?.(`Đã quay lại bản ${previous} / rolled back to ${previous}`);
    return previous;
  }

  /** Stops the build in progress, if any (shutdown, or a test of a killed build). */
  kill(): boolean {
    return this.renderer?.kill() ?? false;
  }

  /** Ends the renderer (the editor stopping). */
  close(): void {
    this.search.close();
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.renderer?.close();
  }

  /** True while a build runs or waits. */
  get busy(): boolean {
    return this.running !== undefined;
  }
}
