/**
 * When the demo's reports were due and published, a correction or two, and
 * demo boundaries: what the completeness page, the correction log and the
 * map need to be seen on `npm start`. A stream of randomness of its own, so
 * the figures of a seed stay what they were.
 */
import { period as toPeriod, type Unit } from '@congkhai/indicators';
import { correctionOf, withCorrection, type DueDate, type Report } from '@congkhai/report';
import { Random } from './random.ts';

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Reports are due on the 15th of the month after the period (a province sets its own date now and then). */
function dueDates(reports: readonly Report[], units: readonly Unit[], r: Random): DueDate[] {
  const out: DueDate[] = [];
  const provinces = [...new Set(units.map((u) => u.province))].sort();
  for (const id of [...new Set(reports.map((x) => x.period))].sort()) {
    const p = toPeriod(id);
    if (p.kind === 'range') continue;
    const national = `${addDays(p.end, 1).slice(0, 7)}-15`;
    out.push({ period: id, province: '', due: national });
    const own = provinces[r.int(0, provinces.length - 1)];
    if (own && r.chance(0.4)) out.push({ period: id, province: own, due: addDays(national, 5) });
  }
  return out;
}

/** An earlier version of a corrected report. */
export interface DemoVersion {
  readonly report: Report;
  readonly version: number;
}

export interface Publication {
  readonly reports: Report[];
  readonly due: DueDate[];
  readonly versions: DemoVersion[];
}

export function publicationOf(
  reports: readonly Report[],
  units: readonly Unit[],
  seed: number,
): Publication {
  const r = new Random(seed * 7919 + 13);
  const due = dueDates(reports, units, r);
  const province = new Map(units.map((u) => [u.id, u.province]));
  const dueOf = (x: Report) =>
    due.find((d) => d.period === x.period && d.province === province.get(x.unit))?.due ??
    due.find((d) => d.period === x.period && d.province === '')?.due;
  const versions: DemoVersion[] = [];
  let corrected = 0;
  const out = reports.map((x): Report => {
    const d = dueOf(x);
    const end = toPeriod(x.period).end;
    // Most publish within the fortnight before the due date; some weeks late.
    const published = !d
      ? addDays(end, r.int(10, 40))
      : r.chance(0.18)
        ? addDays(d, r.int(1, 45))
        : addDays(d, -r.int(0, 14));
    const first: Report = { ...x, published };
    const received = x.metrics['dossiers.received'];
    if (corrected >= 3 || received === undefined || !r.chance(0.01)) return first;
    // A correction: a figure typed wrong, fixed a few weeks later.
    corrected++;
    const fixed: Report = {
      ...first,
      metrics: { ...first.metrics, 'dossiers.received': received + r.int(3, 40) },
    };
    const c = correctionOf(
      first,
      fixed,
      addDays(published, r.int(7, 30)),
      'Sửa số hồ sơ tiếp nhận bị ghi nhầm khi tổng hợp.',
    );
    if (!c) return first;
    versions.push({ report: first, version: 1 });
    return withCorrection(first, fixed, c);
  });
  return { reports: out, due, versions };
}

/**
 * Demo boundaries for one province: a grid of square cells, a block of
 * cells per district. Clearly not the real map, and said so in the file.
 */
export function demoBoundaries(units: readonly Unit[], province: string): object {
  const mine = units.filter((u) => u.province === province && !u.validTo);
  const districts = [...new Set(mine.map((u) => u.district ?? ''))];
  const cell = 0.03;
  const features = mine.map((u) => {
    const d = districts.indexOf(u.district ?? '');
    const i = mine.filter((v) => (v.district ?? '') === (u.district ?? '')).indexOf(u);
    const x0 = 106.0 + (d % 5) * 5 * cell + (i % 4) * cell;
    const y0 = 21.2 - Math.floor(d / 5) * 5 * cell - Math.floor(i / 4) * cell;
    const round = (v: number) => Math.round(v * 1e5) / 1e5;
    // Counter-clockwise exterior ring (RFC 7946).
    const ring = [
      [x0, y0 - cell],
      [x0 + cell, y0 - cell],
      [x0 + cell, y0],
      [x0, y0],
      [x0, y0 - cell],
    ].map(([a = 0, b = 0]) => [round(a), round(b)]);
    return {
      type: 'Feature',
      properties: { unit: u.id },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  });
  return {
    type: 'FeatureCollection',
    demo: true,
    name: `Ranh giới minh họa của ${province}: ô lưới, không phải ranh giới thật / Demo boundaries: grid cells, not real boundaries`,
    features,
  };
}
