/** The texts of the map, Vietnamese first; English is typed by the Vietnamese. */
import type { Translation } from './translation.ts';

export const vi = {
  map: {
    title: 'Bản đồ',
    demo: 'Ranh giới minh họa, không phải ranh giới thật.',
    noData: 'không có số liệu',
    legend: 'Chú giải',
    table: 'Bảng số liệu của bản đồ',
  },
} as const;

export const en: Translation<typeof vi> = {
  map: {
    title: 'Map',
    demo: 'Demo boundaries, not real ones.',
    noData: 'no data',
    legend: 'Legend',
    table: 'The map’s figures',
  },
};
