/**
 * Vietnamese first, English second: every string the pages show, from one
 * file per part of the site (texts/; a section in two files is a test
 * failure: test/i18n.test.ts), and paths per language.
 */
import type { Locale } from '@congkhai/indicators';
import * as common from './texts/common.ts';
import * as rankingPages from './texts/ranking-pages.ts';
import * as checks from './texts/checks.ts';
import * as area from './texts/area.ts';
import * as reporting from './texts/reporting.ts';
import * as corrections from './texts/corrections.ts';
import * as peers from './texts/peers.ts';
import * as brief from './texts/brief.ts';
import * as map from './texts/map.ts';
import type { Translation } from './texts/translation.ts';

/** `[...lang]` route param: undefined for Vietnamese (the root), "en" for English. */
export function localeOf(lang: string | undefined): Locale {
  return lang === 'en' ? 'en' : 'vi';
}

/** The `[...lang]` values of every page: Vietnamese at the root, English under /en/. */
export const LANGS = [undefined, 'en'] as const;

/** A site path (addresses.ts) in a language: href('en', '/a/b/') -> '/en/a/b/'. */
export function href(locale: Locale, path: string): string {
  return locale === 'en' ? `/en${path}` : path;
}

const vi = {
  ...common.vi,
  ...rankingPages.vi,
  ...checks.vi,
  ...area.vi,
  ...reporting.vi,
  ...corrections.vi,
  ...peers.vi,
  ...brief.vi,
  ...map.vi,
};

type Dict = Translation<typeof vi>;

const en: Dict = {
  ...common.en,
  ...rankingPages.en,
  ...checks.en,
  ...area.en,
  ...reporting.en,
  ...corrections.en,
  ...peers.en,
  ...brief.en,
  ...map.en,
};

export function t(locale: Locale): Dict {
  return locale === 'en' ? en : vi;
}
