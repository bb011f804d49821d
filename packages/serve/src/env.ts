/** The public site server's configuration, read from the environment in this one place. */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface SiteEnv {
  /** Holds `releases/<id>`, `search/<id>` and the live `current` symlink. */
  readonly siteRoot: string;
  readonly port: number;
  readonly host: string;
}

export function readSiteEnv(env: NodeJS.ProcessEnv = process.env): SiteEnv {
  const port = env.PORT ?? '4001';
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535)
    throw new Error(`PORT must be a port number (0-65535), not ${JSON.stringify(port)}`);
  const host = env.HOST ?? '127.0.0.1';
  if (host.trim() === '') throw new Error('HOST must not be empty');
  const root = env.SITE_ROOT ?? 'data/site';
  if (root.trim() === '') throw new Error('SITE_ROOT must not be empty');
  return {
    siteRoot: isAbsolute(root) ? root : resolve(repoRoot, root),
    port: Number(port),
    host,
  };
}
