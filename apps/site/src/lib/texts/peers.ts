/** The texts of units like this one, Vietnamese first; English is typed by the Vietnamese. */
import type { Translation } from './translation.ts';

export const vi = {
  peers: {
    title: 'So với các đơn vị cùng địa bàn',
    intro: (period: string) =>
      `Kỳ ${period}: hạng của đơn vị trong huyện và trong tỉnh, và trung vị của các đơn vị có số liệu.`,
    within: 'Trong',
    rankOf: (rank: string, of: string) => `${rank}/${of}`,
    betterThan: (share: string) => `hơn ${share} đơn vị`,
    median: 'Trung vị',
    alone: 'chỉ một đơn vị có số liệu',
    gapTitle: 'Điểm tổng hợp còn có thể đạt thêm',
    gapIntro: 'Điểm mỗi nhóm tiêu chí còn thiếu so với điểm tối đa, theo số liệu của báo cáo.',
    group: 'Nhóm tiêu chí',
    points: 'Điểm tối đa',
    toGain: 'Còn thiếu',
    notMeasured: 'không có số liệu',
    method: 'Cách tính điểm',
  },
} as const;

export const en: Translation<typeof vi> = {
  peers: {
    title: 'Against units of the same area',
    intro: (period: string) =>
      `${period}: the unit’s rank in its district and province, and the median of the units with a figure.`,
    within: 'Within',
    rankOf: (rank: string, of: string) => `${rank} of ${of}`,
    betterThan: (share: string) => `above ${share} of units`,
    median: 'Median',
    alone: 'the only unit with a figure',
    gapTitle: 'Composite score points still to gain',
    gapIntro: 'The points each group falls short of its maximum, from the report’s figures.',
    group: 'Group',
    points: 'Maximum',
    toGain: 'To gain',
    notMeasured: 'no figure',
    method: 'How the score is computed',
  },
};
