/**
 * The site's configuration, read from the environment in this one place.
 * The renderer (src/build/) passes absolute paths; the defaults suit
 * `astro dev` run from apps/site.
 */
import { resolve } from 'node:path';

/** Published reports (`reports/<unit>/<period>.md`) and `units.yaml`. */
export const CONTENT_DIR = resolve(process.env.CONTENT_DIR ?? '../../content');
/** The public address, for the feed, the sitemap and canonical links (fixed when the code is built). */
export const SITE_URL = process.env.SITE_URL ?? 'http://localhost:4321';
