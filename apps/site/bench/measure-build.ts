/**
 * One full build of the site (the renderer over every address, and the
 * search index) in this process, with the code bench/site.ts built first;
 * prints its wall time and peak memory as JSON.
 */
import { fileURLToPath } from 'node:url';
import { build } from '../src/renderer/build.ts';
import { buildEnv } from '../src/env.ts';
import { Renderer } from '../src/renderer/renderer.ts';

const appDir = fileURLToPath(new URL('../dist/app/', import.meta.url));
const { contentDir, out } = buildEnv();
const started = performance.now();
const renderer = await Renderer.start(appDir);
await build(renderer, { appDir, contentDir, out, full: true, search: true });
const seconds = (performance.now() - started) / 1000;
// maxRSS is in kilobytes.
process.stdout.write(
  `${JSON.stringify({ seconds, peakMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
