/**
 * The import graph's rules (dependency-cruiser), checked by `pnpm lint:workspace`:
 * no import cycles, and nothing in packages/ imports from apps/ (apps are
 * built on the packages, never the other way). Run once per app with that
 * app's tsconfig (its `~/` alias), and once for the packages.
 *
 * Followed: `.ts` imports written with their extension, `.svelte`
 * components (dependency-cruiser compiles them with the workspace's Svelte),
 * `import type` (tsPreCompilationDeps). Not followed: what an `.astro`
 * file's frontmatter imports. dependency-cruiser has no Astro support
 * (sverweij/dependency-cruiser#1007), so an `.astro` file is a leaf of the
 * graph: an import into one from a package is caught, a cycle through
 * Astro components is not.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: modules that need each other to load are one module in two files.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-package-to-app',
      severity: 'error',
      comment: 'A package imports from an app: apps use packages, a package knows no app.',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to no file: a typo, or an alias this check does not know.',
      from: {},
      to: { couldNotResolve: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.astro|coverage)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      // `import x from './y.ts'`, Svelte components, and files named without their extension.
      extensions: ['.ts', '.mts', '.js', '.mjs', '.svelte', '.d.ts', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'default', 'node'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
