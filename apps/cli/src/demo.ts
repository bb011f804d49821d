/** `congkhai demo`: write generated demo content into a directory. */
import { writeContent } from '@congkhai/content';
import { generateDemo } from '@congkhai/demo';

export async function writeDemo(
  out: string,
  opts: { units: number; periods: number; seed: number },
): Promise<{ units: number; reports: number }> {
  const demo = generateDemo(opts);
  await writeContent(out, demo);
  return { units: demo.units.length, reports: demo.reports.length };
}
