/** What the reviewer reads: figures by label with Vietnamese numbers, the text as a word diff. */
import { describe, expect, it } from 'vitest';
import { changedFiguresText, figureChanges, wordDiff } from '../src/client/lib/compare.ts';

describe('comparing two versions', () => {
  it('names figures by label, in Vietnamese numbers, in catalog order', () => {
    const before = { 'dossiers.received': 1250, 'satisfaction.rate': 99.2 };
    const after = {
      'dossiers.received_online': 1164,
      'dossiers.received': 1250,
      'satisfaction.rate': 99.5,
    };
    expect(
      figureChanges(before, after, 'vi').map((c) => [c.label, c.before, c.after, c.changed]),
    ).toEqual([
      ['Hồ sơ tiếp nhận trong kỳ', '1.250', '1.250', false],
      ['Tiếp nhận trực tuyến', '—', '1.164', true],
      ['Mức độ hài lòng', '99,2', '99,5', true],
    ]);
    expect(changedFiguresText(before, after, 'vi')).toEqual([
      'Tiếp nhận trực tuyến: — → 1.164',
      'Mức độ hài lòng: 99,2 → 99,5',
    ]);
  });

  it('marks words added and removed', () => {
    const parts = wordDiff('Đã tiếp nhận 1.250 hồ sơ.', 'Đã tiếp nhận 1.300 hồ sơ trực tuyến.');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toContain('1.250');
    expect(
      parts
        .filter((p) => p.kind === 'added')
        .map((p) => p.text)
        .join(''),
    ).toContain('1.300');
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe('Đã tiếp nhận 1.250 hồ sơ.');
  });
});
