/**
 * Publishing a report into the content folder (@congkhai/content writes
 * it, canonically and atomically, so a failed write such as a full disk
 * leaves the published file as it was): the first publication date, and
 * a correction's record and earlier version.
 */
import type { Unit } from '@congkhai/indicators';
import {
  keepVersion,
  readReportText,
  removeReport,
  writeDueDates,
  writeReport,
  writeUnits,
} from '@congkhai/content';
import {
  correctionOf,
  parseReport,
  versionOf,
  withCorrection,
  type Correction,
  type DueDate,
  type Report,
} from '@congkhai/report';

/**
 * The units file, written only when its text changes: the site renders
 * everything again when units.yaml changes, and only what a report touches
 * otherwise. Returns whether it changed.
 */
export const publishUnits = (contentDir: string, units: readonly Unit[]): Promise<boolean> =>
  writeUnits(contentDir, units);

/** The due dates file (`due.yaml`), written only when its text changes. Returns whether it changed. */
export const publishDueDates = (contentDir: string, dates: readonly DueDate[]): Promise<boolean> =>
  writeDueDates(contentDir, dates);

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
  const day = vietnamDay(opts.now ?? new Date());
  const oldText = await readReportText(contentDir, report.unit, report.period);
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
    await keepVersion(contentDir, report.unit, report.period, versionOf(before), oldText);
  }
  const file = await writeReport(contentDir, next);
  return { file, ...(correction ? { correction } : {}) };
}

export async function withdrawReport(contentDir: string, report: Report): Promise<void> {
  await removeReport(contentDir, report.unit, report.period);
}
