/**
 * Every text that reaches a procedure is checked before its schema runs:
 * well-formed Unicode (no lone surrogate) and no NUL. A lone surrogate
 * stored in a report made libsql panic when it read the text back
 * (Utf8Error, the whole process ends), and SQLite cuts a text at a NUL, so
 * both would lose or corrupt what the user was told was saved. The walk is
 * bounded too: no object of more keys, and no nesting deeper, than any
 * form of the editor sends.
 *
 * Texts that pass are stored in Unicode NFC: a title typed on a Mac or
 * pasted from a PDF may spell "ệ" as "e" plus two combining marks, which
 * looks the same but would not match the unit list, the search box or the
 * published file (the site reads every text as NFC).
 */
import { inputLabel } from './input-errors.ts';

/** More keys than any input object has (the metric catalog is a few dozen ids). */
export const MAX_KEYS = 2000;
export const MAX_DEPTH = 12;

export interface InputProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

const badText = (s: string): string | undefined => {
  if (!s.isWellFormed())
    return 'có ký tự Unicode hỏng (nửa cặp thay thế); hãy gõ hoặc dán lại đoạn này.';
  if (s.includes('\u0000')) return 'có ký tự NUL (\\0), không lưu được; hãy xoá ký tự đó.';
  return undefined;
};

/** The first problem of an input, or undefined when every text in it can be stored as it is. */
export function inputProblem(value: unknown): InputProblem | undefined {
  const walk = (v: unknown, path: (string | number)[]): InputProblem | undefined => {
    if (typeof v === 'string') {
      const m = badText(v);
      return m ? { path, message: m } : undefined;
    }
    if (v === null || typeof v !== 'object') return undefined;
    if (path.length >= MAX_DEPTH) return { path, message: 'lồng nhau quá sâu.' };
    // Counted before any entry is copied: a million keys cost one array of names.
    const size = Array.isArray(v) ? v.length : Object.keys(v).length;
    if (size > MAX_KEYS) return { path, message: `quá nhiều mục (tối đa ${String(MAX_KEYS)}).` };
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
    for (const [k, x] of entries) {
      if (typeof k === 'string') {
        const m = badText(k);
        if (m) return { path: [...path, k], message: `tên mục ${m}` };
      }
      const p = walk(x, [...path, k]);
      if (p) return p;
    }
    return undefined;
  };
  return walk(value, []);
}

/** The problem in words: the field as the form labels it, then what is wrong. */
export function inputProblemMessage(p: InputProblem): string {
  const label = inputLabel(p.path);
  return label ? `${label}: ${p.message}` : `Dữ liệu gửi lên ${p.message}`;
}

/** The input with every text and key in NFC (see the head of this file); other values as they are. */
export function normalizedInput(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(normalizedInput);
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.normalize('NFC'), normalizedInput(v)]),
  );
}
