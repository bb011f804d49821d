/**
 * A small content directory with the cases a citizen meets: units over
 * several periods, ties in a ranking, a unit with a single period, a unit
 * with no report, a 2025 merger, a report full of HTML and script, and the
 * three real reports. Built, then served over HTTP as static files.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metrics, Unit } from '@congkhai/indicators';
import {
  REPORT_SCHEMA_VERSION,
  parseUnits,
  reportPath,
  serializeReport,
  serializeUnits,
  type Report,
} from '@congkhai/report';
import { listen, siteHandler } from '@congkhai/serve';

export const siteDir = fileURLToPath(new URL('..', import.meta.url));
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
];

export function writeFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'congkhai-site-content-'));
  const real = parseUnits(readFileSync(join(repoContent, 'units.yaml'), 'utf8'));
  if (!real.ok) throw new Error('repository units.yaml is invalid');
  writeFileSync(join(dir, 'units.yaml'), serializeUnits([...UNITS, ...real.value]));
  for (const r of REPORTS) {
    const file = join(dir, reportPath(r.unit, r.period));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, serializeReport(r));
  }
  cpSync(join(repoContent, 'reports'), join(dir, 'reports'), { recursive: true });
  return dir;
}

export function buildSite(
  contentDir: string,
  outDir: string,
): { code: number | null; output: string } {
  // The code is built once for the run (test/global-setup.ts); this renders the pages.
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(siteDir, 'src/build/cli.ts')], {
    cwd: siteDir,
    env: {
      ...process.env,
      CONTENT_DIR: contentDir,
      SITE_OUT_DIR: outDir,
      SITE_URL: 'http://localhost:4321',
    },
    encoding: 'utf8',
  });
  return { code: r.status, output: `${r.stdout}\n${r.stderr}` };
}

export interface BuiltSite {
  readonly url: string;
  readonly outDir: string;
  readonly contentDir: string;
  stop(): Promise<void>;
}

export async function builtSite(): Promise<BuiltSite> {
  const contentDir = writeFixture();
  const outDir = mkdtempSync(join(tmpdir(), 'congkhai-site-dist-'));
  const built = buildSite(contentDir, outDir);
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
