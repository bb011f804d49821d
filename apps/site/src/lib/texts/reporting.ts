/** The texts of who reported and when, Vietnamese first; English is typed by the Vietnamese. */
import type { Translation } from './translation.ts';

export const vi = {
  reporting: {
    nav: 'Tiến độ báo cáo',
    title: 'Ai đã báo cáo',
    intro:
      'Với mỗi kỳ: mọi đơn vị phải báo cáo, đã công bố đúng hạn, công bố muộn hay chưa báo cáo, theo tỉnh và huyện. Đúng hạn là công bố lần đầu không muộn hơn hạn nộp.',
    periodTitle: (p: string) => `Ai đã báo cáo ${p}`,
    due: 'Hạn nộp',
    noDue: 'chưa đặt hạn nộp',
    provinceDue: 'Một số tỉnh đặt hạn nộp riêng; mỗi đơn vị được tính theo hạn của tỉnh mình.',
    expected: 'Phải báo cáo',
    onTime: 'Đúng hạn',
    late: 'Muộn',
    undated: 'Đã công bố, không rõ ngày',
    missing: 'Chưa báo cáo',
    onTimeShare: 'Tỷ lệ đúng hạn',
    reportedShare: 'Tỷ lệ đã báo cáo',
    status: 'Tình trạng',
    published: 'Ngày công bố',
    daysLate: (n: string) => `muộn ${n} ngày`,
    byProvince: 'Theo tỉnh',
    byDistrict: 'Theo huyện',
    units: 'Từng đơn vị',
    unitsOf: (p: string) => `Từng đơn vị của tỉnh ${p}`,
    provinceTitle: (period: string, p: string) => `Ai đã báo cáo ${period}: tỉnh ${p}`,
    byProvinceNote: 'Mỗi tỉnh có trang riêng liệt kê từng đơn vị của tỉnh, theo huyện.',
    noneDue: 'Không đơn vị nào của tỉnh phải báo cáo kỳ này.',
    periods: 'Các kỳ',
    summary: (onTime: string, expected: string, share: string) =>
      `${onTime}/${expected} đơn vị công bố đúng hạn (${share}).`,
    csv: 'Tải bảng tiến độ báo cáo (CSV)',
  },
} as const;

export const en: Translation<typeof vi> = {
  reporting: {
    nav: 'Reporting',
    title: 'Who has reported',
    intro:
      'For each period: every unit due to report, as published on time, published late or not yet reported, by province and district. On time means first published no later than the due date.',
    periodTitle: (p: string) => `Who has reported ${p}`,
    due: 'Due',
    noDue: 'no due date set',
    provinceDue:
      'Some provinces set a due date of their own; each unit is judged by its province’s date.',
    expected: 'Due to report',
    onTime: 'On time',
    late: 'Late',
    undated: 'Published, date unknown',
    missing: 'Not yet reported',
    onTimeShare: 'On-time share',
    reportedShare: 'Reported share',
    status: 'Status',
    published: 'Published',
    daysLate: (n: string) => `${n} days late`,
    byProvince: 'By province',
    byDistrict: 'By district',
    units: 'Each unit',
    unitsOf: (p: string) => `Each unit of ${p} province`,
    provinceTitle: (period: string, p: string) => `Who has reported ${period}: ${p} province`,
    byProvinceNote: 'Each province has a page listing each of its units, by district.',
    noneDue: 'No unit of the province had to report this period.',
    periods: 'Periods',
    summary: (onTime: string, expected: string, share: string) =>
      `${onTime} of ${expected} units published on time (${share}).`,
    csv: 'Download the reporting table (CSV)',
  },
};
