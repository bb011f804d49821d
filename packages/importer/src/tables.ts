/**
 * Tables pasted as text (cells split by tabs or "|"): the header names the
 * columns with the same cues as sentences, and only the total row ("Tổng",
 * "Cộng") is read: per-field rows are parts, not the unit's figures.
 */
import type { MetricId } from '@congkhai/indicators';
import { cueFor, type Candidate } from './figures.ts';
import type { Sentence } from './text.ts';

interface Row {
  readonly start: number;
  readonly end: number;
  readonly cells: readonly string[];
  /** Offset of each cell's text in the document. */
  readonly offsets: readonly number[];
}

function splitRow(line: string): string[] | undefined {
  const cells = line.includes('|')
    ? line.split('|')
    : line.includes('\t')
      ? line.split('\t')
      : undefined;
  if (!cells) return undefined;
  const trimmed = cells.map((c) => c.trim());
  if (line.includes('|')) {
    if (trimmed[0] === '') trimmed.shift();
    if (trimmed[trimmed.length - 1] === '') trimmed.pop();
  }
  if (trimmed.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) return [];
  return trimmed.length >= 3 ? trimmed : undefined;
}

function tables(text: string): Row[][] {
  const out: Row[][] = [];
  let current: Row[] = [];
  for (const m of text.matchAll(/^.*$/gmu)) {
    const cells = splitRow(m[0]);
    if (cells === undefined) {
      if (current.length > 0) out.push(current);
      current = [];
      continue;
    }
    if (cells.length > 0) {
      let from = 0;
      const offsets = cells.map((c) => {
        const at = m[0].indexOf(c, from);
        from = at + c.length;
        return m.index + Math.max(0, at);
      });
      current.push({ start: m.index, end: m.index + m[0].length, cells, offsets });
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

function cellNumber(cell: string): number | undefined {
  const c = cell.replace(/\s/g, '');
  if (/^\d{1,3}(?:\.\d{3})+$/.test(c)) return Number(c.replaceAll('.', ''));
  if (/^\d+$/.test(c)) return Number(c);
  return undefined;
}

export function readTables(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const rows of tables(text)) {
    const headerIndex = rows.findIndex(
      (r) => r.cells.filter((c) => cueFor(c.toLowerCase(), undefined)).length >= 2,
    );
    const header = rows[headerIndex];
    if (!header) continue;
    const headerText = header.cells.join(' ').toLowerCase();
    const intake = /tiếp nhận|nhận/u.test(headerText);
    const columns: (MetricId | undefined)[] = header.cells.map((c) => {
      const lower = c.toLowerCase();
      // "Trực tuyến" under a header that speaks of intake is the online intake.
      return (
        cueFor(lower, intake && !/giải quyết/u.test(lower) ? 'intake' : 'resolution') ??
        cueFor(lower, undefined)
      );
    });
    const body = rows.slice(headerIndex + 1);
    const total = body.find((r) =>
      r.cells.slice(0, 2).some((c) => /^(?:tổng|cộng|toàn xã|toàn phường|tổng cộng)/iu.test(c)),
    );
    const row = total ?? (body.length === 1 ? body[0] : undefined);
    if (!row) continue;
    const flat = text.slice(row.start, row.end).replace(/\t/g, ' ');
    const sentence: Sentence = {
      start: row.start,
      end: row.end,
      flat,
      lower: flat.toLowerCase(),
      quote: flat.replace(/\s+/g, ' ').trim(),
    };
    const seen = new Set<MetricId>();
    columns.forEach((metric, i) => {
      const value = cellNumber(row.cells[i] ?? '');
      if (!metric || value === undefined || seen.has(metric)) return;
      seen.add(metric);
      out.push({ metric, value, role: 'value', sentence, offset: row.offsets[i] ?? row.start });
    });
  }
  return out;
}
