import sitemap from '@astrojs/sitemap';
import svelte from '@astrojs/svelte';
import { defineConfig } from 'astro/config';
import { OUT_DIR, SITE_URL } from './src/env.ts';
import { searchIndex } from './src/integrations/search-index.ts';

export default defineConfig({
  site: SITE_URL,
  outDir: OUT_DIR,
  trailingSlash: 'always',
  // Pages render while others are written to disk.
  build: { format: 'directory', concurrency: 2 },
  integrations: [svelte(), sitemap(), searchIndex()],
  devToolbar: { enabled: false },
});
