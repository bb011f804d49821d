/** `congkhai demo`: write generated demo content into a directory. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateDemo } from '@congkhai/demo';
import { reportPath, serializeReport, serializeUnits } from '@congkhai/report';

export function writeDemo(
  out: string,
  opts: { units: number; periods: number; seed: number },
): { units: number; reports: number } {
  const demo = generateDemo(opts);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'units.yaml'), serializeUnits(demo.units));
  for (const r of demo.reports) {
    const file = join(out, reportPath(r.unit, r.period));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, serializeReport(r));
  }
  return { units: demo.units.length, reports: demo.reports.length };
}
