/**
 * A stream of publishes, one a second for a minute, against the rebuild
 * runner with the real site renderer. A publish that lands while a build
 * renders must not fail that build (it is the next build's), so the site
 * keeps up: every report is live within a bound, and no build fails.
 */
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/db.ts';
import type { Publisher } from '@congkhai/publisher';
import { sitePublisher } from '../src/server/rebuild.ts';
import { prepareDemoContent } from '../src/server/seed.ts';

const repoContent = fileURLToPath(new URL('../../../content/', import.meta.url));
/** Every report is served this long after its publish at the latest. */
const LIVE_WITHIN_MS = 20_000;
const PUBLISHES = 60;

let db: Client;
let dir: string;
let content: string;
let runner: Publisher;
let published: string[] = [];
/** The reports the stream publishes: taken out of the demo content before the first build. */
const held = new Map<string, string>();

const fileOf = (key: string) => join(content, 'reports', `${key}.md`);
const liveFile = (key: string) => join(dir, 'site', 'current', 'xa', key, 'index.html');

/** As the editor publishes: the whole file appears at once. */
function publish(key: string) {
  const tmp = `${fileOf(key)}.tmp`;
  writeFileSync(tmp, held.get(key) ?? '');
  renameSync(tmp, fileOf(key));
  published.push(key);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'congkhai-stream-'));
  content = join(dir, 'content');
  // The demo site (100 units, 8 half-years): builds take long enough for publishes to land during them.
  await prepareDemoContent(content, repoContent, 100);
  const keys = readdirSync(join(content, 'reports'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3));
  // The latest half-year of 60 units: the period stays (other units have it), so every publish is incremental.
  const latest = keys
    .map((k) => k.split('/')[1] ?? '')
    .filter((p) => /^\d{4}-H\d$/.test(p))
    .sort()
    .at(-1);
  for (const key of keys.filter((k) => k.endsWith(`/${latest ?? ''}`)).slice(0, PUBLISHES)) {
    held.set(key, readFileSync(fileOf(key), 'utf8'));
    rmSync(fileOf(key));
  }
  expect(held.size).toBe(PUBLISHES);
  published = keys.filter((k) => !held.has(k));
  db = await openDatabase(`file:${join(dir, 's.db')}`);
  runner = sitePublisher({
    db,
    siteRoot: join(dir, 'site'),
    contentDir: content,
    published: () => Promise.resolve([...published]),
  });
  await runner.request('first');
  expect(readlinkSync(join(dir, 'site', 'current'))).toMatch(/^releases\//);
}, 180_000);

afterAll(async () => {
  await runner.settled();
  runner.close();
  db.close();
});

describe('a publish every second for a minute', () => {
  it('serves every report within the bound, and fails no build', async () => {
    const slots = [...held.keys()];
    const publishedAt = new Map<string, number>();
    const liveAt = new Map<string, number>();
    const watch = setInterval(() => {
      for (const key of publishedAt.keys())
        if (!liveAt.has(key) && existsSync(liveFile(key))) liveAt.set(key, Date.now());
    }, 50);
    try {
      for (const key of slots) {
        publish(key);
        publishedAt.set(key, Date.now());
        void runner.request(`publish ${key}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
      const deadline = Date.now() + LIVE_WITHIN_MS;
      while (liveAt.size < slots.length && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
    } finally {
      clearInterval(watch);
    }
    const late = slots
      .map((k) => ({ k, ms: (liveAt.get(k) ?? Infinity) - (publishedAt.get(k) ?? 0) }))
      .filter((x) => x.ms > LIVE_WITHIN_MS);
    expect(late).toEqual([]);
    const statuses = (
      await db.execute("SELECT status FROM builds WHERE reason NOT LIKE '%search index%'")
    ).rows.map((r) => r.status);
    expect(statuses.filter((s) => s === 'failed')).toEqual([]);
  }, 180_000);
});
