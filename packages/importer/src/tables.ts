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

const isTotalCell = (c: string) => /^(?:tổng số|tổng|cộng|tổng cộng)$/iu.test(c.trim());
const hasNumber = (r: Row) => r.cells.some((c) => cellNumber(c) !== undefined);

/**
 * The label of each column, when the header is one row with a cell per
 * column, or two rows as Word writes the one-stop form: groups on top
 * ("Số hồ sơ nhận giải quyết", "Kết quả giải quyết", "Đang giải quyết"),
 * each over sub-columns that begin with "Tổng số". The merged cells are
 * lost in the text, so the groups are matched to the sub-columns by those
 * "Tổng số" cells; when they cannot be, the table is not read (a column
 * read under the wrong group would be a wrong figure).
 */
function columnLabels(rows: readonly Row[], headerIndex: number, width: number) {
  const header = rows[headerIndex];
  if (!header) return undefined;
  if (header.cells.length === width) {
    return {
      labels: header.cells.map((c) => ({ group: '', label: c })),
      bodyFrom: headerIndex + 1,
    };
  }
  const sub = rows[headerIndex + 1];
  if (!sub || hasNumber(sub)) return undefined;
  // Sub-header cells without the empty ones left by cells merged down from the top row.
  const subCells = sub.cells.length === width ? sub.cells : undefined;
  const lead = subCells ? subCells.findIndex((c) => c.trim() !== '') : width - sub.cells.length;
  const subs = subCells ? subCells.slice(lead) : sub.cells;
  if (lead < 0 || lead + subs.length !== width) return undefined;
  const starts = subs.flatMap((c, i) => (isTotalCell(c) ? [i] : []));
  const groups = header.cells.slice(lead).filter((c) => c.trim() !== '');
  if (starts[0] !== 0 || starts.length !== groups.length) return undefined;
  const labels = [
    ...header.cells.slice(0, lead).map((c) => ({ group: '', label: c })),
    ...subs.map((c, i) => {
      const g = starts.filter((st) => st <= i).length - 1;
      return { group: groups[g] ?? '', label: c };
    }),
  ];
  return { labels, bodyFrom: headerIndex + 2 };
}

export function readTables(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const rows of tables(text)) {
    const headerIndex = rows.findIndex(
      (r) => r.cells.filter((c) => cueFor(c.toLowerCase(), undefined)).length >= 2,
    );
    const header = rows[headerIndex];
    if (!header) continue;
    const numbered = rows.slice(headerIndex + 1).filter(hasNumber);
    const total =
      numbered.find((r) =>
        r.cells.slice(0, 3).some((c) => /^(?:tổng|cộng|toàn xã|toàn phường|tổng cộng)/iu.test(c)),
      ) ?? (numbered.length === 1 ? numbered[0] : undefined);
    if (!total) continue;
    const layout = columnLabels(rows, headerIndex, total.cells.length);
    if (!layout) continue;
    const headerText = [header, rows[headerIndex + 1]]
      .map((r) => r?.cells.join(' ') ?? '')
      .join(' ')
      .toLowerCase();
    const intake = /tiếp nhận|nhận/u.test(headerText);
    const columns: (MetricId | undefined)[] = layout.labels.map(({ group, label }) => {
      const g = group.toLowerCase();
      const lower = `${g} ${label.toLowerCase()}`.trim();
      const groupMetric = g === '' ? undefined : cueFor(g, undefined);
      // Under "Đang giải quyết", only its total: "Quá hạn" there is overdue pending, not late.
      if (groupMetric === 'dossiers.pending')
        return isTotalCell(label) ? 'dossiers.pending' : undefined;
      // A group's "Tổng số" is the group's own figure.
      if (groupMetric && isTotalCell(label)) return groupMetric;
      // "Trực tuyến" under a header that speaks of intake is the online intake.
      return (
        cueFor(
          lower,
          intake && !/giải quyết/u.test(label.toLowerCase()) ? 'intake' : 'resolution',
        ) ?? cueFor(lower, undefined)
      );
    });
    const row = total;
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
