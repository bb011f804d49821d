/** `congkhai demo`: write generated demo content into a directory. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { demoFiles, generateDemo } from '@congkhai/demo';

export function writeDemo(
  out: string,
  opts: { units: number; periods: number; seed: number },
): { units: number; reports: number } {
  const demo = generateDemo(opts);
  mkdirSync(out, { recursive: true });
  for (const [path, text] of demoFiles(demo)) {
    const file = join(out, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return { units: demo.units.length, reports: demo.reports.length };
}
