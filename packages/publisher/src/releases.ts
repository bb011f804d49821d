/**
 * The release folders under the site root:
 *
 *   releases/<id>          a release: the whole site, through its links
 *   manifests/<id>.links   its manifest: each link it holds into another release's folder
 *   manifests/<id>.retired marks a release pruned but for folders kept releases still use
 *   current                a symlink to the live release, switched by an atomic rename
 *   staging/<id>           pages an incremental build renders: the new release's own folders
 *   prepared/<live id>/    the live release's largest folders linked ahead for the next release
 *   trash/                 releases on their way out, removed in the background
 *
 * A release costs what changed, not the site. A full build writes every
 * file into an empty folder. An incremental build renders the pages a
 * publish touched into staging/, whose folders are then the only real
 * folders of the new release (for one report: the root, xa/, xa/<unit>/,
 * xa/<unit>/<period>/ and the aggregate pages' folders): into each goes a
 * hard link to each unchanged file of the live release's folder and a
 * symlink to each unchanged folder, to the real folder that holds it, and
 * staging/<id> is renamed to releases/<id>. A link of the live release
 * is resolved first, so a link always points at a real folder (never at
 * another link: no chains, one hop per level). A folder of a release is
 * never written once it is live: the next release makes its own where it
 * changes something. The folders with the most entries (`xa/`, an entry
 * per unit) are linked ahead: once a release is live, the folders that
 * were large in the last release made are linked again, in the
 * background, into prepared/<live id>/, and the next release made from
 * that live release takes them (renamed in, its own entries in place of
 * theirs), so a publish links what changed, not 15,000 entries.
 *
 * Pruning keeps every folder a kept release reaches. The manifest lists
 * the release's links (`<path in it>\t<id>/<path>`); what a kept release
 * reaches is its own folders, the folders its links point at, and, since
 * those folders hold links of their own (recorded in their release's
 * manifest under that path), what those reach in turn. A release past the
 * newest `keep` that nothing kept reaches is removed whole; one that a
 * kept release still reaches is retired: marked, then trimmed to the
 * folders reached (and the paths down to them), its manifest cut to the
 * links inside them. It stays where it is because the links point there
 * (moving the shared folders would mean rewriting every link to them),
 * and it goes once no kept release reaches it. A retired release is no
 * release: it is not listed and never rolled back to. So every kept
 * release stays whole, and a rollback to one is only a switch.
 *
 * Whatever serves the site follows `current` on every request, so a
 * switch is seen at once and a failed build, which never switches, leaves
 * the live site as it was.
 */
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  LARGE_FOLDER,
  composeTree,
  prepareFolder,
  removeTree,
  type PreparedFolder,
  type ReleaseLink,
  type TreeTiming,
} from './files.ts';

/** A release id: the time it was started, which sorts as it was made. */
export const releaseId = (now = new Date()) => now.toISOString().replace(/[:.]/g, '-');

const LINKS = '.links';
const RETIRED = '.retired';

export class ReleaseFolders {
  private discarded = 0;
  /** Prunes run one after another: two must never trim one folder at once. */
  private pruning: Promise<void> = Promise.resolve();

  /** Folders (paths in a release) found large in the releases made: prepared for the next. */
  private readonly large = new Set<string>();
  /** The live release's large folders linked ahead (see the module comment), by path. */
  private prepared:
    { readonly live: string; readonly folders: Promise<Map<string, PreparedFolder>> } | undefined;

  /** `largeFolder`: the entries from which a folder is prepared ahead (LARGE_FOLDER; less in tests). */
  constructor(
    readonly root: string,
    private readonly largeFolder = LARGE_FOLDER,
  ) {}

  get current(): string {
    return join(this.root, 'current');
  }

  get releases(): string {
    return join(this.root, 'releases');
  }

  dir(release: string): string {
    return join(this.releases, release);
  }

  /** A release's manifest (LINKS) or retired mark (RETIRED). */
  private manifest(release: string, kind: string): string {
    return join(this.root, 'manifests', release + kind);
  }

  staging(release: string): string {
    return join(this.root, 'staging', release);
  }

  /** The live release's folder, if one is live. */
  live(): string | undefined {
    return existsSync(this.current) ? realpathSync(this.current) : undefined;
  }

  /** An empty release folder, for a full build. */
  async create(release: string): Promise<string> {
    const out = this.dir(release);
    await mkdir(out, { recursive: true });
    await this.writeLinks(release, []);
    return out;
  }

