/**
 * The published content, read from CONTENT_DIR with the parser of
 * packages/report and kept in memory between renders. The site renderer
 * lives as long as the editor: after a publish only the files that changed
 * are parsed again (a file is unchanged when its inode, size and mtime
 * are; the editor replaces files by rename, so every write is a new inode).
 * A file that fails stops the build, naming the file, line and column.
 */
import { readdirSync, statSync, watch, type Dirent, type FSWatcher } from 'node:fs';
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

interface ReportFile {
  readonly file: string;
  readonly key: string;
  readonly signature: string;
}

/** A unit folder's report files with their signatures, sorted; undefined when it is gone. */
function listFolder(root: string, name: string): ReportFile[] | undefined {
  let names: string[];
  try {
    names = readdirSync(join(root, name));
  } catch {
    return undefined;
  }
  const out: ReportFile[] = [];
  for (const f of names) {
    if (!f.endsWith('.md')) continue;
    let signature: string;
    try {
      signature = signatureOf(statSync(join(root, name, f)));
    } catch {
      continue; // removed between the listing and the stat
    }
    out.push({ file: `reports/${name}/${f}`, key: `${name}/${f.slice(0, -3)}`, signature });
  }
  return out.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
}

/**
 * Which unit folders of `reports/` changed since they were last listed,
 * told by the system (inotify, through fs.watch: one watch on `reports/`
 * for folders that come and go, one on each unit folder for its files,
 * written in place or replaced). Listing every folder and stating every
 * file took 0.2-0.5 s a publish at 3,300 units (25,000 stat calls, more
 * under load); with the watch a publish lists the folders written to.
 * An event is queued by the kernel when the file is written, before the
 * writer asks for a build, so it has been read once the event loop has
 * gone round (refreshContent waits for that). A watch that fails (no
 * more inotify watches, an error) is distrusted: every folder is listed
 * again, as without one, until a full listing sets all watches up again.
 */
class ReportsWatch {
  /** Unit folders written to since they were listed. */
  readonly dirty = new Set<string>();
  /** True once every folder is watched; false after a failure, until the next full listing. */
  trusted = false;
  private readonly folders = new Map<string, FSWatcher>();
  private top: FSWatcher | undefined;

  constructor(readonly root: string) {}

  private watch(path: string, onEvent: (name: string | null) => void): FSWatcher | undefined {
    try {
      const w = watch(path, { persistent: false }, (_event, name) => {
        onEvent(name);
      });
      w.on('error', () => {
        this.trusted = false;
      });
      return w;
    } catch {
      return undefined;
    }
  }

  /** Starts watching `reports/` again from nothing; false when it cannot be watched. */
  restart(): boolean {
    this.close();
    this.top = this.watch(this.root, (name) => {
      // A unit folder came, went or was replaced (watched again); without a name, any may have.
      if (name === null) this.trusted = false;
      else {
        this.forget(name);
        this.dirty.add(name);
      }
    });
    return this.top !== undefined;
  }

  /** Watches a unit folder (before it is listed, so that no write falls between); false when refused. */
  folder(name: string): boolean {
    if (this.folders.has(name)) return true;
    const w = this.watch(join(this.root, name), () => {
      this.dirty.add(name);
    });
    if (!w) return false;
    this.folders.set(name, w);
    return true;
  }

  /** Stops watching a folder that is gone. */
  forget(name: string): void {
    this.folders.get(name)?.close();
    this.folders.delete(name);
  }

  close(): void {
    this.top?.close();
    this.top = undefined;
    for (const w of this.folders.values()) w.close();
    this.folders.clear();
    this.dirty.clear();
    this.trusted = false;
  }
}

let reportsWatch: ReportsWatch | undefined;
/** The last listing of each unit folder (`reports/<unit>/`). */
const listing = new Map<string, readonly ReportFile[]>();

/**
 * The report files (`reports/<unit>/<period>.md`) of the unit folders
 * that may have changed since the last call, with their signatures, and
 * those folders (`all`: every folder was listed). Synchronous: 25,000
 * stat calls take 0.2 s in a row and 0.6 s as promises (a thread pool
 * hop each); the renderer does nothing else meanwhile.
 */
