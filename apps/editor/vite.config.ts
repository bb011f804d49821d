import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/client',
  plugins: [svelte()],
  build: { outDir: '../../dist', emptyOutDir: true },
  server: { proxy: { '/trpc': 'http://127.0.0.1:4000' } },
});
