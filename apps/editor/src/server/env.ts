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
  };
}

/** The environment a child process (the site build) inherits. */
export function inheritedEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}
