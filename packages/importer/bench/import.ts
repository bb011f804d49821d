/**
 * pnpm bench:import — precision and recall of the importer, per group:
 *
 * - real texts, tuning split: the real texts of @congkhai/fixtures that rules
 *   may be written from;
 * - real texts, held-out: the ones that measure the rules (HELD-OUT.md); only
 *   their totals are printed, never a row or a miss, so no rule is written
 *   from them;
 * - texts we wrote: corpus/, written by the same hands as the rules.
 *
 * Each text sits beside its NAME.expected.yaml. Besides metrics and targets
 * it counts how many texts got the unit right (name, district and province
 * as the expected file gives them, diacritics folded as the units table is
 * matched), the period, the issue date, and the title: the title only over
 * the texts whose expected file states one (`title:`, null for none), so
 * "title 2/2" of 29 texts says 27 were not read for it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { fixturesOf } from '@congkhai/fixtures';
import { foldVietnamese } from '@congkhai/indicators';
import { importText } from '../src/index.ts';

interface Expected {
  unit?: { name?: string | null; district?: string | null; province?: string | null } | null;
  title?: string | null;
  period?: { start: string; end: string } | null;
  report?: { issued?: string | number | null } | null;
  metrics?: Record<string, number> | null;
  targets?: Record<string, number> | null;
}

interface Text {
  name: string;
  text: string;
  expected: string;
}

interface Score {
  texts: number;
  proposed: number;
  right: number;
  stated: number;
  found: number;
  units: number;
  periods: number;
  issued: number;
  titles: number;
  /** Texts whose expected file states the title. */
  titled: number;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const corpusDir = join(here, '../corpus');
const written: Text[] = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => {
    const name = f.replace(/\.txt$/, '');
    return { name, text: join(corpusDir, f), expected: join(corpusDir, `${name}.expected.yaml`) };
  });

const groups: { label: string; texts: Text[]; detail: boolean }[] = [
  { label: 'real texts, tuning split', texts: fixturesOf('tuning'), detail: true },
  { label: 'real texts, held-out', texts: fixturesOf('held-out'), detail: false },
  { label: 'texts we wrote (corpus/)', texts: written, detail: true },
];

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function compare(
  name: string,
  kind: string,
  got: Record<string, number>,
  want: Record<string, number>,
  s: Score,
  problems: string[],
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

function score(t: Text, problems: string[]): Score {
  const expected = parse(readFileSync(t.expected, 'utf8')) as Expected;
  const r = importText(readFileSync(t.text, 'utf8'));
  const s: Score = {
    texts: 1,
    proposed: 0,
    right: 0,
    stated: 0,
    found: 0,
    units: 0,
    periods: 0,
    issued: 0,
    titles: 0,
    titled: 0,
  };
  const flat = (m: Record<string, { value: number } | undefined>) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v?.value ?? Number.NaN]));
  if (!r.ok) {
    problems.push(`${t.name}: REFUSED ${r.message.en}`);
    compare(t.name, 'metric', {}, expected.metrics ?? {}, s, problems);
    compare(t.name, 'target', {}, expected.targets ?? {}, s, problems);
    return s;
  }
  compare(t.name, 'metric', flat(r.report.metrics), expected.metrics ?? {}, s, problems);
  compare(t.name, 'target', flat(r.report.targets), expected.targets ?? {}, s, problems);
  const fold = (x: string | null | undefined) => (x ? foldVietnamese(x) : null);
  const { name, district, province } = r.report.unit;
  const got = [name ?? null, fold(district), fold(province)];
  const wantUnit = [
    expected.unit?.name ?? null,
    fold(expected.unit?.district),
    fold(expected.unit?.province),
  ];
  if (got.every((x, i) => x === wantUnit[i])) s.units++;
  else
    problems.push(
      `${t.name}: UNIT ${[name, district, province].map(String).join(', ')} (expected ${[expected.unit?.name, expected.unit?.district, expected.unit?.province].map(String).join(', ')})`,
    );
  if (expected.title !== undefined) {
    s.titled++;
    if ((r.report.title ?? null) === expected.title) s.titles++;
    else
      problems.push(
        `${t.name}: TITLE ${String(r.report.title)} (expected ${String(expected.title)})`,
      );
  }
  const p = r.report.period;
  const want = expected.period ?? null;
  if ((p === null && want === null) || (p && want && p.start === want.start && p.end === want.end))
    s.periods++;
  else
    problems.push(
      `${t.name}: PERIOD ${p ? `${p.start}..${p.end}` : 'none'} (expected ${want ? `${want.start}..${want.end}` : 'none'})`,
    );
  // YAML reads 2023-07-07 as a string here (the yaml package), 2023 as a number.
  const issued = expected.report?.issued;
  const wantIssued = issued === undefined || issued === null ? null : String(issued);
  if ((r.report.issued ?? null) === wantIssued) s.issued++;
  else
    problems.push(`${t.name}: ISSUED ${String(r.report.issued)} (expected ${String(wantIssued)})`);
  return s;
}

const line = (label: string, s: Score) =>
  `${label.padEnd(34)} ${String(s.right).padStart(3)}/${String(s.proposed).padEnd(3)} precision ${ratio(s.right, s.proposed).toFixed(3)}   ${String(s.found).padStart(3)}/${String(s.stated).padEnd(3)} recall ${ratio(s.found, s.stated).toFixed(3)}   unit ${String(s.units)}/${String(s.texts)} period ${String(s.periods)}/${String(s.texts)} issued ${String(s.issued)}/${String(s.texts)} title ${String(s.titles)}/${String(s.titled)}`;

const started = performance.now();
const summary: string[] = [];
let files = 0;
for (const g of groups) {
  const total: Score = {
    texts: 0,
    proposed: 0,
    right: 0,
    stated: 0,
    found: 0,
    units: 0,
    periods: 0,
    issued: 0,
    titles: 0,
    titled: 0,
  };
  const rows: string[] = [];
  const problems: string[] = [];
  for (const t of g.texts) {
    const s = score(t, problems);
    for (const k of Object.keys(total) as (keyof Score)[]) total[k] += s[k];
    rows.push(line(t.name, s));
  }
  files += total.texts;
  console.log(`== ${g.label}: ${String(total.texts)} texts (metrics and targets)`);
  if (g.detail) {
    console.log(rows.join('\n'));
    console.log(
      problems.length === 0
        ? '  no misses, no invented values'
        : problems.map((p) => `  ${p}`).join('\n'),
    );
  } else {
    console.log('  (per-text rows and misses are not printed: see packages/fixtures/HELD-OUT.md)');
  }
  console.log('');
  summary.push(line(`${g.label} (${String(total.texts)})`, total));
}
const elapsed = performance.now() - started;
console.log('SUMMARY');
console.log(summary.join('\n'));
console.log(`time: ${elapsed.toFixed(0)} ms for ${String(files)} texts`);
