import { fileURLToPath } from 'node:url';

// Prettier resolves a plugin named in a config from the folder it runs in, not
// from this package: give it the paths this package's dependencies resolve to.
const plugin = (name) => fileURLToPath(import.meta.resolve(name));

/** @type {import('prettier').Config} */
export default {
  printWidth: 100,
  singleQuote: true,
  trailingComma: 'all',
  // Prettier reads .svelte and .astro files only through these plugins.
  plugins: [plugin('prettier-plugin-svelte'), plugin('prettier-plugin-astro')],
  overrides: [{ files: '*.astro', options: { parser: 'astro' } }],
};
