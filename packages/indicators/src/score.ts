/**
 * A composite score modelled on the national administrative-service index of
 * Decision 766/QĐ-TTg (100 points over six groups). A report states only some
 * of what the index measures, so the score is computed over the groups the
 * report covers and always returned with that coverage: it is an
 * approximation from the report, not the national portal's official score.
 */
import type { Metrics, Text } from './catalog.ts';
import { hasImpossible, type CheckWarning } from './checks.ts';
import { computeIndicator, type IndicatorId } from './indicators.ts';

export type ScoreGroupId =
  | 'publicity'
  | 'timeliness'
  | 'online_services'
  | 'online_payment'
  | 'digitization'
  | 'satisfaction';

export interface ScoreGroup {
  readonly id: ScoreGroupId;
  readonly label: Text;
  readonly points: number;
  /** Indicators that measure the group, best first; empty when no report figure does. */
  readonly indicators: readonly IndicatorId[];
}

export const SCORE_GROUPS = [
  {
    id: 'publicity',
    label: { vi: 'Công khai, minh bạch', en: 'Publicity and transparency' },
    points: 18,
    indicators: [],
  },
  {
    id: 'timeliness',
    label: { vi: 'Tiến độ giải quyết', en: 'Timeliness' },
    points: 20,
    indicators: ['on_time_rate'],
  },
  {
    id: 'online_services',
    label: { vi: 'Dịch vụ công trực tuyến', en: 'Online services' },
    points: 12,
    indicators: ['level34_share', 'online_intake_rate'],
  },
  {
    id: 'online_payment',
    label: { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
    points: 10,
    indicators: ['online_payment_rate'],
  },
  {
    id: 'digitization',
    label: { vi: 'Số hóa hồ sơ', en: 'Digitization' },
    points: 22,
    indicators: ['digitization_rate'],
  },
  {
    id: 'satisfaction',
    label: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
    points: 18,
    indicators: ['satisfaction_rate'],
  },
] as const satisfies readonly ScoreGroup[];

export interface ScoreGroupResult {
  readonly group: ScoreGroupId;
  readonly covered: boolean;
  readonly indicator?: IndicatorId;
  readonly earned: number;
  readonly possible: number;
}

export interface CompositeScore {
  /** Points earned over the covered groups. */
  readonly earned: number;
  /** Points the covered groups are worth. */
  readonly possible: number;
  /** earned / possible scaled to 100, or null when no group is covered. */
  readonly value: number | null;
  readonly covered: readonly ScoreGroupId[];
  readonly groups: readonly ScoreGroupResult[];
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

export function compositeScore(metrics: Metrics): CompositeScore {
  const groups = SCORE_GROUPS.map((g): ScoreGroupResult => {
    for (const id of g.indicators as readonly IndicatorId[]) {
      const r = computeIndicator(id, metrics);
      if (r.ok) {
        return {
          group: g.id,
          covered: true,
          indicator: id,
          earned: clamp01(r.value) * g.points,
          possible: g.points,
        };
      }
    }
    return { group: g.id, covered: false, earned: 0, possible: 0 };
  });
  const earned = groups.reduce((s, g) => s + g.earned, 0);
  const possible = groups.reduce((s, g) => s + g.possible, 0);
  return {
    earned,
    possible,
    value: possible === 0 ? null : (earned / possible) * 100,
    covered: groups.filter((g) => g.covered).map((g) => g.group),
    groups,
  };
}

/**
 * The score a report is given in public: none (no group covered, value
 * null) when one of its figures is impossible, since a score over figures
 * that cannot be true is no score at all, whichever groups it covers.
 */
export function reportScore(metrics: Metrics, warnings: readonly CheckWarning[]): CompositeScore {
  return compositeScore(hasImpossible(warnings) ? {} : metrics);
}
