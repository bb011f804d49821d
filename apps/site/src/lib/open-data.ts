/**
 * The open data: one row per report with its unit, period, every metric of
 * the catalog and every indicator. The CSV columns, the JSON and the
 * Frictionless datapackage.json are generated from the same column list.
 *
 * One unit per quantity: every rate is a percentage, 0..100, as reports
 * state them (an indicator that only repeats a stated rate is not a column
 * of its own); counts are whole numbers; the composite score is points out
 * of 100. The CSV starts with a UTF-8 byte order mark, without which Excel
 * on Windows reads "Hải Dương" in a legacy code page.
 */
import { INDICATORS, METRICS, type Locale } from '@congkhai/indicators';
import { Buffer } from 'node:buffer';
import { stringify } from 'csv-stringify/sync';
import { reportingData, reportsData } from './addresses.ts';
import { reportingOf } from './reporting.ts';
import { reportingPeriods } from './routes.ts';
import type { SiteData, SiteReport, SiteUnit } from './site-data.ts';

const PERCENT = { vi: 'Phần trăm, 0..100.', en: 'A percentage, 0..100.' };
const COUNT = { vi: 'Số đếm.', en: 'A count.' };

interface Column {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'number' | 'date';
  readonly title: Record<Locale, string>;
  readonly description?: Record<Locale, string>;
  readonly value: (u: SiteUnit, r: SiteReport) => string | number | null;
}

const ALL_COLUMNS: readonly Column[] = [
  {
    name: 'unit_id',
    type: 'string',
    title: { vi: 'Mã đơn vị', en: 'Unit id' },
    value: (u) => u.id,
  },
  {
    name: 'unit_code',
    type: 'string',
    title: { vi: 'Mã hành chính', en: 'Official code' },
    value: (u) => u.code ?? null,
  },
  {
    name: 'unit_kind',
    type: 'string',
    title: { vi: 'Loại đơn vị', en: 'Unit kind' },
    value: (u) => u.kind,
  },
  {
    name: 'unit_name',
    type: 'string',
    title: { vi: 'Tên đơn vị', en: 'Unit name' },
    value: (u) => u.name,
  },
  {
    name: 'district',
    type: 'string',
    title: { vi: 'Huyện', en: 'District' },
    value: (u) => u.district ?? null,
  },
  {
    name: 'province',
    type: 'string',
    title: { vi: 'Tỉnh', en: 'Province' },
    value: (u) => u.province,
  },
  {
    name: 'period',
    type: 'string',
    title: { vi: 'Kỳ báo cáo', en: 'Period' },
    value: (_, r) => r.period,
  },
  {
    name: 'period_start',
    type: 'date',
    title: { vi: 'Từ ngày', en: 'Period start' },
    value: (_, r) => r.periodInfo.start,
  },
  {
    name: 'period_end',
    type: 'date',
    title: { vi: 'Đến ngày', en: 'Period end' },
    value: (_, r) => r.periodInfo.end,
  },
  {
    name: 'report_number',
    type: 'string',
    title: { vi: 'Số hiệu', en: 'Report number' },
    value: (_, r) => r.number ?? null,
  },
  {
    name: 'report_issued',
    type: 'string',
    title: { vi: 'Ngày ban hành', en: 'Issued' },
    value: (_, r) => r.issued ?? null,
  },
  {
    name: 'first_published',
    type: 'date',
    title: { vi: 'Ngày công bố lần đầu', en: 'First published' },
    value: (_, r) => r.published ?? null,
  },
  {
    name: 'corrections',
    type: 'integer',
    title: { vi: 'Số lần đính chính', en: 'Corrections' },
    description: {
      vi: 'Số lần báo cáo được công bố lại với nội dung thay đổi.',
      en: 'How many times the report was published again with changed content.',
    },
    value: (_, r) => r.corrections?.length ?? 0,
  },
  ...METRICS.map((m): Column => ({
    name: m.id,
    type: m.kind === 'count' ? 'integer' : 'number',
    title: m.kind === 'percent' ? { vi: `${m.label.vi} (%)`, en: `${m.label.en} (%)` } : m.label,
    description:
      m.kind === 'percent'
        ? { vi: `${m.description.vi} ${PERCENT.vi}`, en: `${m.description.en} ${PERCENT.en}` }
        : { vi: `${m.description.vi} ${COUNT.vi}`, en: `${m.description.en} ${COUNT.en}` },
    value: (_, r) => r.metrics[m.id] ?? null,
  })),
  // An indicator computed from counts; one that repeats a stated rate is that rate's column.
  ...INDICATORS.filter((d) => d.formulas.some((f) => f.kind === 'share')).map((d): Column => ({
    name: `indicator.${d.id}`,
    type: 'number',
    title: { vi: `${d.label.vi} (%)`, en: `${d.label.en} (%)` },
    description: {
      vi: `${d.description.vi} ${PERCENT.vi}`,
      en: `${d.description.en} ${PERCENT.en}`,
    },
    value: (_, r) => {
      const x = r.indicators[d.id];
      return x.ok ? Number((x.value * 100).toFixed(4)) : null;
    },
  })),
  {
    name: 'indicator.composite_score',
    type: 'number',
    title: { vi: 'Điểm tổng hợp (mô phỏng QĐ 766)', en: 'Composite score (after Decision 766)' },
    description: {
      vi: 'Điểm trên 100, chỉ tính trên các nhóm báo cáo có số liệu.',
      en: 'Points out of 100 over the groups the report covers.',
    },
    value: (_, r) => (r.score.value === null ? null : Number(r.score.value.toFixed(3))),
  },
];

