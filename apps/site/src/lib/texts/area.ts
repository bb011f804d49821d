/** The texts of the pages of a district and a province, Vietnamese first; English is typed by the Vietnamese. */
import type { Translation } from './translation.ts';

export const vi = {
  area: {
    provinceTitle: (p: string) => `Tỉnh ${p}`,
    districtTitle: (d: string, p: string) => `Huyện ${d}, tỉnh ${p}`,
    districtBefore: 'trước 01/07/2025',
    provinceIntro:
      'Các đơn vị của tỉnh với số liệu kỳ gần nhất, bản đồ nơi có ranh giới, và tiến độ báo cáo từng kỳ.',
    districtIntro:
      'Các đơn vị của huyện (trước khi bỏ cấp huyện ngày 01/07/2025) với số liệu kỳ gần nhất, bản đồ nơi có ranh giới, và tiến độ báo cáo từng kỳ.',
    units: 'Các đơn vị',
    districts: 'Các huyện trước 01/07/2025',
    districtsNote:
      'Mỗi huyện có trang riêng liệt kê các đơn vị của huyện. Tỷ lệ tính trên các báo cáo của kỳ gần nhất của huyện, cộng các số đếm rồi mới chia.',
    unitsColumn: 'Số đơn vị',
    reporting: 'Tiến độ báo cáo theo kỳ',
    reportingNote:
      'Mỗi kỳ: số đơn vị của địa bàn phải báo cáo, đã công bố đúng hạn, muộn hay chưa báo cáo.',
    mapTitle: (ind: string, area: string, period: string) => `${ind}, ${area}, ${period}`,
    directoryLink: 'Xem trong danh bạ',
  },
} as const;

export const en: Translation<typeof vi> = {
  area: {
    provinceTitle: (p: string) => `${p} province`,
    districtTitle: (d: string, p: string) => `${d} district, ${p} province`,
    districtBefore: 'before 1 July 2025',
    provinceIntro:
      'The units of the province with their latest figures, a map where boundaries exist, and who has reported each period.',
    districtIntro:
      'The units of the district (before districts were abolished on 1 July 2025) with their latest figures, a map where boundaries exist, and who has reported each period.',
    units: 'Units',
    districts: 'Districts before 1 July 2025',
    districtsNote:
      'Each district has a page listing its units. Rates are over the reports of the district’s latest period, counts added first.',
    unitsColumn: 'Units',
    reporting: 'Who has reported, by period',
    reportingNote:
      'Per period: how many units of the area were due, published on time, late, or have not reported.',
    mapTitle: (ind: string, area: string, period: string) => `${ind}, ${area}, ${period}`,
    directoryLink: 'See in the directory',
  },
};
