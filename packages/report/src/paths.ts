import slugify from '@sindresorhus/slugify';

/** Where a published report lives under the content directory: `reports/<unit>/<period>.md`. */
export function reportPath(unit: string, period: string): string {
  return `reports/${unit}/${period}.md`;
}

/**
 * A unit id from its names: "Kim Tân", "Kim Thành", "Hải Dương" ->
 * `kim-tan-kim-thanh-hai-duong`. Units formed after 1 July 2025 have no
 * district, so their id is name and province.
 */
export function unitId(
  name: string,
  district: string | null | undefined,
  province: string | null | undefined,
): string {
  return slugify([name, district, province].filter((x): x is string => Boolean(x)).join(' '));
}

/**
 * Where an earlier version of a corrected report is kept:
 * `versions/<unit>/<period>/<n>.md`, version 1 being the first publication.
 */
export function versionPath(unit: string, period: string, version: number): string {
  return `versions/${unit}/${period}/${String(version)}.md`;
}
