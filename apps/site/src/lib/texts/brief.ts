/** The texts of the one-paragraph summary of a unit, Vietnamese first; English is typed by the Vietnamese. */
import type { Translation } from './translation.ts';

export const vi = {
  brief: {
    title: 'Bản tóm tắt một trang',
    link: 'Bản in một trang (A4)',
    printHint: 'Trang này in vừa một tờ A4 (Ctrl+P).',
    source: 'Nguồn: Công khai, số liệu do đơn vị tự báo cáo. Toàn bộ số liệu và báo cáo gốc:',
  },
} as const;

export const en: Translation<typeof vi> = {
  brief: {
    title: 'One-page brief',
    link: 'One-page printable brief (A4)',
    printHint: 'This page prints on one A4 sheet (Ctrl+P).',
    source:
      'Source: Công khai, figures as reported by the unit. All figures and the original reports:',
  },
};
