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

const RATE_COLUMN = /^(?:tỷ lệ|tỉ lệ|%)|\(%\)/u;
/** A column of this period's values when no column names a period: "Kết quả", "Số lượng". */
const VALUE_COLUMN =
  /^(?:kết quả|số liệu|thực hiện|số lượng|số hồ sơ|giá trị|kỳ này|trong kỳ)(?![\p{L}])/u;
const UNIT_COLUMN = /^(?:đơn vị tính|đvt|đơn vị)$/u;
const TARGET = wordsRegex(TARGET_CUES, 'u');
const ORDINAL = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]+\.?|[a-zđ]\))$/u;
/** A row of one field ("Lĩnh vực hộ tịch", "Hộ tịch: ...") is a part, never the unit's figure. */
const FIELD_ROW = /(?<![\p{L}])lĩnh vực(?![\p{L}])/u;

type Column = 'label' | 'unit' | 'own' | 'other' | 'rate' | 'value' | undefined;

/**
 * A table with a row per figure: "Số hồ sơ tiếp nhận | Hồ sơ | 642 | 2.915"
 * under "Nội dung | Đơn vị tính | Tháng 11/2025 | Lũy kế từ 01/7/2025", or
 * "Hồ sơ được số hóa | 1.129 | 95,5" under "Nội dung | Số lượng | Tỷ lệ (%)".
 * The row's label names the figure with the same cues as sentences; its
 * value is read from the column of the report's `period` (or, when no column
 * names a period, the one headed "Kết quả", "Số lượng"...), a rate from a
 * "Tỷ lệ (%)" column or a row whose unit is "%". A table whose caption names
 * another period or compares, a row of one field and a target row are not
 * read; neither is a table under a plan's or a field's heading (`excluded`).
 */
export function readRowTables(
  text: string,
  period: Period | undefined,
  /** Offsets in a section of goals or of one field ("III. NHIỆM VỤ THÁNG 11"). */
  excluded: (at: number) => boolean = () => false,
): Candidate[] {
  const out: Candidate[] = [];
  const own = (p: Period) =>
    period !== undefined && (p.id === period.id || cutOffOf(p)?.id === period.id);
  const comparison = new RegExp(COMPARISON_MARKER.source, 'u');
  const periodsIn = (s: string) => findPeriods(s, period?.year);
  const speaksOfOther = (s: string) =>
    comparison.test(s) || periodsIn(s).some((m) => !own(m.period));
  for (const rows of tables(text)) {
    const [header, ...body] = rows;
    if (!header || hasNumber(header)) continue;
    // Read by readTables: its header names figures.
    if (header.cells.filter((c) => cueFor(c.toLowerCase(), undefined)).length >= 2) continue;
    if (excluded(header.start)) continue;
    // The line before the table says what it is of ("Kết quả ... trong tháng:").
    const before = text.slice(0, header.start).trimEnd();
    const caption = before.slice(before.lastIndexOf('\n') + 1).toLowerCase();
    if (speaksOfOther(caption)) continue;
    const kinds: Column[] = header.cells.map((c, i) => {
      const lower = c.trim().toLowerCase();
      if (i === 0 || lower === '') return undefined;
      if (UNIT_COLUMN.test(lower)) return 'unit';
      const named = periodsIn(lower);
      if (named.some((m) => own(m.period)) && !comparison.test(lower)) return 'own';
      if (named.length > 0 || comparison.test(lower) || /tăng|giảm/u.test(lower)) return 'other';
      if (RATE_COLUMN.test(lower)) return 'rate';
      if (VALUE_COLUMN.test(lower)) return 'value';
      return undefined;
    });
    const valueCol = kinds.includes('own') ? kinds.indexOf('own') : kinds.indexOf('value');
    const rateCol = kinds.indexOf('rate');
    const unitCol = kinds.indexOf('unit');
    if (valueCol < 0 && rateCol < 0) continue;
    const firstValue = Math.min(...[valueCol, rateCol].filter((i) => i >= 0));
    for (const row of body) {
      if (row.cells.length !== header.cells.length) continue;
      const label = row.cells.find(
        (c, i) => i < firstValue && i !== unitCol && /\p{L}/u.test(c) && !ORDINAL.test(c.trim()),
      );
      if (!label) continue;
      const lower = label.toLowerCase();
      if (TARGET.test(lower) || FIELD_ROW.test(lower) || speaksOfOther(lower)) continue;
      const unit = unitCol >= 0 ? (row.cells[unitCol] ?? '').trim().toLowerCase() : undefined;
      const sentence = rowSentence(text, row);
      const push = (metric: MetricId, value: number, at: number, fresh = false) =>
        out.push({
          metric,
          value,
          role: 'value',
          sentence,
          offset: row.offsets[at] ?? row.start,
          ...(fresh ? { fresh: true as const } : {}),
        });
      const rate = percentCueFor(lower);
      if (unit === '%') {
        const value = valueCol >= 0 ? cellPercent(row.cells[valueCol] ?? '') : undefined;
        if (rate && value !== undefined) push(rate, value, valueCol);
        continue;
      }
      if (rateCol >= 0 && rate) {
        const value = cellPercent(row.cells[rateCol] ?? '');
        if (value !== undefined) push(rate, value, rateCol);
      }
      // A count only of dossiers: never of procedures, people or anything a rate is of.
      if (valueCol < 0 || rate || (unit !== undefined && !/^(?:hồ sơ|hs)$/u.test(unit))) continue;
      const metric = cueFor(lower, undefined);
      const value = cellNumber(row.cells[valueCol] ?? '');
      if (metric && value !== undefined)
        push(metric, value, valueCol, metric === 'dossiers.received' && NEW_INTAKE.test(lower));
    }
  }
  return out;
}
