/**
 * pnpm bench:publish — from a publish to the new page being served, on
 * generated content of N units x 8 half-years (3,300 by default): the time
 * of each of several publishes beside a full rebuild of the same content:
 * a series right after one another, and one spaced out (as publishes are
 * in use). Prints p50, p95, p99 and max of each series and of both, the
 * time of each phase of the builds (queued: from the publish to the
 * build's start; plan, render, release tree, merge, check, switch) and the
 * machine's load. Prints figures; asserts nothing.
 * --units 3300 --publishes 10 --gap 10
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
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
const publishes = arg('publishes', 10);

const dir = mkdtempSync(join(tmpdir(), 'congkhai-bench-publish-'));
// The content and releases of 3,300 units are about 1.6 GB: gone when the bench ends, however it ends.
process.on('exit', () => {
  rmSync(dir, { recursive: true, force: true });
});
process.on('SIGINT', () => process.exit(130));
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

/** The q-quantile of `xs` (nearest rank). */
function at(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
}
const percentiles = (xs: readonly number[]) =>
  (
    [
      ['p50', 0.5],
      ['p95', 0.95],
      ['p99', 0.99],
      ['max', 1],
    ] as const
  )
    .map(([name, q]) => `${name} ${at(xs, q).toFixed(2)} s`)
    .join(', ');
const phases = (p: Record<string, number> | undefined) =>
  Object.entries(p ?? {})
    .map(([phase, s]) => `${phase} ${s.toFixed(2)} s`)
    .join(', ');
const load = () =>
  `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
/** Seconds of each phase, over the incremental builds of both series. */
const phaseTimes: Record<string, number[]> = {};

let t = performance.now();
await runner.request('full build');
const full = (performance.now() - t) / 1000;
const first = (await db.execute('SELECT status, log FROM builds ORDER BY id DESC LIMIT 1')).rows[0];
if (first?.status !== 'live') throw new Error(`full build failed: ${text(first?.log ?? '')}`);
console.log(`full rebuild: ${full.toFixed(1)} s (${phases(runner.lastPhases)}; ${load()})`);

const server = await listen(siteHandler({ root: join(dir, 'site') }), 0, '127.0.0.1');
const base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
/** One series of publishes, `gap` seconds apart (0: each right after the last is served). */
async function series(gap: number, offset: number): Promise<number[]> {
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
    for (const [phase, s] of Object.entries(runner.lastPhases ?? {}))
      (phaseTimes[phase] ??= []).push(s);
    console.log(
      `publish ${String(i + 1)}: ${(times.at(-1) ?? 0).toFixed(2)} s to served (${text(row.rows[0]?.log ?? '')}; ${load()})`,
    );
  }
  console.log(
    `publish to served: ${percentiles(times)} over ${String(times.length)} publishes ${gap > 0 ? `${String(gap)} s apart` : 'one right after another'} (${load()})\n`,
  );
  return times;
}

const all = [...(await series(0, 0)), ...(await series(arg('gap', 10), publishes))];
console.log(
  `publish to served, both series: ${percentiles(all)} over ${String(all.length)} publishes`,
);
console.log('phases of the incremental builds (p50 / max):');
for (const [phase, s] of Object.entries(phaseTimes))
  console.log(`  ${phase.padEnd(12)} ${at(s, 0.5).toFixed(3)} s / ${at(s, 1).toFixed(3)} s`);
runner.close();
server.close();
db.close();
