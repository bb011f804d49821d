/** The texts of the checks that find figures that cannot be, Vietnamese first; English is typed by the Vietnamese. */
import type { Translation } from './translation.ts';

export const vi = {
  impossible: {
    note: 'Báo cáo có số liệu không thể đúng như đã ghi (một phần lớn hơn tổng của nó, hoặc một tỷ lệ trên 100 %). Số liệu vẫn được công bố đúng như báo cáo, nhưng kỳ này đơn vị không được tính điểm tổng hợp và không được xếp hạng.',
    score: 'không tính: báo cáo có số liệu không thể đúng',
    notRanked: 'Không xếp hạng vì báo cáo có số liệu không thể đúng',
  },
} as const;

export const en: Translation<typeof vi> = {
  impossible: {
    note: 'The report states a figure that cannot be true as written (a part larger than its whole, or a rate over 100%). Its figures are published as reported, but the unit gets no composite score and no rank for this period.',
    score: 'not computed: the report states an impossible figure',
    notRanked: 'Not ranked: the report states an impossible figure',
  },
};
