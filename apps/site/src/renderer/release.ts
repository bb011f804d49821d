/**
 * Files of a release directory. A release made from the live one shares
 * its unchanged files as hard links, so every write here replaces a file
 * (a new file renamed over the path) and never writes into one: writing
 * into a shared file would change the live site too.
 */
import { copyFile, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '@congkhai/content';

/** Writes a page of a release: replaced, never written into (see above), and not flushed: a crash renders it again. */
export const replaceFile = (root: string, relative: string, bytes: Uint8Array): Promise<void> =>
  writeFileAtomic(join(root, relative), bytes);

/**
 * The files of a full build, written into a folder it has just emptied:
 * plain writes, no temporary file renamed over the path. No file there is
 * shared with a live release (nothing was linked in), and no reader sees
 * the folder before the whole build is done (the publisher switches to a
 * release once it is checked; a build that fails leaves it unused), so
 * neither reason for replacing applies; a write and a rename cost twice
 * the system calls of a write, tens of thousands of times. Each folder is
 * made once.
 */
export class NewFiles {
  private readonly made = new Set<string>();
  constructor(private readonly root: string) {}

  private async folder(file: string): Promise<void> {
    const dir = dirname(file);
    if (this.made.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.made.add(dir);
  }

  async write(relative: string, bytes: Uint8Array): Promise<void> {
    const file = join(this.root, relative);
    await this.folder(file);
    await writeFile(file, bytes);
  }

  /** `from` (an absolute path) copied to `relative`. */
  async copy(from: string, relative: string): Promise<void> {
    const file = join(this.root, relative);
    await this.folder(file);
    await copyFile(from, file);
  }
}

/** The client assets of the built code (scripts, styles, public files). */
export async function copyAssets(appDir: string, out: string): Promise<void> {
  await cp(join(appDir, 'client'), out, { recursive: true });
}

/** Removes a page that no longer exists, with the files beside it (a withdrawn report's source). */
export async function removePage(root: string, page: string): Promise<void> {
  await rm(join(root, page.slice(1)), { recursive: true, force: true });
}
