/**
 * The published content, read from CONTENT_DIR with the parser of
 * packages/report and kept in memory between renders. The site renderer
 * lives as long as the editor: after a publish only the files that changed
 * are parsed again (a file is unchanged when its inode, size and mtime
 * are; the editor replaces files by rename, so every write is a new inode).
 * A file that fails stops the build, naming the file, line and column.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BOUNDARIES_FILE, DUE_FILE, UNITS_FILE } from '@congkhai/content';
import type { Unit } from '@congkhai/indicators';
import {
  parseDueDates,
  parseReport,
  parseUnits,
  reportPath,
  type DueDate,
  type Report,
} from '@congkhai/report';
import { contentDir } from '../env.ts';

export class ContentError extends Error {
  override name = 'ContentError';
}

interface Entry {
  readonly signature: string;
  readonly report: Report;
}

export interface Content {
  readonly units: readonly Unit[];
  /** Keyed `<unit>/<period>`, in path order. */
  readonly reports: ReadonlyMap<string, Report>;
  /** Since the last load: reports added, changed or removed, and whether units.yaml changed. */
  readonly changed: readonly string[];
  readonly unitsChanged: boolean;
  /** When reports were due (`due.yaml`; none when absent), and whether that changed. */
  readonly due: readonly DueDate[];
  readonly dueChanged: boolean;
  /** The boundaries (`boundaries.geojson`, keyed by unit id), as read; and whether they changed. */
  readonly boundaries: unknown;
  readonly boundariesChanged: boolean;
}

const entries = new Map<string, Entry>();
let unitsEntry: { signature: string; text: string; units: readonly Unit[] } | undefined;

const signatureOf = (s: { ino: number; size: number; mtimeMs: number }) =>
  `${String(s.ino)}:${String(s.size)}:${String(s.mtimeMs)}`;

/** Runs `task` over `items`, `width` at a time: tens of thousands of files at once exhaust file handles. */
async function pooled<T, R>(
  items: readonly T[],
  width: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width)
    out.push(...(await Promise.all(items.slice(i, i + width).map(task))));
  return out;
}

function failure(
  file: string,
  e: { line?: number; column?: number; message: { vi: string; en: string } } | undefined,
): ContentError {
  return new ContentError(
    `${file}:${String(e?.line ?? 1)}:${String(e?.column ?? 1)}: ${e?.message.vi ?? ''} / ${e?.message.en ?? ''}`,
  );
}

/** The units, and whether their text differs from the last load's. */
async function readUnitsFile(): Promise<{ units: readonly Unit[]; changed: boolean }> {
  const file = join(contentDir(), UNITS_FILE);
  const signature = signatureOf(await stat(file));
  if (unitsEntry?.signature === signature) return { units: unitsEntry.units, changed: false };
  const text = await readFile(file, 'utf8');
  const changed = unitsEntry?.text !== text;
  const r = parseUnits(text);
  if (!r.ok) throw failure(file, r.errors[0]);
  unitsEntry = { signature, text, units: r.value };
  return { units: r.value, changed };
}

interface SideFile<T> {
  readonly signature: string;
  readonly text: string;
  readonly value: T;
}
let dueEntry: SideFile<readonly DueDate[]> | undefined;
let boundariesEntry: SideFile<unknown> | undefined;

/**
 * An optional file beside the reports (absent is `empty`), parsed again
 * only when it changed; `changed` compares the text with the last load's.
 */
async function readSide<T>(
  name: string,
  last: SideFile<T> | undefined,
  empty: T,
  parse: (text: string, file: string) => T,
): Promise<{ entry: SideFile<T>; changed: boolean }> {
  const file = join(contentDir(), name);
  const st = await stat(file).catch(() => undefined);
  const signature = st ? signatureOf(st) : 'absent';
  if (last?.signature === signature) return { entry: last, changed: false };
  const text = st ? await readFile(file, 'utf8') : '';
  const entry = { signature, text, value: st ? parse(text, file) : empty };
  return { entry, changed: (last?.text ?? '') !== text };
}

const parseDue = (text: string, file: string): readonly DueDate[] => {
  const r = parseDueDates(text);
  if (!r.ok) throw failure(file, r.errors[0]);
  return r.value;
};

const parseBoundaries = (text: string, file: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ContentError(
      `${file}: không đọc được GeoJSON / not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
};

/**
 * Every report file (`reports/<unit>/<period>.md`, sorted) with its
 * signature. Synchronous: 25,000 stat calls take 0.2 s in a row and 0.6 s
 * as promises (a thread pool hop each), on every publish; the renderer
 * does nothing else meanwhile.
 */
function reportFiles(): { file: string; signature: string }[] {
  const root = join(contentDir(), 'reports');
  let units: Dirent[];
  try {
    units = readdirSync(root, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: { file: string; signature: string }[] = [];
  for (const u of units) {
    if (!u.isDirectory()) continue;
    for (const f of readdirSync(join(root, u.name))) {
      if (!f.endsWith('.md')) continue;
      out.push({
        file: `reports/${u.name}/${f}`,
        signature: signatureOf(statSync(join(root, u.name, f))),
      });
    }
  }
  return out.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
}

/** Parses the file if it changed; true when it did. */
async function readReport(
  file: string,
  signature: string,
  key: string,
  force: boolean,
): Promise<boolean> {
  if (!force && entries.get(key)?.signature === signature) return false;
  const path = join(contentDir(), file);
  const r = parseReport(await readFile(path, 'utf8'));
  if (!r.ok) throw failure(path, r.errors[0]);
  if (reportPath(r.value.unit, r.value.period) !== file) {
    throw new ContentError(
      `${path}: báo cáo của ${r.value.unit} kỳ ${r.value.period} phải nằm ở ${reportPath(r.value.unit, r.value.period)} / the report must live at that path`,
    );
  }
  entries.set(key, { signature, report: r.value });
  return true;
}

/**
 * Brings the in-memory content up to date with the directory. `force`
 * re-parses every file (a full build trusts nothing it kept).
 */
export async function refreshContent(force = false): Promise<Content> {
  if (force) {
    unitsEntry = undefined;
    dueEntry = undefined;
    boundariesEntry = undefined;
  }
  const { units, changed: unitsChanged } = await readUnitsFile();
  const seen = new Set<string>();
  const changed: string[] = [];
  let due, boundaries;
  try {
    due = await readSide(DUE_FILE, dueEntry, [], parseDue);
    boundaries = await readSide(BOUNDARIES_FILE, boundariesEntry, undefined, parseBoundaries);
    dueEntry = due.entry;
    boundariesEntry = boundaries.entry;
    await pooled(reportFiles(), 128, async ({ file, signature }) => {
      const key = file.replace(/^reports\//, '').replace(/\.md$/, '');
      seen.add(key);
      if (await readReport(file, signature, key, force)) changed.push(key);
    });
  } catch (e) {
    // Some files were taken in and others not: forget everything, so the
    // next load reads all files and reports the units as changed (a full build).
    entries.clear();
    unitsEntry = undefined;
    dueEntry = undefined;
    boundariesEntry = undefined;
    throw e;
  }
  for (const key of [...entries.keys()]) {
    if (seen.has(key)) continue;
    entries.delete(key);
    changed.push(key);
  }
  const reports = new Map<string, Report>();
  for (const key of [...seen].sort()) {
    const e = entries.get(key);
    if (e) reports.set(key, e.report);
  }
  return {
    units,
    reports,
    changed: changed.sort(),
    unitsChanged,
    due: due.entry.value,
    dueChanged: due.changed,
    boundaries: boundaries.entry.value,
    boundariesChanged: boundaries.changed,
  };
}
