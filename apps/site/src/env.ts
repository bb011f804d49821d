/** The site's configuration, read from the environment in this one place. */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Published reports (`reports/<unit>/<period>.md`) and `units.yaml`. */
export const CONTENT_DIR = resolve(repoRoot, process.env.CONTENT_DIR ?? 'content');
/** Where the build writes; the rebuild runner points this at `releases/<id>`. */
export const OUT_DIR = resolve(
  process.env.SITE_OUT_DIR ?? fileURLToPath(new URL('../dist/', import.meta.url)),
);
/** The public address, for the feed, the sitemap and canonical links. */
export const SITE_URL = process.env.SITE_URL ?? 'http://localhost:4321';
