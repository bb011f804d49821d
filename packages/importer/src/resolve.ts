/**
 * One value per metric from what the sentences and tables proposed: the
 * same value said twice is one; values that disagree are resolved only by a
 * rule a reader would apply (new intake beside a total with the carry-over,
 * the unit's total beside its parts), else none is proposed and the editor
 * is told why. A share that contradicts its counts drops the count.
 */
import {
  METRIC_IDS,
  SUM_CHECKS,
  formatNumber,
  formatPercent,
  isMetricId,
  metricDefinition,
  type MetricId,
  type Metrics,
  type Text,
} from '@congkhai/indicators';
import type { Candidate } from './figures.ts';

export interface SourcedValue {
  readonly value: number;
  /** The sentence the figure was read from, as written. */
  readonly source: string;
  /** Character offset of the figure in the (normalized) text. */
  readonly offset: number;
  /** How the value was read when it is not written as it is ("5,65 ngàn" = 5 650). */
  readonly note?: Text;
}

export type SourcedMetrics = Partial<Record<MetricId, SourcedValue>>;

export interface ImportWarning {
  readonly check: string;
  readonly message: Text;
  readonly source?: string;
}

export function sourced(c: Candidate): SourcedValue {
  return {
    value: c.value,
    source: c.sentence.quote,
    offset: c.offset,
    ...(c.note ? { note: c.note } : {}),
  };
}

/**
 * Postal intake is a part of received_direct: a figure for it alone is not
 * the direct intake, and a "trực tiếp" figure stated beside a separate
 * postal one leaves the postal dossiers out. Neither is proposed then.
 */
export function withoutSplitDirect(
  cands: readonly Candidate[],
  warnings: ImportWarning[],
): Candidate[] {
  const direct = (c: Candidate) => c.metric === 'dossiers.received_direct' && c.role === 'value';
  if (!cands.some((c) => direct(c) && c.postal)) return [...cands];
  const plainDirect = cands.filter((c) => direct(c) && !c.postal);
  const postal = cands.find((c) => direct(c) && c.postal);
  warnings.push({
    check: 'direct_without_postal',
    ...(postal ? { source: postal.sentence.quote } : {}),
    message: {
      vi: `Văn bản nêu riêng số hồ sơ qua bưu chính${plainDirect.length > 0 ? ' và số hồ sơ trực tiếp' : ''}; "Tiếp nhận trực tiếp" (gồm cả bưu chính) không được nêu thành một số, chưa đề xuất.`,
      en: `The text gives postal dossiers separately${plainDirect.length > 0 ? ' from those received in person' : ''}; "received directly" (postal included) is not stated as one figure, so it is not proposed.`,
    },
  });
  return cands.filter((c) => !direct(c));
}

/**
 * A sentence that gives the unit's total: of values that disagree, its own is
 * taken only when it is larger than each of the others (they are parts of
 * it, such as one office's or one field's). "Trong kỳ" names the period, not
 * a total, so it decides nothing.
 */
const TOTAL_HINT = /tổng số|tổng cộng|toàn xã|toàn phường|toàn thị trấn/u;

