/**
 * A small content directory with the cases a citizen meets: units over
 * several periods, ties in a ranking, a unit with a single period, a unit
 * with no report, a 2025 merger, a report full of HTML and script, and the
 * three real reports. Built, then served over HTTP as static files.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metrics, Unit } from '@congkhai/indicators';
import { readContent, writeContent, type KeptVersion } from '@congkhai/content';
import {
  REPORT_SCHEMA_VERSION,
  correctionOf,
  withCorrection,
  type DueDate,
  type Report,
} from '@congkhai/report';
import { listen, siteHandler } from '@congkhai/serve';
import { renderSite } from '../src/renderer/commands.ts';

const repoContent = fileURLToPath(new URL('../../../content/', import.meta.url));

const unit = (
  id: string,
  name: string,
  district: string | undefined,
  province: string,
  extra: Partial<Unit> = {},
): Unit => ({
  id,
  kind: 'xa',
  name,
  ...(district ? { district } : {}),
  province,
  formedFrom: [],
  ...extra,
});

export const UNITS: Unit[] = [
  unit('an-binh-tay-son-nghe-an', 'An Bình', 'Tây Sơn', 'Nghệ An', { validTo: '2025-06-30' }),
  unit('an-phu-tay-son-nghe-an', 'An Phú', 'Tây Sơn', 'Nghệ An', { validTo: '2025-06-30' }),
  unit('dong-son-tay-son-nghe-an', 'Đông Sơn', 'Tây Sơn', 'Nghệ An'),
  unit('quang-nghiep-tu-nghia-quang-ngai', 'Quảng Nghiệp', 'Tư Nghĩa', 'Quảng Ngãi'),
  unit('tan-thanh-tay-son-nghe-an', 'Tân Thành', 'Tây Sơn', 'Nghệ An'),
  unit('an-binh-nghe-an', 'An Bình', undefined, 'Nghệ An', {
    validFrom: '2025-07-01',
    formedFrom: [
      { unit: 'an-binh-tay-son-nghe-an', whole: true },
      { unit: 'an-phu-tay-son-nghe-an', whole: true },
    ],
  }),
  // Names with Đ/đ, and names a province or district name shares words with (search ranking).
  unit('dong-hai-tien-hai-thai-binh', 'Đông Hải', 'Tiền Hải', 'Thái Bình'),
  unit('hai-tan-dong-trieu-quang-ninh', 'Hải Tân', 'Đông Triều', 'Quảng Ninh'),
  unit('duc-lam-duc-tho-ha-tinh', 'Đức Lâm', 'Đức Thọ', 'Hà Tĩnh'),
  unit('lam-trung-thuy-duc-tho-ha-tinh', 'Lâm Trung Thủy', 'Đức Thọ', 'Hà Tĩnh'),
  unit('thinh-quang-bac-thanh-ha-hai-duong', 'Thịnh Quang Bắc', 'Thanh Hà', 'Hải Dương'),
  // Its only report states online 1.400 of 1.250 received: shown, never scored or ranked.
  // Gone before 2024, so it is due for no period other tests count.
  unit('vinh-hien-phu-loc-thua-thien-hue', 'Vinh Hiền', 'Phú Lộc', 'Thừa Thiên Huế', {
    validTo: '2023-12-31',
  }),
];

function counts(received: number, online: number, resolved: number, late: number): Metrics {
  return {
    'dossiers.received': received,
    'dossiers.received_online': online,
    'dossiers.received_direct': received - online,
    'dossiers.resolved': resolved,
    'dossiers.resolved_early': resolved - late - 1,
    'dossiers.resolved_on_time': 1,
    'dossiers.resolved_late': late,
  };
}

const report = (
  unitId: string,
  period: string,
  metrics: Metrics,
  body = '## Kết quả\n\nĐã thực hiện.\n',
  title = 'Báo cáo kết quả cải cách hành chính',
): Report => ({
  schema: REPORT_SCHEMA_VERSION,
  unit: unitId,
  period,
  title,
  number: '12/BC-UBND',
  issued: `${period.slice(0, 4)}-06-20`,
  metrics,
  targets: {},
  statedShares: {},
  explanations: {},
  body,
});

export const REPORTS: Report[] = [
  report('an-binh-tay-son-nghe-an', '2024-H2', counts(500, 300, 500, 10)),
  report('an-binh-tay-son-nghe-an', '2025-H1', {
    ...counts(600, 420, 600, 6),
    'rates.digitization': 88.5,
  }),
  report('an-phu-tay-son-nghe-an', '2024-H2', counts(200, 100, 200, 4)),
  report('an-phu-tay-son-nghe-an', '2025-H1', counts(300, 150, 300, 3)),
  // A single period; no waste figures anywhere, so that indicator is computable nowhere.
  report('quang-nghiep-tu-nghia-quang-ngai', '2025-H1', counts(1000, 900, 1000, 50)),
  report('tan-thanh-tay-son-nghe-an', '2025-H1', counts(400, 200, 400, 4)),
  report(
    'an-binh-nghe-an',
    '2025-H2',
    counts(1000, 800, 1000, 5),
    '## Nội dung\n\n<script>window.__pwned = true</script>\n\n<img src=x onerror="window.__pwned = true">\n\n[bấm vào](javascript:window.__pwned=true)\n\nCó **1.000** hồ sơ.\n',
    'Báo cáo <script>alert(1)</script> năm 2025',
  ),
  // Two half-years with the one between missing (a gap, not a line); an on-time rate near 100 %.
  report('dong-hai-tien-hai-thai-binh', '2023-H2', counts(800, 400, 800, 1)),
  report('dong-hai-tien-hai-thai-binh', '2024-H2', counts(900, 500, 900, 4)),
  // Impossible figures (issue 14): more dossiers received online than received at all.
  report('vinh-hien-phu-loc-thua-thien-hue', '2023-H2', {
    'dossiers.received': 1250,
    'dossiers.received_online': 1400,
    'dossiers.resolved': 1200,
    'dossiers.resolved_early': 1000,
    'dossiers.resolved_on_time': 150,
    'dossiers.resolved_late': 50,
  }),
  report(
    'hai-tan-dong-trieu-quang-ninh',
    '2024-H2',
    counts(300, 100, 300, 3),
    '## Kết quả\n\nXã Hải Tân, thị xã Đông Triều: hồ sơ phía Đông, ven biển Hải Hà.\n',
  ),
  report('duc-lam-duc-tho-ha-tinh', '2024-H2', counts(250, 200, 250, 2)),
  report(
    'lam-trung-thuy-duc-tho-ha-tinh',
    '2024-H2',
    counts(260, 100, 260, 2),
    '## Kết quả\n\nHuyện Đức Thọ giao; ông Nguyễn Đức Lâm ký.\n',
  ),
  report(
    'thinh-quang-bac-thanh-ha-hai-duong',
    '2024-H2',
    counts(410, 300, 410, 1),
    '## Kết quả\n\nTỉnh Hải Dương, huyện Thanh Hà. Xã Thịnh Quang Bắc tỉnh Hải Dương hoàn thành chỉ tiêu tỉnh Hải Dương giao.\n',
  ),
];

/** First publication days: reports without one are from before they were recorded. */
const PUBLISHED: Record<string, string> = {
  'an-binh-tay-son-nghe-an/2024-H2': '2025-01-10',
  'an-phu-tay-son-nghe-an/2024-H2': '2025-01-14',
  // Nghệ An's own due date for 2025-H1 is 20/07/2025: on time there, late elsewhere.
  'an-binh-tay-son-nghe-an/2025-H1': '2025-07-18',
  'an-phu-tay-son-nghe-an/2025-H1': '2025-07-25',
  'quang-nghiep-tu-nghia-quang-ngai/2025-H1': '2025-07-10',
  'an-binh-nghe-an/2025-H2': '2026-01-12',
  'dong-hai-tien-hai-thai-binh/2024-H2': '2025-01-30',
  'duc-lam-duc-tho-ha-tinh/2024-H2': '2025-01-15',
};

