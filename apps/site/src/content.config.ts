/**
 * Published reports and units, loaded through the content layer with the
 * parser of packages/report: a file that fails stops the build, naming the
 * file, line and column. Entries whose text has not changed are not parsed
 * again (the digest is checked first), which keeps rebuilds fast.
 */
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseReport, parseUnits, reportPath } from '@congkhai/report';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { CONTENT_DIR } from './env.ts';

class ContentError extends Error {
  override name = 'ContentError';
}

async function readAll(files: readonly string[]): Promise<[string, string][]> {
  const out: [string, string][] = [];
  // Read in batches: tens of thousands of files at once exhaust file handles.
  for (let i = 0; i < files.length; i += 256) {
    const batch = files.slice(i, i + 256);
    out.push(
      ...(await Promise.all(
        batch.map(
          async (f) => [f, await readFile(join(CONTENT_DIR, f), 'utf8')] as [string, string],
        ),
      )),
    );
  }
  return out;
}

const reportsLoader: Loader = {
  name: 'congkhai-reports',
  async load(ctx) {
    const { store, logger } = ctx;
    const files: string[] = [];
    for await (const f of glob('reports/**/*.md', { cwd: CONTENT_DIR })) files.push(f);
    files.sort();
    const seen = new Set<string>();
    let parsed = 0;
    for (const [file, text] of await readAll(files)) {
      const digest = ctx.generateDigest(text);
      const id = file.replace(/^reports\//, '').replace(/\.md$/, '');
      seen.add(id);
      if (store.get(id)?.digest === digest) continue;
      const r = parseReport(text);
      if (!r.ok) {
        const e = r.errors[0];
        throw new ContentError(
          `${join(CONTENT_DIR, file)}:${String(e?.line ?? 1)}:${String(e?.column ?? 1)}: ${e?.message.vi ?? ''} / ${e?.message.en ?? ''}`,
        );
      }
      const { body, ...data } = r.value;
      if (reportPath(data.unit, data.period) !== file) {
        throw new ContentError(
          `${join(CONTENT_DIR, file)}: báo cáo của ${data.unit} kỳ ${data.period} phải nằm ở ${reportPath(data.unit, data.period)} / the report must live at that path`,
        );
      }
      store.set({ id, data: { ...data }, body, digest });
      parsed++;
    }
    for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    logger.info(
      `${String(files.length)} reports (${String(parsed)} parsed, ${String(files.length - parsed)} unchanged)`,
    );
  },
};

const unitsLoader: Loader = {
  name: 'congkhai-units',
  async load({ store }) {
    const file = join(CONTENT_DIR, 'units.yaml');
    const r = parseUnits(await readFile(file, 'utf8'));
    if (!r.ok) {
      const e = r.errors[0];
      throw new ContentError(
        `${file}:${String(e?.line ?? 1)}:${String(e?.column ?? 1)}: ${e?.message.vi ?? ''} / ${e?.message.en ?? ''}`,
      );
    }
    store.clear();
    for (const u of r.value) store.set({ id: u.id, data: { ...u } });
  },
};

export const collections = {
  reports: defineCollection({ loader: reportsLoader }),
  units: defineCollection({ loader: unitsLoader }),
};
