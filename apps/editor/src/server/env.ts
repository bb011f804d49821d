/** The editor's configuration, read from the environment in this one place. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** The repository's own published content: the real reports, copied into a fresh content directory. */
export const REPO_CONTENT = resolve(repoRoot, 'content');

export interface EditorEnv {
  /** `file:data/congkhai.db` (embedded, default), or `libsql://…` / `http://…` for a libsql server. */
  readonly databaseUrl: string;
  readonly databaseAuthToken: string | undefined;
  readonly port: number;
  readonly host: string;
  /** Where published reports are written (the site's input). */
  readonly contentDir: string;
  /** The built SPA. */
  readonly clientDir: string;
  /** Where the publisher keeps the public site's releases, the live one among them (SITE_ROOT). */
  readonly siteRoot: string;
  readonly secureCookies: boolean;
  /** Behind a reverse proxy: the client's address is the last of X-Forwarded-For (login throttling counts by it). */
  readonly trustProxy: boolean;
  /** Where notification e-mail goes out (SMTP_URL); none: notifications stay in the editor. */
  readonly smtp: SmtpSettings | undefined;
  /** The editor's address as users reach it, for links in e-mail (EDITOR_URL; default http://HOST:PORT). */
  readonly editorUrl: string;
  /** Editors are reminded this many days before a due date (REMINDER_DAYS). */
  readonly reminderDays: number;
}

export interface SmtpSettings {
  /** The URL as given, for nodemailer (smtp:// with STARTTLS when offered, smtps:// for TLS from the start). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  /** The sender (MAIL_FROM, or the URL's `from` parameter). */
  readonly from: string;
}

/** A configuration the editor cannot work with: one line that says which variable and why. */
export class EnvError extends Error {
  override name = 'EnvError';
}

/**
 * SMTP_URL, checked once at start so a typo is told then, not at the first
 * reminder: `smtp[s]://[user:password@]host[:port][?from=address]`.
 */
export function parseSmtpUrl(
  value: string | undefined,
  from: string | undefined,
): SmtpSettings | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const bad = (why: string) =>
    new EnvError(
      `SMTP_URL không dùng được (${why}); dạng đúng: smtp://người-dùng:mật-khẩu@máy-chủ:587 / SMTP_URL is not usable (${why}); expected smtp[s]://user:password@host:port`,
    );
  if (!URL.canParse(value)) throw bad('không phải địa chỉ URL / not a URL');
  const u = new URL(value);
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:')
    throw bad(`giao thức "${u.protocol}" / protocol "${u.protocol}"`);
  if (u.hostname === '') throw bad('thiếu máy chủ / no host');
  const secure = u.protocol === 'smtps:';
  const port = u.port === '' ? (secure ? 465 : 587) : Number(u.port);
  const sender = from ?? u.searchParams.get('from') ?? `Công khai <no-reply@${u.hostname}>`;
  if (!/^(?:[^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(sender.trim()))
    throw new EnvError(`MAIL_FROM "${sender}" không phải địa chỉ thư / is not an e-mail address`);
  return { url: value, host: u.hostname, port, secure, from: sender.trim() };
}

/** A whole number from `min` to `max`, told in the words of its variable when it is not. */
const wholeNumber = (min: number, max: number, needs: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, needs)
    .transform(Number)
    .refine((n) => n >= min && n <= max, needs);

/** A switch that is on when set to 1 (anything else, or unset, is off). */
const flag = z
  .string()
  .optional()
  .transform((v) => v === '1');

/**
 * The variables the editor reads, each parsed and checked here once; a bad
 * one is a start-up error naming it, never a NaN port or a default used
 * without a word.
 */
const variables = z.object({
  DATABASE_URL: z.string().optional(),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  PORT: wholeNumber(
    1,
    65535,
    'cần số cổng từ 1 đến 65535 / needs a port number, 1 to 65535',
  ).default(4000),
  HOST: z.string().default('127.0.0.1'),
  CONTENT_DIR: z.string().default('data/content'),
  EDITOR_CLIENT_DIR: z.string().optional(),
  SITE_ROOT: z.string().default('data/site'),
  SECURE_COOKIES: flag,
  TRUST_PROXY: flag,
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  EDITOR_URL: z.string().optional(),
  REMINDER_DAYS: wholeNumber(
    0,
    60,
    'cần số ngày từ 0 đến 60 / needs a whole number of days, 0 to 60',
  ).default(7),
});

export function readEnv(env: NodeJS.ProcessEnv = process.env): EditorEnv {
  const parsed = variables.safeParse(env);
  if (!parsed.success) {
    // One line per bad variable: its name, the value given, what it needs.
    throw new EnvError(
      parsed.error.issues
        .map((issue) => {
          const name = String(issue.path[0] ?? '');
          return `${name} ${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
        })
        .join('\n'),
    );
  }
  const v = parsed.data;
  return {
    databaseUrl: v.DATABASE_URL ?? `file:${resolve(repoRoot, 'data/congkhai.db')}`,
    databaseAuthToken: v.DATABASE_AUTH_TOKEN,
    port: v.PORT,
    host: v.HOST,
    contentDir: resolve(repoRoot, v.CONTENT_DIR),
    clientDir: resolve(
      v.EDITOR_CLIENT_DIR ?? fileURLToPath(new URL('../../dist/', import.meta.url)),
    ),
    siteRoot: resolve(repoRoot, v.SITE_ROOT),
    secureCookies: v.SECURE_COOKIES,
    trustProxy: v.TRUST_PROXY,
    smtp: parseSmtpUrl(v.SMTP_URL, v.MAIL_FROM),
    editorUrl: (v.EDITOR_URL ?? `http://${v.HOST}:${String(v.PORT)}`).replace(/\/+$/, ''),
    reminderDays: v.REMINDER_DAYS,
  };
}

/** readEnv for a process's start: a configuration it cannot use is one line and exit 2. */
export function readEnvOrExit(): EditorEnv {
  try {
    return readEnv();
  } catch (e) {
    if (!(e instanceof EnvError)) throw e;
    console.error(e.message);
    process.exit(2);
  }
}

/** The environment a child process (the site build) inherits. */
export function inheritedEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}
