/**
 * The site's configuration, read from the environment in this one place
 * and checked by one schema: a variable it cannot use is an error naming
 * it, not a TypeError from deep in a page. The renderer (src/renderer/) passes
 * absolute paths; the defaults suit `astro dev` run from apps/site.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

/** What a variable that is set but blank is told. */
export const NOT_EMPTY = 'không được để trống / must not be empty';

/** The variables the pages are rendered with; the command line build (renderer/build-env.ts) adds its own. */
export const siteVariables = z.object({
  /** Published reports (`reports/<unit>/<period>.md`) and `units.yaml`. */
  CONTENT_DIR: z.string().trim().min(1, NOT_EMPTY).optional(),
  /** The public address: an absolute http(s) URL. */
  SITE_URL: z
    .url({
      protocol: /^https?$/,
      error:
        'cần một địa chỉ http(s) đầy đủ, như https://congkhai.example.vn / needs a full http(s) address, such as https://congkhai.example.vn',
    })
    .optional(),
});

/** A configuration the site cannot be rendered with: one line per variable, naming it. */
export class SiteEnvError extends Error {
  override name = 'SiteEnvError';
}

/** `env` checked by `schema`, or a SiteEnvError of one line per bad variable: its name, the value given, what it needs. */
export function parseVariables<T extends z.ZodType>(
  schema: T,
  env: NodeJS.ProcessEnv,
): z.output<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success)
    throw new SiteEnvError(
      parsed.error.issues
        .map((issue) => {
          const name = String(issue.path[0] ?? '');
          return `${name} ${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
        })
        .join('\n'),
    );
  return parsed.data;
}

/** The variables the pages are rendered with, parsed and checked. */
export function readRenderEnv(env: NodeJS.ProcessEnv = process.env): {
  contentDir: string;
  siteUrl: URL;
} {
  const v = parseVariables(siteVariables, env);
  return {
    contentDir: resolve(v.CONTENT_DIR ?? '../../content'),
    siteUrl: new URL(v.SITE_URL ?? 'http://localhost:4321'),
  };
}

let content: string | undefined;

/**
 * Published reports (`reports/<unit>/<period>.md`) and `units.yaml`: read
 * on first use, then kept. Not when this module loads: the command line
 * build imports it before it has checked its variables and set CONTENT_DIR.
 */
export function contentDir(): string {
  content ??= readRenderEnv().contentDir;
  return content;
}
/**
 * The public address, for canonical links, the feed, the sitemap and the
 * data package: configuration of the deployment, so read when a page is
 * rendered (the editor gives the renderer its environment), never fixed
 * when the code was built.
 */
export function siteUrl(): URL {
  return readRenderEnv().siteUrl;
}
