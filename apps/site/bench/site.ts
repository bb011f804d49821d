/**
 * pnpm bench:site — full build time and peak memory at 100, 1,000 and 3,300
 * units with 8 half-year periods each, pages per second, the time of each
 * phase of the build, the transfer size of each page type (HTML, JS, CSS;
 * raw and gzip), and the largest HTML pages against the 150 KB bound of
 * issue 16. Prints figures; asserts nothing. `--units 100,1000` picks the
 * sizes, `--periods 24` the half-years per unit (default 8).
 *
 * Peak memory is the whole build's: the resident set of the build process
 * and all its descendants (Pagefind's service), summed and sampled every
 * 100 ms from /proc by this process, which is idle meanwhile.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { writeContent } from '@congkhai/content';
import { generateDemo } from '@congkhai/demo';
import { RENDERER_EXEC_ARGV } from '../src/renderer/exec-argv.ts';

const siteDir = fileURLToPath(new URL('..', import.meta.url));
const option = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const sizes = option('--units', '100,1000,3300').split(',').map(Number);
const periods = Number(option('--periods', '8'));

/**
 * Resident memory of a process and all its descendants, in bytes, from /proc
 * (Linux), and by process (`<pid> <name>`), so the peak says whose it is.
 */
function treeRss(root: number): {
  bytes: number;
  each: Map<string, number>;
  cpu: Map<string, number>;
} {
  const children = new Map<number, number[]>();
  /** utime + stime of each process, in seconds (clock ticks of 1/100 s). */
  const cpuOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces, so read after its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      cpuOf.set(Number(name), (Number(fields[11]) + Number(fields[12])) / 100);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // gone meanwhile
    }
  }
  let bytes = 0;
  const each = new Map<string, number>();
  const cpu = new Map<string, number>();
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    try {
      const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      bytes += rss;
      const label = `${String(pid)} ${/Name:\s+(\S+)/.exec(status)?.[1] ?? '?'}`;
      each.set(label, rss);
      cpu.set(label, cpuOf.get(pid) ?? 0);
    } catch {
      // gone meanwhile
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return { bytes, each, cpu };
}

interface Measured {
  readonly seconds: number;
  readonly cpu: { readonly self: number; readonly children: number };
  readonly written: number;
  readonly phases: Record<string, number>;
  readonly selfPeakMiB: number;
}

/** bench/measure-build.ts in a process of its own, with the peak RSS of its process tree. */
function measure(env: NodeJS.ProcessEnv): Promise<{
  code: number | null;
  stdout: string;
  stderr: string;
  treePeakMiB: number;
  /** Each process's own peak, in MiB, largest first. */
  processPeaksMiB: [string, number][];
  /** Each process's CPU seconds as last sampled (a process's own, not its children's). */
  processCpu: [string, number][];
}> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [...RENDERER_EXEC_ARGV, join(siteDir, 'bench/measure-build.ts')],
      { cwd: siteDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-20_000)));
    let peak = 0;
    const peaks = new Map<string, number>();
    const cpuSeen = new Map<string, number>();
    const sample = setInterval(() => {
      if (child.pid === undefined) return;
      const { bytes, each, cpu } = treeRss(child.pid);
      peak = Math.max(peak, bytes);
      for (const [p, b] of each) peaks.set(p, Math.max(peaks.get(p) ?? 0, b));
      for (const [p, s] of cpu) cpuSeen.set(p, s);
    }, 100);
    child.on('close', (code) => {
      clearInterval(sample);
      const processPeaksMiB = [...peaks]
        .map(([p, b]): [string, number] => [p, b / 1024 / 1024])
        .sort((a, b) => b[1] - a[1]);
      const processCpu = [...cpuSeen].sort((a, b) => b[1] - a[1]);
      done({
        code,
        stdout,
        stderr,
        treePeakMiB: peak / 1024 / 1024,
        processPeaksMiB,
        processCpu,
      });
    });
  });
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function countPages(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile() && e.name.endsWith('.html')) n++;
  return n;
}

