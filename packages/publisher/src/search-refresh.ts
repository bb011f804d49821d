/**
 * The search index lags the pages. A build that renders only what a
 * publish touched leaves the index stale; it is rebuilt by the renderer
 * once publishing pauses (schedule.ts searchDelay), into a folder of its
 * own beside the releases, and then handed to the publisher, which puts
 * it live in a release of its own.
 */
import { rm } from 'node:fs/promises';
import type { Renderer } from './renderer.ts';
import { searchDelay } from './schedule.ts';
import type { SearchIndexes } from './search-index.ts';

export interface SearchRefreshOptions {
  /** The renderer to write with, if one is running. */
  readonly renderer: () => Renderer | undefined;
  /** None is running: the next build is full, and writes the index itself. */
  readonly noRenderer: () => void;
  /** True while a build runs: the index waits for it. */
  readonly busy: () => boolean;
  /** An index is ready to go live (`take` hands it over). */
  readonly ready: () => void;
  readonly log?: (line: string) => void;
}

export class SearchRefresh {
  private stale = false;
  private staleSince: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private job: { done: Promise<void>; dir: string } | undefined;
  private readyDir: string | undefined;

  constructor(
    private readonly indexes: SearchIndexes,
    private readonly opts: SearchRefreshOptions,
  ) {}

  /** After a build went live: an incremental one leaves the index stale, a full one wrote it. */
  wentLive(full: boolean): void {
    this.stale = !full;
  }

  /** An index that could not go live is written again later. */
  failed(): void {
    this.stale = true;
  }

  /** The folder of an index ready to go live, handed over once. */
  take(): string | undefined {
    const dir = this.readyDir;
    this.readyDir = undefined;
    return dir;
  }

  get hasReady(): boolean {
    return this.readyDir !== undefined;
  }

  /** Index folders being written or waiting to go live, which pruning must leave alone. */
  get inUse(): (string | undefined)[] {
    return [this.job?.dir, this.readyDir];
  }

  /** Something to wait for before the index has caught up, or undefined when it has. */
  pending(): Promise<void> | undefined {
    if (this.job) return this.job.done;
    if (this.stale) return new Promise((r) => setTimeout(r, 100));
    return undefined;
  }

  /**
   * Rebuilds the index once publishing pauses (it takes a core for tens of
   * seconds at 3,300 units and would slow the publishes that follow), or
   * at the latest a minute after it went stale.
   */
  schedule(): void {
    if (!this.stale || this.job) return;
    this.staleSince ??= Date.now();
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        if (this.opts.busy()) return; // scheduled again when the build ends
        this.staleSince = undefined;
        this.start();
      },
      searchDelay(this.staleSince, Date.now()),
    );
  }

  private start(): void {
    if (!this.stale || this.job) return;
    const renderer = this.opts.renderer();
    if (!renderer || renderer.exited) {
      this.stale = false;
      this.opts.noRenderer();
      return;
    }
    this.stale = false;
    const dir = this.indexes.next();
    const done = (async () => {
      try {
        await this.indexes.create(dir);
        await renderer.run({ kind: 'search', out: dir });
        this.readyDir = dir;
        this.opts.ready();
      } catch (e) {
        this.stale = true;
        await rm(dir, { recursive: true, force: true });
        this.opts.log?.(`Chỉ mục tìm kiếm thất bại / search index failed: ${String(e)}`);
      } finally {
        this.job = undefined;
      }
    })();
    this.job = { done, dir };
  }

  close(): void {
    clearTimeout(this.timer);
  }
}
