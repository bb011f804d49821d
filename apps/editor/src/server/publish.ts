/**
 * Publishing writes the report into the content directory in the canonical
 * format, atomically (a temporary file renamed over the old one), so a
 * failed write (a full disk) leaves the published file as it was.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Unit } from '@congkhai/indicators';
import {
  correctionOf,
  parseReport,
  reportPath,
  serializeDueDates,
  serializeReport,
  serializeUnits,
  versionOf,
  versionPath,
  withCorrection,
  type Correction,
  type DueDate,
  type Report,
} from '@congkhai/report';

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

/** The due dates file (`due.yaml`), written only when its text changes. Returns whether it changed. */
export async function publishDueDates(
  contentDir: string,
  dates: readonly DueDate[],
): Promise<boolean> {
  const file = join(contentDir, 'due.yaml');
  const text = serializeDueDates(dates);
  if ((await readFile(file, 'utf8').catch(() => undefined)) === text) return false;
  await writeAtomic(file, text);
  return true;
}

/** A published report published again with changed content needs the reviewer's reason. */
export class CorrectionReasonRequired extends Error {
  override name = 'CorrectionReasonRequired';
}

/** Today in Vietnam (UTC+7), `YYYY-MM-DD`: the day a citizen would say it was published. */
export const vietnamDay = (now: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);

export interface Published {
  readonly file: string;
  /** Set when the report was published before and its content changed. */
  readonly correction?: Correction;
}

/**
 * Writes the report; the file records when it was first published. When
 * a file is already there with other content, this is a correction: the
 * old file is kept as its version (versions/<unit>/<period>/<n>.md) and
 * the new one carries the log, with what changed and `reason`.
 */
export async function publishReport(
  contentDir: string,
  report: Report,
  units: readonly Unit[],
  opts: { reason?: string; now?: Date } = {},
): Promise<Published> {
  const file = join(contentDir, reportPath(report.unit, report.period));
  const day = vietnamDay(opts.now ?? new Date());
  const oldText = await readFile(file, 'utf8').catch(() => undefined);
  const old = oldText === undefined ? undefined : parseReport(oldText);
  const before = old?.ok ? old.value : undefined;
  // The publication record is the file's, never the draft's.
  let next: Report = {
    ...report,
    published: before?.published ?? day,
    corrections: before?.corrections ?? [],
  };
  const correction = before ? correctionOf(before, next, day, opts.reason ?? '') : undefined;
  if (correction && correction.reason === '')
    throw new CorrectionReasonRequired('a correction needs its reason');
  await publishUnits(contentDir, units);
  if (before && correction && oldText !== undefined) {
    next = withCorrection(before, next, correction);
    const kept = join(contentDir, versionPath(report.unit, report.period, versionOf(before)));
    await writeAtomic(kept, oldText);
  }
  await writeAtomic(file, serializeReport(next));
  return { file, ...(correction ? { correction } : {}) };
}

export async function withdrawReport(contentDir: string, report: Report): Promise<void> {
  await rm(join(contentDir, reportPath(report.unit, report.period)), { force: true });
}
