/**
 * Consistency checks, as data: parts that must add up to a whole, parts that
 * cannot exceed their whole, percentages within 0..100, and a percentage the
 * report states that does not match its own counts. A check warns with the
 * numbers; it never blocks saving a draft.
 */
import {
  METRICS,
  metricDefinition,
  statedIds,
  type Locale,
  type MetricId,
  type Metrics,
  type Text,
} from './catalog.ts';
import { formatNumber, formatPercent } from './format.ts';

/** `parts` add up to `whole`. `optional` parts are left out (and named) when the report omits them. */
export interface SumCheck {
  readonly id: string;
  readonly kind: 'sum';
  readonly parts: readonly MetricId[];
  readonly whole: readonly MetricId[];
  readonly optional?: readonly MetricId[];
}

export const SUM_CHECKS = [
  {
    id: 'received_split',
    kind: 'sum',
    parts: ['dossiers.received_online', 'dossiers.received_direct'],
    whole: ['dossiers.received'],
  },
  {
    id: 'resolved_split',
    kind: 'sum',
    parts: ['dossiers.resolved_early', 'dossiers.resolved_on_time', 'dossiers.resolved_late'],
    whole: ['dossiers.resolved'],
  },
  {
    id: 'in_time_split',
    kind: 'sum',
    parts: ['dossiers.resolved_early', 'dossiers.resolved_on_time'],
    whole: ['dossiers.resolved_in_time'],
  },
  {
    id: 'resolved_in_time_split',
    kind: 'sum',
    parts: ['dossiers.resolved_in_time', 'dossiers.resolved_late'],
    whole: ['dossiers.resolved'],
  },
  {
    // Every dossier on the desk is resolved, still pending or returned.
    // Reports often leave out the carry-over and the returned ones when there
    // are none; the check then runs without them and says so.
    id: 'dossier_flow',
    kind: 'sum',
    parts: ['dossiers.resolved', 'dossiers.pending', 'dossiers.returned'],
    whole: ['dossiers.carried_over', 'dossiers.received'],
    optional: ['dossiers.carried_over', 'dossiers.returned'],
  },
] as const satisfies readonly SumCheck[];

export type CheckKind = 'sum' | 'part_of_whole' | 'percent_bounds' | 'stated_share';

/**
 * How much a failing check matters, as DHIS2's validation rules have an
 * importance: an `impossible` figure (a part larger than its whole, a rate
 * outside 0..100 %) cannot be true as written and blocks submission unless
 * the editor writes why the source says so; a `warning` only warns. Neither
 * ever blocks saving a draft.
 */
export type CheckLevel = 'impossible' | 'warning';

export interface CheckWarning {
  readonly level: CheckLevel;
  /** Which check: `resolved_split`, `part_of_whole:dossiers.resolved_late`, ... */
  readonly check: string;
  readonly kind: CheckKind;
  readonly message: Text;
  /** The figures involved, by metric id. */
  readonly values: Partial<Record<MetricId, number>>;
  readonly expected: number;
  readonly actual: number;
}

/** Shares a report states in its text, in percent of the metric's whole ("chiếm 99,1%"). */
export type StatedShares = Partial<Record<MetricId, number>>;

export interface CheckInput {
  readonly metrics: Metrics;
  readonly statedShares?: StatedShares;
}

const label = (id: MetricId, l: Locale): string => metricDefinition(id).label[l].toLowerCase();
const n = (x: number, l: Locale): string => formatNumber(x, l);

function pick(metrics: Metrics, ids: readonly MetricId[]): Partial<Record<MetricId, number>> {
  const out: Partial<Record<MetricId, number>> = {};
  for (const id of ids) if (metrics[id] !== undefined) out[id] = metrics[id];
  return out;
}

function expression(ids: readonly MetricId[], metrics: Metrics, l: Locale): string {
  return ids.map((id) => `${n(metrics[id] ?? 0, l)} ${label(id, l)}`).join(' + ');
}

function runSumCheck(c: SumCheck, metrics: Metrics): CheckWarning | undefined {
  const optional = new Set<MetricId>(c.optional ?? []);
  const present = (ids: readonly MetricId[]) => ids.filter((id) => metrics[id] !== undefined);
  const requiredMissing = [...c.parts, ...c.whole].some(
    (id) => !optional.has(id) && metrics[id] === undefined,
  );
  const wholeIds = present(c.whole);
  const partIds = present(c.parts);
  const sum = (ids: readonly MetricId[]) => ids.reduce((s, id) => s + (metrics[id] ?? 0), 0);
  const values = pick(metrics, [...c.parts, ...c.whole]);

  if (requiredMissing) {
    // With parts missing the sum cannot be checked, but the parts that are
    // stated still cannot exceed a whole that is fully stated.
    if (c.optional || wholeIds.length !== c.whole.length || partIds.length < 2) return undefined;
    const partial = sum(partIds);
    const whole = sum(wholeIds);
    if (partial <= whole) return undefined;
    return {
      level: 'warning',
      check: c.id,
      kind: 'sum',
      values,
      expected: whole,
      actual: partial,
      message: {
        vi: `${expression(partIds, metrics, 'vi')} = ${n(partial, 'vi')}, lớn hơn ${expression(wholeIds, metrics, 'vi')}.`,
        en: `${expression(partIds, metrics, 'en')} = ${n(partial, 'en')}, more than ${expression(wholeIds, metrics, 'en')}.`,
      },
    };
  }
  const parts = sum(partIds);
  const whole = sum(wholeIds);
  if (parts === whole) return undefined;
  const left = [...c.parts, ...c.whole].filter((id) => metrics[id] === undefined);
  const note = (l: Locale) =>
    left.length === 0
      ? ''
      : l === 'vi'
        ? ` (không tính ${left.map((id) => label(id, 'vi')).join(', ')} vì báo cáo không nêu)`
        : ` (without ${left.map((id) => label(id, 'en')).join(', ')}, which the report does not state)`;
  return {
    level: 'warning',
    check: c.id,
    kind: 'sum',
    values,
    expected: whole,
    actual: parts,
    message: {
      vi: `${expression(partIds, metrics, 'vi')} = ${n(parts, 'vi')}, khác ${expression(wholeIds, metrics, 'vi')} = ${n(whole, 'vi')}${note('vi')}.`,
      en: `${expression(partIds, metrics, 'en')} = ${n(parts, 'en')}, not ${expression(wholeIds, metrics, 'en')} = ${n(whole, 'en')}${note('en')}.`,
    },
  };
}

