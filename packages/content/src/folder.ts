/**
 * The content folder: what is published, and the site's only input.
 *
 *   units.yaml                          every unit with its lineage
 *   due.yaml                            when each period's reports are due
 *   boundaries.geojson                  the map's boundaries (optional)
 *   reports/<unit>/<period>.md          one file per published report
 *   versions/<unit>/<period>/<n>.md     earlier versions of a corrected report
 *
 * Every file is written here, in the canonical form of @congkhai/report's
 * serialisers (so a file changes only where its content did) and
 * atomically (see atomic.ts).
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Unit } from '@congkhai/indicators';
import {
  parseReport,
  parseUnits,
  reportPath,
  serializeDueDates,
  serializeReport,
  serializeUnits,
  versionPath,
  type DueDate,
  type Report,
} from '@congkhai/report';
import { writeFileAtomic } from './atomic.ts';

export const UNITS_FILE = 'units.yaml';
export const DUE_FILE = 'due.yaml';
export const BOUNDARIES_FILE = 'boundaries.geojson';

/** An earlier version of a corrected report, version 1 being the first publication. */
export interface KeptVersion {
  readonly report: Report;
  readonly version: number;
}

/** Everything a content folder holds, as data. */
export interface Content {
  readonly units: readonly Unit[];
  readonly reports: readonly Report[];
  readonly due?: readonly DueDate[];
  readonly versions?: readonly KeptVersion[];
  /** A GeoJSON FeatureCollection whose features name their unit (`properties.unit`). */
  readonly boundaries?: object;
}

/** A content folder that cannot be read: the message names the file and line. */
export class ContentFolderError extends Error {
  override name = 'ContentFolderError';
}

/** Every file of a content folder, by path, in canonical form. */
export function contentFiles(content: Content): Map<string, string> {
  const files = new Map<string, string>();
  files.set(UNITS_FILE, serializeUnits(content.units));
  if (content.due) files.set(DUE_FILE, serializeDueDates(content.due));
  if (content.boundaries) files.set(BOUNDARIES_FILE, `${JSON.stringify(content.boundaries)}\n`);
  for (const r of content.reports) files.set(reportPath(r.unit, r.period), serializeReport(r));
  for (const v of content.versions ?? [])
    files.set(versionPath(v.report.unit, v.report.period, v.version), serializeReport(v.report));
  return files;
}

/**
 * Writes a whole content folder. units.yaml goes last: its presence says
 * the folder is complete (the editor's demo start checks for it). Not
 * flushed file by file: a folder written whole is written again whole if
 * the machine stops meanwhile, and 26,000 flushes would take minutes.
 */
export async function writeContent(dir: string, content: Content): Promise<void> {
  const files = contentFiles(content);
  for (const [path, text] of files)
    if (path !== UNITS_FILE) await writeFileAtomic(join(dir, path), text);
  await writeFileAtomic(join(dir, UNITS_FILE), files.get(UNITS_FILE) ?? '', { durable: true });
}

/** Writes `text` to `path` of the folder only when it differs from what is there. */
async function writeIfChanged(dir: string, path: string, text: string): Promise<boolean> {
  const file = join(dir, path);
  if ((await readFile(file, 'utf8').catch(() => undefined)) === text) return false;
  await writeFileAtomic(file, text, { durable: true });
  return true;
}

/**
 * The units file, written only when its text changes: the site renders
 * everything again when units.yaml changes, and only what a report touches
 * otherwise. Returns whether it changed.
 */
export function writeUnits(dir: string, units: readonly Unit[]): Promise<boolean> {
  return writeIfChanged(dir, UNITS_FILE, serializeUnits(units));
}

/** The due dates file, written only when its text changes. Returns whether it changed. */
export function writeDueDates(dir: string, dates: readonly DueDate[]): Promise<boolean> {
  return writeIfChanged(dir, DUE_FILE, serializeDueDates(dates));
}

/** The text of a published report's file, or undefined when there is none. */
export function readReportText(
  dir: string,
  unit: string,
  period: string,
): Promise<string | undefined> {
  return readFile(join(dir, reportPath(unit, period)), 'utf8').catch(() => undefined);
}

/** Writes a published report; returns its file. */
export async function writeReport(dir: string, report: Report): Promise<string> {
  const file = join(dir, reportPath(report.unit, report.period));
  await writeFileAtomic(file, serializeReport(report), { durable: true });
  return file;
}

/** Keeps a report's file as it was (its text, byte for byte) as version `version`. */
export async function keepVersion(
  dir: string,
  unit: string,
  period: string,
  version: number,
  text: string,
): Promise<void> {
  await writeFileAtomic(join(dir, versionPath(unit, period, version)), text, { durable: true });
}

/** Removes a published report (withdrawn); its kept versions stay, as the record of what was public. */
export async function removeReport(dir: string, unit: string, period: string): Promise<void> {
  await rm(join(dir, reportPath(unit, period)), { force: true });
}

export interface ReadContent {
  readonly units: Unit[];
  readonly reports: Report[];
  /** Report files that do not parse (`reports/<unit>/<file>`), left out of `reports`. */
  readonly invalid: string[];
}

/**
 * The units and reports of a folder. An invalid units.yaml is an error
 * (nothing can be read without it); an invalid report is left out and
 * named in `invalid`.
 */
export async function readContent(dir: string): Promise<ReadContent> {
  const text = await readFile(join(dir, UNITS_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) throw new ContentFolderError(`${UNITS_FILE}: không có / missing`);
  const units = parseUnits(text);
  if (!units.ok)
    throw new ContentFolderError(
      `${UNITS_FILE}: ${units.errors.map((e) => `${String(e.line)}: ${e.message.vi}`).join('; ')}`,
    );
  const reports: Report[] = [];
  const invalid: string[] = [];
  const root = join(dir, 'reports');
  for (const unit of (await readdir(root).catch(() => [])).sort()) {
    const files = await readdir(join(root, unit)).catch(() => []);
    for (const file of files.sort()) {
      if (!file.endsWith('.md')) continue;
      const r = parseReport(await readFile(join(root, unit, file), 'utf8'));
      if (r.ok) reports.push(r.value);
      else invalid.push(`reports/${unit}/${file}`);
    }
  }
  return { units: units.value, reports, invalid };
}
