/**
 * An incremental build must give exactly the site a full build gives:
 * after each change below, the release made as the publisher makes it
 * (the pages rendered into staging, the previous release's other files
 * and folders linked) is compared file by file, byte for byte, through
 * its links (what a visitor sees), with a full build of the same content
 * by the command line build. The release it started from must not change.
 */
import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import {
  REPORT_SCHEMA_VERSION,
  correctionOf,
  parseReport,
  reportPath,
  serializeReport,
  versionPath,
  withCorrection,
} from '@congkhai/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_INDEX, composeTree } from '@congkhai/publisher';
import { RendererProcess } from '../src/renderer/client.ts';
import { renderSite } from '../src/renderer/commands.ts';
import { buildSite, writeFixture } from './fixture.ts';

let content: string;
let root: string;
let renderer: RendererProcess;
let live: string;
/** The release the last change was built from. */
let previous: string;
let step = 0;

/** Every file of a release with the hash of its bytes, through its links. */
function tree(dir: string, at = dir, files = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(at)) {
    const file = join(at, name);
    if (statSync(file).isDirectory()) tree(dir, file, files);
    else
      files.set(relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return files;
}

function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [f, h] of a)
    if (b.get(f) !== h) out.push(b.has(f) ? `changed ${f}` : `only incremental ${f}`);
  for (const f of b.keys()) if (!a.has(f)) out.push(`only full ${f}`);
  return out.sort();
}

/** Applies a change to the content, builds incrementally from the live release, and compares. */
async function afterChange(change: () => void): Promise<{ full: boolean; written: number }> {
  const before = tree(live);
  change();
  const out = join(root, `release-${String(++step)}`);
  const staging = join(root, `staging-${String(step)}`);
  const result = await renderer.run({ kind: 'build', out: staging, full: false });
  // As the publisher does: a fallback to a full build is the release; otherwise the live one
  // with the pages rendered, and without its search index (the search job writes a new one).
  if (result?.full) renameSync(staging, out);
  else
    await composeTree(
      live,
      out,
      staging,
      [...(result?.removedPages ?? []), `/${SEARCH_INDEX}/`],
      root,
    );
  await renderer.run({ kind: 'search', out });
  const reference = join(root, `full-${String(step)}`);
  const built = buildSite(content, reference);
  expect(built.code, built.output).toBe(0);
  expect(differences(tree(out), tree(reference))).toEqual([]);
  // The release it started from is as it was: nothing was written through a shared link.
  expect(differences(tree(live), before)).toEqual([]);
  previous = live;
  live = out;
  return { full: result?.full ?? true, written: result?.written ?? 0 };
}

function edit(key: string, change: (text: string) => string) {
  const file = join(content, 'reports', `${key}.md`);
  const next = join(content, 'reports', `${key}.md.next`);
  writeFileSync(next, change(readFileSync(file, 'utf8')));
  // As the editor publishes: a new file renamed over the old one.
  rmSync(file);
  writeFileSync(file, readFileSync(next));
  rmSync(next);
}

beforeAll(async () => {
  content = await writeFixture();
  root = mkdtempSync(join(tmpdir(), 'congkhai-incremental-'));
  renderer = new RendererProcess(content, process.env);
  live = join(root, 'release-0');
  await renderer.run({ kind: 'build', out: live, full: true });
});

afterAll(() => {
  renderer.close();
});

