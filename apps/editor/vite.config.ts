import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/client',
  plugins: [svelte()],
  // `~/` is src/, as in tsconfig.json's paths.
  resolve: {
    alias: [{ find: /^~\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) }],
  },
  build: { outDir: '../../dist', emptyOutDir: true },
  server: { proxy: { '/trpc': 'http://127.0.0.1:4000' } },
});
