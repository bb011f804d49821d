/**
 * Every number of a text where a reader sees it, for the editor's import
 * review: the numbers the importer proposed are linked to their fields,
 * and any other can be assigned to a field by hand, its sentence becoming
 * the figure's source. Offsets are those of the proposal's `text`.
 */
import { findNumbers } from './numbers.ts';
import { splitSentences } from './text.ts';

export interface TextNumber {
  /** Where the number is in the text, its `%` or `/whole` included. */
  readonly offset: number;
  readonly end: number;
  readonly value: number;
  readonly percent: boolean;
  /** The sentence it stands in, as a reader quotes it. */
  readonly sentence: string;
  /** Why the importer reads it as no figure (a date, a document number, people, money). */
  readonly notFigure?: string;
}

export function numbersInText(text: string): TextNumber[] {
  return splitSentences(text).flatMap((s) =>
    findNumbers(s)
      .filter((t) => !Number.isNaN(t.value))
      .map((t) => ({
      offset: s.start + t.start,
      end: s.start + t.spanEnd,
      value: t.value,
      percent: t.percent,
      sentence: s.quote,
      ...(t.notFigure ? { notFigure: t.notFigure } : {}),
      })),
  );
}
