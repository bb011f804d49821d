/**
 * Making and measuring release trees. A release made from the live one
 * shares what did not change: nothing here ever writes into a file or a
 * folder another release holds; files are linked, renamed or removed, and
 * folders are made new (see releases.ts for the layout).
 */
import { spawn } from 'node:child_process';
import { lstat, link, mkdir, readdir, realpath, rename, rm, stat, symlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/**
 * Work in the background (removing old releases, the search index) runs at
 * the lowest CPU and disk priority, so that on a small machine it never
 * slows the publish being rendered.
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

/** Removes a whole tree, in the background (rm -rf removes a symlink, never what it points to). */
export function removeTree(dir: string): Promise<void> {
  return runCommand('low', 'rm', ['-rf', '--', dir]);
}

/** What changed, as a tree of names: a leaf is a file rendered again or a path removed. */
interface Change {
  /** A file rendered into staging: it replaces whatever the path held. */
  staged?: boolean;
  /** The path (a page's folder, or a file) is gone from the new release. */
  removed?: boolean;
  readonly children: Map<string, Change>;
}

const node = (): Change => ({ children: new Map() });

function at(root: Change, path: string): Change {
  let n = root;
  for (const name of path.split(/[\\/]/).filter(Boolean)) {
    let c = n.children.get(name);
    if (!c) n.children.set(name, (c = node()));
    n = c;
  }
  return n;
}

/** A symlink of the new release to a real folder of another: `source` in this release, `target` under releases/. */
export interface ReleaseLink {
  readonly source: string;
  readonly target: string;
}

export interface TreeTiming {
  /** Folders made and unchanged entries linked, in seconds. */
  readonly tree: number;
  /** Rendered files moved in by rename, in seconds. */
  readonly merge: number;
}

/**
 * Makes `out` the live release `live` changed by the files rendered into
 * `staging` and without the paths `removed` (addresses such as `/a/b/`, or
 * files): a real folder along each changed path, holding a hard link to
 * each unchanged file and a symlink to each unchanged folder. A symlink
 * points at the real folder (an earlier link of `live` is resolved first,
 * so links never chain), relative to the link, inside `releasesRoot` or
 * beside it (the search index). Answers the links into `releasesRoot` (for
 * the release's manifest) and the time of each part. `staging` is emptied
 * and removed.
 */
export async function composeTree(
  live: string,
  out: string,
  staging: string | undefined,
  removed: readonly string[],
  releasesRoot: string,
): Promise<{ links: ReleaseLink[]; timing: TreeTiming }> {
  const started = performance.now();
  const changes = node();
  for (const path of removed) at(changes, path).removed = true;
  const stagedFiles: string[] = [];
  if (staging) {
    for (const e of await readdir(staging, { withFileTypes: true, recursive: true })) {
      if (e.isDirectory()) continue;
      const rel = relative(staging, join(e.parentPath, e.name));
      at(changes, rel).staged = true;
      stagedFiles.push(rel);
    }
  }
  const releases = await realpath(releasesRoot);
  const links: ReleaseLink[] = [];
  await mkdir(out, { recursive: true });
  const outReal = await realpath(out);

  /** `from`: the real folder of the live release at this path. */
  const make = async (from: string, to: string, rel: string, change: Change) => {
    for (const e of await readdir(from, { withFileTypes: true })) {
      const c = change.children.get(e.name);
      if (c?.removed || c?.staged) continue;
      const src = join(from, e.name);
      const dst = join(to, e.name);
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      if (c) {
        // Something below changed: a folder of its own, made of the live one's entries.
        const real = await realpath(src);
        if ((await stat(real)).isDirectory()) {
          await mkdir(dst);
          await make(real, dst, path, c);
          continue;
        }
      }
      if (e.isFile()) {
        await link(src, dst);
        continue;
      }
      const real = e.isSymbolicLink() ? await realpath(src) : src;
      await symlink(relative(to, real), dst);
      const inRelease = relative(releases, real);
      if (!inRelease.startsWith('..') && inRelease.split(sep).length > 1)
        links.push({ source: path, target: inRelease.split(sep).join('/') });
    }
  };
  await make(await realpath(live), outReal, '', changes);
  const built = performance.now();
  if (staging) {
    for (const rel of stagedFiles) {
      const to = join(outReal, rel);
      // Folders only the new release has (a new report's page) are made here.
      await mkdir(dirname(to), { recursive: true });
      await rename(join(staging, rel), to);
    }
    await rm(staging, { recursive: true, force: true });
  }
  return {
    links,
    timing: { tree: (built - started) / 1000, merge: (performance.now() - built) / 1000 },
  };
}

/**
 * HTML pages in a release (the figure a build reports), through its links
 * to the folders of other releases (`releasesRoot`), not into the search index.
 */
export async function countPages(dir: string, releasesRoot?: string): Promise<number> {
  const releases = releasesRoot ? await realpath(releasesRoot).catch(() => undefined) : undefined;
  const walk = async (d: string): Promise<number> => {
    let n = 0;
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isFile() && e.name.endsWith('.html')) n++;
      else if (e.isDirectory()) n += await walk(join(d, e.name));
      else if (e.isSymbolicLink() && releases) {
        const real = await realpath(join(d, e.name)).catch(() => '');
        if (real.startsWith(releases + sep) && (await lstat(real)).isDirectory())
          n += await walk(real);
      }
    }
    return n;
  };
  return walk(dir);
}
