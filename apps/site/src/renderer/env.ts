/**
 * The command line build's configuration: CONTENT_DIR (default the
 * repository's content/) and SITE_OUT_DIR (default apps/site/dist/site),
 * relative to the repository root. The rendered site reads CONTENT_DIR
 * itself (src/env.ts), so it is set to the resolved path before the
 * renderer loads.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const siteDir = fileURLToPath(new URL('../../', import.meta.url));
const repoRoot = resolve(siteDir, '../..');

export function buildEnv(): { contentDir: string; out: string } {
  const contentDir = resolve(repoRoot, process.env.CONTENT_DIR ?? 'content');
  process.env.CONTENT_DIR = contentDir;
  return {
    contentDir,
    out: resolve(repoRoot, process.env.SITE_OUT_DIR ?? resolve(siteDir, 'dist/site')),
  };
}

/** The environment of a build run as a command: this process's, with `vars` set. */
export const commandEnv = (vars: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
  ...process.env,
  ...vars,
});