/** The largest HTML pages, biggest first. */
function largestPages(dir: string, n: number): { path: string; bytes: number }[] {
  const pages: { path: string; bytes: number }[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile() && e.name.endsWith('.html')) {
      const file = join(e.parentPath, e.name);
      pages.push({ path: file.slice(dir.length), bytes: statSync(file).size });
    }
  return pages.sort((a, b) => b.bytes - a.bytes).slice(0, n);
}

/** The first page under `dir` (relative to `out`) that is a folder with an index.html, if any. */
function firstPage(out: string, dir: string, deeper = ''): string | undefined {
  if (!existsSync(join(out, dir))) return undefined;
  const name = readdirSync(join(out, dir)).find((d) =>
    existsSync(join(out, dir, d, deeper, 'index.html')),
  );
  return name === undefined ? undefined : join(dir, name, deeper);
}

const gz = (b: Buffer | string) => gzipSync(b).length;

/** HTML, and the JS and CSS a browser fetches for it (following static imports of module chunks). */
function transfer(out: string, page: string) {
  const html = readFileSync(join(out, page, 'index.html'), 'utf8');
  const seen = new Set<string>();
  const queue = [
    ...[...html.matchAll(/(?:component-url|renderer-url|src)="(\/_astro\/[^"]+\.js)"/g)].map(
      (m) => m[1] ?? '',
    ),
    ...[...html.matchAll(/import\(?["'](\/_astro\/[^"']+\.js)["']/g)].map((m) => m[1] ?? ''),
  ];
  while (queue.length > 0) {
    const url = queue.pop() ?? '';
    if (seen.has(url) || !existsSync(join(out, url))) continue;
    seen.add(url);
    const js = readFileSync(join(out, url), 'utf8');
    for (const m of js.matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g))
      queue.push(`/_astro/${(m[1] ?? '').slice(2)}`);
  }
  const jsFiles = [...seen].map((u) => readFileSync(join(out, u)));
  const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) =>
    readFileSync(join(out, m[1] ?? '')),
  );
  const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)]
    .map((m) => m[1] ?? '')
    .join('');
  return {
    html: html.length,
    htmlGz: gz(html),
    js: jsFiles.reduce((s, b) => s + b.length, 0),
    jsGz: jsFiles.reduce((s, b) => s + gz(b), 0),
    css: css.reduce((s, b) => s + b.length, 0) + inlineCss.length,
    cssGz: css.reduce((s, b) => s + gz(b), 0) + (inlineCss ? gz(inlineCss) : 0),
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

console.log(
  `Site build benchmark (this machine, ${String(cpus().length)} cores; ${String(periods)} half-year periods per unit; demo seed 1)\n`,
);
// The site's code, once; each size below is a full render with it.
const code = spawnSync(
  process.execPath,
  [join(siteDir, 'node_modules/astro/bin/astro.mjs'), 'build'],
  {
    cwd: siteDir,
    encoding: 'utf8',
  },
);
if (code.status !== 0) throw new Error(`astro build failed: ${code.stderr}`);
for (const units of sizes) {
  const content = mkdtempSync(join(tmpdir(), `congkhai-bench-${String(units)}-`));
  const out = join(content, 'dist');
  const demo = generateDemo({ units, periods, seed: 1 });
  await writeContent(content, demo);
  const loadBefore = load();
  const cold = await measure({ ...process.env, CONTENT_DIR: content, SITE_OUT_DIR: out });
  const line = cold.stdout.trim().split('\n').at(-1) ?? '{}';
  if (cold.code !== 0) {
    console.log(`${String(units)} units: build failed\n${cold.stderr.slice(-2000)}`);
    continue;
  }
  const m = JSON.parse(line) as Measured;
  const pages = countPages(out);
  console.log(
    `${String(units)} units (${String(demo.units.length)} with the merger), ${String(demo.reports.length)} reports → ${String(pages)} pages (${String(m.written)} files rendered)`,
  );
  console.log(
    `  full build: ${m.seconds.toFixed(1)} s, ${(pages / m.seconds).toFixed(0)} pages/s, peak ${cold.treePeakMiB.toFixed(0)} MiB (RSS of the build's process tree, sampled every 100 ms; the build process alone: maxRSS ${m.selfPeakMiB.toFixed(0)} MiB)`,
  );
  console.log(
    `  peak RSS by process (each at its own peak): ${cold.processPeaksMiB
      .slice(0, 5)
      .map(([p, mib]) => `${p} ${mib.toFixed(0)} MiB`)
      .join(', ')}`,
  );
  const treeCpu = cold.processCpu.reduce((sum, [, s]) => sum + s, 0);
  console.log(
    `  CPU of the process tree (sampled every 100 ms): ${treeCpu.toFixed(1)} s; ${cold.processCpu
      .slice(0, 5)
      .map(([p, s]) => `${p} ${s.toFixed(1)} s`)
      .join(', ')}`,
  );
  console.log(
    `  CPU: ${m.cpu.self.toFixed(1)} s in the build process, ${m.cpu.children.toFixed(1)} s in the children it waited for (the search process; not Pagefind's service, which is not waited for)`,
  );
  console.log(`  load average (1, 5, 15 min): ${loadBefore} before, ${load()} after`);
  console.log('  phases (wall time; the search index is made during the render loop):');
  for (const [phase, ms] of Object.entries(m.phases))
    console.log(`    ${phase.padEnd(24)} ${(ms / 1000).toFixed(1).padStart(6)} s`);
  const unit =
    readdirSync(join(out, 'xa')).find(
      (u) =>
        statSync(join(out, 'xa', u)).isDirectory() && readdirSync(join(out, 'xa', u)).length > 3,
    ) ?? '';
  const report =
    readdirSync(join(out, 'xa', unit)).find((p) =>
      statSync(join(out, 'xa', unit, p)).isDirectory(),
    ) ?? '';
  const province = firstPage(out, 'tinh');
  const district = province && firstPage(out, province);
  const rankingPage2 = firstPage(out, 'chi-so/on_time_rate', 'trang-2');
  // Who has reported the latest period: a row per unit due.
  const reporting = readdirSync(join(out, 'cong-bo'))
    .filter((p) => /^\d{4}/.test(p))
    .sort()
    .at(-1);
  // Who has reported it in one province: a row per unit due there.
  const reportingProvince = reporting && firstPage(out, `cong-bo/${reporting}`);
  const types: [string, string][] = [
    ['home', ''],
    ['directory', 'xa'],
    ['unit', `xa/${unit}`],
    ['report', `xa/${unit}/${report}`],
    ['compare', 'so-sanh'],
    ['indicator', 'chi-so/on_time_rate'],
    ...(rankingPage2 ? [['ranking p.2', rankingPage2] as [string, string]] : []),
    ...(province ? [['province', province] as [string, string]] : []),
    ...(district ? [['district', district] as [string, string]] : []),
    ...(reporting ? [['reporting', `cong-bo/${reporting}`] as [string, string]] : []),
    ...(reportingProvince ? [['rep. prov.', reportingProvince] as [string, string]] : []),
    ['method', 'phuong-phap'],
  ];
  console.log('  transfer per page type (raw / gzip): HTML · JS · CSS');
  for (const [name, path] of types) {
    const t = transfer(out, path);
    console.log(
      `    ${name.padEnd(10)} HTML ${kb(t.html)} / ${kb(t.htmlGz)} · JS ${kb(t.js)} / ${kb(t.jsGz)} · CSS ${kb(t.css)} / ${kb(t.cssGz)}`,
    );
  }
  const largest = largestPages(out, 5);
  const over = largest.filter((p) => p.bytes > 150 * 1024).length;
  console.log(
    `  largest HTML pages (bound: 150 KB raw; ${over > 0 ? 'some over it' : 'all under it'}):`,
  );
  for (const p of largest) console.log(`    ${kb(p.bytes).padStart(9)}  ${p.path}`);
  console.log('');
  rmSync(content, { recursive: true, force: true });
}
