/**
 * The site's configuration, read from the environment in this one place.
 * The renderer (src/build/) passes absolute paths; the defaults suit
 * `astro dev` run from apps/site.
 */
import { resolve } from 'node:path';

/** Published reports (`reports/<unit>/<period>.md`) and `units.yaml`. */
export const CONTENT_DIR = resolve(process.env.CONTENT_DIR ?? '../../content');
/**
 * The public address, for canonical links, the feed, the sitemap and the
 * data package: configuration of the deployment, so read when a page is
 * rendered (the editor gives the renderer its environment), never fixed
 * when the code was built.
 */
export function siteUrl(): URL {
  return new URL(process.env.SITE_URL ?? 'http://localhost:4321');
}