export const DUE: DueDate[] = [
  { period: '2024-H2', province: '', due: '2025-01-15' },
  { period: '2025-H1', province: '', due: '2025-07-15' },
  { period: '2025-H1', province: 'Nghệ An', due: '2025-07-20' },
  { period: '2025-H2', province: '', due: '2026-01-15' },
];

/** The corrected report: An Bình's 2025-H1, first published with two figures typed wrong. */
export const CORRECTED = 'an-binh-tay-son-nghe-an/2025-H1';

function withPublication(r: Report): { report: Report; versions: Report[] } {
  const key = `${r.unit}/${r.period}`;
  const published = PUBLISHED[key];
  const first: Report = published ? { ...r, published } : r;
  if (key !== CORRECTED) return { report: first, versions: [] };
  const v1: Report = {
    ...first,
    metrics: { ...first.metrics, 'dossiers.received': 590, 'rates.digitization': 85 },
  };
  const c = correctionOf(
    v1,
    first,
    '2025-08-02',
    'Sửa số hồ sơ tiếp nhận và tỷ lệ số hóa bị ghi nhầm.',
  );
  if (!c) throw new Error('the fixture correction changes nothing');
  return { report: withCorrection(v1, first, c), versions: [v1] };
}

/** Demo boundaries for Nghệ An's units: a row of square cells, said to be demo (counter-clockwise rings, RFC 7946). */
export const BOUNDARIES = {
  type: 'FeatureCollection',
  demo: true,
  name: 'Ranh giới minh họa / Demo boundaries',
  features: [
    'an-binh-tay-son-nghe-an',
    'an-phu-tay-son-nghe-an',
    'dong-son-tay-son-nghe-an',
    'tan-thanh-tay-son-nghe-an',
    'an-binh-nghe-an',
  ].map((unit, i) => {
    const x = 105 + (i % 3) * 0.05;
    const y = 19 - Math.floor(i / 3) * 0.05;
    return {
      type: 'Feature',
      properties: { unit },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y - 0.05],
            [x + 0.05, y - 0.05],
            [x + 0.05, y],
            [x, y],
            [x, y - 0.05],
          ],
        ],
      },
    };
  }),
};

