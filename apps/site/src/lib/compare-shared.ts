/**
 * What the compare page's server side (compare-data.ts, the page) and its
 * script (compare-page.ts) share: no imports but the addresses, so the script stays small.
 */
import type { Locale } from '@congkhai/indicators';
import { compareEmbedPage } from './addresses.ts';

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

/** The query that reproduces a comparison: `?don-vi=a,b&chi-so=x`. */
export const compareQuery = (units: readonly string[], indicator: string) =>
  `?don-vi=${units.map(encodeURIComponent).join(',')}&chi-so=${encodeURIComponent(indicator)}`;

export const embedSnippet = (origin: string, localePrefix: string, query: string, title: string) =>
  `<iframe src="${origin}${localePrefix}${compareEmbedPage(query)}" title="${title.replace(/"/g, '&quot;')}" width="100%" height="520" style="border:0" loading="lazy"></iframe>`;

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
        share: 'Cho nhà báo',
        link: 'Đường dẫn tới đúng biểu đồ này',
        csv: 'Tải CSV (đúng số liệu đang hiển thị)',
        png: 'Tải ảnh PNG',
        svg: 'Tải ảnh SVG',
        imagesNeedJs:
          'Ảnh PNG và SVG của biểu đồ cần JavaScript. Đường dẫn và tệp CSV ở trên dùng được không cần JavaScript.',
        embed: 'Mã nhúng (iframe) vào trang khác',
        source: 'Nguồn: Công khai, số liệu do các đơn vị tự báo cáo',
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
        share: 'For journalists',
        link: 'A link to exactly this chart',
        csv: 'Download CSV (exactly the figures shown)',
        png: 'Download PNG image',
        svg: 'Download SVG image',
        imagesNeedJs:
          'PNG and SVG images of the chart need JavaScript. The link and the CSV file above work without it.',
        embed: 'Embed code (iframe) for another site',
        source: 'Source: Công khai, figures as reported by the units',
      };
}
export type CompareText = ReturnType<typeof compareText>;
