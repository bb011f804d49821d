import type { Locale } from '@congkhai/indicators';

/** A name in Vietnamese and English. */
export type Name = readonly [vi: string, en: string];

/** A catalog of names in Vietnamese and English, by key (statuses, roles). */
export type Names = Readonly<Record<string, Name>>;

/** The name of `key` in the UI's language; the key itself when the catalog does not know it. */
export function nameIn(names: Names, key: string, locale: Locale): string {
  const pair = names[key];
  return pair ? pair[locale === 'en' ? 1 : 0] : key;
}
