import type { Locale } from '@congkhai/indicators';
import type { BuildStatus } from '~/server/store/builds.ts';
import type { Status } from '~/server/store/reports.ts';
import { nameIn, type Names, type Name } from './names.ts';

/** Names of a report's workflow states, in Vietnamese and English (one list for every view); one for each of the server's statuses. */
export const REPORT_STATUS = {
  draft: ['Bản nháp', 'Draft'],
  in_review: ['Chờ duyệt', 'In review'],
  published: ['Đã công bố', 'Published'],
  withdrawn: ['Đã rút', 'Withdrawn'],
} as const satisfies Record<Status, Name>;

/** A unit's state in a reporting cycle: a report's, or none yet. */
export const CYCLE_STATUS = {
  none: ['Chưa có', 'Nothing yet'],
  ...REPORT_STATUS,
} as const satisfies Record<Status | 'none', Name>;

/** A build of the public site; one for each of the server's build statuses. */
export const BUILD_STATUS = {
  running: ['Đang dựng', 'Building'],
  live: ['Đã lên trang', 'Live'],
  failed: ['Thất bại', 'Failed'],
} as const satisfies Record<BuildStatus, Name>;

const NAMES: Names = { ...CYCLE_STATUS, ...BUILD_STATUS };

export const statusText = (status: string, locale: Locale): string => nameIn(NAMES, status, locale);
