/** Two versions of a report side by side: figures by label with Vietnamese numbers, the text as a word diff. */
import { METRICS, formatNumber, type Locale, type Metrics } from '@congkhai/indicators';
import { diffArrays } from 'diff';

export interface FigureChange {
  readonly id: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
  readonly changed: boolean;
}

/** Every figure either version states, in catalog order; "—" where one does not. */
export function figureChanges(before: Metrics, after: Metrics, locale: Locale): FigureChange[] {
  const show = (v: number | undefined) =>
    v === undefined ? '—' : formatNumber(v, locale, { maxDecimals: 3 });
  return METRICS.filter((m) => before[m.id] !== undefined || after[m.id] !== undefined).map(
    (m) => ({
      id: m.id,
      label: m.label[locale],
      before: show(before[m.id]),
      after: show(after[m.id]),
      changed: before[m.id] !== after[m.id],
    }),
  );
}

/** Only what changed, as one line: "Hồ sơ tiếp nhận: — → 1.250". */
export function changedFiguresText(before: Metrics, after: Metrics, locale: Locale): string[] {
  return figureChanges(before, after, locale)
    .filter((c) => c.changed)
    .map((c) => `${c.label}: ${c.before} → ${c.after}`);
}

export type WordPart = { readonly text: string; readonly kind: 'same' | 'added' | 'removed' };

/**
 * Words, numbers as Vietnamese write them ("1.250", "99,2") and the spaces
 * and marks between: diff's own word tokenizer splits "1.250" at the dot.
 */
const TOKEN = /\s+|[\p{L}\p{M}\p{N}]+(?:[.,]\p{N}+)*|[^\s\p{L}\p{M}\p{N}]/gu;

export function wordDiff(before: string, after: string): WordPart[] {
  const out: WordPart[] = [];
  for (const p of diffArrays(before.match(TOKEN) ?? [], after.match(TOKEN) ?? [])) {
    const kind = p.added ? 'added' : p.removed ? 'removed' : 'same';
    const text = p.value.join('');
    const last = out.at(-1);
    if (last?.kind === kind) out[out.length - 1] = { kind, text: last.text + text };
    else out.push({ kind, text });
  }
  return out;
}
