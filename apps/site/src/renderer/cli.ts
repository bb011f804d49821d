/**
 * `pnpm --filter @congkhai/site build`: the whole site from CONTENT_DIR
 * into SITE_OUT_DIR (default apps/site/dist/site), with the code `astro
 * build` has just written to dist/app. A content error stops the build
 * naming the file, line and column, and leaves no site behind.
 */
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countPages } from '@congkhai/publisher';
import { build } from './build.ts';
import { buildEnv } from '../env.ts';
import { BuildError, Renderer } from './renderer.ts';

const siteDir = fileURLToPath(new URL('../../', import.meta.url));
const { contentDir, out, processes } = buildEnv();

const started = performance.now();
const renderer = await Renderer.start(resolve(siteDir, 'dist/app'));
try {
  let last = 0;
  const result = await build(renderer, {
    appDir: resolve(siteDir, 'dist/app'),
    contentDir,
    out,
    full: true,
    search: true,
    ...(processes ? { processes } : {}),
    progress: (done, total) => {
      if (done === total || done - last >= 5000) {
        last = done;
        console.log(`  ${String(done)}/${String(total)} pages and files`);
      }
    },
  });
  console.log(
    `Site built in ${((performance.now() - started) / 1000).toFixed(1)} s: ${String(await countPages(out))} pages, ${String(result.reports)} reports -> ${out}`,
  );
} catch (e) {
  await rm(out, { recursive: true, force: true });
  console.error(e instanceof BuildError ? `Build failed: ${e.message}` : e);
  process.exitCode = 1;
}