function partOfWholeWarnings(metrics: Metrics): CheckWarning[] {
  const out: CheckWarning[] = [];
  for (const def of METRICS) {
    if (!('partOf' in def)) continue;
    const part = metrics[def.id];
    const whole = metrics[def.partOf];
    if (part === undefined || whole === undefined || part <= whole) continue;
    out.push({
      level: 'impossible',
      check: `part_of_whole:${def.id}`,
      kind: 'part_of_whole',
      values: { [def.id]: part, [def.partOf]: whole },
      expected: whole,
      actual: part,
      message: {
        vi: `${metricDefinition(def.id).label.vi} (${n(part, 'vi')}) lớn hơn ${label(def.partOf, 'vi')} (${n(whole, 'vi')}).`,
        en: `${metricDefinition(def.id).label.en} (${n(part, 'en')}) is more than ${label(def.partOf, 'en')} (${n(whole, 'en')}).`,
      },
    });
  }
  return out;
}

function percentBoundWarnings(metrics: Metrics): CheckWarning[] {
  const out: CheckWarning[] = [];
  for (const def of METRICS) {
    if (def.kind !== 'percent') continue;
    const v = metrics[def.id];
    if (v === undefined || (v >= 0 && v <= 100)) continue;
    out.push({
      level: 'impossible',
      check: `percent_bounds:${def.id}`,
      kind: 'percent_bounds',
      values: { [def.id]: v },
      expected: v < 0 ? 0 : 100,
      actual: v,
      message: {
        vi: `${def.label.vi} là ${formatPercent(v, 'vi', 2)}, ngoài khoảng 0–100 %.`,
        en: `${def.label.en} is ${formatPercent(v, 'en', 2)}, outside 0–100%.`,
      },
    });
  }
  return out;
}

/** One unit of the last decimal place the report wrote: 99.1 -> 0.1, 100 -> 1. */
function statedPrecision(percent: number): number {
  const decimals = (String(percent).split('.')[1] ?? '').length;
  return 10 ** -decimals;
}

function statedShareWarnings(metrics: Metrics, stated: StatedShares): CheckWarning[] {
  const out: CheckWarning[] = [];
  for (const id of statedIds(stated)) {
    const percent = stated[id];
    const whole = metricDefinition(id).partOf;
    if (percent === undefined || !whole) continue;
    const part = metrics[id];
    const base = metrics[whole];
    if (part === undefined || base === undefined || base === 0) continue;
    const actual = (part / base) * 100;
    // A report rounds or truncates to the decimals it writes: allow one unit
    // of its last decimal place, plus float noise.
    if (Math.abs(actual - percent) <= statedPrecision(percent) + 1e-9) continue;
    out.push({
      level: 'warning',
      check: `stated_share:${id}`,
      kind: 'stated_share',
      values: { [id]: part, [whole]: base },
      expected: actual,
      actual: percent,
      message: {
        vi: `Báo cáo nêu ${label(id, 'vi')} đạt ${formatPercent(percent, 'vi', 3)}, nhưng ${n(part, 'vi')}/${n(base, 'vi')} = ${formatPercent(actual, 'vi', 1)}.`,
        en: `The report states ${label(id, 'en')} at ${formatPercent(percent, 'en', 3)}, but ${n(part, 'en')}/${n(base, 'en')} = ${formatPercent(actual, 'en', 1)}.`,
      },
    });
  }
  return out;
}

export function runChecks(input: CheckInput): CheckWarning[] {
  const { metrics } = input;
  return [
    ...SUM_CHECKS.flatMap((c) => runSumCheck(c, metrics) ?? []),
    ...partOfWholeWarnings(metrics),
    ...percentBoundWarnings(metrics),
    ...statedShareWarnings(metrics, input.statedShares ?? {}),
  ];
}

/**
 * Whether a report states a figure that cannot be true as written. Such a
 * unit-period is shown with its figures but gets no composite score and no
 * rank (issue 14): a rank from 1.400 online of 1.250 received is no rank.
 */
export function hasImpossible(warnings: readonly CheckWarning[]): boolean {
  return warnings.some((w) => w.level === 'impossible');
}

/** The figures an impossible check names: the ones to explain, and to leave out of any score. */
export function impossibleFigures(warnings: readonly CheckWarning[]): MetricId[] {
  const ids = new Set<MetricId>();
  for (const w of warnings)
    if (w.level === 'impossible') for (const id of statedIds(w.values)) ids.add(id);
  return [...ids];
}

/**
 * The figures a score may be computed from: without those an impossible
 * check names (a score of 100/100 from 1.400 online of 1.250 received is no
 * score at all).
 */
export function withoutImpossible(metrics: Metrics, warnings: readonly CheckWarning[]): Metrics {
  const drop = new Set<string>(impossibleFigures(warnings));
  return Object.fromEntries(Object.entries(metrics).filter(([id]) => !drop.has(id)));
}
