import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Unit } from '@congkhai/indicators';
import { serializeReport, serializeUnits, type Report } from '@congkhai/report';
import { describe, expect, it } from 'vitest';
import {
  ContentFolderError,
  contentFiles,
  keepVersion,
  readContent,
  readReportText,
  removeReport,
  writeContent,
  writeDueDates,
  writeReport,
  writeUnits,
} from './folder.ts';

const UNITS: Unit[] = [
  {
    id: 'kim-tan-kim-thanh-hai-duong',
    kind: 'xa',
    name: 'Kim Tân',
    district: 'Kim Thành',
    province: 'Hải Dương',
    formedFrom: [],
  },
  { id: 'an-binh-nghe-an', kind: 'xa', name: 'An Bình', province: 'Nghệ An', formedFrom: [] },
];

const report = (unit: string, period: string, received: number): Report => ({
  schema: 1,
  unit,
  period,
  title: 'Báo cáo CCHC',
  metrics: { 'dossiers.received': received },
  targets: {},
  statedShares: {},
  explanations: {},
  body: 'Đã thực hiện.\n',
});

const A = report('kim-tan-kim-thanh-hai-duong', '2024-H2', 1164);
const B = report('an-binh-nghe-an', '2025-H2', 300);
const fresh = () => mkdtempSync(join(tmpdir(), 'congkhai-content-'));

describe('a content folder', () => {
  it('is written whole in canonical form and read back', async () => {
    const dir = fresh();
    const due = [{ period: '2024-H2', province: '', due: '2025-01-15' }];
    await writeContent(dir, {
      units: UNITS,
      reports: [A, B],
      due,
      versions: [{ report: { ...A, metrics: { 'dossiers.received': 1000 } }, version: 1 }],
      boundaries: { type: 'FeatureCollection', features: [] },
    });
    for (const [path, text] of contentFiles({ units: UNITS, reports: [A, B], due }))
      expect(readFileSync(join(dir, path), 'utf8')).toBe(text);
    expect(readFileSync(join(dir, 'reports/kim-tan-kim-thanh-hai-duong/2024-H2.md'), 'utf8')).toBe(
      serializeReport(A),
    );
    expect(existsSync(join(dir, 'versions/kim-tan-kim-thanh-hai-duong/2024-H2/1.md'))).toBe(true);
    expect(readFileSync(join(dir, 'boundaries.geojson'), 'utf8')).toBe(
      '{"type":"FeatureCollection","features":[]}\n',
    );
    const back = await readContent(dir);
    expect(back.units.map((u) => u.id).sort()).toEqual(UNITS.map((u) => u.id).sort());
    expect(back.reports).toEqual([B, A]);
    expect(back.invalid).toEqual([]);
  });

  it('writes units and due dates only when their text changes', async () => {
    const dir = fresh();
    expect(await writeUnits(dir, UNITS)).toBe(true);
    expect(await writeUnits(dir, [...UNITS].reverse())).toBe(false);
    expect(readFileSync(join(dir, 'units.yaml'), 'utf8')).toBe(serializeUnits(UNITS));
    const due = [{ period: '2024-H2', province: '', due: '2025-01-15' }];
    expect(await writeDueDates(dir, due)).toBe(true);
    expect(await writeDueDates(dir, due)).toBe(false);
  });

  it('writes, keeps a version of, and removes a report', async () => {
    const dir = fresh();
    expect(await readReportText(dir, A.unit, A.period)).toBeUndefined();
    const file = await writeReport(dir, A);
    expect(file).toBe(join(dir, 'reports/kim-tan-kim-thanh-hai-duong/2024-H2.md'));
    const text = await readReportText(dir, A.unit, A.period);
    expect(text).toBe(serializeReport(A));
    await keepVersion(dir, A.unit, A.period, 1, 'as it was\n');
    await removeReport(dir, A.unit, A.period);
    await removeReport(dir, A.unit, A.period); // already gone: nothing to do
    expect(existsSync(file)).toBe(false);
    expect(
      readFileSync(join(dir, 'versions/kim-tan-kim-thanh-hai-duong/2024-H2/1.md'), 'utf8'),
    ).toBe('as it was\n');
  });

  it('names an invalid report and refuses an invalid or missing units file with its line', async () => {
    const dir = fresh();
    await expect(readContent(dir)).rejects.toThrow(ContentFolderError);
    await writeContent(dir, { units: UNITS, reports: [A] });
    writeFileSync(join(dir, 'reports/kim-tan-kim-thanh-hai-duong/2025-H1.md'), '---\nunit: [\n');
    const back = await readContent(dir);
    expect(back.reports).toEqual([A]);
    expect(back.invalid).toEqual(['reports/kim-tan-kim-thanh-hai-duong/2025-H1.md']);
    writeFileSync(join(dir, 'units.yaml'), 'schema: 1\nunits:\n  - id: x\n    kind: nope\n');
    await expect(readContent(dir)).rejects.toThrow(/^units\.yaml: \d+: /);
  });
});
