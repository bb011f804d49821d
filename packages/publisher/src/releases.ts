/**
 * The release folders under the site root:
 *
 *   releases/<id>   each a whole site; the last few are kept for rollback
 *   current         a symlink to the live release, switched by an atomic rename
 *   staging/<id>    pages an incremental build renders, merged into releases/<id>
 *   standby/<id>    a link copy of the live release, made while idle, for the next build
 *   trash/          releases on their way out, removed in the background
 *
 * Whatever serves the site follows `current` on every request, so a
 * switch is seen at once and a failed build, which never switches, leaves
 * the live site as it was.
 */
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, readdir, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { linkCopy, removeTree } from './files.ts';

/** A release id: the time it was started, which sorts as it was made. */
export const releaseId = (now = new Date()) => now.toISOString().replace(/[:.]/g, '-');

export class ReleaseFolders {
  /** A link copy of the live release, made while idle, for the next build to start from. */
  private standby: { base: string; dir: string; ready: Promise<boolean> } | undefined;
  private discarded = 0;

  constructor(
    readonly root: string,
    /** The renderer's largest top-level folders, copied first. */
    private readonly largest: () => readonly string[] = () => [],
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

  staging(release: string): string {
    return join(this.root, 'staging', release);
  }

  /** The live release's folder, if one is live. */
  live(): string | undefined {
    return existsSync(this.current) ? realpathSync(this.current) : undefined;
  }

  /** A new release folder holding a link copy of the live release (or nothing, for a full build). */
  async create(release: string, full: boolean): Promise<string> {
    const out = this.dir(release);
    await mkdir(this.releases, { recursive: true });
    const live = this.live();
    const standby = this.standby;
    this.standby = undefined;
    if (standby && (full || standby.base !== live || !(await standby.ready))) {
      void removeTree(standby.dir).catch(() => undefined);
    } else if (standby) {
      await rename(standby.dir, out);
      return out;
    }
    if (!full && live) await linkCopy(live, out, 'normal', this.largest());
    return out;
  }

  /**
   * Moves a folder out of the way and removes it in the background. Never
   * throws: it runs while a failure is being recorded, maybe on a full disk.
   */
  async discard(dir: string): Promise<void> {
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
    const all = (await readdir(this.releases).catch(() => [] as string[])).sort();
    return all.filter((r) => live === undefined || r < basename(live)).at(-1);
  }

  /** Removes all but the newest `keep` releases, never the live one. */
  async prune(keep: number): Promise<void> {
    const live = basename(this.live() ?? '');
    const all = (await readdir(this.releases)).sort();
    const old = all.filter((r) => r !== live).slice(0, Math.max(0, all.length - keep));
    for (const r of old) await removeTree(this.dir(r));
  }

  /** The names of the kept releases. */
  kept(): Promise<string[]> {
    return readdir(this.releases);
  }

  /** Copies the live release while nothing else happens, so the next publish starts at once. */
  prepareStandby(live: string): void {
    const dir = join(this.root, 'standby', basename(live));
    this.standby = {
      base: live,
      dir,
      ready: mkdir(join(this.root, 'standby'), { recursive: true })
        .then(() => rm(dir, { recursive: true, force: true }))
        .then(() => linkCopy(live, dir, 'low', this.largest()))
        .then(
          () => true,
          () => false,
        ),
    };
  }
}
