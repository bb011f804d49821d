/**
 * A report as the form holds it: every field as typed, so nothing is lost
 * to a parse error, and what the form reads from it (figures as numbers
 * with the errors of those that are not).
 */
import {
  isMetricId,
  metricDefinition,
  parseNumber,
  type CheckWarning,
  type Locale,
  type Metrics,
} from '@congkhai/indicators';
import { editorTexts } from './i18n/index.ts';

/** The report's own fields, as typed (the issue date as dd/mm/yyyy). */
export interface ReportFields {
  title: string;
  number: string;
  issued: string;
  signer: string;
  body: string;
}

/** Typed figures read as numbers; a field that is not a figure, or a negative one, gets its message. */
export function parseFigures(
  map: Record<string, string>,
  locale: Locale,
): { values: Metrics; errors: Record<string, string> } {
  const values: Metrics = {};
  const errors: Record<string, string> = {};
  for (const [k, raw] of Object.entries(map)) {
    if (raw.trim() === '') continue;
    const n = parseNumber(raw);
    if (!n.ok) errors[k] = n.message[locale];
    else if (n.value < 0) errors[k] = editorTexts(locale).draft.figureCannotBeNegative;
    else if (isMetricId(k)) values[k] = n.value;
  }
  return { values, errors };
}

/** Something that stands before submitting, with the id of the field that settles it. */
export interface Blocker {
  text: string;
  field: string;
}

/**
 * What stands before the next step, each with the field to go to: the
 * server refuses the same. An impossible or unusual figure is settled by
 * a note on it, a large move by an explanation.
 */
export function blockersOf(
  d: {
    figureErrors: Record<string, string>;
    targetErrors: Record<string, string>;
    issuedError: string;
    impossible: readonly CheckWarning[];
    unusual: readonly string[];
    moved: readonly string[];
    notes: Record<string, string>;
    explanations: Record<string, string>;
  },
  locale: Locale,
): Blocker[] {
  const t = editorTexts(locale).draft;
  const label = (k: string) => (isMetricId(k) ? metricDefinition(k).label[locale] : k);
  const noted = (k: string) => (d.notes[k] ?? '').trim() !== '';
  const out: Blocker[] = [];
  for (const k of Object.keys(d.figureErrors))
    out.push({ text: `${label(k)}: ${d.figureErrors[k] ?? ''}`, field: `m-${k}` });
  for (const k of Object.keys(d.targetErrors))
    out.push({
      text: `${t.target} ${label(k)}: ${d.targetErrors[k] ?? ''}`,
      field: `t-${k}`,
    });
  if (d.issuedError) out.push({ text: `${t.issueDate}: ${d.issuedError}`, field: 'issued' });
  for (const w of d.impossible)
    if (!Object.keys(w.values).some(noted)) {
      const first = Object.keys(w.values)[0] ?? '';
      out.push({
        text: `${w.message[locale]} ${t.fixItOrSay}`,
        field: `m-${first}`,
      });
    }
  for (const k of d.unusual)
    if (!noted(k))
      out.push({
        text: t.unusualNeedsLineConfirmation(label(k)),
        field: `n-${k}`,
      });
  for (const k of d.moved)
    if (!(d.explanations[k] ?? '').trim())
      out.push({
        text: t.movedMoreThan50(label(k)),
        field: `x-${k}`,
      });
  return out;
}
