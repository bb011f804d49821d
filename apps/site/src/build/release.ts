/**
 * Files of a release directory. A release made from the live one shares
 * its unchanged files as hard links, so every write here replaces a file
 * (a new file renamed over the path) and never writes into one: writing
 * into a shared file would change the live site too.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { writeFileAtomic } from '@congkhai/content';

/** Where an address is written: `/xa/a/` -> `xa/a/index.html`, files as they are. */
export const fileOf = (page: string) =>
  page.endsWith('/') ? `${page.slice(1)}index.html` : page.slice(1);

/** Writes a page of a release: replaced, never written into (see above), and not flushed: a crash renders it again. */
export const replaceFile = (root: string, relative: string, bytes: Uint8Array): Promise<void> =>
  writeFileAtomic(join(root, relative), bytes);

/** The largest top-level folders of a release, largest first. */
const LARGEST = ['xa', 'pagefind', 'en', 'du-lieu', 'chi-so'];

/**
 * A copy of `from` whose files are hard links: no file data is copied,
 * but a site of 3,300 units is 126,000 entries (seconds of system time),
 * so the top-level folders are copied by two processes at once, the
 * largest first.
 */
export async function linkCopy(
  from: string,
  to: string,
  priority: Priority = 'normal',
): Promise<void> {
  await mkdir(to, { recursive: true });
  const rank = (name: string) => {
    const i = LARGEST.indexOf(name);
    return i < 0 ? LARGEST.length : i;
  };
  const queue = (await readdir(from)).sort((a, b) => rank(a) - rank(b));
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift())
      await run(priority, 'cp', ['-al', join(from, name), join(to, name)]);
  };
  await Promise.all([worker(), worker()]);
}

/**
 * Work in the background (the copy for the next publish, removing old
 * releases, the search index) runs at the lowest CPU and disk priority,
 * so that on a small machine it never slows the publish being rendered.
 */
export type Priority = 'low' | 'normal';
const LOW_PRIORITY = ['nice', '-n', '19', 'ionice', '-c', '2', '-n', '7'];

export function run(priority: Priority, command: string, args: readonly string[]): Promise<void> {
  const [cmd = command, ...rest] =
    priority === 'low' ? [...LOW_PRIORITY, command, ...args] : [command, ...args];
  return new Promise((ok, fail) => {
    const child = spawn(cmd, rest, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) ok();
      else fail(new Error(`${command} ${args.join(' ')}: ${err.trim()}`));
    });
  });
}

/** The client assets of the built code (scripts, styles, public files). */
export async function copyAssets(appDir: string, out: string): Promise<void> {
  await cp(join(appDir, 'client'), out, { recursive: true });
}

/** Removes a whole release, in the background. */
export function removeTree(dir: string): Promise<void> {
  return run('low', 'rm', ['-rf', '--', dir]);
}

/** Removes a page that no longer exists, with the files beside it (a withdrawn report's source). */
export async function removePage(root: string, page: string): Promise<void> {
  await rm(join(root, page.slice(1)), { recursive: true, force: true });
}

/**
 * Moves the pages an incremental build rendered into `staging` into
 * `release` (a link copy of the live release made meanwhile), each by a
 * rename, and removes the pages the build dropped. Rendering and copying
 * run at once this way, rather than one after the other.
 */
export async function mergeInto(
  staging: string,
  release: string,
  removedPages: readonly string[],
): Promise<void> {
  for (const e of await readdir(staging, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const from = join(e.parentPath, e.name);
    const to = join(release, relative(staging, from));
    await mkdir(dirname(to), { recursive: true });
    await rename(from, to);
  }
  for (const page of removedPages) await removePage(release, page);
  await rm(staging, { recursive: true, force: true });
}
