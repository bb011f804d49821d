import type { MetricId, Metrics, StatedShares } from '@congkhai/indicators';

/** A report as the editor writes it and the site reads it. */
export interface Report {
  readonly schema: number;
  /** Unit id (slug), e.g. `kim-tan-kim-thanh-hai-duong`. */
  readonly unit: string;
  /** Canonical period id, e.g. `2023-H1` or `2021-02-01..2023-06-30`. */
  readonly period: string;
  readonly title: string;
  /** Official number, e.g. `52/BC-UBND`. */
  readonly number?: string;
  /** `YYYY-MM-DD`, or `YYYY-MM` when the document leaves the day blank. */
  readonly issued?: string;
  readonly signer?: string;
  readonly metrics: Metrics;
  readonly targets: Metrics;
  /** Percentages the text states for a part of its whole, to check against the counts. */
  readonly statedShares: StatedShares;
  /** Why a figure moved a lot against the previous period, one line per figure. */
  readonly explanations: Partial<Record<MetricId, string>>;
  /** The narrative, Markdown. */
  readonly body: string;
  /** `YYYY-MM-DD` (Vietnam time) when the report was first published; absent in files from before it was recorded. */
  readonly published?: string;
  /** Corrections after the first publication, oldest first (the correction log). */
  readonly corrections?: readonly Correction[];
}

/** A figure a correction changed: absent before (added) or after (removed) is undefined. */
export interface FigureChange {
  readonly metric: MetricId;
  readonly before?: number;
  readonly after?: number;
}

/**
 * A published report published again with changed content. The report as
 * it was before correction `i` (0-based) is version `i + 1`; the editor keeps
 * it in the content folder (versionPath), so earlier versions stay downloadable.
 */
export interface Correction {
  /** `YYYY-MM-DD` (Vietnam time). */
  readonly date: string;
  /** Why, in the reviewer's words. */
  readonly reason: string;
  /** Figures that changed, in catalog order. */
  readonly changes: readonly FigureChange[];
  /** Whether anything besides the figures changed (title, number, narrative…). */
  readonly text: boolean;
}
