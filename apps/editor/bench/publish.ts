/**
 * pnpm bench:publish — from a publish to the new page being served, on
 * generated content of N units x 8 half-years (3,300 by default): the time
 * of each of several publishes (p50, max) beside a full rebuild of the same
 * content: a series right after one another, and one spaced out (as
 * publishes are in use). Prints figures; asserts nothing.
 * --units 3300 --publishes 5 --gap 10
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '@congkhai/demo';
import { writeContent, writeReport } from '@congkhai/content';
import { reportPage } from '@congkhai/site/addresses';
import { openDatabase } from '../src/server/db.ts';
import { text } from '../src/server/store/values.ts';
import { siteHandler } from '@congkhai/serve';
import { listen } from '../src/server/http.ts';
import { sitePublisher } from '../src/server/rebuild.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const units = arg('units', 3300);
const publishes = arg('publishes', 5);

const dir = mkdtempSync(join(tmpdir(), 'congkhai-bench-publish-'));
const content = join(dir, 'content');
const demo = generateDemo({ units, periods: 8, seed: 1 });
await writeContent(content, { units: demo.units, reports: demo.reports });
// The site's code as the sources are now (npm start does the same).
const code = spawnSync('pnpm', ['--filter', '@congkhai/site', 'build:code'], { stdio: 'ignore' });
if (code.status !== 0) throw new Error('astro build failed');
const db = await openDatabase(`file:${join(dir, 'bench.db')}`);
const runner = sitePublisher({
  db,
  siteRoot: join(dir, 'site'),
  contentDir: content,
  published: () => Promise.resolve([]),
});
console.log(
  `Publish benchmark: ${String(demo.units.length)} units, ${String(demo.reports.length)} reports`,
);

let t = performance.now();
await runner.request('full build');
const full = (performance.now() - t) / 1000;
console.log(`full rebuild: ${full.toFixed(1)} s`);

const server = await listen(siteHandler({ root: join(dir, 'site') }), 0, '127.0.0.1');
const base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
/** One series of publishes, `gap` seconds apart (0: each right after the last is served). */
async function series(gap: number, offset: number) {
  const times: number[] = [];
  for (let i = 0; i < publishes; i++) {
    if (gap > 0 && i > 0) await new Promise((ok) => setTimeout(ok, gap * 1000));
    const r = demo.reports[(offset + i) * 97] ?? demo.reports[0];
    if (!r) break;
    const marker = 900_000 + offset + i;
    const changed = { ...r, metrics: { ...r.metrics, 'dossiers.received': marker } };
    t = performance.now();
    // As the editor publishes: a new file renamed over the old one.
    await writeReport(content, changed);
    void runner.request(`publish ${r.unit}/${r.period}`);
    // Served means: the public page answers with the new figure.
    for (;;) {
      const res = await fetch(`${base}${reportPage(r.unit, r.period)}`);
      if (res.ok && (await res.text()).includes(marker.toLocaleString('vi-VN'))) break;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    times.push((performance.now() - t) / 1000);
    const row = await db.execute('SELECT log FROM builds ORDER BY id DESC LIMIT 1');
    console.log(
      `publish ${String(i + 1)}: ${(times.at(-1) ?? 0).toFixed(1)} s to served (${text(row.rows[0]?.log ?? '')})`,
    );
  }
  times.sort((a, b) => a - b);
  console.log(
    `publish to served: p50 ${(times[Math.floor(times.length / 2)] ?? 0).toFixed(1)} s, max ${(times.at(-1) ?? 0).toFixed(1)} s over ${String(times.length)} publishes ${gap > 0 ? `${String(gap)} s apart` : 'one right after another'}\n`,
  );
}

await series(0, 0);
await series(arg('gap', 10), publishes);
runner.close();
server.close();
db.close();
