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
}