  /** A release made whole in `staging` (a full build that rendered there): moved in by rename. */
  async adopt(release: string, staging: string): Promise<string> {
    const out = this.dir(release);
    await mkdir(this.releases, { recursive: true });
    await this.writeLinks(release, []);
    await rename(staging, out);
    return out;
  }

  /**
   * A new release: the live one with the files rendered into `staging`
   * (its folders become the release's) and without the paths `removed`;
   * see the module comment. Answers its folder, its real folders (paths in
   * it, '' its root) and the time of each part.
   */
  async compose(
    release: string,
    staging: string | undefined,
    removed: readonly string[],
  ): Promise<{ out: string; folders: readonly string[]; timing: TreeTiming }> {
    const live = this.live();
    if (!live) throw new Error('no live release to start from');
    const out = this.dir(release);
    await mkdir(this.releases, { recursive: true });
    const from = staging ?? this.staging(release);
    await mkdir(from, { recursive: true });
    const ahead =
      this.prepared?.live === basename(live)
        ? await this.prepared.folders.catch(() => undefined)
        : undefined;
    this.prepared = undefined;
    const { links, folders, large, timing } = await composeTree(
      live,
      out,
      from,
      removed,
      this.releases,
      ahead,
      this.largeFolder,
    );
    for (const rel of large) this.large.add(rel);
    await this.writeLinks(release, links);
    return { out, folders, timing };
  }

  /** The paths in the live release linked ahead for the next, once linked (none when none are). */
  async preparedPaths(): Promise<string[]> {
    const made = await this.prepared?.folders.catch(() => undefined);
    return [...(made?.keys() ?? [])];
  }

  /**
   * Links the live release's large folders ahead, in the background, for
   * the next release (see the module comment); those of an earlier live
   * release go. Never throws: a release made without them links them itself.
   */
  prepareNext(): void {
    const live = this.live();
    const old = join(this.root, 'prepared');
    // What was prepared for an earlier live release, and anything left by a process that stopped.
    const clearing = this.prepared?.folders.catch(() => undefined);
    this.prepared = undefined;
    if (!live) return;
    const id = basename(live);
    const dir = join(old, id);
    const large = [...this.large];
    const folders = (async () => {
      await clearing;
      for (const name of await readdir(old).catch(() => [])) {
        if (name === id) continue;
        const trash = join(this.root, 'trash', `prepared-${name}-${String(++this.discarded)}`);
        await mkdir(dirname(trash), { recursive: true });
        await rename(join(old, name), trash);
        void removeTree(trash).catch(() => undefined);
      }
      await rm(dir, { recursive: true, force: true });
      const made = new Map<string, PreparedFolder>();
      for (const [i, rel] of large.entries()) {
        // A folder the live release no longer has (or has as a file) is not prepared.
        if (!(await stat(join(live, rel)).catch(() => undefined))?.isDirectory()) continue;
        made.set(rel, await prepareFolder(live, rel, join(dir, String(i)), this.releases));
      }
      return made;
    })();
    folders.catch(() => rm(dir, { recursive: true, force: true }).catch(() => undefined));
    this.prepared = { live: id, folders };
  }

  private async writeLinks(release: string, links: readonly ReleaseLink[]): Promise<void> {
    await mkdir(join(this.root, 'manifests'), { recursive: true });
    const text = links.map((l) => `${l.source}\t${l.target}\n`).join('');
    await writeFile(this.manifest(release, LINKS), text);
  }

