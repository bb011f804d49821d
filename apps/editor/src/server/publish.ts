/**
 * Publishing writes the report into the content directory in the canonical
 * format, atomically (a temporary file renamed over the old one), so a
 * failed write (a full disk) leaves the published file as it was.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Unit } from '@congkhai/indicators';
import { reportPath, serializeReport, serializeUnits, type Report } from '@congkhai/report';

async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  await rename(tmp, file);
}

/**
 * The units file, written only when its text changes: the site renders
 * everything again when units.yaml changes, and only what a report touches
 * otherwise. Returns whether it changed.
 */
export async function publishUnits(contentDir: string, units: readonly Unit[]): Promise<boolean> {
  const file = join(contentDir, 'units.yaml');
  const text = serializeUnits(units);
  if ((await readFile(file, 'utf8').catch(() => undefined)) === text) return false;
  await writeAtomic(file, text);
  return true;
}

export async function publishReport(
  contentDir: string,
  report: Report,
  units: readonly Unit[],
): Promise<string> {
  const file = join(contentDir, reportPath(report.unit, report.period));
  await publishUnits(contentDir, units);
  await writeAtomic(file, serializeReport(report));
  return file;
}

export async function withdrawReport(contentDir: string, report: Report): Promise<void> {
  await rm(join(contentDir, reportPath(report.unit, report.period)), { force: true });
}
