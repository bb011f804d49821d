/**
 * Writing a file so that no reader ever sees it half written: the bytes go
 * to a temporary file beside it, which is then renamed over the path (a
 * rename is atomic within a file system). A write that fails, on a full
 * disk say, leaves the old file as it was and no temporary file behind.
 *
 * Renaming also means a file is replaced, never written into: a release
 * of the site shares its unchanged files with the live one as hard links,
 * and writing into a shared file would change the live site too.
 */
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface WriteOptions {
  /**
   * Flush the bytes to the disk before the rename (fsync), so that a
   * machine that loses power keeps the old file or the new one, never an
   * empty one. A published report wants this; the tens of thousands of
   * pages of a release, which are rendered again after a crash, do not.
   */
  readonly durable?: boolean;
}

/** Temporary names unique in this process; the process id keeps them unique across processes. */
let serial = 0;

export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  opts: WriteOptions = {},
): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${String(process.pid)}.${String(serial++)}.tmp`;
  try {
    if (opts.durable) {
      const handle = await open(tmp, 'w');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } else {
      await writeFile(tmp, data);
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
