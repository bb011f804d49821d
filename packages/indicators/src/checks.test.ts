import { describe, expect, it } from 'vitest';
import type { Metrics } from './catalog.ts';
import { runChecks } from './checks.ts';

const kimTan: Metrics = {
  'dossiers.received': 5655,
  'dossiers.received_online': 3614,
  'dossiers.received_direct': 2041,
  'dossiers.resolved': 5649,
  'dossiers.resolved_early': 5599,
  'dossiers.resolved_on_time': 41,
  'dossiers.resolved_late': 9,
  'dossiers.pending': 1,
  'dossiers.returned': 5,
};

describe('checks', () => {
  it('finds nothing wrong in a consistent report, stated shares included (Kim Tân)', () => {
    const statedShares = {
      'dossiers.resolved_early': 99.1,
      'dossiers.resolved_on_time': 0.7,
      'dossiers.resolved_late': 0.2,
    };
    expect(runChecks({ metrics: kimTan, statedShares })).toEqual([]);
  });

  it('warns when the parts do not add up, with the numbers', () => {
    const [w, ...rest] = runChecks({ metrics: { ...kimTan, 'dossiers.received_direct': 2000 } });
    expect(rest.map((x) => x.check)).toEqual([]);
    expect(w).toMatchObject({ check: 'received_split', expected: 5655, actual: 5614 });
    expect(w?.message.vi).toBe(
      '3.614 tiếp nhận trực tuyến + 2.000 tiếp nhận trực tiếp = 5.614, khác 5.655 hồ sơ tiếp nhận trong kỳ = 5.655.',
    );
  });

  it('runs the flow check without the carry-over when the report leaves it out, and says so', () => {
    const warnings = runChecks({ metrics: { ...kimTan, 'dossiers.pending': 3 } });
    const flow = warnings.find((w) => w.check === 'dossier_flow');
    expect(flow).toMatchObject({ expected: 5655, actual: 5657 });
    expect(flow?.message.vi).toContain('không tính kỳ trước chuyển sang');
  });

  it('warns when stated parts already exceed the whole, even with a part missing', () => {
    const w = runChecks({
      metrics: {
        'dossiers.resolved': 10,
        'dossiers.resolved_early': 8,
        'dossiers.resolved_on_time': 5,
      },
    });
    expect(w.map((x) => x.check)).toEqual(['resolved_split']);
    expect(w[0]?.message.en).toContain('more than');
  });

  it('warns when a part is larger than its whole', () => {
    const w = runChecks({
      metrics: { 'waste.households_sorting': 1200, 'waste.households_total': 1000 },
    });
    expect(w).toMatchObject([
      { check: 'part_of_whole:waste.households_sorting', expected: 1000, actual: 1200 },
    ]);
  });

  it('warns on percentages outside 0..100', () => {
    const w = runChecks({ metrics: { 'satisfaction.rate': 120, 'rates.digitization': -1 } });
    expect(w.map((x) => x.check)).toEqual([
      'percent_bounds:rates.digitization',
      'percent_bounds:satisfaction.rate',
    ]);
    expect(w[1]?.message.vi).toBe('Mức độ hài lòng là 120\u00a0%, ngoài khoảng 0–100 %.');
  });

  it('warns when a stated percentage does not match the counts (Quang Hải: "đạt 100%" for 1.145 of 1.164)', () => {
    const w = runChecks({
      metrics: { 'dossiers.received': 1164, 'dossiers.received_online': 1145 },
      statedShares: { 'dossiers.received_online': 100 },
    });
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ check: 'stated_share:dossiers.received_online', actual: 100 });
    expect(w[0]?.expected).toBeCloseTo(98.37, 2);
    expect(w[0]?.message.vi).toBe(
      'Báo cáo nêu tiếp nhận trực tuyến đạt 100\u00a0%, nhưng 1.145/1.164 = 98,4\u00a0%.',
    );
  });

  it('does not warn about figures the report does not state', () => {
    expect(runChecks({ metrics: {} })).toEqual([]);
    expect(runChecks({ metrics: { 'dossiers.received': 10 } })).toEqual([]);
  });
});

describe('check levels', () => {
  it('call a part larger than its whole and a rate over 100 % impossible, a sum that does not add up a warning', async () => {
    const { impossibleFigures, withoutImpossible } = await import('./checks.ts');
    const m = {
      'dossiers.received': 1250,
      'dossiers.received_online': 1400,
      'dossiers.received_direct': 40,
      'satisfaction.rate': 101,
      'payments.online_rate': 50,
    } as const;
    const w = runChecks({ metrics: m });
    expect(
      w
        .filter((x) => x.level === 'impossible')
        .map((x) => x.check)
        .sort(),
    ).toEqual(['part_of_whole:dossiers.received_online', 'percent_bounds:satisfaction.rate']);
    expect(w.find((x) => x.check === 'received_split')?.level).toBe('warning');
    expect(impossibleFigures(w).sort()).toEqual([
      'dossiers.received',
      'dossiers.received_online',
      'satisfaction.rate',
    ]);
    expect(Object.keys(withoutImpossible(m, w)).sort()).toEqual([
      'dossiers.received_direct',
      'payments.online_rate',
    ]);
  });

  it('give a report with an impossible figure no score at all, and leave one with warnings only its score', async () => {
    const { hasImpossible } = await import('./checks.ts');
    const { reportScore } = await import('./score.ts');
    // Online 1.400 of 1.250 received: the online-services group alone would score 12/12.
    const impossible = {
      'dossiers.received': 1250,
      'dossiers.received_online': 1400,
      'dossiers.resolved': 1200,
      'dossiers.resolved_in_time': 1150,
    } as const;
    const w = runChecks({ metrics: impossible });
    expect(hasImpossible(w)).toBe(true);
    expect(reportScore(impossible, w)).toMatchObject({ value: null, covered: [], possible: 0 });
    // A sum that does not add up only warns: the score stands.
    const off = { ...impossible, 'dossiers.received_online': 1000, 'dossiers.received_direct': 10 };
    const w2 = runChecks({ metrics: off });
    expect(w2.length).toBeGreaterThan(0);
    expect(hasImpossible(w2)).toBe(false);
    expect(reportScore(off, w2).covered).toEqual(['timeliness', 'online_services']);
  });
});
