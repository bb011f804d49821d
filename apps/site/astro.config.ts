import svelte from '@astrojs/svelte';
import { defineConfig } from 'astro/config';
import { rendererAdapter } from './src/renderer/adapter.ts';

/**
 * Astro builds the site's code once (dist/app: the server that renders a
 * page, the client assets); src/renderer/ then renders pages with it into a
 * static release, all of them or only those a publish changed. The
 * renderer outlives a build, which is what makes a publish take seconds.
 */
export default defineConfig({
  // No `site`: the public address is read when pages are rendered (src/env.ts siteUrl).
  outDir: 'dist/app',
  output: 'server',
  adapter: rendererAdapter(),
  // The renderer asks for each address as it will be written; links in pages carry their slashes.
  trailingSlash: 'ignore',
  integrations: [svelte()],
  // The site's own scripts as files, never inline: the public site's CSP
  // (packages/serve/src/headers.ts) allows only Astro's own inline scripts.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
