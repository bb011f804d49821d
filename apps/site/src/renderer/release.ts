/**
 * Files of a release directory. A release made from the live one shares
 * its unchanged files as hard links, so every write here replaces a file
 * (a new file renamed over the path) and never writes into one: writing
 * into a shared file would change the live site too.
 */
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@congkhai/content';

/** Writes a page of a release: replaced, never written into (see above), and not flushed: a crash renders it again. */
export const replaceFile = (root: string, relative: string, bytes: Uint8Array): Promise<void> =>
  writeFileAtomic(join(root, relative), bytes);

/** The client assets of the built code (scripts, styles, public files). */
export async function copyAssets(appDir: string, out: string): Promise<void> {
  await cp(join(appDir, 'client'), out, { recursive: true });
}

/** Removes a page that no longer exists, with the files beside it (a withdrawn report's source). */
export async function removePage(root: string, page: string): Promise<void> {
  await rm(join(root, page.slice(1)), { recursive: true, force: true });
}
