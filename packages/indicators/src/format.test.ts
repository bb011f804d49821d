import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldVietnamese,
  formatFraction,
  formatNumber,
  formatPercent,
  parseNumber,
} from './format.ts';

const NBSP = '\u00a0';

describe('formatting', () => {
  it('writes Vietnamese numbers with dot groups and comma decimals', () => {
    expect(formatNumber(1164)).toBe('1.164');
    expect(formatNumber(5655)).toBe('5.655');
    expect(formatNumber(1234567.5)).toBe('1.234.567,5');
    expect(formatNumber(1164, 'en')).toBe('1,164');
  });

  it('writes percentages as "99,2 %"', () => {
    expect(formatFraction(0.992)).toBe(`99,2${NBSP}%`);
    expect(formatPercent(10.2)).toBe(`10,2${NBSP}%`);
    expect(formatPercent(100)).toBe(`100${NBSP}%`);
    expect(formatFraction(0.992, 'en')).toBe('99.2%');
  });
});

describe('parseNumber', () => {
  it.each([
    ['1.164', 1164],
    ['1.164.000', 1164000],
    ['99,2', 99.2],
    ['10,2%', 10.2],
    ['0,014 %', 0.014],
    ['01', 1],
    ['  5655 ', 5655],
    ['1.164,5', 1164.5],
    ['99.2', 99.2],
    ['-3', -3],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it.each(['', 'abc', 'một trăm', '1..2', '12a', '1.16.4', '∞', 'NaN'])(
    'refuses %j with a clear message',
    (text) => {
      const r = parseNumber(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.vi).toMatch(/số/);
    },
  );

  it('reads English forms in English', () => {
    expect(parseNumber('1,164', 'en')).toEqual({ ok: true, value: 1164 });
    expect(parseNumber('99.2', 'en')).toEqual({ ok: true, value: 99.2 });
  });

  it('reads back what it writes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        (int, cents) => {
          const x = int + cents / 100;
          for (const locale of ['vi', 'en'] as const) {
            const r = parseNumber(formatNumber(x, locale), locale);
            expect(r.ok && r.value).toBeCloseTo(x, 6);
          }
        },
      ),
    );
  });
});

describe('foldVietnamese', () => {
  it('finds names typed without diacritics', () => {
    expect(foldVietnamese('Quảng Nghiệp, Đại Đức')).toBe('quang nghiep, dai duc');
    expect(foldVietnamese('Quảng Nghiệp'.normalize('NFD'))).toBe('quang nghiep');
  });

  it('folds Đ and đ, letters of their own that decomposition leaves alone', () => {
    expect('Đ'.normalize('NFD')).toBe('Đ');
    expect(foldVietnamese('Xã Đông Hải')).toBe('xa dong hai');
    expect(foldVietnamese('ĐỨC LÂM')).toBe('duc lam');
    expect(foldVietnamese('Đức Lâm'.normalize('NFD'))).toBe('duc lam');
  });
});
