import { describe, expect, it } from 'vitest';
import { correctionOf, versionOf, withCorrection } from './corrections.ts';
import { parseReport } from './parse.ts';
import type { Report } from './report.ts';
import { serializeReport } from './serialize.ts';

const first: Report = {
  schema: 1,
  unit: 'kim-tan-kim-thanh-hai-duong',
  period: '2024-H2',
  title: 'Báo cáo CCHC 6 tháng cuối năm 2024',
  metrics: { 'dossiers.received': 1200, 'dossiers.resolved': 1100, 'rates.digitization': 80 },
  targets: {},
  statedShares: {},
  explanations: {},
  body: '## Kết quả\n\nĐã thực hiện.\n',
  published: '2025-01-10',
};

describe('corrections', () => {
  it('lists changed, added and removed figures in catalog order', () => {
    const next: Report = {
      ...first,
      published: undefined,
      metrics: { 'dossiers.resolved': 1100, 'dossiers.received': 1210, 'satisfaction.rate': 99.2 },
    };
    const c = correctionOf(first, next, '2025-02-03', '  Sửa số tiếp nhận  ');
    expect(c).toEqual({
      date: '2025-02-03',
      reason: 'Sửa số tiếp nhận',
      changes: [
        { metric: 'dossiers.received', before: 1200, after: 1210 },
        { metric: 'rates.digitization', before: 80 },
        { metric: 'satisfaction.rate', after: 99.2 },
      ],
      text: false,
    });
    if (!c) return;
    const corrected = withCorrection(first, next, c);
    expect(corrected.published).toBe('2025-01-10');
    expect(versionOf(first)).toBe(1);
    expect(versionOf(corrected)).toBe(2);
    // The log survives the file format, canonically.
    const text = serializeReport(corrected);
    expect(text).toContain(
      'corrections:\n  - date: 2025-02-03\n    reason: Sửa số tiếp nhận\n    changes:\n      dossiers:\n        received:\n          before: 1200\n          after: 1210\n',
    );
    const back = parseReport(text);
    expect(back.ok && back.value).toEqual(corrected);
    expect(back.ok && serializeReport(back.value)).toBe(text);
  });

  it('a text-only change is a correction; the same content is none', () => {
    expect(
      correctionOf(first, { ...first, published: undefined }, '2025-02-03', 'x'),
    ).toBeUndefined();
    const c = correctionOf(first, { ...first, body: 'Khác.\n' }, '2025-02-03', 'Sửa lời văn');
    expect(c?.text).toBe(true);
    expect(c?.changes).toEqual([]);
  });

  it('a bad correction entry is an error at its line', () => {
    const r = parseReport(
      '---\nschema: 1\nunit: a\nperiod: 2024-H2\ntitle: T\nmetrics: {}\npublished: 2025-01-10\ncorrections:\n  - date: 2025-02-30x\n    reason: R\n    changes: {}\n---\n',
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatchObject({ line: 9, path: 'corrections.0.date' });
  });
});
