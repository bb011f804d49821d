import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countPages } from './files.ts';
import { ReleaseFolders } from './releases.ts';

const page = (root: string, path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

/**
 * Every file of a release as a visitor sees it (through the links), after
 * checking each link: it resolves, and points at a real folder (no chains).
 */
function visible(dir: string, rel = '', out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const r = rel === '' ? name : `${rel}/${name}`;
    const info = lstatSync(path);
    if (info.isSymbolicLink()) {
      const target = resolve(dirname(path), readlinkSync(path));
      expect(existsSync(target), `${r} -> ${target} resolves`).toBe(true);
      expect(lstatSync(target).isSymbolicLink(), `${r} points at a real folder`).toBe(false);
      if (name === 'pagefind') continue;
      visible(target, r, out);
    } else if (info.isDirectory()) visible(path, r, out);
    else out.set(r, readFileSync(path, 'utf8'));
  }
  return out;
}

/** A small deterministic random source. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

/** Builds a release in `folders` from `files` as a full build would. */
async function fullRelease(folders: ReleaseFolders, id: string, files: Map<string, string>) {
  const out = await folders.create(id);
  for (const [f, t] of files) page(out, f, t);
  await folders.switchTo(out);
  return out;
}

/** An incremental release: `changed` rendered into staging, `removed` pages dropped. */
async function nextRelease(
  folders: ReleaseFolders,
  id: string,
  changed: Map<string, string>,
  removed: string[],
  ahead = false,
) {
  const staging = folders.staging(id);
  mkdirSync(staging, { recursive: true });
  for (const [f, t] of changed) page(staging, f, t);
  const { out } = await folders.compose(id, staging, removed);
  expect(existsSync(staging)).toBe(false);
  await folders.switchTo(out);
  // As the publisher does once a release is live: its largest folders linked for the next.
  if (ahead) folders.prepareNext();
  return out;
}

/**
 * Forty publishes that change, add and remove pages, pruning after each:
 * every kept release stays whole, and a rollback after pruning is too.
 * `ahead`: the live release's largest folders are linked ahead for the next.
 */
async function manyPublishes(folders: ReleaseFolders, ahead: boolean) {
  const rand = random(7);
  let site = new Map<string, string>([['index.html', 'home 0']]);
  for (let u = 0; u < 6; u++)
    for (let p = 0; p < 3; p++) {
      site.set(`xa/u${String(u)}/p${String(p)}/index.html`, `u${String(u)} p${String(p)} 0`);
      site.set(`xa/u${String(u)}/p${String(p)}/bao-cao.md`, `source ${String(u)} ${String(p)}`);
    }
  for (let k = 0; k < 4; k++) site.set(`chi-so/k${String(k)}/index.html`, `k${String(k)} 0`);
  const expected = new Map<string, Map<string, string>>();
  const id = (n: number) => `r${String(n).padStart(3, '0')}`;
  await fullRelease(folders, id(0), site);
  expected.set(id(0), new Map(site));

  for (let n = 1; n <= 40; n++) {
    const next = new Map(site);
    const changed = new Map<string, string>([['index.html', `home ${String(n)}`]]);
    const removed: string[] = [];
    const u = rand(7); // u6 does not exist at first: a new unit's page
    const p = rand(4); // p3 neither: a new period
    const pagePath = `xa/u${String(u)}/p${String(p)}/index.html`;
    if (rand(5) === 0 && next.has(pagePath)) {
      // A withdrawn report: its folder goes, the source beside the page with it.
      removed.push(`/xa/u${String(u)}/p${String(p)}/`);
      for (const f of [...next.keys()])
        if (f.startsWith(`xa/u${String(u)}/p${String(p)}/`)) next.delete(f);
    } else changed.set(pagePath, `u${String(u)} p${String(p)} ${String(n)}`);
    changed.set(`chi-so/k${String(rand(4))}/index.html`, `k ${String(n)}`);
    for (const [f, t] of changed) next.set(f, t);
    await nextRelease(folders, id(n), changed, removed, ahead);
    expected.set(id(n), next);
    site = next;
    await folders.prune(3);

    const kept = (await folders.kept()).sort();
    expect(kept).toEqual([...expected.keys()].slice(-3));
    for (const r of kept)
      expect(
        Object.fromEntries(visible(folders.dir(r))),
        `release ${r} after ${String(n)}`,
      ).toEqual(Object.fromEntries(expected.get(r) ?? []));
  }
  // Old releases went, but for the folders the kept ones still use: the first
  // release's unchanged units' folders, say, and never a whole stale site.
  const onDisk = readdirSync(folders.releases);
  expect(onDisk.length).toBeLessThan(41);
  expect(onDisk).not.toContain(id(1));

  // Rollback after pruning: the kept release before the live one is whole.
  const previous = await folders.previous();
  expect(previous).toBe(id(39));
  await folders.switchTo(folders.dir(previous ?? ''));
  expect(Object.fromEntries(visible(realpathSync(folders.current)))).toEqual(
    Object.fromEntries(expected.get(id(39)) ?? []),
  );
  // And a publish from it, then pruning again, keeps it so.
  await nextRelease(folders, id(41), new Map([['index.html', 'home 41']]), [], ahead);
  expected.set(id(41), new Map([...(expected.get(id(39)) ?? []), ['index.html', 'home 41']]));
  await folders.prune(3);
  for (const r of await folders.kept())
    expect(Object.fromEntries(visible(folders.dir(r)))).toEqual(
      Object.fromEntries(expected.get(r) ?? []),
    );
}

