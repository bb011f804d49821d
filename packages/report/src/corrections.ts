/**
 * What a correction changed: the figures of a published report against
 * the same report published again, and whether anything else (title,
 * number, narrative…) changed. Pure: the editor gives it the two reports,
 * the day and the reviewer's reason.
 */
import { METRIC_IDS } from '@congkhai/indicators';
import type { Correction, FigureChange, Report } from './report.ts';
import { serializeReport } from './serialize.ts';

/** The figures that differ, in catalog order. */
export function figureChanges(before: Report, after: Report): FigureChange[] {
  const out: FigureChange[] = [];
  for (const metric of METRIC_IDS) {
    const b = before.metrics[metric];
    const a = after.metrics[metric];
    if (b === a) continue;
    out.push({
      metric,
      ...(b === undefined ? {} : { before: b }),
      ...(a === undefined ? {} : { after: a }),
    });
  }
  return out;
}

/** The content a reader sees, without the publication record. */
const contentOf = (r: Report) =>
  serializeReport({ ...r, metrics: {}, published: undefined, corrections: undefined });

/**
 * The correction that turns `before` (as published) into `after`, or
 * undefined when the content is the same (publishing it again is no correction).
 */
export function correctionOf(
  before: Report,
  after: Report,
  date: string,
  reason: string,
): Correction | undefined {
  const changes = figureChanges(before, after);
  const text = contentOf(before) !== contentOf(after);
  if (changes.length === 0 && !text) return undefined;
  return { date, reason: reason.trim(), changes, text };
}

/**
 * The report to publish again after a correction: the first publication
 * date kept, the log carried over with the new entry at its end.
 */
export function withCorrection(before: Report, after: Report, correction: Correction): Report {
  return {
    ...after,
    ...(before.published ? { published: before.published } : {}),
    corrections: [...(before.corrections ?? []), correction],
  };
}

/** The version number a report is at: 1 when first published, +1 per correction. */
export const versionOf = (r: Report): number => 1 + (r.corrections?.length ?? 0);