describe('an incremental build', () => {
  it('equals a full build after a figure changes in a published report', async () => {
    const r = await afterChange(() => {
      edit('an-phu-tay-son-nghe-an/2025-H1', (t) => t.replace('received: 300', 'received: 333'));
    });
    expect(r.full).toBe(false);
    expect(
      readFileSync(join(live, 'xa/an-phu-tay-son-nghe-an/2025-H1/index.html'), 'utf8'),
    ).toContain('333');
    // The release is the new layout: the changed unit's folder is its own, the others links.
    expect(lstatSync(join(live, 'xa/an-phu-tay-son-nghe-an')).isSymbolicLink()).toBe(false);
    const units = readdirSync(join(live, 'xa'), { withFileTypes: true });
    expect(units.filter((e) => e.isSymbolicLink()).length).toBeGreaterThan(0);
    // Its district's and its province's pages (both languages, held equal to a full build above):
    // An Phú's online share is 150/333, Tây Sơn's (420 + 150 + 200)/(600 + 333 + 400).
    const district = readFileSync(join(live, 'tinh/nghe-an/tay-son/index.html'), 'utf8');
    expect(district).toMatch(/Xã An Phú<\/a>.*?<td class="num">45\u00a0%<\/td>/);
    const province = readFileSync(join(live, 'en/tinh/nghe-an/index.html'), 'utf8');
    expect(province).toMatch(/Tây Sơn<\/a>.*?<td class="num">57\.8%<\/td>/);
  });

  /** Whether a folder of the live release is the previous release's (a link): nothing in it was rendered again. */
  const kept = (path: string) => lstatSync(join(live, path)).isSymbolicLink();
  /** Whether a file of the live release is the previous release's file (a hard link): not rendered again. */
  const same = (path: string) =>
    statSync(join(live, path)).ino === statSync(join(previous, path)).ino;

  it('equals a full build after a figure that moves no rank, rendering only what shows it', async () => {
    // An Phú's online share of 2024-H2, 50 % -> 52 %: still between Lâm Trung Thủy's 38 % and
    // Đông Hải's 56 %. It shows in its online ranking of 2024-H2 and in the change column of
    // 2025-H1's; no on-time or late figure, and no day of publication, moves.
    const r = await afterChange(() => {
      edit('an-phu-tay-son-nghe-an/2024-H2', (t) =>
        t
          .replace('received_online: 100', 'received_online: 104')
          .replace('received_direct: 100', 'received_direct: 96'),
      );
    });
    expect(r.full).toBe(false);
    expect(kept('chi-so/online_intake_rate')).toBe(false);
    expect(kept('chi-so/online_intake_rate/2024-H2')).toBe(false);
    expect(kept('chi-so/online_intake_rate/2025-H1')).toBe(false);
    for (const path of [
      'chi-so/on_time_rate',
      'en/chi-so/on_time_rate',
      'chi-so/late_rate',
      // Who has reported: the same reports, first published the same days.
      'cong-bo',
      'en/cong-bo',
      // Another province.
      'xa/quang-nghiep-tu-nghia-quang-ngai',
    ])
      expect(kept(path), path).toBe(true);
    // Not of the latest period nor of the one before it, issued the same day, no new warning:
    // the home page, the feed, the sitemap and who has reported are as they were.
    for (const path of [
      'index.html',
      'en/index.html',
      'feed.xml',
      'sitemap-0.xml',
      'du-lieu/cong-bo.csv',
    ])
      expect(same(path), path).toBe(true);
    expect(same('du-lieu/bao-cao.csv')).toBe(false);
    expect(
      readFileSync(join(live, 'chi-so/online_intake_rate/2024-H2/index.html'), 'utf8'),
    ).toContain('52\u00a0%');
  });

  it('equals a full build after a figure that moves ranks', async () => {
    // An Phú's online share of 2025-H1, 45 % -> 75 %: above An Bình's 70 % in Tây Sơn, Nghệ An
    // and the country; its rank, An Bình's and Tân Thành's move, the median too.
    const r = await afterChange(() => {
      edit('an-phu-tay-son-nghe-an/2025-H1', (t) =>
        t.replace('received_online: 150', 'received_online: 250'),
      );
    });
    expect(r.full).toBe(false);
    expect(kept('xa/an-binh-tay-son-nghe-an')).toBe(false);
    expect(kept('xa/tan-thanh-tay-son-nghe-an')).toBe(false);
    expect(kept('chi-so/on_time_rate')).toBe(true);
    const page = readFileSync(join(live, 'chi-so/online_intake_rate/2025-H1/index.html'), 'utf8');
    const ranking = page.slice(page.indexOf('id="ranking"'));
    const at = (unit: string) => ranking.indexOf(`href="/xa/${unit}/"`);
    expect(at('an-phu-tay-son-nghe-an')).toBeGreaterThan(0);
    expect(at('an-phu-tay-son-nghe-an')).toBeLessThan(at('an-binh-tay-son-nghe-an'));
  });

  it('equals a full build after a report is written into, not replaced', async () => {
    // The renderer lists again only the folders its watch saw written to: a write into the
    // file itself (the same inode, as an editor by hand may) is seen too.
    const file = join(content, 'reports', 'an-phu-tay-son-nghe-an/2025-H1.md');
    const r = await afterChange(() => {
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(/received_online: \d+/, 'received_online: 260'),
      );
    });
    expect(r.full).toBe(false);
    expect(r.written).toBeGreaterThan(0);
  });

  it('equals a full build after a new report in a period that has reports', async () => {
    const r = await afterChange(() => {
      const report = {
        schema: REPORT_SCHEMA_VERSION,
        unit: 'tan-thanh-tay-son-nghe-an',
        period: '2024-H2',
        title: 'Báo cáo cải cách hành chính 6 tháng cuối năm 2024',
        metrics: { 'dossiers.received': 250, 'dossiers.received_online': 200 },
        targets: {},
        statedShares: {},
        explanations: {},
        body: '## Kết quả\n\nXã Tân Thành tiếp nhận 250 hồ sơ.\n',
      };
      writeFileSync(join(content, reportPath(report.unit, report.period)), serializeReport(report));
    });
    expect(r.full).toBe(false);
  });

  it('equals a full build after a report is withdrawn', async () => {
    const r = await afterChange(() => {
      rmSync(join(content, 'reports/tan-thanh-tay-son-nghe-an/2024-H2.md'));
    });
    expect(r.full).toBe(false);
    // Who has reported 2024-H2 changes; its rankings lose a unit: every page of them is rendered.
    expect(kept('cong-bo')).toBe(false);
    expect(kept('chi-so/on_time_rate')).toBe(false);
  });

  it('equals a full build after the narrative of a report of a merged unit changes', async () => {
    const r = await afterChange(() => {
      edit('an-binh-tay-son-nghe-an/2025-H1', (t) => {
        const parsed = parseReport(t);
        if (!parsed.ok) throw new Error('fixture report is invalid');
        return serializeReport({
          ...parsed.value,
          body: `${parsed.value.body}\nĐã số hoá hồ sơ.\n`,
        });
      });
    });
    expect(r.full).toBe(false);
  });

  it('equals a full build after a due date changes (who has reported, only)', async () => {
    const r = await afterChange(() => {
      const file = join(content, 'due.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('2025-07-15', '2025-07-31'));
    });
    expect(r.full).toBe(false);
    expect(readFileSync(join(live, 'cong-bo/2025-H1/index.html'), 'utf8')).toContain('31/07/2025');
  });

  it('equals a full build after a correction, with the earlier version beside the report', async () => {
    const key = 'quang-nghiep-tu-nghia-quang-ngai/2025-H1';
    const r = await afterChange(() => {
      const old = readFileSync(join(content, 'reports', `${key}.md`), 'utf8');
      const before = parseReport(old);
      if (!before.ok) throw new Error('fixture report is invalid');
      const after = {
        ...before.value,
        metrics: { ...before.value.metrics, 'dossiers.received': 1001 },
      };
      const c = correctionOf(before.value, after, '2025-08-10', 'Sửa số tiếp nhận.');
      if (!c) throw new Error('no correction');
      const kept = join(content, versionPath('quang-nghiep-tu-nghia-quang-ngai', '2025-H1', 1));
      mkdirSync(dirname(kept), { recursive: true });
      writeFileSync(kept, old);
      edit(key, () => serializeReport(withCorrection(before.value, after, c)));
    });
    expect(r.full).toBe(false);
    expect(readFileSync(join(live, `xa/${key}/ban-1.md`), 'utf8')).toContain('received: 1000');
  });

  it('falls back to a full build when the boundaries change, and still equals it', async () => {
    const r = await afterChange(() => {
      writeFileSync(
        join(content, 'boundaries.geojson'),
        '{"type":"FeatureCollection","features":[]}\n',
      );
    });
    expect(r.full).toBe(true);
  });

  it('falls back to a full build when a report opens a new period, and still equals it', async () => {
    const r = await afterChange(() => {
      edit('an-phu-tay-son-nghe-an/2025-H1', (t) => t);
      const report = {
        schema: REPORT_SCHEMA_VERSION,
        unit: 'dong-son-tay-son-nghe-an',
        period: '2018-H1',
        title: 'Báo cáo 6 tháng đầu năm 2018',
        metrics: { 'dossiers.received': 90 },
        targets: {},
        statedShares: {},
        explanations: {},
        body: '',
      };
      const file = join(content, reportPath(report.unit, report.period));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, serializeReport(report));
    });
    expect(r.full).toBe(true);
  });
});

describe('a full build in two processes (SITE_RENDER_PROCESSES=2)', () => {
  it('equals one in one process, file by file, with the reports and their earlier versions beside their pages', () => {
    // The content as the changes above left it: a corrected report, a merged unit, a new period.
    const one = join(root, 'full-one-process');
    const two = join(root, 'full-two-processes');
    const single = renderSite(content, one, { SITE_RENDER_PROCESSES: '1' });
    expect(single.code, single.output).toBe(0);
    const double = renderSite(content, two, { SITE_RENDER_PROCESSES: '2' });
    expect(double.code, double.output).toBe(0);
    const files = tree(two);
    expect(differences(files, tree(one))).toEqual([]);
    expect([...files.keys()].filter((f) => /\/ban-\d+\.md$/.test(f)).length).toBeGreaterThan(0);
    expect(files.has(join('xa', 'an-phu-tay-son-nghe-an', '2025-H1', 'bao-cao.md'))).toBe(true);
  });
});
