/**
 * Where the search index lives. It is a file per page (tens of thousands
 * at 3,300 units), so it is kept beside the releases, in search/<id>/,
 * and a release links to it (<release>/pagefind -> ../../search/<id>/pagefind):
 * a new release need not copy it again, and a new index replaces the
 * old by one rename. It lags the pages: rebuilt in the background once
 * publishing pauses, then put live in a release of its own.
 */
import { lstat, mkdir, readdir, readlink, rename, symlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { removeTree } from './files.ts';
import type { ReleaseFolders } from './releases.ts';
import { SEARCH_INDEX } from './renderer.ts';

/** The file the search page loads: a release without it is not good. */
export const SEARCH_ENTRY = join(SEARCH_INDEX, 'pagefind.js');

export class SearchIndexes {
  constructor(private readonly releases: ReleaseFolders) {}

  private get root(): string {
    return join(this.releases.root, 'search');
  }

  /** Where a new index is to be written (as `<dir>/pagefind`); `create` makes it. */
  next(): string {
    return join(this.root, String(Date.now()));
  }

  async create(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
  }

  /** Links the release `out` to the index written in `dir`, replacing the one it had. */
  async point(out: string, dir: string): Promise<void> {
    const link = join(out, `${SEARCH_INDEX}.${basename(dir)}`);
    await symlink(join('..', '..', 'search', basename(dir), SEARCH_INDEX), link);
    const old = await lstat(join(out, SEARCH_INDEX)).catch(() => undefined);
    if (old?.isDirectory()) await this.releases.discard(join(out, SEARCH_INDEX));
    await rename(link, join(out, SEARCH_INDEX));
  }

  /** A release a full build wrote with the index inside: the index moves beside the releases. */
  async externalize(out: string): Promise<void> {
    const inside = await lstat(join(out, SEARCH_INDEX)).catch(() => undefined);
    if (!inside?.isDirectory()) return;
    const dir = join(this.root, basename(out));
    await mkdir(dir, { recursive: true });
    await rename(join(out, SEARCH_INDEX), join(dir, SEARCH_INDEX));
    await this.point(out, dir);
  }

  /** Gives `to` (pages rendered without an index) the index `from` links to, if any. */
  async carryOver(from: string, to: string): Promise<void> {
    const index = await readlink(join(from, SEARCH_INDEX)).catch(() => undefined);
    if (index) await symlink(index, join(to, SEARCH_INDEX));
  }

  /** Removes the indexes no kept release links to, but for those being written (`busy`). */
  async prune(busy: readonly (string | undefined)[]): Promise<void> {
    const kept = new Set<string>();
    for (const r of await this.releases.kept()) {
      const target = await readlink(join(this.releases.dir(r), SEARCH_INDEX)).catch(() => '');
      kept.add(basename(dirname(target)));
    }
    const writing = new Set(busy.filter(Boolean).map((d) => basename(d ?? '')));
    for (const d of await readdir(this.root).catch(() => [])) {
      if (!kept.has(d) && !writing.has(d)) await removeTree(join(this.root, d));
    }
  }
}
