/**
 * The rebuild runner with the real site renderer: coalescing, incremental
 * builds, atomic switch, and faults that must leave the live site as it
 * was (invalid content, a killed build, an unwritable release, a full disk).
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  lstatSync,
  readFileSync,
  readdirSync,
  realpathSync,
  readlinkSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportPath, serializeReport } from '@congkhai/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/db.ts';
import type { Publisher } from '@congkhai/publisher';
import { renderSite } from '@congkhai/site/renderer';
import { sitePublisher } from '../src/server/rebuild.ts';
import type { Client, Row } from '@libsql/client';

const repoContent = fileURLToPath(new URL('../../../content/', import.meta.url));
let db: Client;
let dir: string;
let content: string;
let runner: Publisher;
let published: string[] = [];

/** Builds of pages (the search index goes live in releases of its own, after them). */
const builds = async () =>
  (
    await db.execute(
      "SELECT status, reason, log FROM builds WHERE reason NOT LIKE '%search index%' ORDER BY id",
    )
  ).rows;
const live = () => readlinkSync(join(dir, 'site', 'current'));
const logOf = (row: Row | undefined) => (typeof row?.log === 'string' ? row.log : '');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'congkhai-rebuild-'));
  content = join(dir, 'content');
  cpSync(repoContent, content, { recursive: true });
  db = await openDatabase(`file:${join(dir, 'r.db')}`);
  published = ['quang-hai-tu-ky-hai-duong/2023-H1'];
  runner = sitePublisher({
    db,
    siteRoot: join(dir, 'site'),
    contentDir: content,
    published: () => Promise.resolve(published),
  });
  await runner.request('first');
});

afterAll(async () => {
  await runner.settled();
  runner.close();
  db.close();
});

function publish(period: string, received: number) {
  const r = {
    schema: 1,
    unit: 'quang-hai-tu-ky-hai-duong',
    period,
    title: `Báo cáo ${period}`,
    metrics: { 'dossiers.received': received },
    targets: {},
    statedShares: {},
    explanations: {},
    body: '',
  };
  writeFileSync(join(content, reportPath(r.unit, r.period)), serializeReport(r));
  published.push(`${r.unit}/${period}`);
}

describe('rebuild on publish', () => {
  it('goes live by switching the current symlink to a new release', async () => {
    expect(live()).toMatch(/^releases\//);
    expect((await builds()).map((b) => b.status)).toEqual(['live']);
  });

  it('turns ten publishes in one second into at most two builds, ending with all ten', async () => {
    const before = (await builds()).length;
    const done: Promise<void>[] = [];
    for (let i = 1; i <= 10; i++) {
      publish(`2019-M${String(i).padStart(2, '0')}`, 100 + i);
      done.push(runner.request(`publish ${String(i)}`));
      await new Promise((r) => setTimeout(r, 90));
    }
    await Promise.all(done);
    while (runner.busy) await new Promise((r) => setTimeout(r, 100));
    const after = await builds();
    expect(after.length - before).toBeLessThanOrEqual(2);
    expect(after.at(-1)?.status).toBe('live');
    for (let i = 1; i <= 10; i++) {
      const html = readFileSync(
        join(
          dir,
          'site',
          live(),
          'xa/quang-hai-tu-ky-hai-duong',
          `2019-M${String(i).padStart(2, '0')}`,
          'index.html',
        ),
        'utf8',
      );
      expect(html).toContain(String(100 + i));
    }
    // New periods make the renderer build everything; the search index stays linked.
    expect(readFileSync(join(dir, 'site', live(), 'pagefind/pagefind.js')).length).toBeGreaterThan(
      0,
    );
  });

  it('renders only what a changed report touches, then puts the search index live after it', async () => {
    publish('2019-M05', 555);
    await runner.request('publish 2019-M05 again');
    const last = (await builds()).at(-1);
    expect(last?.status).toBe('live');
    expect(logOf(last)).toMatch(
      /pages and files rendered again.*quang-hai-tu-ky-hai-duong\/2019-M05/,
    );
    const page = () =>
      readFileSync(
        join(dir, 'site', live(), 'xa/quang-hai-tu-ky-hai-duong/2019-M05/index.html'),
        'utf8',
      );
    expect(page()).toContain('555');
    // The search index follows in a release of its own, with the same pages.
    await runner.settled();
    const search = await db.execute(
      "SELECT status FROM builds WHERE reason LIKE '%search index%' ORDER BY id DESC LIMIT 1",
    );
    expect(search.rows[0]?.status).toBe('live');
    expect(page()).toContain('555');
    // And the live release is, file by file, what a full build of the same content gives.
    const full = join(dir, 'full-build');
    const built = renderSite(content, full);
    expect(built.code, built.output).toBe(0);
    const files = (root: string, prefix = ''): [string, string][] =>
      readdirSync(root, { withFileTypes: true, recursive: true }).flatMap((e) => {
        const f = join(e.parentPath, e.name);
        // The live release links to its search index, kept beside the releases, and to the
        // folders of earlier releases it did not change: compared through the links.
        if (e.isSymbolicLink()) return files(realpathSync(f), `${prefix}${relative(root, f)}/`);
        if (!e.isFile()) return [];
        return [
          [prefix + relative(root, f), createHash('sha256').update(readFileSync(f)).digest('hex')],
        ];
      });
    const sorted = (x: [string, string][]) => new Map(x.sort((a, b) => a[0].localeCompare(b[0])));
    expect(lstatSync(join(dir, 'site', live(), 'pagefind')).isSymbolicLink()).toBe(true);
    expect(sorted(files(join(dir, 'site', live())))).toEqual(sorted(files(full)));
  });

  it('keeps the live site when the content is invalid, and keeps the log', async () => {
    const current = live();
    const bad = join(content, 'reports/quang-hai-tu-ky-hai-duong/2019-M01.md');
    const good = readFileSync(bad, 'utf8');
    writeFileSync(bad, good.replace('received: 101', 'received: "một trăm"'));
    await runner.request('invalid');
    const last = (await builds()).at(-1);
    expect(last?.status).toBe('failed');
    expect(typeof last?.log === 'string' ? last.log : '').toContain('2019-M01.md');
    expect(live()).toBe(current);
    writeFileSync(bad, good);
  });

  it('keeps the live site when the build is killed half way', async () => {
    const current = live();
    const done = runner.request('killed');
    // Killed as soon as the build has started.
    while ((await builds()).at(-1)?.status !== 'running')
      await new Promise((r) => setTimeout(r, 20));
    expect(runner.kill()).toBe(true);
    await done;
    expect((await builds()).at(-1)?.status).toBe('failed');
    expect(live()).toBe(current);
  });

  it('keeps the live site when a release cannot be written (simulated full disk)', async () => {
    const current = live();
    // The releases folder replaced by a file: creating the new release fails like a full disk would.
    const releases = join(dir, 'site', 'releases');
    const moved = join(dir, 'releases-moved');
    cpSync(releases, moved, { recursive: true });
    rmSync(releases, { recursive: true });
    writeFileSync(releases, 'not a folder');
    await runner.request('disk');
    rmSync(releases);
    cpSync(moved, releases, { recursive: true });
    expect(live()).toBe(current);
    expect(readFileSync(join(dir, 'site', current, 'index.html'), 'utf8')).toContain('Công khai');
  });

  it('rolls back to the release before the live one; the next build renders the content in full', async () => {
    await runner.settled();
    const current = live();
    const previous = readdirSync(join(dir, 'site', 'releases'))
      .sort()
      .filter((r) => `releases/${r}` < current)
      .at(-1);
    expect(previous).toBeDefined();
    expect(await runner.rollBack()).toBe(previous);
    expect(live()).toBe(`releases/${previous ?? ''}`);
    const row = (
      await db.execute('SELECT status, reason, pages, log FROM builds ORDER BY id DESC LIMIT 1')
    ).rows[0];
    expect(row?.status).toBe('live');
    expect(row?.reason).toMatch(/roll back/);
    expect(Number(row?.pages)).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'site', live(), 'index.html'), 'utf8')).toContain('Công khai');
    await runner.request('after the rollback');
    expect(live() > current).toBe(true);
    expect(logOf((await builds()).at(-1))).toMatch(/^full build/);
  });
});