export async function writeFixture(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'congkhai-site-content-'));
  const real = await readContent(repoContent);
  const published = REPORTS.map(withPublication);
  await writeContent(dir, {
    units: [...UNITS, ...real.units],
    due: DUE,
    boundaries: BOUNDARIES,
    reports: published.map((p) => p.report),
    versions: published.flatMap(({ versions }) =>
      versions.map((report, i): KeptVersion => ({ report, version: i + 1 })),
    ),
  });
  // The real reports as they are in the repository, byte for byte.
  cpSync(join(repoContent, 'reports'), join(dir, 'reports'), { recursive: true });
  return dir;
}

export function buildSite(
  contentDir: string,
  outDir: string,
  siteUrl = 'http://localhost:4321',
): { code: number | null; output: string } {
  // The code is built once for the run (test/global-setup.ts); this renders the pages.
  return renderSite(contentDir, outDir, { SITE_URL: siteUrl });
}

export interface BuiltSite {
  readonly url: string;
  readonly outDir: string;
  readonly contentDir: string;
  stop(): Promise<void>;
}

/** `siteUrl`: the public address the pages are rendered with (SITE_URL). */
export async function builtSite(siteUrl?: string): Promise<BuiltSite> {
  const contentDir = await writeFixture();
  const outDir = mkdtempSync(join(tmpdir(), 'congkhai-site-dist-'));
  const built = buildSite(contentDir, outDir, siteUrl);
  if (built.code !== 0) throw new Error(`site build failed:\n${built.output}`);
  // As the public site is served: its headers (CSP included), its 404 page.
  const server = await listen(siteHandler({ root: outDir, live: '.' }), 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
    outDir,
    contentDir,
    stop: () =>
      new Promise((ok) => {
        server.close(() => {
          ok();
        });
      }),
  };
}
