/**
 * Rebuilds the public site after a publish or withdraw. One build at a
 * time; requests that arrive during a build are coalesced into exactly one
 * next build. Each build goes into releases/<id>, is checked (pages exist
 * for every published report), and goes live by an atomic rename of the
 * `current` symlink; the last releases are kept for rollback. A failed or
 * killed build leaves the live site as it was; its log is kept.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@libsql/client';
import { inheritedEnv } from './env.ts';

export interface BuildRunnerOptions {
  readonly db: Client;
  /** Holds releases/ and the current symlink. */
  readonly siteRoot: string;
  readonly contentDir: string;
  /** Published reports whose pages must exist: `<unit>/<period>`. */
  readonly published: () => Promise<string[]>;
  readonly keep?: number;
  readonly log?: (line: string) => void;
}

const siteApp = fileURLToPath(new URL('../../../site/', import.meta.url));

export class BuildRunner {
  private running: Promise<void> | undefined;
  private child: ChildProcess | undefined;
  private queued: string[] = [];
  constructor(private readonly opts: BuildRunnerOptions) {}

  get currentDir(): string {
    return join(this.opts.siteRoot, 'current');
  }

  /** Asks for a build; returns when a build that includes this request has finished. */
  request(reason: string): Promise<void> {
    this.queued.push(reason);
    if (!this.running) this.running = this.loop();
    return this.running;
  }

  private async loop(): Promise<void> {
    while (this.queued.length > 0) {
      const reasons = this.queued.splice(0);
      try {
        await this.build(reasons.join('; '));
      } catch (e) {
        this.opts.log?.(`Dựng trang thất bại / build failed: ${String(e)}`);
      }
    }
    this.running = undefined;
  }

  private async build(reason: string): Promise<void> {
    const { db, siteRoot } = this.opts;
    const release = new Date().toISOString().replace(/[:.]/g, '-');
    const out = join(siteRoot, 'releases', release);
    await mkdir(join(siteRoot, 'releases'), { recursive: true });
    const started = new Date().toISOString();
    const row = await db.execute({
      sql: "INSERT INTO builds (release, reason, started_at, status) VALUES (?, ?, ?, 'running')",
      args: [release, reason, started],
    });
    const id = Number(row.lastInsertRowid);
    this.opts.log?.(`Đang dựng trang công khai / building the public site (${reason})…`);
    const { code, log } = await runAstro(out, this.opts.contentDir, (c) => {
      this.child = c;
    });
    this.child = undefined;
    let status: 'live' | 'failed' = code === 0 ? 'live' : 'failed';
    let problem = code === 0 ? '' : `astro build exited with ${String(code)}`;
    let pages = 0;
    if (status === 'live') {
      const missing = (await this.opts.published()).filter(
        (key) => !existsSync(join(out, 'xa', key, 'index.html')),
      );
      pages = await countHtml(out);
      if (missing.length > 0 || !existsSync(join(out, 'index.html'))) {
        status = 'failed';
        problem = `missing pages: ${missing.slice(0, 5).join(', ')}`;
      }
    }
    if (status === 'live') {
      // Atomic switch: a new symlink renamed over the old one.
      const tmp = join(siteRoot, `current.${release}`);
      await symlink(join('releases', release), tmp);
      await rename(tmp, this.currentDir);
      await this.prune(release);
    } else {
      await rm(out, { recursive: true, force: true });
    }
    await db.execute({
      sql: 'UPDATE builds SET finished_at = ?, status = ?, pages = ?, log = ? WHERE id = ?',
      args: [
        new Date().toISOString(),
        status,
        pages,
        `${problem}\n${log.slice(-20_000)}`.trim(),
        id,
      ],
    });
    this.opts.log?.(
      status === 'live'
        ? `Trang công khai đã cập nhật / site live (${String(pages)} pages)`
        : `Dựng trang thất bại, trang đang chạy giữ nguyên / build failed, live site unchanged: ${problem}`,
    );
  }

  /** Stops the build in progress, if any (shutdown, or a test of a killed build). */
  kill(): boolean {
    return this.child?.kill('SIGKILL') ?? false;
  }

  /** True while a build runs or waits. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  private async prune(live: string): Promise<void> {
    const all = (await readdir(join(this.opts.siteRoot, 'releases'))).sort();
    const old = all
      .filter((r) => r !== live)
      .slice(0, Math.max(0, all.length - (this.opts.keep ?? 3)));
    for (const r of old)
      await rm(join(this.opts.siteRoot, 'releases', r), { recursive: true, force: true });
  }
}

function runAstro(
  out: string,
  contentDir: string,
  started: (c: ChildProcess) => void,
): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(siteApp, 'node_modules/astro/bin/astro.mjs'), 'build'],
      {
        cwd: siteApp,
        // The site build reads its own configuration (apps/site/src/env.ts) from these.
        env: { ...inheritedEnv(), CONTENT_DIR: contentDir, SITE_OUT_DIR: out },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    started(child);
    let log = '';
    const keep = (b: Buffer) => {
      log = (log + b.toString()).slice(-200_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (code) => {
      resolve({ code, log });
    });
    child.on('error', (e) => {
      resolve({ code: -1, log: String(e) });
    });
  });
}

async function countHtml(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile() && e.name.endsWith('.html')) n++;
  return n;
}
