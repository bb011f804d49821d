/**
 * Indicators derived from a report's metrics. Each is data: a list of
 * formulas tried in order (a report may state "trước hạn" and "đúng hạn"
 * apart or together), and each result carries its numerator and denominator,
 * or says why it cannot be computed.
 */
import {
  metricDefinition,
  type Direction,
  type Locale,
  type MetricId,
  type Metrics,
  type Text,
} from './catalog.ts';

export type IndicatorId =
  | 'on_time_rate'
  | 'late_rate'
  | 'online_intake_rate'
  | 'level34_share'
  | 'digitization_rate'
  | 'online_payment_rate'
  | 'satisfaction_rate'
  | 'waste_sorting_rate';

/** numerator = sum of the listed metrics, denominator likewise. */
export interface ShareFormula {
  readonly kind: 'share';
  readonly numerator: readonly MetricId[];
  readonly denominator: readonly MetricId[];
}

/** A rate the report states directly as a percentage. */
export interface StatedFormula {
  readonly kind: 'stated';
  readonly metric: MetricId;
}

export type Formula = ShareFormula | StatedFormula;

export interface IndicatorDefinition {
  readonly id: IndicatorId;
  readonly label: Text;
  readonly description: Text;
  readonly better: Direction;
  readonly formulas: readonly Formula[];
}

export const INDICATORS = [
  {
    id: 'on_time_rate',
    label: { vi: 'Tỷ lệ giải quyết trước và đúng hạn', en: 'Resolved early or on time' },
    description: {
      vi: 'Hồ sơ giải quyết trước hạn và đúng hạn trên tổng số hồ sơ đã giải quyết.',
      en: 'Dossiers resolved early or on time, out of all dossiers resolved.',
    },
    better: 'higher',
    formulas: [
      {
        kind: 'share',
        numerator: ['dossiers.resolved_early', 'dossiers.resolved_on_time'],
        denominator: ['dossiers.resolved'],
      },
      {
        kind: 'share',
        numerator: ['dossiers.resolved_in_time'],
        denominator: ['dossiers.resolved'],
      },
    ],
  },
  {
    id: 'late_rate',
    label: { vi: 'Tỷ lệ giải quyết quá hạn', en: 'Resolved late' },
    description: {
      vi: 'Hồ sơ giải quyết quá hạn trên tổng số hồ sơ đã giải quyết.',
      en: 'Dossiers resolved late, out of all dossiers resolved.',
    },
    better: 'lower',
    formulas: [
      { kind: 'share', numerator: ['dossiers.resolved_late'], denominator: ['dossiers.resolved'] },
    ],
  },
  {
    id: 'online_intake_rate',
    label: { vi: 'Tỷ lệ tiếp nhận trực tuyến', en: 'Received online' },
    description: {
      vi: 'Hồ sơ tiếp nhận trực tuyến trên tổng số hồ sơ tiếp nhận.',
      en: 'Dossiers received online, out of all dossiers received.',
    },
    better: 'higher',
    formulas: [
      {
        kind: 'share',
        numerator: ['dossiers.received_online'],
        denominator: ['dossiers.received'],
      },
    ],
  },
  {
    id: 'level34_share',
    label: { vi: 'Tỷ lệ hồ sơ dịch vụ công mức độ 3, 4', en: 'Level 3/4 online-service share' },
    description: {
      vi: 'Hồ sơ dịch vụ công trực tuyến mức độ 3, 4 trên tổng số hồ sơ tiếp nhận.',
      en: 'Level 3/4 online-service dossiers, out of all dossiers received.',
    },
    better: 'higher',
    formulas: [
      { kind: 'share', numerator: ['services.online_level34'], denominator: ['dossiers.received'] },
    ],
  },
  {
    id: 'digitization_rate',
    label: { vi: 'Tỷ lệ số hóa hồ sơ', en: 'Dossiers digitized' },
    description: { vi: 'Theo số liệu báo cáo nêu.', en: 'As stated in the report.' },
    better: 'higher',
    formulas: [{ kind: 'stated', metric: 'rates.digitization' }],
  },
  {
    id: 'online_payment_rate',
    label: { vi: 'Tỷ lệ thanh toán trực tuyến', en: 'Paid online' },
    description: { vi: 'Theo số liệu báo cáo nêu.', en: 'As stated in the report.' },
    better: 'higher',
    formulas: [{ kind: 'stated', metric: 'payments.online_rate' }],
  },
  {
    id: 'satisfaction_rate',
    label: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
    description: { vi: 'Theo số liệu báo cáo nêu.', en: 'As stated in the report.' },
    better: 'higher',
    formulas: [{ kind: 'stated', metric: 'satisfaction.rate' }],
  },
  {
    id: 'waste_sorting_rate',
    label: { vi: 'Tỷ lệ hộ phân loại rác tại nguồn', en: 'Households sorting waste' },
    description: {
      vi: 'Số hộ phân loại rác tại nguồn trên tổng số hộ.',
      en: 'Households sorting their waste at source, out of all households.',
    },
    better: 'higher',
    formulas: [
      {
        kind: 'share',
        numerator: ['waste.households_sorting'],
        denominator: ['waste.households_total'],
      },
    ],
  },
] as const satisfies readonly IndicatorDefinition[];

