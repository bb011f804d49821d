import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  countsComparable,
  parsePeriod,
  period,
  periodFromDates,
  periodLabel,
  periodLengthDays,
  periodShortLabel,
  previousPeriod,
} from './period.ts';

describe('parsePeriod', () => {
  it.each([
    ['2023', 'year', '2023-01-01', '2023-12-31'],
    ['2023-H1', 'half', '2023-01-01', '2023-06-30'],
    ['2023-H2', 'half', '2023-07-01', '2023-12-31'],
    ['2023-Q3', 'quarter', '2023-07-01', '2023-09-30'],
    ['2024-Q1', 'quarter', '2024-01-01', '2024-03-31'],
    ['2024-M02', 'month', '2024-02-01', '2024-02-29'],
    ['2023-M06', 'month', '2023-06-01', '2023-06-30'],
    ['2021-02-01..2023-06-30', 'range', '2021-02-01', '2023-06-30'],
  ])('%s is a %s from %s to %s', (text, kind, start, end) => {
    const r = parsePeriod(text);
    expect(r.ok && r.period).toMatchObject({ kind, start, end, id: text });
  });

  it('accepts a year written as a number, as YAML gives it', () => {
    expect(parsePeriod(2023)).toMatchObject({ ok: true, period: { kind: 'year', id: '2023' } });
  });

  it.each([
    '2023-H3',
    '2023-Q5',
    '2023-M13',
    '23',
    'năm 2023',
    '2023-02-30..2023-03-01',
    '2023-06-30..2023-01-01',
    '',
  ])('rejects %j with a message in both languages', (text) => {
    const r = parsePeriod(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.vi.length).toBeGreaterThan(5);
      expect(r.message.en.length).toBeGreaterThan(5);
    }
  });
});

describe('periodLabel', () => {
  it.each([
    ['2023-H1', '6 tháng đầu năm 2023', 'H1 2023'],
    ['2023-H2', '6 tháng cuối năm 2023', 'H2 2023'],
    ['2024-Q1', 'Quý I/2024', 'Q1 2024'],
    ['2024-Q4', 'Quý IV/2024', 'Q4 2024'],
    ['2023-M06', 'Tháng 6/2023', 'June 2023'],
    ['2023', 'Năm 2023', '2023'],
    ['2021-02-01..2023-06-30', 'Từ 01/02/2021 đến 30/06/2023', '1 Feb 2021 – 30 Jun 2023'],
  ])('%s reads "%s" and "%s"', (text, vi, en) => {
    expect(periodLabel(period(text), 'vi')).toBe(vi);
    expect(periodLabel(period(text), 'en')).toBe(en);
  });
});

describe('periodShortLabel', () => {
  it('keeps chart axes short', () => {
    expect(
      ['2023-H1', '2024-Q1', '2023-M06', '2023'].map((x) => periodShortLabel(period(x), 'vi')),
    ).toEqual(['6T đầu 2023', 'Quý I/2024', 'T6/2023', '2023']);
    expect(periodShortLabel(period('2023-M06'), 'en')).toBe('Jun 2023');
  });
});

describe('comparing periods', () => {
  it('orders chronologically, shorter first on the same start', () => {
    const ids = ['2023-H2', '2023', '2022-Q4', '2023-H1', '2023-Q1'];
    expect(
      ids
        .map((s) => period(s))
        .sort(comparePeriods)
        .map((p) => p.id),
    ).toEqual(['2022-Q4', '2023-Q1', '2023-H1', '2023', '2023-H2']);
  });

  it('knows lengths, including leap years', () => {
    expect(periodLengthDays(period('2024'))).toBe(366);
    expect(periodLengthDays(period('2023-H1'))).toBe(181);
    expect(periodLengthDays(period('2021-02-01..2023-06-30'))).toBe(880);
  });

  it('compares counts only within one kind', () => {
    expect(countsComparable(period('2023-H1'), period('2022-H2'))).toBe(true);
    expect(countsComparable(period('2023-H1'), period('2023-Q1'))).toBe(false);
    expect(
      countsComparable(period('2023-01-01..2023-01-31'), period('2023-02-01..2023-03-03')),
    ).toBe(true);
    expect(
      countsComparable(period('2023-01-01..2023-01-31'), period('2023-02-01..2023-02-28')),
    ).toBe(false);
  });

  it('finds the previous period of the same kind across a year boundary', () => {
    expect(previousPeriod(period('2024-Q1'))?.id).toBe('2023-Q4');
    expect(previousPeriod(period('2024-H1'))?.id).toBe('2023-H2');
    expect(previousPeriod(period('2024-M01'))?.id).toBe('2023-M12');
    expect(previousPeriod(period('2024'))?.id).toBe('2023');
    expect(previousPeriod(period('2021-02-01..2023-06-30'))).toBeUndefined();
  });

  it('recognises a standard period from its dates', () => {
    expect(periodFromDates('2023-01-01', '2023-06-30')).toMatchObject({
      ok: true,
      period: { id: '2023-H1' },
    });
    expect(periodFromDates('2021-11-04', '2023-10-31')).toMatchObject({
      ok: true,
      period: { id: '2021-11-04..2023-10-31', kind: 'range' },
    });
  });
});
