import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Metrics } from './catalog.ts';
import {
  INDICATOR_IDS,
  computeIndicator,
  computeIndicators,
  describeFormula,
  indicatorDefinition,
} from './indicators.ts';
import { compositeScore } from './score.ts';
import { targetAttainment } from './targets.ts';
import { consistentMetrics } from './testing.ts';

// Kim Tân, 01/02/2021–30/06/2023, as stated in its report.
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

describe('indicators', () => {
  it('computes the on-time rate from early + on time over resolved', () => {
    expect(computeIndicator('on_time_rate', kimTan)).toMatchObject({
      ok: true,
      numerator: 5640,
      denominator: 5649,
    });
  });

  it('uses "in time" when a report states early and on time together', () => {
    const r = computeIndicator('on_time_rate', {
      'dossiers.resolved_in_time': 98,
      'dossiers.resolved': 100,
    });
    expect(r).toMatchObject({ ok: true, value: 0.98 });
  });

  it('computes the late rate and the online intake rate', () => {
    expect(computeIndicator('late_rate', kimTan)).toMatchObject({
      ok: true,
      numerator: 9,
      denominator: 5649,
    });
    expect(computeIndicator('online_intake_rate', kimTan)).toMatchObject({
      numerator: 3614,
      denominator: 5655,
    });
  });

  it('says which figures are missing instead of inventing them', () => {
    const r = computeIndicator('level34_share', kimTan);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.missing).toEqual(['services.online_level34']);
      expect(r.reason.vi).toContain('Hồ sơ dịch vụ công trực tuyến mức độ 3, 4');
    }
  });

  it('refuses a zero denominator with its reason', () => {
    const r = computeIndicator('late_rate', {
      'dossiers.resolved_late': 0,
      'dossiers.resolved': 0,
    });
    expect(r).toMatchObject({ ok: false, missing: [] });
    if (!r.ok) expect(r.reason.vi).toContain('Mẫu số bằng 0');
  });

  it('reads stated rates as fractions of 100', () => {
    expect(computeIndicator('online_payment_rate', { 'payments.online_rate': 10.2 })).toMatchObject(
      {
        ok: true,
        numerator: 10.2,
        denominator: 100,
        value: 0.102,
      },
    );
  });

  it('describes every formula in both languages', () => {
    for (const id of INDICATOR_IDS) {
      for (const f of indicatorDefinition(id).formulas) {
        expect(describeFormula(f, 'vi')).not.toBe('');
        expect(describeFormula(f, 'en')).not.toBe('');
      }
    }
  });

  it('keeps every rate in 0..1 when parts do not exceed wholes', () => {
    fc.assert(
      fc.property(consistentMetrics, (m) => {
        for (const r of Object.values(computeIndicators(m))) {
          if (!r.ok) continue;
          expect(r.value).toBeGreaterThanOrEqual(0);
          expect(r.value).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('composite score', () => {
  it('covers only the groups the report states and scales to 100', () => {
    const s = compositeScore(kimTan);
    expect(s.covered).toEqual(['timeliness', 'online_services']);
    expect(s.possible).toBe(32);
    expect(s.earned).toBeCloseTo(20 * (5640 / 5649) + 12 * (3614 / 5655), 10);
    expect(s.value).toBeCloseTo((s.earned / 32) * 100, 10);
  });

  it('is absent for a report with no figures', () => {
    expect(compositeScore({})).toMatchObject({ value: null, covered: [], possible: 0 });
  });

  it('never leaves 0..100', () => {
    fc.assert(
      fc.property(consistentMetrics, (m) => {
        const v = compositeScore(m).value;
        if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
        if (v !== null) expect(v).toBeLessThanOrEqual(100 + 1e-9);
      }),
    );
  });
});

describe('target attainment', () => {
  it('reports a missed target with its ratio (Quang Hải: 10,2 % paid online against 50 %)', () => {
    expect(
      targetAttainment({ 'payments.online_rate': 10.2 }, { 'payments.online_rate': 50 }),
    ).toEqual([
      {
        metric: 'payments.online_rate',
        ok: true,
        actual: 10.2,
        target: 50,
        ratio: 0.204,
        met: false,
      },
    ]);
  });

  it('treats a target for a "lower is better" figure as a ceiling', () => {
    const [a] = targetAttainment({ 'dossiers.resolved_late': 0 }, { 'dossiers.resolved_late': 2 });
    expect(a).toMatchObject({ ok: true, met: true });
  });

  it('cannot judge a target the report gives no figure for', () => {
    expect(targetAttainment({}, { 'rates.digitization': 80 })).toEqual([
      { metric: 'rates.digitization', ok: false, target: 80 },
    ]);
  });
});
