/** The texts of the pages of a long ranking, Vietnamese first; English is typed by the Vietnamese. */
import type { Translation } from './translation.ts';

export const vi = {
  rankingPages: {
    nav: 'Các trang của bảng xếp hạng',
    page: (n: string) => `Trang ${n}`,
    range: (from: string, to: string, of: string) =>
      `Hạng ${from}–${to} trong ${of} đơn vị được xếp hạng.`,
    first: 'Trang đầu: tổng hợp, bản đồ và phân bố',
  },
} as const;

export const en: Translation<typeof vi> = {
  rankingPages: {
    nav: 'Pages of the ranking',
    page: (n: string) => `Page ${n}`,
    range: (from: string, to: string, of: string) => `Ranks ${from}–${to} of ${of} ranked units.`,
    first: 'First page: total, maps and distribution',
  },
};
