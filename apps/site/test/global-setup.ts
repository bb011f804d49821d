/** Builds the site's code (dist/app) once for the test run, from the sources as they are. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const siteDir = fileURLToPath(new URL('..', import.meta.url));
  const r = spawnSync(
    process.execPath,
    [join(siteDir, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: siteDir,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`astro build failed:\n${r.stdout}\n${r.stderr}`);
}
