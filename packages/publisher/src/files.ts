/**
 * Moving whole releases about. A release made from the live one shares
 * its unchanged files as hard links, so nothing here ever writes into a
 * file: files are linked, renamed or removed.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/**
 * Work in the background (the copy for the next publish, removing old
 * releases, the search index) runs at the lowest CPU and disk priority,
 * so that on a small machine it never slows the publish being rendered.
 */
export type Priority = 'low' | 'normal';
const LOW_PRIORITY = ['nice', '-n', '19', 'ionice', '-c', '2', '-n', '7'];

export function runCommand(
  priority: Priority,
  command: string,
  args: readonly string[],
): Promise<void> {
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

/**
 * A copy of `from` whose files are hard links: no file data is copied,
 * but a site of 3,300 units is 126,000 entries (seconds of system time),
 * so the top-level folders are copied by two processes at once, those
 * named in `largest` first (the renderer knows which they are).
 */
export async function linkCopy(
  from: string,
  to: string,
  priority: Priority = 'normal',
  largest: readonly string[] = [],
): Promise<void> {
  await mkdir(to, { recursive: true });
  const rank = (name: string) => {
    const i = largest.indexOf(name);
    return i < 0 ? largest.length : i;
  };
  const queue = (await readdir(from)).sort((a, b) => rank(a) - rank(b));
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift())
      await runCommand(priority, 'cp', ['-al', join(from, name), join(to, name)]);
  };
  await Promise.all([worker(), worker()]);
}

/** Removes a whole tree, in the background. */
export function removeTree(dir: string): Promise<void> {
  return runCommand('low', 'rm', ['-rf', '--', dir]);
}

/**
 * Moves the files an incremental build rendered into `staging` into
 * `release` (a link copy of the live release made meanwhile), each by a
 * rename, and removes the pages the build dropped (an address such as
 * `/a/b/`: its folder goes, with the files beside the page). Rendering
 * and copying run at once this way, rather than one after the other.
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
  for (const page of removedPages)
    await rm(join(release, page.slice(1)), { recursive: true, force: true });
  await rm(staging, { recursive: true, force: true });
}

/** HTML pages in a release (the figure a build reports). */
export async function countPages(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile() && e.name.endsWith('.html')) n++;
  return n;
}