export const INDICATOR_IDS: readonly IndicatorId[] = INDICATORS.map((d) => d.id);

const byId = new Map<string, IndicatorDefinition>(INDICATORS.map((d) => [d.id, d]));

export function isIndicatorId(id: string): id is IndicatorId {
  return byId.has(id);
}

export function indicatorDefinition(id: IndicatorId): IndicatorDefinition {
  const def = byId.get(id);
  if (!def) throw new Error(`unknown indicator ${id}`);
  return def;
}

export interface Computed {
  readonly ok: true;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator, a fraction (0.992 for 99,2 %). */
  readonly value: number;
  /** Which of the definition's formulas gave the value. */
  readonly formula: Formula;
}

export interface NotComputable {
  readonly ok: false;
  readonly reason: Text;
  /** The metrics that would have been needed, for the editor to point at. */
  readonly missing: readonly MetricId[];
}

export type IndicatorResult = Computed | NotComputable;

function sumOf(ids: readonly MetricId[], metrics: Metrics): number | undefined {
  let total = 0;
  for (const id of ids) {
    const v = metrics[id];
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

function labels(ids: readonly MetricId[], locale: Locale): string {
  return ids.map((id) => metricDefinition(id).label[locale]).join(' + ');
}

function tryFormula(f: Formula, metrics: Metrics): IndicatorResult {
  if (f.kind === 'stated') {
    const v = metrics[f.metric];
    if (v === undefined) {
      return {
        ok: false,
        missing: [f.metric],
        reason: {
          vi: `Báo cáo không nêu ${metricDefinition(f.metric).label.vi.toLowerCase()}.`,
          en: `The report does not state ${metricDefinition(f.metric).label.en.toLowerCase()}.`,
        },
      };
    }
    return { ok: true, numerator: v, denominator: 100, value: v / 100, formula: f };
  }
  const num = sumOf(f.numerator, metrics);
  const den = sumOf(f.denominator, metrics);
  if (num === undefined || den === undefined) {
    const missing = [...f.numerator, ...f.denominator].filter((id) => metrics[id] === undefined);
    return {
      ok: false,
      missing,
      reason: {
        vi: `Báo cáo không nêu: ${labels(missing, 'vi')}.`,
        en: `The report does not state: ${labels(missing, 'en')}.`,
      },
    };
  }
  if (den === 0) {
    return {
      ok: false,
      missing: [],
      reason: {
        vi: `Mẫu số bằng 0 (${labels(f.denominator, 'vi')} = 0).`,
        en: `The denominator is zero (${labels(f.denominator, 'en')} = 0).`,
      },
    };
  }
  return { ok: true, numerator: num, denominator: den, value: num / den, formula: f };
}

export function computeIndicator(id: IndicatorId, metrics: Metrics): IndicatorResult {
  const def = indicatorDefinition(id);
  let first: NotComputable | undefined;
  for (const f of def.formulas) {
    const r = tryFormula(f, metrics);
    if (r.ok) return r;
    first ??= r;
  }
  // Every definition has at least one formula, so `first` is set here.
  return first as NotComputable;
}

export function computeIndicators(metrics: Metrics): Record<IndicatorId, IndicatorResult> {
  return Object.fromEntries(
    INDICATOR_IDS.map((id) => [id, computeIndicator(id, metrics)]),
  ) as Record<IndicatorId, IndicatorResult>;
}

/** The formula in words, for method pages and tooltips. */
export function describeFormula(f: Formula, locale: Locale): string {
  if (f.kind === 'stated') {
    return locale === 'vi'
      ? `${metricDefinition(f.metric).label.vi} (báo cáo nêu trực tiếp)`
      : `${metricDefinition(f.metric).label.en} (as stated)`;
  }
  return `(${labels(f.numerator, locale)}) / (${labels(f.denominator, locale)})`;
}
