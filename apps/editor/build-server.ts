/**
 * Bundles what Node runs for `npm start` into dist/server/*.mjs, so that
 * plain Node runs it (no tsx loader, no .ts sources):
 *   tsx build-server.ts
 *
 * Entries: start.ts (the supervisor), and every file the bundled code runs
 * on its own, found in the sources rather than listed here, so they can move:
 * `new URL('./x.ts', import.meta.url)` (a worker thread, a child process) and
 * `import.meta.resolve('<workspace module>')` become `./x.mjs` beside the
 * bundle, itself an entry. Each other `import.meta.url` keeps meaning the
 * source file's own address (it finds the repository, the site's built code
 * and the client's files from there), and `--import tsx` is dropped from the
 * arguments of the processes it starts.
 *
 * Only the workspace's TypeScript is bundled. Packages from node_modules stay
 * external (libsql and pagefind load native binaries, piscina and pdfjs-dist
 * load files by path), imported by their path relative to the bundle, as
 * resolved from the file that imports them: a package is not always a
 * dependency of the editor itself (pagefind is the site's).
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(here, 'dist/server');

/** Source file -> name of its bundle in outdir (without .mjs). */
const entries = new Map<string, string>([[resolve(here, 'src/server/start.ts'), 'start']]);

function entryName(file: string): string {
  const known = entries.get(file);
  if (known) return known;
  const stem = basename(file).replace(/\.ts$/, '');
  const taken = new Set(entries.values());
  let name = stem;
  for (let i = 2; taken.has(name); i++) name = `${stem}-${String(i)}`;
  entries.set(file, name);
  return name;
}

/** `./x` as an import specifier from outdir to `file`. */
const fromOutdir = (file: string) => {
  const rel = relative(outdir, file).split('\\').join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
};

const inWorkspace = (file: string) => !file.split(/[\\/]/).includes('node_modules');

const SOURCE =
  /new URL\((['"])(\.\.?\/[^'"]+\.ts)\1, import\.meta\.url\)|import\.meta\.resolve\((['"])([^'"]+)\3\)|import\.meta\.url|(['"])--import\5,\s*(['"])tsx\6,?\s*/g;

const server: Plugin = {
  name: 'congkhai-server',
  setup(b) {
    // Bare imports: the workspace's packages are bundled, the rest stays external.
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('node:') || args.path.startsWith('@congkhai/')) return undefined;
      if (args.pluginData === 'resolving') return undefined;
      const found = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'resolving',
      });
      if (found.errors.length > 0 || found.external) return undefined;
      return { path: fromOutdir(found.path), external: true };
    });
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (!inWorkspace(args.path)) return undefined;
      const dir = dirname(args.path);
      const pending: Promise<void>[] = [];
      const replaced = new Map<string, string>();
      const source = readFileSync(args.path, 'utf8');
      // import.meta.resolve needs resolving first; collect, then substitute.
      for (const m of source.matchAll(SOURCE)) {
        const spec = m[4];
        if (spec === undefined) continue;
        pending.push(
          b.resolve(spec, { kind: 'import-statement', resolveDir: dir }).then((r) => {
            if (r.errors.length > 0) throw new Error(`${args.path}: cannot resolve ${spec}`);
            replaced.set(spec, r.path);
          }),
        );
      }
      await Promise.all(pending);
      const contents = source.replace(
        SOURCE,
        (all, _q1, childPath?: string, _q3?: string, spec?: string, flag?: string) => {
          if (childPath !== undefined)
            return `new URL(${JSON.stringify(`./${entryName(resolve(dir, childPath))}.mjs`)}, import.meta.url)`;
          if (spec !== undefined) {
            const file = replaced.get(spec) ?? spec;
            return `new URL(${JSON.stringify(`./${entryName(file)}.mjs`)}, import.meta.url).href`;
          }
          if (flag !== undefined) return '';
          if (all === 'import.meta.url')
            return `new URL(${JSON.stringify(fromOutdir(args.path))}, import.meta.url).href`;
          return all;
        },
      );
      return { contents, loader: 'ts', resolveDir: dir };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

// Building finds more entries (the files the entries start); build until none is new.
let known = 0;
while (known !== entries.size) {
  known = entries.size;
  await build({
    entryPoints: [...entries].map(([file, name]) => ({ in: file, out: name })),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [server],
  });
}

for (const name of entries.values()) {
  if (!existsSync(resolve(outdir, `${name}.mjs`))) throw new Error(`${name}.mjs was not written`);
}
console.log(
  `dist/server: ${[...entries.values()].map((n) => `${n}.mjs`).join(', ')} (${pathToFileURL(outdir).pathname})`,
);