function reportFiles(everything: boolean): {
  readonly files: readonly ReportFile[];
  readonly folders: readonly string[];
  readonly all: boolean;
} {
  const root = join(contentDir(), 'reports');
  if (reportsWatch?.root !== root) {
    reportsWatch?.close();
    reportsWatch = new ReportsWatch(root);
    listing.clear();
  }
  const w = reportsWatch;
  if (everything || !w.trusted) {
    // Watched before listed: a write during the listing is seen at the next call.
    let watched = w.restart();
    listing.clear();
    let units: Dirent[] = [];
    try {
      units = readdirSync(root, { withFileTypes: true });
    } catch {
      watched = false; // no reports folder yet: listed again next time
    }
    const files: ReportFile[] = [];
    for (const u of units) {
      if (!u.isDirectory()) continue;
      watched = w.folder(u.name) && watched;
      const found = listFolder(root, u.name) ?? [];
      listing.set(u.name, found);
      files.push(...found);
    }
    w.trusted = watched;
    return { files, folders: [...listing.keys()], all: true };
  }
  const folders = [...w.dirty].sort();
  w.dirty.clear();
  const files: ReportFile[] = [];
  for (const name of folders) {
    // A new folder is watched before it is listed; one that is gone (or is no folder) is dropped.
    const isFolder = statSync(join(root, name), { throwIfNoEntry: false })?.isDirectory() === true;
    const found = isFolder && w.folder(name) ? listFolder(root, name) : undefined;
    if (isFolder && !found) w.trusted = false; // cannot be watched: all listed again next time
    if (found) listing.set(name, found);
    else {
      listing.delete(name);
      w.forget(name);
    }
    files.push(...(found ?? []));
  }
  return { files, folders, all: false };
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

/** The keys of `entries` in path order, kept while no report comes or goes. */
let ordered: string[] | undefined;

/** Waits for the events already queued (the watch's among them) to be read. */
const drained = () => new Promise<void>((ok) => setImmediate(ok));

/**
 * Brings the in-memory content up to date with the directory. `force`
 * re-parses every file (a full build trusts nothing it kept). Otherwise
 * only the unit folders the watch says were written to are listed again
 * (every folder when the watch is not trusted), and of their files only
 * those whose signature changed are parsed.
 */
export async function refreshContent(force = false): Promise<Content> {
  if (force) {
    unitsEntry = undefined;
    dueEntry = undefined;
    boundariesEntry = undefined;
  } else await drained();
  const { units, changed: unitsChanged } = await readUnitsFile();
  const changed: string[] = [];
  let due, boundaries;
  try {
    due = await readSide(DUE_FILE, dueEntry, [], parseDue);
    boundaries = await readSide(BOUNDARIES_FILE, boundariesEntry, undefined, parseBoundaries);
    dueEntry = due.entry;
    boundariesEntry = boundaries.entry;
    const before = new Map(listing);
    const scan = reportFiles(force);
    const seen = new Set<string>();
    /** Reports that were not there before: the order of the keys is made again. */
    const added: string[] = [];
    await pooled(scan.files, 128, async ({ file, signature, key }) => {
      seen.add(key);
      if (!entries.has(key)) added.push(key);
      if (await readReport(file, signature, key, force)) changed.push(key);
    });
    // Reports gone: of the folders listed again (all of them, or those written to).
    const gone = scan.all
      ? [...entries.keys()].filter((key) => !seen.has(key))
      : scan.folders.flatMap((name) =>
          (before.get(name) ?? []).map((f) => f.key).filter((key) => !seen.has(key)),
        );
    for (const key of gone) {
      if (entries.delete(key)) changed.push(key);
    }
    if (scan.all || added.length > 0 || gone.length > 0) ordered = undefined;
  } catch (e) {
    // Some files were taken in and others not: forget everything, so the
    // next load reads all files and reports the units as changed (a full build).
    entries.clear();
    listing.clear();
    reportsWatch?.close();
    ordered = undefined;
    unitsEntry = undefined;
    dueEntry = undefined;
    boundariesEntry = undefined;
    throw e;
  }
  ordered ??= [...entries.keys()].sort();
  const reports = new Map<string, Report>();
  for (const key of ordered) {
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