export function resolve(
  cands: readonly Candidate[],
  warnings: ImportWarning[],
  what: Text,
): SourcedMetrics {
  const byMetric = new Map<MetricId, Candidate[]>();
  for (const c of cands) {
    const list = byMetric.get(c.metric) ?? [];
    list.push(c);
    byMetric.set(c.metric, list);
  }
  const out: SourcedMetrics = {};
  for (const id of METRIC_IDS) {
    const list = byMetric.get(id);
    if (!list || list.length === 0) continue;
    const distinct = new Set(list.map((c) => c.value));
    if (distinct.size === 1) {
      out[id] = sourced(list[0] as Candidate);
      continue;
    }
    // "Tổng số hồ sơ tiếp nhận: 868, trong đó kỳ trước chuyển sang 12, mới tiếp nhận 856":
    // the period's received is the new intake, the total includes the carry-over.
    const carried = byMetric.get('dossiers.carried_over');
    if (id === 'dossiers.received' && carried && new Set(carried.map((c) => c.value)).size === 1) {
      const c = carried[0]?.value ?? 0;
      const fresh = list.filter((x) => distinct.has(x.value + c));
      if (
        fresh.length > 0 &&
        new Set(fresh.map((x) => x.value)).size === 1 &&
        distinct.size === 2
      ) {
        out[id] = sourced(fresh[0] as Candidate);
        continue;
      }
    }
    // "Tổng số hồ sơ yêu cầu giải quyết là 10.455; trong đó hồ sơ mới tiếp nhận là 10.133, kỳ
    // trước chuyển qua là 612": the period's received is the one named as new, when every
    // other value is larger (a total with what was carried over, stated or not), even when
    // the text's sums do not add up.
    if (id === 'dossiers.received') {
      const fresh = new Set(list.filter((x) => x.fresh).map((x) => x.value));
      const [only] = fresh;
      if (
        fresh.size === 1 &&
        only !== undefined &&
        list.every((x) => (x.value === only ? x.fresh : x.value > only))
      ) {
        out[id] = sourced(list.find((x) => x.fresh) as Candidate);
        continue;
      }
    }
    const totals = list.filter((c) => TOTAL_HINT.test(c.sentence.lower));
    if (
      new Set(totals.map((c) => c.value)).size === 1 &&
      totals[0] &&
      list.every((c) => c.value <= (totals[0]?.value ?? 0))
    ) {
      out[id] = sourced(totals[0]);
      continue;
    }
    const label = metricDefinition(id).label;
    const values = [...distinct];
    warnings.push({
      check: `conflict:${id}`,
      message: {
        vi: `${what.vi}: văn bản nêu nhiều giá trị khác nhau cho "${label.vi}" (${values.map((v) => formatNumber(v, 'vi')).join('; ')}); chưa đề xuất giá trị nào.`,
        en: `${what.en}: the text gives different values for "${label.en}" (${values.map((v) => formatNumber(v, 'en')).join('; ')}); none is proposed.`,
      },
    });
  }
  return out;
}

export const plain = (m: SourcedMetrics): Metrics =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.value]));

/** One unit of the last decimal place written: 99.1 -> 0.1, 100 -> 1. */
const precision = (p: number) => 10 ** -(String(p).split('.')[1] ?? '').length;

/**
 * A share that contradicts its counts ("1.145 hồ sơ ..., đạt 100%" of 1.164)
 * means the text's base is unclear. The count is kept only when it adds up
 * with its siblings; otherwise it is not proposed, and the editor is told why.
 */
export function reconcileShares(
  metrics: SourcedMetrics,
  shares: SourcedMetrics,
  warnings: ImportWarning[],
): Set<MetricId> {
  const dropped = new Set<MetricId>();
  const values = plain(metrics);
  const passing = new Set<MetricId>();
  for (const c of SUM_CHECKS) {
    const ids = [...c.parts, ...c.whole];
    if (!ids.every((id) => values[id] !== undefined)) continue;
    const sum = (xs: readonly MetricId[]) => xs.reduce((s, id) => s + (values[id] ?? 0), 0);
    if (sum(c.parts) === sum(c.whole)) ids.forEach((id) => passing.add(id));
  }
  for (const [id, share] of Object.entries(shares) as [MetricId, SourcedValue][]) {
    const whole = metricDefinition(id).partOf;
    const part = metrics[id];
    const base = whole ? metrics[whole] : undefined;
    if (!part || !base || base.value === 0) continue;
    const actual = (part.value / base.value) * 100;
    if (Math.abs(actual - share.value) <= precision(share.value) + 1e-9 || passing.has(id))
      continue;
    const label = metricDefinition(id).label;
    warnings.push({
      check: `unclear_base:${id}`,
      source: share.source,
      message: {
        vi: `Văn bản nêu ${formatNumber(part.value, 'vi')} (${label.vi.toLowerCase()}) đạt ${formatPercent(share.value, 'vi', 3)}, nhưng ${formatNumber(part.value, 'vi')}/${formatNumber(base.value, 'vi')} = ${formatPercent(actual, 'vi')}: không rõ cơ sở tính, chưa đề xuất số liệu này.`,
        en: `The text states ${formatNumber(part.value, 'en')} (${label.en.toLowerCase()}) at ${formatPercent(share.value, 'en', 3)}, but ${formatNumber(part.value, 'en')}/${formatNumber(base.value, 'en')} = ${formatPercent(actual, 'en')}: the base is unclear, so the figure is not proposed.`,
      },
    });
    dropped.add(id);
  }
  return dropped;
}

export const without = (m: SourcedMetrics, drop: (id: MetricId) => boolean): SourcedMetrics =>
  Object.fromEntries(Object.entries(m).filter(([id]) => !isMetricId(id) || !drop(id)));