/**
 * The columns of this content: `unit_code` only when some unit has an
 * official code (an empty column is a question with no answer).
 */
const columnsCache = new WeakMap<readonly SiteUnit[], readonly Column[]>();
export function columnsOf(units: readonly SiteUnit[]): readonly Column[] {
  let cols = columnsCache.get(units);
  if (!cols) {
    const coded = units.some((u) => u.code !== undefined && u.code !== '');
    cols = ALL_COLUMNS.filter((c) => coded || c.name !== 'unit_code');
    columnsCache.set(units, cols);
  }
  return cols;
}

/**
 * A report's row as CSV and JSON text, kept while the report and its
 * unit are unchanged: the whole-site files (25,000 rows at 3,300 units)
 * are rewritten after every publish, and only the changed row is new.
 */
interface Row {
  /** The unit's fields and the column list the row was made with. */
  readonly unit: string;
  readonly csv: Buffer;
  readonly json: Buffer;
}
const cache = new WeakMap<SiteReport, Row>();
const unitKeys = new WeakMap<SiteUnit, string>();
function unitKey(u: SiteUnit): string {
  let key = unitKeys.get(u);
  if (key === undefined) {
    key = JSON.stringify([u.id, u.code, u.kind, u.name, u.district, u.province]);
    unitKeys.set(u, key);
  }
  return key;
}

function row(u: SiteUnit, r: SiteReport, columns: readonly Column[]): Row {
  const key = `${unitKey(u)} ${String(columns.length)}`;
  const hit = cache.get(r);
  if (hit?.unit === key) return hit;
  const values = columns.map((c) => c.value(u, r));
  const made = {
    unit: key,
    csv: Buffer.from(stringify([values])),
    json: Buffer.from(
      JSON.stringify(Object.fromEntries(columns.map((c, i) => [c.name, values[i] ?? null]))),
    ),
  };
  cache.set(r, made);
  return made;
}

const rows = (units: readonly SiteUnit[], columns: readonly Column[]) =>
  units.flatMap((u) => u.reports.map((r) => row(u, r, columns)));

const BOM = Buffer.from('\uFEFF');
const COMMA = Buffer.from(',');
const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']');

/**
 * A response carrying bytes without a copy: a Response made from a
 * Buffer copies it (0.4 s for the 28 MB file), one made from a stream of
 * one chunk does not.
 */
export function bytesResponse(bytes: Uint8Array, type: string): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': type } });
}

