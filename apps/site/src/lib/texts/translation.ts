/**
 * English typed by the Vietnamese: the same texts named, strings for
 * strings and functions of the same arguments for functions, so a text
 * missing in either language, or taking other values, is a type error.
 */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends (...a: infer A) => string
    ? (...a: A) => string
    : T[K] extends object
      ? Translation<T[K]>
      : string;
};
