/**
 * pnpm bench:import — precision and recall of the importer over the corpus:
 * the real reports of @congkhai/fixtures and the texts in
 * corpus/, each beside its NAME.expected.yaml. Prints per file and overall,
 * and lists every missed and every invented value.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { seedReportsDir } from '@congkhai/fixtures';
import { importText } from '../src/index.ts';

interface Expected {
  metrics?: Record<string, number> | null;
  targets?: Record<string, number> | null;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const dirs = [seedReportsDir, join(here, '../corpus')];

interface Score {
  proposed: number;
  right: number;
  stated: number;
  found: number;
}

const total: Score = { proposed: 0, right: 0, stated: 0, found: 0 };
const rows: string[] = [];
const problems: string[] = [];

function compare(
  name: string,
  kind: string,
  got: Record<string, number>,
  want: Record<string, number>,
  s: Score,
) {
  for (const [id, v] of Object.entries(got)) {
    s.proposed++;
    if (want[id] === v) s.right++;
    else if (want[id] === undefined)
      problems.push(`${name}: INVENTED ${kind} ${id} = ${String(v)}`);
    else
      problems.push(`${name}: WRONG ${kind} ${id} = ${String(v)} (expected ${String(want[id])})`);
  }
  for (const [id, v] of Object.entries(want)) {
    s.stated++;
    if (got[id] === v) s.found++;
    else if (got[id] === undefined) problems.push(`${name}: MISSED ${kind} ${id} = ${String(v)}`);
  }
}

const started = performance.now();
let files = 0;
for (const dir of dirs) {
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    const name = f.replace(/\.txt$/, '');
    const expectedPath = join(dir, `${name}.expected.yaml`);
    if (!existsSync(expectedPath)) continue;
    files++;
    const expected = parse(readFileSync(expectedPath, 'utf8')) as Expected;
    const r = importText(readFileSync(join(dir, f), 'utf8'));
    const s: Score = { proposed: 0, right: 0, stated: 0, found: 0 };
    const flat = (m: Record<string, { value: number } | undefined>) =>
      Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v?.value ?? Number.NaN]));
    if (!r.ok) {
      problems.push(`${name}: REFUSED ${r.message.en}`);
    } else {
      compare(name, 'metric', flat(r.report.metrics), expected.metrics ?? {}, s);
      compare(name, 'target', flat(r.report.targets), expected.targets ?? {}, s);
    }
    for (const k of Object.keys(total) as (keyof Score)[]) total[k] += s[k];
    const p = s.proposed === 0 ? 1 : s.right / s.proposed;
    const rc = s.stated === 0 ? 1 : s.found / s.stated;
    rows.push(
      `${name.padEnd(34)} ${String(s.right).padStart(3)}/${String(s.proposed).padEnd(3)} precision ${p.toFixed(3)}   ${String(s.found).padStart(3)}/${String(s.stated).padEnd(3)} recall ${rc.toFixed(3)}`,
    );
  }
}
const elapsed = performance.now() - started;
console.log(`Importer corpus: ${String(files)} reports (metrics and targets)\n`);
console.log(rows.join('\n'));
console.log(
  `\nOVERALL precision ${(total.right / Math.max(1, total.proposed)).toFixed(3)} (${String(total.right)}/${String(total.proposed)} proposed values right)`,
);
console.log(
  `OVERALL recall    ${(total.found / Math.max(1, total.stated)).toFixed(3)} (${String(total.found)}/${String(total.stated)} stated values found)`,
);
console.log(`time: ${elapsed.toFixed(0)} ms for ${String(files)} reports`);
console.log(
  problems.length === 0
    ? '\nNo misses, no invented values.'
    : `\nMisses and invented values:\n${problems.map((p) => `  ${p}`).join('\n')}`,
);