/** The rows of `units` as CSV with a header line, UTF-8 with a byte order mark; the columns are those of `data`. */
export function csv(data: SiteData, units: readonly SiteUnit[]): Buffer<ArrayBuffer> {
  const columns = columnsOf(data.unitList);
  const header = Buffer.from(stringify([columns.map((c) => c.name)]));
  return Buffer.concat([BOM, header, ...rows(units, columns).map((r) => r.csv)]);
}

/** The rows as a JSON array, UTF-8. */
export function json(data: SiteData, units: readonly SiteUnit[]): Buffer<ArrayBuffer> {
  const parts: Buffer[] = [OPEN];
  for (const [i, r] of rows(units, columnsOf(data.unitList)).entries()) {
    if (i > 0) parts.push(COMMA);
    parts.push(r.json);
  }
  parts.push(CLOSE);
  return Buffer.concat(parts);
}

/** Who has reported each period (reportingData): a row per unit due to report, or that reported. */
const REPORTING_FIELDS = [
  { name: 'period', type: 'string', title: 'Kỳ báo cáo / Period' },
  { name: 'unit_id', type: 'string', title: 'Mã đơn vị / Unit id' },
  { name: 'unit_name', type: 'string', title: 'Tên đơn vị / Unit name' },
  { name: 'district', type: 'string', title: 'Huyện / District' },
  { name: 'province', type: 'string', title: 'Tỉnh / Province' },
  {
    name: 'status',
    type: 'string',
    title: 'Tình trạng / Status',
    description:
      'on_time: công bố không muộn hơn hạn nộp; late: muộn; published: đã công bố, không rõ ngày hoặc chưa có hạn; missing: chưa báo cáo. — on_time, late, published (no date or no due date to judge by), missing.',
    constraints: { required: true, enum: ['on_time', 'late', 'published', 'missing'] },
  },
  { name: 'due', type: 'date', title: 'Hạn nộp / Due date' },
  { name: 'first_published', type: 'date', title: 'Ngày công bố lần đầu / First published' },
  {
    name: 'days_late',
    type: 'integer',
    title: 'Số ngày muộn / Days late',
    constraints: { minimum: 1 },
  },
] as const;

const reportingRowsOf = (data: SiteData) =>
  reportingPeriods(data).flatMap((p) =>
    reportingOf(data, p).rows.map((r) => [
      p.id,
      r.unit.id,
      r.unit.name,
      r.unit.district ?? null,
      r.unit.province,
      r.status,
      r.due ?? null,
      r.published ?? null,
      r.daysLate ?? null,
    ]),
  );

export function reportingCsv(data: SiteData): Buffer<ArrayBuffer> {
  return Buffer.concat([
    BOM,
    Buffer.from(stringify([REPORTING_FIELDS.map((f) => f.name), ...reportingRowsOf(data)])),
  ]);
}

export function datapackage(data: SiteData, site: URL): unknown {
  const fields = columnsOf(data.unitList).map((c) => ({
    name: c.name,
    type: c.type,
    title: c.title.vi,
    description: [c.description?.vi, c.title.en, c.description?.en].filter(Boolean).join(' — '),
  }));
  return {
    name: 'cong-khai',
    title: 'Công khai: kết quả cải cách hành chính cấp xã',
    description:
      'Số liệu và chỉ số từ các báo cáo cải cách hành chính đã công bố. / Figures and indicators from published administrative-reform reports.',
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
    resources: [
      {
        name: 'bao-cao',
        path: new URL(reportsData('csv'), site).href,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: { fields, primaryKey: ['unit_id', 'period'], missingValues: [''] },
        count: data.reports.length,
      },
      {
        name: 'cong-bo',
        title: 'Tiến độ báo cáo theo kỳ / Who has reported each period',
        path: new URL(reportingData(), site).href,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: {
          fields: REPORTING_FIELDS,
          primaryKey: ['period', 'unit_id'],
          missingValues: [''],
        },
        count: reportingRowsOf(data).length,
      },
    ],
  };
}