describe('release folders', () => {
  it('makes a release of real folders only where something changed, links to the rest, and leaves the live one as it was', async () => {
    const folders = new ReleaseFolders(mkdtempSync(join(tmpdir(), 'congkhai-releases-')));
    const site = new Map([
      ['index.html', 'home'],
      ['a/b/index.html', 'b'],
      ['a/b/bao-cao.md', 'b source'],
      ['a/c/index.html', 'c'],
      ['a/gone/index.html', 'gone'],
      ['z/index.html', 'z'],
    ]);
    const r1 = await fullRelease(folders, 'r1', site);
    const r2 = await nextRelease(folders, 'r2', new Map([['a/b/index.html', 'b again']]), [
      '/a/gone/',
    ]);
    // Unchanged folders are links to the live release's; changed ones are real, holding hard links.
    expect(lstatSync(join(r2, 'z')).isSymbolicLink()).toBe(true);
    expect(realpathSync(join(r2, 'z'))).toBe(realpathSync(join(r1, 'z')));
    expect(lstatSync(join(r2, 'a')).isDirectory()).toBe(true);
    expect(lstatSync(join(r2, 'a/b')).isDirectory()).toBe(true);
    expect(lstatSync(join(r2, 'a/c')).isSymbolicLink()).toBe(true);
    expect(statSync(join(r2, 'a/b/bao-cao.md')).ino).toBe(statSync(join(r1, 'a/b/bao-cao.md')).ino);
    expect(statSync(join(r2, 'index.html')).ino).toBe(statSync(join(r1, 'index.html')).ino);
    expect(existsSync(join(r2, 'a/gone'))).toBe(false);
    expect(Object.fromEntries(visible(r2))).toEqual({
      'index.html': 'home',
      'a/b/index.html': 'b again',
      'a/b/bao-cao.md': 'b source',
      'a/c/index.html': 'c',
      'z/index.html': 'z',
    });
    expect(Object.fromEntries(visible(r1))).toEqual(Object.fromEntries(site));
    expect(await countPages(r2, folders.releases)).toBe(4);

    // The next release links to the real folders, not to r2's links: no chains.
    const r3 = await nextRelease(folders, 'r3', new Map([['a/new/index.html', 'new']]), []);
    expect(readlinkSync(join(r3, 'z'))).toBe(relative(r3, join(r1, 'z')));
    expect(readlinkSync(join(r3, 'a/c'))).toBe(relative(join(r3, 'a'), join(r1, 'a/c')));
    expect(readlinkSync(join(r3, 'a/b'))).toBe(relative(join(r3, 'a'), join(r2, 'a/b')));
    expect(visible(r3).get('a/new/index.html')).toBe('new');
    expect(visible(r3).get('a/b/index.html')).toBe('b again');
  });

  it('switches current atomically, finds the release before the live one and prunes all but the newest', async () => {
    const folders = new ReleaseFolders(mkdtempSync(join(tmpdir(), 'congkhai-releases-')));
    expect(folders.live()).toBeUndefined();
    for (const id of ['r1', 'r2', 'r3', 'r4']) {
      const out = await folders.create(id);
      page(out, 'index.html', id);
      await folders.switchTo(out);
    }
    expect(readlinkSync(folders.current)).toBe('releases/r4');
    expect(await folders.previous()).toBe('r3');
    await folders.switchTo(folders.dir('r3'));
    expect(await folders.previous()).toBe('r2');
    await folders.prune(2);
    expect((await folders.kept()).sort()).toEqual(['r3', 'r4']);
    expect(readdirSync(folders.releases).sort()).toEqual(['r3', 'r4']);
    await folders.discard(folders.dir('r4'));
    expect((await folders.kept()).sort()).toEqual(['r3']);
  });

  it('never breaks a kept release when pruning, over many publishes that change, add and remove pages; rollback after pruning', async () => {
    await manyPublishes(
      new ReleaseFolders(mkdtempSync(join(tmpdir(), 'congkhai-releases-'))),
      false,
    );
  }, 30_000);

  it('gives the same releases with the largest folders linked ahead, and uses them', async () => {
    const root = mkdtempSync(join(tmpdir(), 'congkhai-releases-'));
    // Every folder of four entries or more is prepared (500 on a real site).
    const folders = new ReleaseFolders(root, 4);
    await manyPublishes(folders, true);
    // The live release's xa/ (seven units) is prepared for the next, and taken by it.
    const live = basename(realpathSync(folders.current));
    expect(await folders.preparedPaths()).toContain('xa');
    const before = readdirSync(join(root, 'prepared', live)).length;
    const next = await nextRelease(
      folders,
      'r042',
      new Map([['xa/u0/p0/index.html', 'last']]),
      [],
      true,
    );
    expect(readdirSync(join(root, 'prepared', live)).length).toBeLessThan(before);
    expect(visible(next).get('xa/u0/p0/index.html')).toBe('last');
    expect(visible(next).get('index.html')).toBe('home 41');
  }, 30_000);
});
