/**
 * Making and measuring release trees. A release made from the live one
 * shares what did not change: nothing here ever writes into a file or a
 * folder another release holds; files are linked, renamed or removed, and
 * folders are made new (see releases.ts for the layout).
 */
import { spawn } from 'node:child_process';
import { linkSync, readdirSync, readlinkSync, symlinkSync, type Dirent } from 'node:fs';
import { lstat, mkdir, readdir, realpath, rename } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

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

/** A symlink of a release to a real folder of another: `source` in this release, `target` under releases/. */
export interface ReleaseLink {
  readonly source: string;
  readonly target: string;
}

export interface TreeTiming {
  /** Unchanged files and folders linked into the changed folders, in seconds. */
  readonly tree: number;
  /** The folders put in place (one rename), in seconds. */
  readonly merge: number;
}

/**
 * Makes `out` the live release `live` changed by the files rendered into
 * `staging` and without the paths `removed` (addresses such as `/a/b/`, or
 * files). The folders of `staging` are the changed ones, and become the
 * release's: into each goes a hard link to each unchanged file of the live
 * folder at that path and a symlink to each unchanged folder, to the real
 * folder (a link of `live` is followed first, so links never chain),
 * relative to where the link will be, then `staging` is renamed to `out`
 * (one filesystem). Answers the links into `releasesRoot` (for the
 * release's manifest) and the time of each part.
 */
export async function composeTree(
  live: string,
  out: string,
  staging: string,
  removed: readonly string[],
  releasesRoot: string,
): Promise<{ links: ReleaseLink[]; timing: TreeTiming }> {
  const started = performance.now();
  const gone = new Set(removed.map((p) => p.split(/[\\/]/).filter(Boolean).join('/')));
  // The folders holding a removed path are changed folders too.
  for (const p of gone) await mkdir(join(staging, dirname(p)), { recursive: true });
  const releases = await realpath(releasesRoot);
  const outDir = join(await realpath(dirname(out)), basename(out));
  const links: ReleaseLink[] = [];
  // Some 15,000 entries at 3,300 units (xa/, en/xa/ and du-lieu/xa/ hold one per
  // unit). A new symlink costs an inode (measured here: ~70-300 us of system time
  // each under load, against ~20 us for a hard link), so the live folder's own
  // links are hard linked where their text still holds. They run as plain system
  // calls, in slices, so the editor's server, whose process this is, answers
  // between them.
  let slice = performance.now();
  const breathe = async () => {
    if (performance.now() - slice < SLICE_MS) return;
    await new Promise((r) => setImmediate(r));
    slice = performance.now();
  };

  /** `from`: the real folder of the live release at `rel`, if it has one; `to`: staging's. */
  const fill = async (from: string | undefined, to: string, rel: string): Promise<void> => {
    const mine = readdirSync(to, { withFileTypes: true });
    const own = new Set(mine.map((e) => e.name));
    let theirs: Dirent[] = [];
    try {
      theirs = from ? readdirSync(from, { withFileTypes: true }) : [];
    } catch {
      // A file where staging has a folder: nothing of it is kept.
    }
    const byName = new Map(theirs.map((e) => [e.name, e]));
    const final = join(outDir, rel);
    for (const e of theirs) {
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      if (own.has(e.name) || gone.has(path) || !from) continue;
      await breathe();
      if (e.isFile()) {
        linkSync(join(from, e.name), join(to, e.name));
        continue;
      }
      let real: string;
      if (e.isSymbolicLink()) {
        const text = readlinkSync(join(from, e.name));
        real = resolve(from, text);
        // The live folder's link says the same from here (it climbs out of its release):
        // the link itself is hard linked, a tenth of the cost of a new symlink here.
        if (resolve(final, text) === real) linkSync(join(from, e.name), join(to, e.name));
        else symlinkSync(relative(final, real), join(to, e.name));
      } else {
        real = join(from, e.name);
        symlinkSync(relative(final, real), join(to, e.name));
      }
      const inRelease = relative(releases, real);
      if (!inRelease.startsWith('..') && inRelease.includes(sep))
        links.push({ source: path, target: inRelease.split(sep).join('/') });
    }
    // Changed folders below: their own entries, and the live folder's under them.
    for (const e of mine) {
      if (!e.isDirectory()) continue;
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      const t = byName.get(e.name);
      await fill(
        !from || !t || gone.has(path) ? undefined : realOf(from, t),
        join(to, e.name),
        path,
      );
    }
  };
  await fill(await realpath(live), staging, '');
  const built = performance.now();
  await rename(staging, out);
  return {
    links,
    timing: { tree: (built - started) / 1000, merge: (performance.now() - built) / 1000 },
  };
}

/** The longest the release tree holds the event loop at once. */
const SLICE_MS = 10;

/**
 * The real path of an entry of the real folder `dir`: a release's links
 * point at real folders (see composeTree), so one readlink resolves one.
 */
function realOf(dir: string, e: Dirent): string {
  const path = join(dir, e.name);
  return e.isSymbolicLink() ? resolve(dir, readlinkSync(path)) : path;
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
