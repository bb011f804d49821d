/**
 * Realistic demo content: units in districts and provinces, half-year
 * reports with trends and outliers, metrics left out, a few reports that do
 * not add up, a few custom-range reports, and the 1 July 2025 merger (some
 * communes merged whole into a new one, one split between two).
 */
import {
  formatNumber,
  formatPercent,
  period as toPeriod,
  periodLabel,
  previousPeriod,
  unitTitle,
  type Metrics,
  type Period,
  type Unit,
} from '@congkhai/indicators';
import { REPORT_SCHEMA_VERSION, unitId, type DueDate, type Report } from '@congkhai/report';
import { FAMILY, GIVEN, MIDDLE, PLACE_NAMES, PROVINCES } from './names.ts';
import { demoBoundaries, publicationOf, type DemoVersion } from './publication.ts';
import { Random } from './random.ts';

export interface DemoOptions {
  readonly units: number;
  readonly periods: number;
  readonly seed: number;
  /** The last half-year reported (default 2025-H2). */
  readonly lastPeriod?: string;
}

export interface DemoContent {
  readonly units: Unit[];
  readonly reports: Report[];
  /** When each period was due (due.yaml). */
  readonly due: DueDate[];
  /** Earlier versions of the corrected reports. */
  readonly versions: DemoVersion[];
  /** Demo boundaries (a grid) for the first province: boundaries.geojson. */
  readonly boundaries: object;
}

const MERGER_DAY = '2025-07-01';
const COMMUNES_PER_DISTRICT = 14;
const DISTRICTS_PER_PROVINCE = 10;

interface Profile {
  size: number;
  online: number;
  lateRate: number;
  digitization: number;
  payment: number;
  satisfaction: number;
  has: {
    digitization: boolean;
    payment: boolean;
    satisfaction: boolean;
    level34: boolean;
    flow: boolean;
    procedures: boolean;
    waste: boolean;
  };
  procedures: number;
  households: number;
}

function halfYears(count: number, last: string): Period[] {
  const out: Period[] = [toPeriod(last)];
  while (out.length < count) {
    const prev = previousPeriod(out[0] as Period);
    if (!prev) break;
    out.unshift(prev);
  }
  return out;
}