  /** A release's links, sorted by where they are in it. */
  private async readLinks(release: string): Promise<ReleaseLink[]> {
    const text = await readFile(this.manifest(release, LINKS), 'utf8').catch(() => '');
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [source = '', target = ''] = line.split('\t');
        return { source, target };
      })
      .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  }

  /**
   * Moves a folder out of the way and removes it in the background. Never
   * throws: it runs while a failure is being recorded, maybe on a full disk.
   */
  async discard(dir: string): Promise<void> {
    if (dirname(dir) === this.releases)
      await rm(this.manifest(basename(dir), LINKS), { force: true }).catch(() => undefined);
    const trash = join(this.root, 'trash', `${basename(dir)}-${String(++this.discarded)}`);
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

  /** Makes `out` (a folder of releases/) the live release: a new symlink renamed over `current`. */
  async switchTo(out: string): Promise<void> {
    const release = basename(out);
    const tmp = join(this.root, `current.${release}`);
    await symlink(join('releases', release), tmp);
    try {
      await rename(tmp, this.current);
    } catch (e) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw e;
    }
  }

  /** The newest kept release older than the live one: what a rollback goes back to. */
  async previous(): Promise<string | undefined> {
    const live = this.live();
    const all = (await this.kept()).sort();
    return all.filter((r) => live === undefined || r < basename(live)).at(-1);
  }

  /** Every release folder, retired or not. */
  private async folders(): Promise<{ kept: string[]; retired: string[] }> {
    const entries = await readdir(this.releases, { withFileTypes: true }).catch(() => []);
    const marks = new Set(await readdir(join(this.root, 'manifests')).catch(() => []));
    const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name);
    return {
      kept: dirs.filter((d) => !marks.has(d + RETIRED)),
      retired: dirs.filter((d) => marks.has(d + RETIRED)),
    };
  }

  /** Keeps the newest `keep` releases and the live one, and what they reach; see the module comment. */
  prune(keep: number): Promise<void> {
    const run = this.pruning.then(() => this.pruneOnce(keep));
    this.pruning = run.catch(() => undefined);
    return run;
  }

  private async pruneOnce(keep: number): Promise<void> {
    const live = basename(this.live() ?? '');
    const { kept: all, retired } = await this.folders();
    all.sort();
    const old = all.filter((r) => r !== live).slice(0, Math.max(0, all.length - keep));
    const keptSet = new Set(all.filter((r) => !old.includes(r)));

    // The folders of releases no longer kept that kept releases reach: release -> paths in it.
    const manifests = new Map<string, ReleaseLink[]>();
    const linksOf = async (r: string) => {
      let m = manifests.get(r);
      if (!m) manifests.set(r, (m = await this.readLinks(r)));
      return m;
    };
    const reached = new Map<string, Set<string>>();
    const work: string[] = [];
    for (const r of keptSet) for (const l of await linksOf(r)) work.push(l.target);
    const seen = new Set<string>();
    for (let t = work.pop(); t !== undefined; t = work.pop()) {
      if (seen.has(t)) continue;
      seen.add(t);
      const slash = t.indexOf('/');
      const r = t.slice(0, slash);
      const path = t.slice(slash + 1);
      if (keptSet.has(r)) continue; // whole, and its own links are followed already
      let paths = reached.get(r);
      if (!paths) reached.set(r, (paths = new Set()));
      paths.add(path);
      // The links inside the folder reached: its release's, at or below `path`.
      for (const l of linksUnder(await linksOf(r), path)) work.push(l.target);
    }

    for (const r of [...old, ...retired]) {
      const paths = reached.get(r);
      if (!paths) {
        await rm(this.manifest(r, LINKS), { force: true });
        await removeTree(this.dir(r));
        await rm(this.manifest(r, RETIRED), { force: true });
        continue;
      }
      await writeFile(this.manifest(r, RETIRED), '');
      await trim(this.dir(r), paths);
      const inside = [...paths];
      await this.writeLinks(
        r,
        (await linksOf(r)).filter((l) => inside.some((p) => isAtOrUnder(l.source, p))),
      );
    }
  }

  /** The names of the kept releases (retired ones are not). */
  async kept(): Promise<string[]> {
    return (await this.folders()).kept;
  }
}

const isAtOrUnder = (source: string, path: string) =>
  source === path || source.startsWith(path + '/');

/** The links of a sorted manifest at or below `path`. */
function linksUnder(links: readonly ReleaseLink[], path: string): ReleaseLink[] {
  // The first source not before `path`; those at or under it follow in a run.
  let lo = 0;
  let hi = links.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((links[mid]?.source ?? '') < path) lo = mid + 1;
    else hi = mid;
  }
  const out: ReleaseLink[] = [];
  for (let i = lo; i < links.length; i++) {
    const l = links[i];
    if (!l) break;
    if (isAtOrUnder(l.source, path)) out.push(l);
    else if (!l.source.startsWith(path)) break; // past every name that starts with it
  }
  return out;
}

/** Removes from `dir` all but the paths `keep` (whole) and the folders down to them. */
async function trim(dir: string, keep: ReadonlySet<string>): Promise<void> {
  const ancestors = new Set<string>();
  for (const p of keep) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) ancestors.add(parts.slice(0, i).join('/'));
  }
  const walk = async (d: string, rel: string) => {
    for (const name of await readdir(d)) {
      const path = rel === '' ? name : `${rel}/${name}`;
      if (keep.has(path)) continue;
      if (ancestors.has(path)) await walk(join(d, name), path);
      else await rm(join(d, name), { recursive: true, force: true });
    }
  };
  await walk(dir, '');
}
