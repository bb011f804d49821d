/**
 * One full build of the site (the renderer over every address, and the
 * search index) in this process, with the code bench/site.ts built first;
 * prints its wall time, the time of each phase and this process's own
 * peak memory as JSON. The peak of the whole process tree (Pagefind runs
 * as a child) is sampled by bench/site.ts, which starts this.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type BuildPhase } from '../src/renderer/build.ts';
import { buildEnv } from '../src/env.ts';
import { Renderer } from '../src/renderer/renderer.ts';

const appDir = fileURLToPath(new URL('../dist/app/', import.meta.url));
const { contentDir, out, processes } = buildEnv();
const started = performance.now();
const renderer = await Renderer.start(appDir);
const phases: Partial<Record<BuildPhase | 'start', number>> = {
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
