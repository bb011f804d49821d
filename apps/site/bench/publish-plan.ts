/**
 * pnpm --filter @congkhai/site bench:plan — what one publish renders
 * again, and what that costs, without a full build: on generated content
 * of N units x 8 half-years it plans once in full (reading the content),
 * changes one report's received dossiers as bench:publish does, plans
 * again and prints the pages of that plan by route kind, each kind with
 * the CPU milliseconds its pages take to render (every page rendered once,
 * in this process). CPU time and page counts stay steady on a loaded
 * machine where wall time does not. Prints figures; asserts nothing.
 * --units 3300 --report 0 (the index of the first report changed, as bench:publish's)
 * --publishes 1 (publishes one after another: the first plans are slower, the code still cold)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeContent, writeReport } from '@congkhai/content';
import { generateDemo } from '@congkhai/demo';
import { Renderer } from '../src/renderer/renderer.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const units = arg('units', 3300);
const which = arg('report', 0);
const publishes = arg('publishes', 1);

/** The kind of route an address is, the English prefix dropped. */
function routeKind(page: string): string {
  const p = page.replace(/^\/en\//, '/');
  if (p.startsWith('/du-lieu/xa/')) return 'unit data';
  if (/^\/xa\/[^/]+\/ban-in\/$/.test(p)) return 'unit brief';
  if (/^\/xa\/[^/]+\/\d[^/]*\/$/.test(p)) return 'report';
  if (/^\/xa\/[^/]+\/$/.test(p)) return 'unit';
  if (/^\/chi-so\/[^/]+\/[^/]+\//.test(p)) return 'ranking';
  if (/^\/chi-so\/[^/]+\/$/.test(p)) return 'indicator';
  if (/^\/cong-bo\/[^/]+\/[^/]+\/$/.test(p)) return 'reporting, province';
  if (/^\/cong-bo\/[^/]+\/$/.test(p)) return 'reporting, period';
  if (/^\/tinh\/[^/]+\/[^/]+\/$/.test(p)) return 'district';
  if (/^\/tinh\/[^/]+\/$/.test(p)) return 'province';
  return `global ${p}`;
}

const dir = mkdtempSync(join(tmpdir(), 'congkhai-bench-plan-'));
const content = join(dir, 'content');
const demo = generateDemo({ units, periods: 8, seed: 1 });
await writeContent(content, { units: demo.units, reports: demo.reports });
process.env.CONTENT_DIR = content;
const renderer = await Renderer.start(fileURLToPath(new URL('../dist/app/', import.meta.url)));
try {
  const full = await renderer.plan(true);
  console.log(
    `${String(demo.units.length)} units, ${String(demo.reports.length)} reports, ${String(full.render.length)} addresses in a full build; load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  // As after a build: the site's own files rendered once, so that what they keep between
  // renders (a report's row of the open data, kept while the report is unchanged) is kept.
  for (const page of full.render)
    if (routeKind(page).startsWith('global')) await renderer.render(page);
  const globals: string[] = [];
  const kinds = new Map<string, { pages: string[]; cpu: number }>();
  let total = 0;
  // Publish after publish, each plan's pages rendered as a build would: the last one's by kind.
  for (let i = 0; i < publishes; i++) {
    const r = demo.reports[(which + i) * 97] ?? demo.reports[0];
    if (!r) throw new Error('no report');
    await writeReport(content, {
      ...r,
      metrics: { ...r.metrics, 'dossiers.received': 900_000 + i },
    });
    const cpu = process.cpuUsage();
    const plan = await renderer.plan(false);
    const used = process.cpuUsage(cpu);
    console.log(
      `publish ${r.unit}/${r.period}: ${plan.full ? 'FULL' : 'incremental'}, ${String(plan.render.length)} addresses to render, ${String(plan.remove.length)} to remove; content ${(plan.ms?.content ?? 0).toFixed(0)} ms, plan ${(plan.ms?.plan ?? 0).toFixed(0)} ms (wall), ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`,
    );
    const last = i === publishes - 1;
    total = plan.render.length;
    for (const page of plan.render) {
      const kind = routeKind(page).startsWith('global') ? 'global' : routeKind(page);
      const k = kinds.get(kind) ?? { pages: [], cpu: 0 };
      const before = process.cpuUsage();
      await renderer.render(page);
      if (!last) continue;
      const used = process.cpuUsage(before);
      k.cpu += (used.user + used.system) / 1000;
      k.pages.push(page);
      kinds.set(kind, k);
      if (kind === 'global' || process.argv.includes('--each'))
        globals.push(`${((used.user + used.system) / 1000).toFixed(0)} ms ${page}`);
    }
  }
  console.log('the last publish, by route kind:');
  let cpu = 0;
  for (const [kind, k] of [...kinds].sort((a, b) => b[1].cpu - a[1].cpu)) {
    cpu += k.cpu;
    console.log(
      `  ${kind.padEnd(22)} ${String(k.pages.length).padStart(5)} pages ${k.cpu.toFixed(0).padStart(7)} ms CPU  e.g. ${k.pages.slice(0, 3).join(' ')}`,
    );
  }
  console.log(`  each of the site's own pages and files:\n    ${globals.join('\n    ')}`);
  console.log(
    `  ${'all'.padEnd(22)} ${String(total).padStart(5)} pages ${cpu.toFixed(0).padStart(7)} ms CPU`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
