/**
 * What the compare page's server side (compare-data.ts, the page) and its
 * script (compare-page.ts) share: no imports, so the script stays small.
 */
import type { Locale } from '@congkhai/indicators';

export interface UnitEntry {
  readonly id: string;
  readonly name: string;
  readonly kind: Record<Locale, string>;
  readonly district: string | null;
  readonly province: string;
  /** Name, district and province folded, for search without diacritics. */
  readonly search: string;
  readonly peers: readonly string[];
}

export interface IndicatorFigures {
  readonly periods: readonly {
    readonly id: string;
    readonly vi: string;
    readonly en: string;
    readonly short: Record<Locale, string>;
  }[];
  /** Per unit id, one value per period (a fraction), or null. */
  readonly values: Readonly<Record<string, readonly (number | null)[]>>;
}

/** "Xã An Bình, Tây Sơn": a unit as the compare page names it. */
export const unitLabel = (u: Pick<UnitEntry, 'kind' | 'name' | 'district'>, locale: Locale) =>
  `${u.kind[locale]} ${u.name}${u.district ? `, ${u.district}` : ''}`;

export const MAX_UNITS = 12;

/** What the compare page says, in the page's language (its script gets it from the page). */
export function compareText(locale: Locale) {
  return locale === 'vi'
    ? {
        indicator: 'Chỉ số',
        add: 'Thêm đơn vị (gõ tên, có dấu hoặc không dấu)',
        chosen: 'Đơn vị đang so sánh',
        remove: 'Bỏ',
        none: 'Không tìm thấy đơn vị nào.',
        tooMany: `Tối đa ${String(MAX_UNITS)} đơn vị trên một biểu đồ để còn đọc được. Hãy bỏ bớt đơn vị trước khi thêm.`,
        loading: 'Đang tải số liệu…',
        failed: 'Không tải được số liệu. Hãy thử lại.',
        period: 'Kỳ',
      }
    : {
        indicator: 'Indicator',
        add: 'Add a unit (type its name, with or without diacritics)',
        chosen: 'Units compared',
        remove: 'Remove',
        none: 'No unit found.',
        tooMany: `At most ${String(MAX_UNITS)} units on one chart, so it stays readable. Remove one before adding another.`,
        loading: 'Loading figures…',
        failed: 'The figures could not be loaded. Try again.',
        period: 'Period',
      };
}
export type CompareText = ReturnType<typeof compareText>;
