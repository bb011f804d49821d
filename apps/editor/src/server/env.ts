/** The editor's configuration, read from the environment in this one place. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  /** Where site releases are built (`releases/<id>`) and the live `current` symlink points. */
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

export function readEnv(env: NodeJS.ProcessEnv = process.env): EditorEnv {
  return {
    databaseUrl: env.DATABASE_URL ?? `file:${resolve(repoRoot, 'data/congkhai.db')}`,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN,
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? '127.0.0.1',
    contentDir: resolve(repoRoot, env.CONTENT_DIR ?? 'data/content'),
    clientDir: resolve(
      env.EDITOR_CLIENT_DIR ?? fileURLToPath(new URL('../../dist/', import.meta.url)),
    ),
    siteRoot: resolve(repoRoot, env.SITE_ROOT ?? 'data/site'),
    secureCookies: env.SECURE_COOKIES === '1',
    trustProxy: env.TRUST_PROXY === '1',
    smtp: parseSmtpUrl(env.SMTP_URL, env.MAIL_FROM),
    editorUrl: (
      env.EDITOR_URL ?? `http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? '4000'}`
    ).replace(/\/+$/, ''),
    reminderDays: reminderDays(env.REMINDER_DAYS),
  };
}

function reminderDays(value: string | undefined): number {
  if (value === undefined) return 7;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 60)
    throw new EnvError(
      `REMINDER_DAYS "${value}": cần số ngày từ 0 đến 60 / needs a whole number of days, 0 to 60`,
    );
  return n;
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
