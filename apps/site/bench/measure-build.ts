/** Runs one Astro build in this process and prints its wall time and peak memory as JSON. */
import { build } from 'astro';
import { fileURLToPath } from 'node:url';

const started = performance.now();
await build({ root: fileURLToPath(new URL('..', import.meta.url)), logLevel: 'warn' });
const seconds = (performance.now() - started) / 1000;
// maxRSS is in kilobytes.
process.stdout.write(
  `${JSON.stringify({ seconds, peakMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
