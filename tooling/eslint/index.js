// Shared flat config: every package's eslint.config.js is one line that
// re-exports this. It covers .svelte and .astro files too, with the same
// type-aware TypeScript rules as .ts files.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';

const base = tseslint.config(
  { ignores: ['dist/**', '.astro/**', 'node_modules/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // process.env is read in one env.ts per app, never scattered.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in env.ts only.' },
      ],
    },
  },
  ...svelte.configs.recommended,
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      // `onclick={() => save()}` and an effect's `return () => chart.destroy()`
      // are the Svelte idioms; nothing reads what those arrows return.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  ...astro.configs.recommended,
  {
    // astro-eslint-parser has no projectService; it finds the tsconfig itself.
    files: ['**/*.astro'],
    languageOptions: { parserOptions: { projectService: false, project: true } },
  },
  {
    files: ['**/*.svelte', '**/*.astro'],
    // TypeScript (svelte-check, astro check) already knows every name in
    // scope; ESLint's no-undef does not see Svelte runes or Astro's globals.
    rules: { 'no-undef': 'off' },
  },
  {
    // The <script> of an .astro page is linted as a virtual file that no
    // tsconfig includes, so it gets the rules that need no type information.
    files: ['**/*.astro/*.ts', '**/*.astro/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/env.ts', '**/*.config.{js,ts}', '**/test/**', '**/*.test.ts', '**/bench/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);

/**
 * For pure domain packages: no I/O in the package code (tests may read fixtures).
 */
export const pure = tseslint.config(...base, {
  files: ['src/**/*.ts'],
  ignores: ['src/**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: ['node:*', 'fs', 'path'], message: 'Domain packages do no I/O.' }] },
    ],
  },
});

export default base;
