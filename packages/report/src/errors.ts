import type { Text } from '@congkhai/indicators';

/** A problem in a report file, with where it is (1-based) and what to do, in both languages. */
export interface FileError {
  readonly line: number;
  readonly column: number;
  /** Dotted path of the field, e.g. `metrics.dossiers.received`; empty for the file as a whole. */
  readonly path: string;
  readonly message: Text;
}

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly FileError[] };
