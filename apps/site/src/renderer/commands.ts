/**
 * The site's builds as commands, for a caller outside apps/site (the
 * editor's tests and benches): the code once (`astro build` into
 * dist/app), then a whole site from a content folder.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandEnv } from '../env.ts';
import { RENDERER_EXEC_ARGV } from './exec-argv.ts';

const SITE_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** `astro build`: the code the renderer renders with, from the sources as they are. Throws with its output. */
export function buildSiteCode(): void {
  const r = spawnSync(
    process.execPath,
    [join(SITE_DIR, 'node_modules/astro/bin/astro.mjs'), 'build'],
    { cwd: SITE_DIR, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`astro build failed:\n${r.stdout}\n${r.stderr}`);
}

/** A whole site from `contentDir` into `outDir` (cli.ts, in a process of its own). */
export function renderSite(
  contentDir: string,
  outDir: string,
  env: NodeJS.ProcessEnv = {},
): { code: number | null; output: string } {
  const r = spawnSync(
    process.execPath,
    [...RENDERER_EXEC_ARGV, join(SITE_DIR, 'src/renderer/cli.ts')],
    {
      cwd: SITE_DIR,
      env: commandEnv({ ...env, CONTENT_DIR: contentDir, SITE_OUT_DIR: outDir }),
      encoding: 'utf8',
    },
  );
  return { code: r.status, output: `${r.stdout}\n${r.stderr}` };
}
