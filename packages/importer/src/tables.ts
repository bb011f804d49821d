/**
 * Tables pasted as text (cells split by tabs or "|"). Two shapes are read:
 *
 * - a column per figure: the header names the columns with the same cues as
 *   sentences, and only the total row ("Tổng", "Cộng") is read: per-field
 *   rows are parts, not the unit's figures;
 * - a row per rate ("Hồ sơ được số hóa | 1.129 | 95,5" under "Nội dung |
 *   Số lượng | Tỷ lệ (%)"): the row's label names the rate, the "Tỷ lệ"
 *   column gives it. Never a table whose columns or caption name a period
 *   other than the report's, or a comparison ("Năm 2023 | Năm 2024").
 */
import type { MetricId, Period } from '@congkhai/indicators';
import { NEW_INTAKE, cueFor, percentCueFor, type Candidate } from './figures.ts';
import { COMPARISON_MARKER, TARGET_CUES } from './lexicon.ts';
import { cutOffOf, findPeriods } from './periods.ts';
import { wordsRegex, type Sentence } from './text.ts';

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
    // The one-stop form's "Số hồ sơ nhận giải quyết": "Tổng số" holds what was carried over,
    // "Mới tiếp nhận" is the period's received.
    const fresh = layout.labels.findIndex(
      ({ label }, i) => columns[i] === 'dossiers.received' && NEW_INTAKE.test(label.toLowerCase()),
    );
    if (fresh >= 0)
      columns.forEach((m, i) => {
        if (m === 'dossiers.received' && i !== fresh) columns[i] = undefined;
      });
    const row = total;
    const sentence = rowSentence(text, row);
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

function rowSentence(text: string, row: Row): Sentence {
  const flat = text.slice(row.start, row.end).replace(/\t/g, ' ');
  return {
    start: row.start,
    end: row.end,
    flat,
    lower: flat.toLowerCase(),
    quote: flat.replace(/\s+/g, ' ').trim(),
  };
}

/** "95,5", "100", "68,3 %": a rate as a cell writes it. */
function cellPercent(cell: string): number | undefined {
  const m = /^(\d{1,3})(?:,(\d{1,2}))?\s*%?$/u.exec(cell.trim());
  if (!m) return undefined;
  const v = Number(`${m[1] ?? ''}.${m[2] ?? '0'}`);
  return v <= 100 ? v : undefined;
}

const RATE_COLUMN = /^(?:tỷ lệ|tỉ lệ|%)|\(%\)|^kết quả\s*\(%\)/u;
const TARGET = wordsRegex(TARGET_CUES, 'u');
const ORDINAL = /^(?:\d{1,2}\.?|[IVX]+\.?|[a-zđ]\))$/u;

/**
 * A table with a row per rate. `period`: the report's; a table whose header
 * or caption names another period, or compares, is not read (which column
 * or table is this period's would be a guess).
 */
export function readRateRows(
  text: string,
  period: Period | undefined,
  /** Offsets in a section of goals or of one field ("III. NHIỆM VỤ THÁNG 11"). */
  excluded: (at: number) => boolean = () => false,
): Candidate[] {
  const out: Candidate[] = [];
  const own = (p: Period) =>
    period !== undefined && (p.id === period.id || cutOffOf(p)?.id === period.id);
  const speaksOfOther = (s: string) =>
    new RegExp(COMPARISON_MARKER.source, 'u').test(s) || findPeriods(s).some((m) => !own(m.period));
  for (const rows of tables(text)) {
    const [header, ...body] = rows;
    if (!header || hasNumber(header)) continue;
    // Read by readTables: its header names figures.
    if (header.cells.filter((c) => cueFor(c.toLowerCase(), undefined)).length >= 2) continue;
    const headerText = header.cells.join(' ').toLowerCase();
    if (excluded(header.start)) continue;
    // The line before the table says what it is of ("Kết quả ... trong tháng:").
    const before = text.slice(0, header.start).trimEnd();
    const caption = before.slice(before.lastIndexOf('\n') + 1).toLowerCase();
    if (speaksOfOther(headerText) || speaksOfOther(caption)) continue;
    const rateCol = header.cells.findIndex((c) => RATE_COLUMN.test(c.trim().toLowerCase()));
    if (rateCol < 0) continue;
    const seen = new Set<MetricId>();
    for (const row of body) {
      if (row.cells.length !== header.cells.length) continue;
      const label = row.cells.find((c, i) => i < rateCol && /\p{L}/u.test(c) && !ORDINAL.test(c));
      if (!label) continue;
      const lower = label.toLowerCase();
      if (TARGET.test(lower) || speaksOfOther(lower)) continue;
      const metric = percentCueFor(lower);
      const value = cellPercent(row.cells[rateCol] ?? '');
      if (!metric || value === undefined || seen.has(metric)) continue;
      seen.add(metric);
      out.push({
        metric,
        value,
        role: 'value',
        sentence: rowSentence(text, row),
        offset: row.offsets[rateCol] ?? row.start,
      });
    }
  }
  return out;
}
