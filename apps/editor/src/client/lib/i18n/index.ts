/**
 * Every text the editor shows, Vietnamese first, English second, by the
 * component that shows it, in one file per screen beside this one (a
 * section in two files is a test failure: test/i18n.test.ts). English is
 * typed by the Vietnamese: a text missing in either language is a type
 * error, and so is one that takes other values.
 */
import type { Locale } from '@congkhai/indicators';
import * as admin from './admin.ts';
import * as app from './app.ts';
import * as builds from './builds.ts';
import * as bulkImport from './bulk-import.ts';
import * as changePassword from './change-password.ts';
import * as cycle from './cycle.ts';
import * as login from './login.ts';
import * as notifications from './notifications.ts';
import * as reportEditor from './report-editor.ts';
import * as reports from './reports.ts';

const vi = {
  ...app.vi,
  ...login.vi,
  ...changePassword.vi,
  ...reports.vi,
  ...reportEditor.vi,
  ...cycle.vi,
  ...notifications.vi,
  ...builds.vi,
  ...admin.vi,
  ...bulkImport.vi,
};

export type EditorTexts = typeof vi;

const en: EditorTexts = {
  ...app.en,
  ...login.en,
  ...changePassword.en,
  ...reports.en,
  ...reportEditor.en,
  ...cycle.en,
  ...notifications.en,
  ...builds.en,
  ...admin.en,
  ...bulkImport.en,
};

/** The editor's texts in a language. */
export function editorTexts(locale: Locale): EditorTexts {
  return locale === 'en' ? en : vi;
}

/** The BCP 47 tag dates and times are written in for a language (Vietnamese: dd/mm/yyyy). */
export function dateLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : 'vi-VN';
}

/** The language the header's switch offers from a language. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'vi' : 'en';
}
