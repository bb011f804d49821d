/**
 * `congkhai import DIR`: a folder of past reports (.docx, .pdf, .txt) read
 * one by one into proposals, with a summary per file of what was found, what
 * an editor must decide before a draft can be made, and what failed. Writing
 * drafts is the editor's part; here each proposal can be kept as JSON.
 */
import { globSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatNumber, type Locale } from '@congkhai/indicators';
import { proposedPeriodId, type ProposedReport } from '@congkhai/importer';
import { importCommand, toJson, type ImportJson } from './import.ts';

/** What an official keeps reports in; anything else in the folder is left alone. */
const REPORT_FILES = '**/*.{docx,DOCX,pdf,PDF,txt,TXT}';

export function reportFiles(dir: string): string[] {
  return globSync(REPORT_FILES, { cwd: dir })
    .map((f) => join(dir, f))
    .sort();
}

export interface BacklogEntry {
  readonly file: string;
  readonly ok: boolean;
  /** Why the file could not be read. */
  readonly error?: string;
  readonly unit?: string | null;
  readonly period?: string | null;
  readonly figures?: number;
  /** What an editor must decide before the proposal becomes a draft. */
  readonly decisions: string[];
  readonly proposal?: ImportJson;
}

const periodLabel = (r: ProposedReport) => (r.period ? proposedPeriodId(r.period) : null);

function unitLabel(r: ProposedReport): string | null {
  const u = r.unit;
  if (!u.name) return null;
  const where = [u.district, u.province].filter((x) => x !== null).join(', ');
  return where ? `${u.name} (${where})` : u.name;
}

function decisions(r: ProposedReport, locale: Locale): string[] {
  const vi = locale === 'vi';
  const out: string[] = [];
  const u = r.unit;
  if (u.candidates.length === 0)
    out.push(
      vi ? 'chọn đơn vị: văn bản không nêu xã/phường nào' : 'choose the unit: the text names none',
    );
  else if (u.candidates.length > 1)
    out.push(
      vi
        ? `chọn đơn vị: văn bản nêu ${String(u.candidates.length)} đơn vị (${u.candidates.map((c) => c.name).join(', ')})`
        : `choose the unit: the text names ${String(u.candidates.length)} (${u.candidates.map((c) => c.name).join(', ')})`,
    );
  else if (u.kind === null)
    out.push(
      vi
        ? `đơn vị "${u.name ?? ''}" trên cấp xã: chọn xã/phường hoặc bỏ qua`
        : `"${u.name ?? ''}" is above commune level: choose a commune or skip`,
    );
  else if (!u.province)
    out.push(
      vi ? 'xác nhận tỉnh của đơn vị (văn bản không nêu)' : 'confirm the province (not stated)',
    );
  if (!r.period) out.push(vi ? 'chọn kỳ báo cáo' : 'choose the period');
  for (const w of r.warnings) if (w.check !== 'period_unknown') out.push(w.message[locale]);
  return out;
}

export interface BacklogOptions {
  readonly locale: Locale;
  /** Where to write one `<file>.json` proposal per report read. */
  readonly out?: string;
  /** Called before each file: for a progress line. */
  readonly onFile?: (index: number, total: number, file: string) => void;
}

export async function importBacklog(dir: string, o: BacklogOptions): Promise<BacklogEntry[]> {
  const files = reportFiles(dir);
  const entries: BacklogEntry[] = [];
  if (o.out) mkdirSync(o.out, { recursive: true });
  for (const [i, file] of files.entries()) {
    o.onFile?.(i + 1, files.length, file);
    const r = await importCommand(file);
    if (!r.ok) {
      entries.push({ file, ok: false, error: r.message[o.locale], decisions: [] });
      continue;
    }
    const proposal = toJson(r.report, o.locale);
    if (o.out)
      writeFileSync(
        join(o.out, `${basename(file)}.json`),
        `${JSON.stringify(proposal, null, 2)}\n`,
      );
    entries.push({
      file,
      ok: true,
      unit: unitLabel(r.report),
      period: periodLabel(r.report),
      figures: Object.keys(r.report.metrics).length,
      decisions: decisions(r.report, o.locale),
      proposal,
    });
  }
  // Two files for one unit and period: one draft each is impossible, someone must choose.
  const seen = new Map<string, string>();
  for (const e of entries) {
    if (!e.ok || !e.unit || !e.period) continue;
    const key = `${e.unit}|${e.period}`;
    const first = seen.get(key);
    if (first) {
      e.decisions.push(
        o.locale === 'vi'
          ? `trùng đơn vị và kỳ với ${basename(first)}: chọn một`
          : `same unit and period as ${basename(first)}: choose one`,
      );
    } else seen.set(key, e.file);
  }
  return entries;
}

export function formatBacklog(entries: readonly BacklogEntry[], locale: Locale): string {
  const vi = locale === 'vi';
  const lines: string[] = [];
  for (const e of entries) {
    if (!e.ok) {
      lines.push(`✗ ${e.file}\n    ${vi ? 'LỖI' : 'FAILED'}: ${e.error ?? ''}`);
      continue;
    }
    const unit = e.unit ?? (vi ? 'đơn vị chưa rõ' : 'unit unknown');
    const period = e.period ?? (vi ? 'kỳ chưa rõ' : 'period unknown');
    const figures = `${formatNumber(e.figures ?? 0, locale)} ${vi ? 'số liệu' : 'figures'}`;
    const mark = e.decisions.length > 0 ? '?' : '✓';
    lines.push(`${mark} ${e.file}\n    ${unit} · ${period} · ${figures}`);
    for (const d of e.decisions) lines.push(`    ${vi ? 'cần quyết định' : 'to decide'}: ${d}`);
  }
  const failed = entries.filter((e) => !e.ok).length;
  const deciding = entries.filter((e) => e.ok && e.decisions.length > 0).length;
  const ready = entries.length - failed - deciding;
  lines.push(
    vi
      ? `\n${String(entries.length)} tệp: ${String(ready)} sẵn sàng, ${String(deciding)} cần quyết định, ${String(failed)} lỗi.`
      : `\n${String(entries.length)} files: ${String(ready)} ready, ${String(deciding)} to decide, ${String(failed)} failed.`,
  );
  return `${lines.join('\n')}\n`;
}
