/** The texts of corrected reports and their earlier versions, Vietnamese first; English is typed by the Vietnamese. */
import type { Translation } from './translation.ts';

export const vi = {
  corrections: {
    title: 'Lịch sử đính chính',
    note: (n: string, date: string) =>
      `Báo cáo này đã được đính chính ${n} lần, lần gần nhất ngày ${date}.`,
    date: 'Ngày đính chính',
    reason: 'Lý do',
    changes: 'Số liệu thay đổi',
    before: 'Trước',
    after: 'Sau',
    textChanged: 'Nội dung khác của báo cáo (tiêu đề, lời văn…) cũng được sửa.',
    noFigureChanged: 'Không thay đổi số liệu.',
    version: (n: string) => `Tải bản ${n}`,
    versionOf: (n: string, date: string) => `bản ${n}, công bố đến ${date}`,
    firstPublished: 'Công bố lần đầu',
    feedTitle: (title: string) => `Đính chính: ${title}`,
  },
} as const;

export const en: Translation<typeof vi> = {
  corrections: {
    title: 'Correction log',
    note: (n: string, date: string) =>
      `This report has been corrected ${n === '1' ? 'once' : `${n} times`}, last on ${date}.`,
    date: 'Corrected on',
    reason: 'Reason',
    changes: 'Figures changed',
    before: 'Before',
    after: 'After',
    textChanged: 'Other content of the report (title, text…) was corrected too.',
    noFigureChanged: 'No figure changed.',
    version: (n: string) => `Download version ${n}`,
    versionOf: (n: string, date: string) => `version ${n}, published until ${date}`,
    firstPublished: 'First published',
    feedTitle: (title: string) => `Correction: ${title}`,
  },
};
