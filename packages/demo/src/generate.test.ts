import { countsComparable, period, runChecks } from '@congkhai/indicators';
import {
  dueFor,
  parseDueDates,
  parseReport,
  parseUnits,
  serializeReport,
  serializeUnits,
  versionPath,
} from '@congkhai/report';
import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate.ts';
import { contentFiles } from '@congkhai/content';

describe('generateDemo', () => {
  const demo = generateDemo({ units: 300, periods: 8, seed: 7 });

  it('is the same for the same seed', () => {
    expect(generateDemo({ units: 300, periods: 8, seed: 7 })).toEqual(demo);
    expect(generateDemo({ units: 300, periods: 8, seed: 8 })).not.toEqual(demo);
  });

  it('writes files that the report format reads back unchanged', { timeout: 60_000 }, () => {
    const units = parseUnits(serializeUnits(demo.units));
    expect(units.ok ? units.value.length : units.errors).toBe(demo.units.length);
    for (const r of demo.reports) {
      const back = parseReport(serializeReport(r));
      expect(back.ok ? [] : back.errors).toEqual([]);
    }
  });

  it('has the 2025 merger: new units formed whole from old ones, and one split', () => {
    const formed = demo.units.filter((u) => u.formedFrom.length > 0);
    expect(
      formed.some((u) => u.formedFrom.every((p) => p.whole) && u.formedFrom.length === 3),
    ).toBe(true);
    expect(formed.filter((u) => u.formedFrom.some((p) => !p.whole))).toHaveLength(2);
    for (const u of formed) {
      expect(u.district).toBeUndefined();
      expect(u.validFrom).toBe('2025-07-01');
    }
    const retired = new Set(formed.flatMap((u) => u.formedFrom.map((p) => p.unit)));
    for (const r of demo.reports.filter((x) => retired.has(x.unit)))
      expect(period(r.period).end <= '2025-06-30').toBe(true);
  });

  it('mixes in missing figures, inconsistent reports and custom ranges, like real ones', () => {
    const warned = demo.reports.filter(
      (r) => runChecks({ metrics: r.metrics, statedShares: r.statedShares }).length > 0,
    );
    expect(warned.length).toBeGreaterThan(0);
    expect(warned.length).toBeLessThan(demo.reports.length * 0.1);
    expect(demo.reports.some((r) => r.metrics['rates.digitization'] === undefined)).toBe(true);
    expect(demo.reports.some((r) => period(r.period).kind === 'range')).toBe(true);
    const halves = demo.reports.filter((r) => period(r.period).kind === 'half');
    expect(halves.every((r) => countsComparable(period(r.period), period('2023-H1')))).toBe(true);
  });

  it('has unique unit ids and one report per unit and period', () => {
    expect(new Set(demo.units.map((u) => u.id)).size).toBe(demo.units.length);
    const keys = demo.reports.map((r) => `${r.unit}/${r.period}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the demo publication record', () => {
  const demo = generateDemo({ units: 300, periods: 8, seed: 7 });

  it('has due dates, publish dates on time and late, a correction with its earlier version, and demo boundaries', () => {
    const files = contentFiles(demo);
    const due = parseDueDates(files.get('due.yaml') ?? '');
    expect(due.ok && due.value.length).toBeGreaterThanOrEqual(8);
    const province = new Map(demo.units.map((u) => [u.id, u.province]));
    const dated = demo.reports.filter((r) => period(r.period).kind !== 'range');
    const late = dated.filter((r) => {
      const d = due.ok ? dueFor(due.value, r.period, province.get(r.unit) ?? '') : undefined;
      return d !== undefined && (r.published ?? '') > d;
    });
    expect(dated.every((r) => r.published)).toBe(true);
    expect(late.length).toBeGreaterThan(dated.length * 0.05);
    expect(late.length).toBeLessThan(dated.length * 0.4);
    const corrected = demo.reports.filter((r) => r.corrections?.length);
    expect(corrected.length).toBeGreaterThan(0);
    for (const r of corrected) {
      const v1 = files.get(versionPath(r.unit, r.period, 1));
      const back = parseReport(v1 ?? '');
      expect(back.ok && back.value.metrics['dossiers.received']).toBe(
        r.corrections?.[0]?.changes[0]?.before,
      );
    }
    const geo = JSON.parse(files.get('boundaries.geojson') ?? '{}') as {
      name: string;
      features: { properties: { unit: string } }[];
    };
    expect(geo.name).toContain('minh họa');
    expect(geo.features.length).toBeGreaterThan(50);
    expect(geo.features.every((f) => province.get(f.properties.unit) === 'Hải Dương')).toBe(true);
  });
});
