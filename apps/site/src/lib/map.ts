/**
 * Choropleth maps drawn at build time as SVG (no JavaScript), where the
 * content has boundaries: `boundaries.geojson`, a FeatureCollection whose
 * features name their unit by `properties.unit` (unit id) or
 * `properties.code` (official code). Projection and paths are d3-geo's.
 * The colours are ColorBrewer's 5-class YlGnBu, a sequential scheme safe for
 * colour-blind readers; a unit without a value is hatched, not coloured.
 */
import { geoArea, geoMercator, geoPath } from 'd3-geo';
import type { SiteData, SiteReport, SiteUnit } from './site-data.ts';

type Position = number[];
type Geometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };
interface Feature<G = Geometry> {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry: G;
}
interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

export const MAP_COLOURS = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;

export interface Boundaries {
  readonly byUnit: ReadonlyMap<string, Feature>;
  /** The file says it is demo geometry (`"demo": true`). */
  readonly demo: boolean;
  readonly name: string | undefined;
}

const cache = new WeakMap<SiteData, Boundaries | null>();

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/**
 * d3-geo takes a polygon's exterior ring clockwise (spherical), GeoJSON
 * (RFC 7946) counter-clockwise: a ring d3 reads as covering more than
 * half the globe is the other way round, so its rings are reversed.
 */
function rewound(f: Feature): Feature {
  if (geoArea(f) <= 2 * Math.PI) return f;
  const g = f.geometry;
  if (g.type === 'Polygon')
    return { ...f, geometry: { ...g, coordinates: g.coordinates.map((r) => [...r].reverse()) } };
  return {
    ...f,
    geometry: { ...g, coordinates: g.coordinates.map((p) => p.map((r) => [...r].reverse())) },
  };
}

export function boundariesOf(data: SiteData): Boundaries | undefined {
  const hit = cache.get(data);
  if (hit !== undefined) return hit ?? undefined;
  const raw = data.boundaries;
  let out: Boundaries | null = null;
  if (isObject(raw) && raw.type === 'FeatureCollection' && Array.isArray(raw.features)) {
    const byCode = new Map(data.unitList.filter((u) => u.code).map((u) => [u.code, u.id]));
    const byUnit = new Map<string, Feature>();
    for (const f of raw.features as Feature[]) {
      if (!isObject(f) || !isObject(f.geometry)) continue;
      const p = f.properties ?? {};
      const id =
        typeof p.unit === 'string' && data.units.has(p.unit)
          ? p.unit
          : byCode.get(
              typeof p.code === 'string' || typeof p.code === 'number' ? String(p.code) : '',
            );
      // Anything but a polygon (a point, a line) has no area to fill.
      const type: string = f.geometry.type;
      if (id && (type === 'Polygon' || type === 'MultiPolygon')) byUnit.set(id, rewound(f));
    }
    if (byUnit.size > 0)
      out = {
        byUnit,
        demo: raw.demo === true,
        name: typeof raw.name === 'string' ? raw.name : undefined,
      };
  }
  cache.set(data, out);
  return out ?? undefined;
}

export interface MapArea {
  readonly id: string;
  readonly name: string;
  /** null: no value (hatched). */
  readonly value: number | null;
  readonly label: string;
  readonly href: string;
}

export interface Choropleth {
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly {
    area: MapArea;
    d: string;
    fill: string | null;
    highlight: boolean;
  }[];
  /** Classes, lowest first: [from, to] and their colour. */
  readonly legend: readonly { from: number; to: number; colour: string }[];
}

/** Equal-interval classes over the values' range (one class when all are equal). */
export function classes(values: readonly number[]): { from: number; to: number }[] {
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (hi === lo) return [{ from: lo, to: hi }];
  const step = (hi - lo) / MAP_COLOURS.length;
  return MAP_COLOURS.map((_, i) => ({
    from: lo + step * i,
    to: i === MAP_COLOURS.length - 1 ? hi : lo + step * (i + 1),
  }));
}

/** The areas that have a boundary, projected to fit `width`; undefined when none has one. */
export function choropleth(
  boundaries: Boundaries,
  areas: readonly MapArea[],
  opts: { width?: number; highlight?: string } = {},
): Choropleth | undefined {
  const drawn = areas.filter((a) => boundaries.byUnit.has(a.id));
  if (drawn.length === 0) return undefined;
  const width = opts.width ?? 640;
  const features = drawn.map((a) => boundaries.byUnit.get(a.id) as Feature);
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const projection = geoMercator().fitWidth(width - 8, collection);
  const path = geoPath(projection).digits(1);
  // d3-geo's types take GeoJSON's own; ours are the subset a boundaries file may hold.
  type Drawable = Parameters<typeof path>[0];
  const [[, y0], [, y1]] = path.bounds(collection);
  const height = Math.ceil(y1 - Math.min(0, y0)) + 8;
  projection.translate([projection.translate()[0] + 4, projection.translate()[1] + 4]);
  const values = drawn.map((a) => a.value).filter((v): v is number => v !== null);
  const cls = classes(values);
  const colourOf = (v: number | null) => {
    if (v === null) return null;
    if (cls.length === 1) return MAP_COLOURS[2];
    const i = cls.findIndex((c) => v <= c.to);
    return MAP_COLOURS[i < 0 ? MAP_COLOURS.length - 1 : i] ?? null;
  };
  return {
    width,
    height,
    shapes: drawn.map((a, i) => ({
      area: a,
      d: path(features[i] as unknown as Drawable) ?? '',
      fill: colourOf(a.value),
      highlight: a.id === opts.highlight,
    })),
    legend: cls.map((c, i) => ({
      ...c,
      colour: cls.length === 1 ? MAP_COLOURS[2] : (MAP_COLOURS[i] ?? MAP_COLOURS[0]),
    })),
  };
}

/**
 * The areas of a map: each unit of `units` that existed at the period's
 * end or reported it, with its value for the period (null when it has no
 * report or the value is not computable).
 */
export function periodAreas(
  data: SiteData,
  units: readonly SiteUnit[],
  periodId: string,
  value: (r: SiteReport) => number | null,
  label: (v: number) => string,
  name: (u: SiteUnit) => string,
  link: (u: SiteUnit) => string,
): MapArea[] {
  const end = data.periods.find((p) => p.id === periodId)?.end ?? '';
  return units
    .map((u) => ({ u, r: u.reports.find((r) => r.period === periodId) }))
    .filter(
      ({ u, r }) => r || ((!u.validFrom || u.validFrom <= end) && (!u.validTo || u.validTo >= end)),
    )
    .map(({ u, r }) => {
      const v = r ? value(r) : null;
      return {
        id: u.id,
        name: name(u),
        value: v,
        label: v === null ? '' : label(v),
        href: link(u),
      };
    });
}

/** Provinces with at least one unit on the map, in unit-list order. */
export function mappedProvinces(data: SiteData, b: Boundaries): string[] {
  return [...new Set(data.unitList.filter((u) => b.byUnit.has(u.id)).map((u) => u.province))];
}
