/**
 * Making and measuring release trees. A release made from the live one
 * shares what did not change: nothing here ever writes into a file or a
 * folder another release holds; files are linked, renamed or removed, and
 * folders are made new (see releases.ts for the layout).
 */
import { spawn } from 'node:child_process';
import {
  linkSync,
  lstatSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  symlinkSync,
  unlinkSync,
  type Dirent,
} from 'node:fs';
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
 * release's manifest), the release's real folders (the check looks into
 * those only: the rest is the live release's, checked when it went live)
 * and the time of each part.
 */
export async function composeTree(
  live: string,
  out: string,
  staging: string,
  removed: readonly string[],
  releasesRoot: string,
  prepared?: Map<string, PreparedFolder>,
  largeFolder = LARGE_FOLDER,
): Promise<{ links: ReleaseLink[]; folders: string[]; large: string[]; timing: TreeTiming }> {
  const started = performance.now();
  const gone = new Set(removed.map((p) => p.split(/[\\/]/).filter(Boolean).join('/')));
  // The folders holding a removed path are changed folders too.
  for (const p of gone) await mkdir(join(staging, dirname(p)), { recursive: true });
  const releases = await realpath(releasesRoot);
  const outDir = join(await realpath(dirname(out)), basename(out));
  const links: ReleaseLink[] = [];
  /** The release's real folders (its own), by path in it; '' is its root. */
  const folders: string[] = [];
  /** Of them, those whose live folder has many entries: worth preparing for the next release. */
  const large: string[] = [];
  const breathe = breather();

  /** `from`: the real folder of the live release at `rel`, if it has one; `to`: staging's. */
  const fill = async (from: string | undefined, to: string, rel: string): Promise<void> => {
    folders.push(rel);
    const mine = readdirSync(to, { withFileTypes: true });
    const own = new Set(mine.map((e) => e.name));
    const ready = from === undefined ? undefined : prepared?.get(rel);
    prepared?.delete(rel);
    const farm = ready?.from === from ? ready : undefined;
    let theirs: Dirent[] = [];
    try {
      theirs = from && !farm ? readdirSync(from, { withFileTypes: true }) : [];
    } catch {
      // A file where staging has a folder: nothing of it is kept.
    }
    if ((farm?.names.size ?? theirs.length) >= largeFolder) large.push(rel);
    const byName = new Map(theirs.map((e) => [e.name, e]));
    const final = join(outDir, rel);
    for (const e of theirs) {
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      if (own.has(e.name) || gone.has(path) || !from) continue;
      await breathe();
      const link = linkEntry(from, e, join(to, e.name), final, releases, path);
      if (link) links.push(link);
    }
    // Changed folders below: their own entries, and the live folder's under them.
    for (const e of mine) {
      if (!e.isDirectory()) continue;
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      const t = byName.get(e.name);
      const real =
        !from || gone.has(path) ? undefined : farm ? realChild(from, e.name) : t && realOf(from, t);
      await fill(real, join(to, e.name), path);
    }
    if (!farm) return;
    // The live folder's entries were linked ahead (prepareFolder): this folder's own
    // entries and removed paths take the place of theirs, then it takes staging's place.
    const replaced = new Set(own);
    for (const name of farm.names) {
      const path = rel === '' ? name : `${rel}/${name}`;
      if (own.has(name) || gone.has(path)) {
        unlinkSync(join(farm.dir, name));
        replaced.add(name);
      }
    }
    for (const name of own) renameSync(join(to, name), join(farm.dir, name));
    rmdirSync(to);
    renameSync(farm.dir, to);
    for (const l of farm.links) if (!replaced.has(basename(l.source))) links.push(l);
  };
  await fill(await realpath(live), staging, '');
  const built = performance.now();
  await rename(staging, out);
  return {
    links,
    folders,
    large,
    timing: { tree: (built - started) / 1000, merge: (performance.now() - built) / 1000 },
  };
}

/**
 * A release's folder linked ahead of a publish: a folder outside the
 * releases holding a link to each entry of the live release's real folder
 * `from` (hard links to files, symlinks to folders, as composeTree makes
 * them), for the folder of the same path in the next release. Folders
 * such as `xa/` hold an entry per unit (some 3,300 at 3,300 units, 15,000
 * in all): linking them took most of a release's time; linked while the
 * site waits for the next publish, a release links only what changed.
 */
export interface PreparedFolder {
  readonly dir: string;
  readonly from: string;
  readonly names: ReadonlySet<string>;
  /** Its links into releasesRoot, for the release's manifest. */
  readonly links: readonly ReleaseLink[];
}

/** Folders with at least this many entries are prepared for the next release (by default). */
export const LARGE_FOLDER = 500;

/**
 * Links into `dir` every entry of the live release's folder at `rel`, as
 * composeTree would for a release beside it (a symlink's text only
 * depends on the depth, not on the release's name).
 */
export async function prepareFolder(
  live: string,
  rel: string,
  dir: string,
  releasesRoot: string,
): Promise<PreparedFolder> {
  const releases = await realpath(releasesRoot);
  const from = await realpath(join(live, rel));
  const final = join(releases, 'next', rel);
  await mkdir(dir, { recursive: true });
  const breathe = breather();
  const names = new Set<string>();
  const links: ReleaseLink[] = [];
  for (const e of readdirSync(from, { withFileTypes: true })) {
    await breathe();
    const link = linkEntry(
      from,
      e,
      join(dir, e.name),
      final,
      releases,
      rel === '' ? e.name : `${rel}/${e.name}`,
    );
    names.add(e.name);
    if (link) links.push(link);
  }
  return { dir, from, names, links };
}

/**
 * Yields to the event loop every SLICE_MS: the links are plain system
 * calls, in slices, so the editor's server, whose process this is,
 * answers between them.
 */
function breather(): () => Promise<void> {
  let slice = performance.now();
  return async () => {
    if (performance.now() - slice < SLICE_MS) return;
    await new Promise((r) => setImmediate(r));
    slice = performance.now();
  };
}

/**
 * Links the entry `e` of the real folder `from` at `to`, for a folder
 * that will be at `final`: a file hard linked; a folder symlinked, to the
 * real folder (a link of `from` is followed first, so links never chain),
 * relative to `final`. A new symlink costs an inode (measured here:
 * ~70-300 us of system time each under load, against ~20 us for a hard
 * link), so a link of `from` whose text still holds from `final` is hard
 * linked. Answers the link into `releases` (for the manifest), if any.
 */
function linkEntry(
  from: string,
  e: Dirent,
  to: string,
  final: string,
  releases: string,
  path: string,
): ReleaseLink | undefined {
  if (e.isFile()) {
    linkSync(join(from, e.name), to);
    return undefined;
  }
  let real: string;
  if (e.isSymbolicLink()) {
    const text = readlinkSync(join(from, e.name));
    real = resolve(from, text);
    // The live folder's link says the same from here (it climbs out of its release).
    if (resolve(final, text) === real) linkSync(join(from, e.name), to);
    else symlinkSync(relative(final, real), to);
  } else {
    real = join(from, e.name);
    symlinkSync(relative(final, real), to);
  }
  const inRelease = relative(releases, real);
  if (!inRelease.startsWith('..') && inRelease.includes(sep))
    return { source: path, target: inRelease.split(sep).join('/') };
  return undefined;
}

/** The real path of the entry `name` of the real folder `dir` (as realOf), if it has one. */
function realChild(dir: string, name: string): string | undefined {
  const path = join(dir, name);
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (!st) return undefined;
  return st.isSymbolicLink() ? resolve(dir, readlinkSync(path)) : path;
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
