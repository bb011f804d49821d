/**
 * Files of a release directory. A release made from the live one shares
 * its unchanged files as hard links, so every write here replaces a file
 * (a new file renamed over the path) and never writes into one: writing
 * into a shared file would change the live site too.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where an address is written: `/xa/a/` -> `xa/a/index.html`, files as they are. */
export const fileOf = (page: string) =>
  page.endsWith('/') ? `${page.slice(1)}index.html` : page.slice(1);

let serial = 0;

export async function replaceFile(
  root: string,
  relative: string,
  bytes: Uint8Array,
): Promise<void> {
  const file = join(root, relative);
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${String(process.pid)}.${String(serial++)}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
}

/** A copy of `from` whose files are hard links: seconds for a whole site, no file data copied. */
export function linkCopy(from: string, to: string): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn('cp', ['-al', from, to], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) ok();
      else fail(new Error(`cp -al ${from} ${to}: ${err.trim()}`));
    });
  });
}

/** The client assets of the built code (scripts, styles, public files). */
export async function copyAssets(appDir: string, out: string): Promise<void> {
  await cp(join(appDir, 'client'), out, { recursive: true });
}

/** Removes a page that no longer exists, with the files beside it (a withdrawn report's source). */
export async function removePage(root: string, page: string): Promise<void> {
  await rm(join(root, page.slice(1)), { recursive: true, force: true });
}
