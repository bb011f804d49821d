/**
 * The open data: one row per report with its unit, period, every metric of
 * the catalog and every indicator. The CSV columns, the JSON and the
 * Frictionless datapackage.json are generated from the same column list.
 */
import { INDICATORS, METRICS, type Locale } from '@congkhai/indicators';
import { Buffer } from 'node:buffer';
import { stringify } from 'csv-stringify/sync';
import type { SiteData, SiteReport, SiteUnit } from './site-data.ts';

interface Column {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'number' | 'date';
  readonly title: Record<Locale, string>;
  readonly description?: Record<Locale, string>;
  readonly value: (u: SiteUnit, r: SiteReport) => string | number | null;
}

export const COLUMNS: readonly Column[] = [
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
  ...METRICS.map((m): Column => ({
    name: m.id,
    type: m.kind === 'count' ? 'integer' : 'number',
    title: m.label,
    description: m.description,
    value: (_, r) => r.metrics[m.id] ?? null,
  })),
  ...INDICATORS.map((d): Column => ({
    name: `indicator.${d.id}`,
    type: 'number',
    title: d.label,
    description: {
      vi: `${d.description.vi} Phân số 0..1.`,
      en: `${d.description.en} A fraction in 0..1.`,
    },
    value: (_, r) => {
      const x = r.indicators[d.id];
      return x.ok ? Number(x.value.toFixed(6)) : null;
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
 * A report's row as CSV and JSON text, kept while the report and its
 * unit are unchanged: the whole-site files (25,000 rows at 3,300 units)
 * are rewritten after every publish, and only the changed row is new.
 */
interface Row {
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

function row(u: SiteUnit, r: SiteReport): Row {
  const key = unitKey(u);
  const hit = cache.get(r);
  if (hit?.unit === key) return hit;
  const values = COLUMNS.map((c) => c.value(u, r));
  const made = {
    unit: key,
    csv: Buffer.from(stringify([values])),
    json: Buffer.from(
      JSON.stringify(Object.fromEntries(COLUMNS.map((c, i) => [c.name, values[i] ?? null]))),
    ),
  };
  cache.set(r, made);
  return made;
}

const rows = (units: readonly SiteUnit[]) => units.flatMap((u) => u.reports.map((r) => row(u, r)));

const HEADER = Buffer.from(stringify([COLUMNS.map((c) => c.name)]));
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

/** The rows as CSV with a header line, UTF-8. */
export function csv(units: readonly SiteUnit[]): Buffer<ArrayBuffer> {
  return Buffer.concat([HEADER, ...rows(units).map((r) => r.csv)]);
}

/** The rows as a JSON array, UTF-8. */
export function json(units: readonly SiteUnit[]): Buffer<ArrayBuffer> {
  const parts: Buffer[] = [OPEN];
  for (const [i, r] of rows(units).entries()) {
    if (i > 0) parts.push(COMMA);
    parts.push(r.json);
  }
  parts.push(CLOSE);
  return Buffer.concat(parts);
}

export function datapackage(data: SiteData, site: URL): unknown {
  const fields = COLUMNS.map((c) => ({
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
        path: new URL('/du-lieu/bao-cao.csv', site).href,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: { fields, primaryKey: ['unit_id', 'period'], missingValues: [''] },
        count: data.reports.length,
      },
    ],
  };
}
