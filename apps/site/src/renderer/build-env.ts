/**
 * The command line build's configuration: CONTENT_DIR (default the
 * repository's content/) and SITE_OUT_DIR (default apps/site/dist/site),
 * relative to the repository root, and SITE_URL, which the pages are
 * rendered with. Checked at start by the site's schema (src/env.ts) with
 * SITE_OUT_DIR added, so a value the build cannot use stops it before it
 * renders anything, naming the variable. The rendered site reads
 * CONTENT_DIR itself, so it is set to the resolved path before the
 * renderer loads.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { NOT_EMPTY, SiteEnvError, parseVariables, siteVariables } from '../env.ts';

const siteDir = fileURLToPath(new URL('../../', import.meta.url));
const repoRoot = resolve(siteDir, '../..');

const variables = siteVariables.extend({
  /** Where the site is written; emptied first. */
  SITE_OUT_DIR: z.string().trim().min(1, NOT_EMPTY).optional(),
});

export interface BuildEnv {
  readonly contentDir: string;
  readonly out: string;
}

/** The command line build's variables, parsed and checked: a SiteEnvError names each bad one. */
export function readBuildEnv(env: NodeJS.ProcessEnv = process.env): BuildEnv {
  const v = parseVariables(variables, env);
  return {
    contentDir: resolve(repoRoot, v.CONTENT_DIR ?? 'content'),
    out: resolve(repoRoot, v.SITE_OUT_DIR ?? resolve(siteDir, 'dist/site')),
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
