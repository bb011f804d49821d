/**
 * The units by province, then the units formed on 1 July 2025 (no
 * district) and the districts of before. The directory (directoryPage) lists the
 * provinces, each province's page its units since the merger and its
 * districts, each district's page its units: no page lists every unit, so
 * none grows with the country (issue 16). A province's anchor marks its
 * row in the directory, a district's its row on its province's page.
 */
import type { Unit } from '@congkhai/indicators';
import { areaSlug } from './addresses.ts';
import { collator, type SiteData, type SiteReport, type SiteUnit } from './site-data.ts';

export const provinceAnchor = (province: string) => `tinh-${areaSlug(province)}`;
export const districtAnchor = (u: Pick<Unit, 'province' | 'district'>) =>
  `huyen-${areaSlug(u.province)}-${areaSlug(u.district ?? '')}`;

/** The province, and the district if any, a page's address names (the slugs of the two above). */
export function areaAt(
  data: SiteData,
  provinceSlug: string,
  districtSlug?: string,
): { province: DirectoryProvince; district?: DirectoryProvince['districts'][number] } | undefined {
  const province = directory(data).find((p) => areaSlug(p.name) === provinceSlug);
  if (!province || districtSlug === undefined) return province && { province };
  const district = province.districts.find((d) => areaSlug(d.name) === districtSlug);
  return district && { province, district };
}

export interface DirectoryProvince {
  readonly name: string;
  readonly anchor: string;
  /** Units without a district: formed on 1 July 2025 or later. */
  readonly current: readonly SiteUnit[];
  readonly districts: readonly {
    readonly name: string;
    readonly anchor: string;
    readonly units: readonly SiteUnit[];
  }[];
  readonly count: number;
}

const cache = new WeakMap<SiteData, DirectoryProvince[]>();

export function directory(data: SiteData): readonly DirectoryProvince[] {
  const hit = cache.get(data);
  if (hit) return hit;
  const provinces = new Map<string, SiteUnit[]>();
  for (const u of data.unitList) {
    const list = provinces.get(u.province);
    if (list) list.push(u);
    else provinces.set(u.province, [u]);
  }
  const out = [...provinces.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([name, units]): DirectoryProvince => {
      const districts = new Map<string, SiteUnit[]>();
      for (const u of units) {
        if (!u.district) continue;
        const list = districts.get(u.district);
        if (list) list.push(u);
        else districts.set(u.district, [u]);
      }
      return {
        name,
        anchor: provinceAnchor(name),
        current: units.filter((u) => !u.district),
        districts: [...districts.entries()]
          .sort(([a], [b]) => collator.compare(a, b))
          .map(([d, us]) => ({
            name: d,
            anchor: districtAnchor({ province: name, district: d }),
            units: us,
          })),
        count: units.length,
      };
    });
  cache.set(data, out);
  return out;
}

/** A unit's latest report: of a standard period if it has one, else its latest custom range. */
export function latestReport(u: SiteUnit): SiteReport | undefined {
  return u.reports.filter((r) => r.periodInfo.kind !== 'range').at(-1) ?? u.reports.at(-1);
}