function makeProfile(r: Random): Profile {
  const outlier = r.chance(0.04);
  return {
    size: Math.exp(r.normal(Math.log(650), 0.55)),
    online: r.between(0.3, 0.8),
    lateRate: outlier ? r.between(0.04, 0.15) : Math.max(0, r.normal(0.006, 0.006)),
    digitization: r.between(35, 85),
    payment: r.between(3, 40),
    satisfaction: r.between(90, 99.5),
    has: {
      digitization: r.chance(0.8),
      payment: r.chance(0.7),
      satisfaction: r.chance(0.75),
      level34: r.chance(0.5),
      flow: r.chance(0.65),
      procedures: r.chance(0.35),
      waste: r.chance(0.12),
    },
    procedures: r.int(95, 145),
    households: r.int(1200, 4800),
  };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function metricsFor(
  p: Profile,
  step: number,
  r: Random,
  inconsistent: boolean,
): { metrics: Metrics; statedShares: Metrics } {
  const m: Metrics = {};
  const received = Math.max(12, Math.round(p.size * 1.03 ** step * r.normal(1, 0.08)));
  const onlineShare = clamp(p.online + 0.045 * step + r.normal(0, 0.02), 0.05, 0.995);
  const online = Math.round(received * onlineShare);
  m['dossiers.received'] = received;
  m['dossiers.received_online'] = online;
  m['dossiers.received_direct'] = received - online + (inconsistent ? r.int(3, 40) : 0);
  const carried = p.has.flow ? r.int(0, Math.ceil(received * 0.02)) : 0;
  const pending = p.has.flow ? r.int(0, Math.ceil(received * 0.015)) : 0;
  const returned = p.has.flow ? r.int(0, Math.ceil(received * 0.004)) : 0;
  const resolved = received + carried - pending - returned;
  const late = Math.round(
    resolved * clamp(p.lateRate * r.between(0.5, 1.5) * 0.93 ** step, 0, 0.3),
  );
  const early = Math.round((resolved - late) * r.between(0.86, 0.995));
  m['dossiers.resolved'] = resolved;
  m['dossiers.resolved_early'] = early;
  m['dossiers.resolved_on_time'] = resolved - late - early;
  m['dossiers.resolved_late'] = late;
  if (p.has.flow) {
    m['dossiers.carried_over'] = carried;
    m['dossiers.pending'] = pending;
    m['dossiers.returned'] = returned;
  }
  if (p.has.level34) m['services.online_level34'] = Math.round(online * r.between(0.55, 0.98));
  if (p.has.digitization)
    m['rates.digitization'] = round1(clamp(p.digitization + 6 * step + r.normal(0, 2), 0, 100));
  if (p.has.payment)
    m['payments.online_rate'] = round1(clamp(p.payment + 7 * step + r.normal(0, 3), 0, 100));
  if (p.has.satisfaction)
    m['satisfaction.rate'] = round1(clamp(p.satisfaction + r.normal(0, 1), 0, 100));
  if (p.has.procedures) {
    m['procedures.total'] = p.procedures;
    m['procedures.fields'] = Math.round(p.procedures / 4.3);
  }
  if (p.has.waste) {
    m['waste.households_total'] = p.households;
    m['waste.households_sorting'] = Math.round(p.households * clamp(0.3 + 0.07 * step, 0, 0.97));
  }
  // A report leaves a figure out now and then.
  const left = new Set(
    ['services.online_level34', 'rates.digitization', 'satisfaction.rate'].filter(() =>
      r.chance(0.05),
    ),
  );
  const statedShares: Metrics = {};
  if (r.chance(0.25)) {
    const share = (early / resolved) * 100;
    // A stated percentage now and then does not match the counts.
    statedShares['dossiers.resolved_early'] = round1(
      // Off by a few points, staying within 0..100.
      inconsistent ? (share > 90 ? share - r.between(2, 6) : share + r.between(2, 6)) : share,
    );
  }
  return {
    metrics: Object.fromEntries(Object.entries(m).filter(([id]) => !left.has(id))),
    statedShares,
  };
}

function body(unit: Unit, period: Period, m: Metrics, r: Random): string {
  const n = (x: number | undefined) => (x === undefined ? '' : formatNumber(x));
  const lines = [
    '## I. Kết quả tiếp nhận và giải quyết hồ sơ',
    '',
    `${periodLabel(period)}, Bộ phận Một cửa ${lowerFirst(unitTitle(unit))} tiếp nhận ${n(m['dossiers.received'])} hồ sơ, trong đó tiếp nhận trực tuyến ${n(m['dossiers.received_online'])} hồ sơ, trực tiếp ${n(m['dossiers.received_direct'])} hồ sơ. Đã giải quyết ${n(m['dossiers.resolved'])} hồ sơ (trước hạn ${n(m['dossiers.resolved_early'])}, đúng hạn ${n(m['dossiers.resolved_on_time'])}, quá hạn ${n(m['dossiers.resolved_late'])}).`,
    '',
  ];
  if (m['rates.digitization'] !== undefined)
    lines.push(
      `Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt ${formatPercent(m['rates.digitization'])}.`,
      '',
    );
  lines.push(
    '## II. Tồn tại, hạn chế',
    '',
    r.pick([
      '- Đường truyền mạng tại Bộ phận Một cửa còn chậm, có lúc gián đoạn.',
      '- Một bộ phận người dân, nhất là người cao tuổi, chưa quen nộp hồ sơ trực tuyến.',
      '- Phần mềm một cửa điện tử đôi khi lỗi, phải tiếp nhận thủ công.',
    ]),
    r.pick([
      '- Thanh toán trực tuyến phí, lệ phí còn thấp do nhiều người dân chưa có tài khoản ngân hàng.',
      '- Công chức kiêm nhiệm nhiều việc nên thời gian hướng dẫn người dân còn hạn chế.',
    ]),
    '',
    '## III. Phương hướng, nhiệm vụ kỳ tới',
    '',
    '- Tiếp tục tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến.',
    '- Đẩy mạnh số hóa hồ sơ và thanh toán trực tuyến; không để hồ sơ quá hạn.',
  );
  return `${lines.join('\n')}\n`;
}

function person(r: Random): string {
  return `${r.pick(FAMILY)} ${r.pick(MIDDLE)} ${r.pick(GIVEN)}`;
}

export function generateDemo(opts: DemoOptions): DemoContent {
  const r = new Random(opts.seed);
  const periods = halfYears(opts.periods, opts.lastPeriod ?? '2025-H2');
  const units: Unit[] = [];
  const profiles = new Map<string, Profile>();
  const ids = new Set<string>();
  let nameCursor = r.int(0, PLACE_NAMES.length - 1);

  const districtCount = Math.ceil(opts.units / COMMUNES_PER_DISTRICT);
  const districtNames = new Set<string>();
  for (let d = 0; d < districtCount && units.length < opts.units; d++) {
    const province =
      PROVINCES[Math.floor(d / DISTRICTS_PER_PROVINCE) % PROVINCES.length] ?? 'Hải Dương';
    let district: string;
    do district = r.pick(PLACE_NAMES);
    while (districtNames.has(`${district}|${province}`));
    districtNames.add(`${district}|${province}`);
    for (let c = 0; c < COMMUNES_PER_DISTRICT && units.length < opts.units; c++) {
      let name: string;
      let id: string;
      do {
        nameCursor = (nameCursor + r.int(1, 97)) % PLACE_NAMES.length;
        name = PLACE_NAMES[nameCursor] ?? 'An Bình';
        id = unitId(name, district, province);
      } while (ids.has(id));
      ids.add(id);
      const kind = r.chance(0.12) ? (r.chance(0.5) ? 'phuong' : 'thi_tran') : 'xa';
      units.push({ id, kind, name, district, province, formedFrom: [] });
      profiles.set(id, makeProfile(r));
    }
  }

  // The 1 July 2025 merger: a few groups of three communes of one district merge whole into a
  // new commune (no district any more); one commune is split between two new ones.
  const reachesMerger = periods.some((p) => p.start >= MERGER_DAY);
  const lastBefore = (day: string) =>
    new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
  const merged: Unit[] = [];
  if (reachesMerger && units.length >= 12) {
    const groups = Math.max(1, Math.round(units.length * 0.01));
    const retire = (u: Unit): Unit => ({ ...u, validTo: lastBefore(MERGER_DAY) });
    for (let g = 0; g < groups; g++) {
      const start = (g * COMMUNES_PER_DISTRICT) % (units.length - 3);
      const members = units.slice(start, start + 3);
      if (members.length < 3 || members.some((m) => m.validTo)) continue;
      members.forEach((m) => (units[units.indexOf(m)] = retire(m)));
      const first = members[0] as Unit;
      let id = unitId(first.name, null, first.province);
      if (ids.has(id)) id = `${id}-moi`;
      ids.add(id);
      merged.push({
        id,
        kind: 'xa',
        name: first.name,
        province: first.province,
        validFrom: MERGER_DAY,
        formedFrom: members.map((m) => ({ unit: m.id, whole: true })),
      });
      const size = members.reduce((s, m) => s + (profiles.get(m.id)?.size ?? 0), 0);
      profiles.set(id, { ...makeProfile(r), size });
    }
    // The split: one commune goes partly into each of two new communes, each also taking a neighbour whole.
    const base = units.length - 4;
    const [split, left, right] = [units[base], units[base + 1], units[base + 2]];
    if (split && left && right && !split.validTo && !left.validTo && !right.validTo) {
      for (const u of [split, left, right]) units[units.indexOf(u)] = retire(u);
      for (const [partner, suffix] of [
        [left, 'bac'],
        [right, 'nam'],
      ] as const) {
        const id = `${unitId(partner.name, null, partner.province)}-${suffix}`;
        ids.add(id);
        merged.push({
          id,
          kind: 'xa',
          name: `${partner.name} ${suffix === 'bac' ? 'Bắc' : 'Nam'}`,
          province: partner.province,
          validFrom: MERGER_DAY,
          formedFrom: [
            { unit: split.id, whole: false },
            { unit: partner.id, whole: true },
          ],
        });
        profiles.set(id, {
          ...makeProfile(r),
          size: (profiles.get(partner.id)?.size ?? 500) + (profiles.get(split.id)?.size ?? 500) / 2,
        });
      }
    }
  }
  const allUnits = [...units, ...merged];

  const reports: Report[] = [];
  for (const unit of allUnits) {
    const profile = profiles.get(unit.id) ?? makeProfile(r);
    const signer = person(r);
    periods.forEach((p, step) => {
      if ((unit.validFrom && p.start < unit.validFrom) || (unit.validTo && p.end > unit.validTo))
        return;
      // Now and then a unit has not reported a period.
      if (r.chance(0.03)) return;
      const { metrics, statedShares } = metricsFor(profile, step, r, r.chance(0.02));
      const targets: Metrics = r.chance(0.3)
        ? { 'payments.online_rate': r.pick([50, 60, 70, 80]) }
        : {};
      reports.push({
        schema: REPORT_SCHEMA_VERSION,
        unit: unit.id,
        period: p.id,
        title: `Báo cáo kết quả công tác cải cách hành chính ${lowerFirst(periodLabel(p))}`,
        number: `${String(r.int(10, 250))}/BC-UBND`,
        issued: `${p.end.slice(0, 7)}-${String(r.int(10, 28))}`,
        signer,
        metrics,
        targets,
        statedShares,
        explanations: {},
        body: body(unit, p, metrics, r),
      });
    });
    // A few units also filed a report over a custom range.
    if (r.chance(0.01) && periods.length >= 4 && !unit.validFrom) {
      const from = periods[0] as Period;
      const to = periods[Math.min(periods.length - 1, 4)] as Period;
      const p = toPeriod(`${from.start}..${lastBefore(to.start)}`);
      const { metrics, statedShares } = metricsFor(
        { ...profile, size: profile.size * 4 },
        2,
        r,
        false,
      );
      reports.push({
        schema: REPORT_SCHEMA_VERSION,
        unit: unit.id,
        period: p.id,
        title: `Báo cáo sơ kết thực hiện Đề án cải cách thủ tục hành chính ${periodLabel(p).toLowerCase()}`,
        signer,
        metrics,
        targets: {},
        statedShares,
        explanations: {},
        body: body(unit, p, metrics, r),
      });
    }
  }
  const published = publicationOf(reports, allUnits, opts.seed);
  return {
    units: allUnits,
    ...published,
    boundaries: demoBoundaries(allUnits, allUnits[0]?.province ?? 'Hải Dương'),
  };
}