/** A real full disk: the site root on a small tmpfs (needs root to mount; skipped otherwise). */
function mountTmpfs(at: string, size: string): boolean {
  mkdirSync(at, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at]).status === 0;
}
const tmpfsRoot = join(tmpdir(), `congkhai-fulldisk-${String(process.pid)}`);
const mounted = process.getuid?.() === 0 && mountTmpfs(tmpfsRoot, '64m');

describe.skipIf(!mounted)('a full disk (tmpfs)', () => {
  afterAll(() => {
    spawnSync('umount', [tmpfsRoot]);
  });

  it('leaves the live site as it was and records the error; the next build after space is freed goes live', async () => {
    const fdb = await openDatabase(`file:${join(dir, 'fulldisk.db')}`);
    const site = join(tmpfsRoot, 'site');
    const logs: string[] = [];
    const r = sitePublisher({
      db: fdb,
      siteRoot: site,
      contentDir: content,
      published: () => Promise.resolve(published),
      log: (line) => logs.push(line),
    });
    await r.request('first');
    await r.settled();
    const current = readlinkSync(join(site, 'current'));
    const home = readFileSync(join(site, current, 'index.html'), 'utf8');
    // Fill the disk to the last byte.
    const filler = join(tmpfsRoot, 'filler');
    const free = () => {
      const s = statfsSync(tmpfsRoot);
      return s.bavail * s.bsize;
    };
    writeFileSync(filler, Buffer.alloc(free()));
    publish('2019-M06', 6060);
    await r.request('publish on a full disk');
    const failed = (
      await fdb.execute("SELECT status, log FROM builds WHERE reason LIKE '%full disk%'")
    ).rows[0];
    expect(failed?.status, logs.join('\n')).toBe('failed');
    expect(logOf(failed)).toMatch(/ENOSPC|no space/i);
    expect(readlinkSync(join(site, 'current'))).toBe(current);
    expect(readFileSync(join(site, current, 'index.html'), 'utf8')).toBe(home);
    // No half-written release is left beside the live one.
    const newer = readdirSync(join(site, 'releases')).filter((d) => `releases/${d}` > current);
    expect(newer).toEqual([]);

    rmSync(filler);
    await r.request('space freed');
    const html = readFileSync(
      join(
        site,
        readlinkSync(join(site, 'current')),
        'xa/quang-hai-tu-ky-hai-duong/2019-M06/index.html',
      ),
      'utf8',
    );
    expect(html).toContain('6.060');
    await r.settled();
    r.close();
    fdb.close();
  });
});
