import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countPages, linkCopy, mergeInto } from './files.ts';
import { ReleaseFolders } from './releases.ts';

const page = (root: string, path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

describe('release folders', () => {
  it('copies a release as hard links and merges rendered pages in by rename, dropping removed pages', async () => {
    const root = mkdtempSync(join(tmpdir(), 'congkhai-releases-'));
    const live = join(root, 'live');
    page(live, 'index.html', 'home');
    page(live, 'a/b/index.html', 'b');
    page(live, 'a/gone/index.html', 'gone');
    const next = join(root, 'next');
    await linkCopy(live, next, 'low', ['a']);
    expect(statSync(join(next, 'a/b/index.html')).ino).toBe(
      statSync(join(live, 'a/b/index.html')).ino,
    );
    const staging = join(root, 'staging');
    page(staging, 'a/b/index.html', 'b again');
    await mergeInto(staging, next, ['/a/gone/']);
    expect(readFileSync(join(next, 'a/b/index.html'), 'utf8')).toBe('b again');
    expect(readFileSync(join(live, 'a/b/index.html'), 'utf8')).toBe('b');
    expect(existsSync(join(next, 'a/gone'))).toBe(false);
    expect(existsSync(staging)).toBe(false);
    expect(await countPages(next)).toBe(2);
  });

  it('switches current atomically, finds the release before the live one and prunes all but the newest', async () => {
    const folders = new ReleaseFolders(mkdtempSync(join(tmpdir(), 'congkhai-releases-')));
    expect(folders.live()).toBeUndefined();
    for (const id of ['r1', 'r2', 'r3', 'r4']) {
      const out = await folders.create(id, true);
      page(out, 'index.html', id);
      await folders.switchTo(out);
    }
    expect(readlinkSync(folders.current)).toBe('releases/r4');
    expect(await folders.previous()).toBe('r3');
    await folders.switchTo(folders.dir('r3'));
    expect(await folders.previous()).toBe('r2');
    await folders.prune(2);
    expect((await folders.kept()).sort()).toEqual(['r3', 'r4']);
    await folders.discard(folders.dir('r4'));
    expect((await folders.kept()).sort()).toEqual(['r3']);
  });
});
