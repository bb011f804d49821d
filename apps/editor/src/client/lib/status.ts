/** Names of a report's workflow states, in Vietnamese and English (one list for every view). */
export const REPORT_STATUS = {
  draft: ['Bản nháp', 'Draft'],
  in_review: ['Chờ duyệt', 'In review'],
  published: ['Đã công bố', 'Published'],
  withdrawn: ['Đã rút', 'Withdrawn'],
} as const satisfies Record<string, readonly [string, string]>;

/** A unit's state in a reporting cycle: a report's, or none yet. */
export const CYCLE_STATUS = {
  none: ['Chưa có', 'Nothing yet'],
  ...REPORT_STATUS,
} as const satisfies Record<string, readonly [string, string]>;

/** A build of the public site. */
export const BUILD_STATUS = {
  running: ['Đang dựng', 'Building'],
  live: ['Đã lên trang', 'Live'],
  failed: ['Thất bại', 'Failed'],
} as const satisfies Record<string, readonly [string, string]>;

const NAMES: Readonly<Record<string, readonly [string, string]>> = {
  ...CYCLE_STATUS,
  ...BUILD_STATUS,
};

export function statusText(status: string, vi: boolean): string {
  const names = NAMES[status];
  return names ? names[vi ? 0 : 1] : status;
}
