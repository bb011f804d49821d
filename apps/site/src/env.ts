/**
 * The site's configuration, read from the environment in this one place
 * and checked by one schema: a variable it cannot use is an error naming
 * it, not a TypeError from deep in a page. The renderer (src/renderer/) passes
 * absolute paths; the defaults suit `astro dev` run from apps/site.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** What a variable that is set but blank is told. */
export const NOT_EMPTY = 'không được để trống / must not be empty';

/** The variables the pages are rendered with; the command line build adds its own (buildVariables, below). */
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

/*
 * The command line build's configuration: CONTENT_DIR (default the
 * repository's content/) and SITE_OUT_DIR (default apps/site/dist/site),
 * relative to the repository root, and SITE_URL, which the pages are
 * rendered with. Checked at start by the site's schema with SITE_OUT_DIR
 * added, so a value the build cannot use stops it before it
 * renders anything, naming the variable. The rendered site reads
 * CONTENT_DIR itself, so it is set to the resolved path before the
 * renderer loads.
 */
const buildVariables = siteVariables.extend({
  /** Where the site is written; emptied first. */
  SITE_OUT_DIR: z.string().trim().min(1, NOT_EMPTY).optional(),
  /** How many processes render a full build (1 or 2, default 1; src/renderer/build.ts). */
  SITE_RENDER_PROCESSES: z
    .enum(['1', '2'], { error: 'là 1 hoặc 2 / is 1 or 2' })
    .transform((v) => (v === '2' ? 2 : 1))
    .optional(),
});

export interface BuildEnv {
  readonly contentDir: string;
  readonly out: string;
  readonly processes?: 1 | 2;
}

/** The command line build's variables, parsed and checked: a SiteEnvError names each bad one. */
export function readBuildEnv(env: NodeJS.ProcessEnv = process.env): BuildEnv {
  // Located when called (by the command line build, run from the sources), not when the pages' bundle loads.
  const siteDir = fileURLToPath(new URL('../', import.meta.url));
  const repoRoot = resolve(siteDir, '../..');
  const v = parseVariables(buildVariables, env);
  return {
    contentDir: resolve(repoRoot, v.CONTENT_DIR ?? 'content'),
    out: resolve(repoRoot, v.SITE_OUT_DIR ?? resolve(siteDir, 'dist/site')),
    ...(v.SITE_RENDER_PROCESSES ? { processes: v.SITE_RENDER_PROCESSES } : {}),
  };
}

/**
 * readBuildEnv for the build's start: a configuration it cannot use is one
 * line per variable and exit 2. Sets CONTENT_DIR to the resolved path for
 * the renderer.
 */
export function buildEnv(): BuildEnv {
  try {
    const env = readBuildEnv();
    process.env.CONTENT_DIR = env.contentDir;
    return env;
  } catch (e) {
    if (!(e instanceof SiteEnvError)) throw e;
    console.error(e.message);
    process.exit(2);
  }
}

/** The environment of a build run as a command: this process's, with `vars` set. */
export const commandEnv = (vars: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
  ...process.env,
  ...vars,
});
