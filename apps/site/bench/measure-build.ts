/**
 * One full build of the site (the renderer over every address, and the
 * search index) in this process, with the code bench/site.ts built first;
 * prints its wall time, the time of each phase and this process's own
 * peak memory as JSON. The peak of the whole process tree (Pagefind runs
 * as a child) is sampled by bench/site.ts, which starts this.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PerformanceObserver } from 'node:perf_hooks';
import { build, type BuildPhase } from '../src/renderer/build.ts';
import { buildEnv } from '../src/env.ts';
import { Renderer } from '../src/renderer/renderer.ts';

const appDir = fileURLToPath(new URL('../dist/app/', import.meta.url));
const { contentDir, out, processes } = buildEnv();
// Garbage collection's pauses of this process's main thread (V8's concurrent marking not included).
let gcMs = 0;
const gc = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
});
gc.observe({ entryTypes: ['gc'] });
const started = performance.now();
const renderer = await Renderer.start(appDir);
const phases: Partial<Record<BuildPhase | 'start' | 'GC pauses', number>> = {
  start: performance.now() - started,
};
const result = await build(renderer, {
  appDir,
  contentDir,
  out,
  full: true,
  search: true,
  ...(processes ? { processes } : {}),
  timing: (phase, ms) => (phases[phase] = (phases[phase] ?? 0) + ms),
});
const seconds = (performance.now() - started) / 1000;
gc.disconnect();
phases['GC pauses'] = gcMs;
// CPU seconds of this process and of its waited-for children (Pagefind), from /proc/self/stat
// (utime stime cutime cstime, in clock ticks of 1/100 s): less swayed by a loaded machine than wall time.
const stat = readFileSync('/proc/self/stat', 'utf8');
const [utime = 0, stime = 0, cutime = 0, cstime = 0] = stat
  .slice(stat.lastIndexOf(')') + 2)
  .split(' ')
  .slice(11, 15)
  .map(Number);
const cpu = { self: (utime + stime) / 100, children: (cutime + cstime) / 100 };
// maxRSS is in kilobytes: this process alone, not its children.
process.stdout.write(
  `${JSON.stringify({ seconds, cpu, written: result.written, phases, selfPeakMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
