import { describe, expect, it } from 'vitest';
import { formatDayMonthYear, parseDayMonthYear } from './date.ts';

describe('dates as dd/mm/yyyy', () => {
  it('are read as officials write them and stored ISO', () => {
    expect(parseDayMonthYear('20/12/2023')).toEqual({ ok: true, iso: '2023-12-20' });
    expect(parseDayMonthYear(' 5.1.2024 ')).toEqual({ ok: true, iso: '2024-01-05' });
    expect(parseDayMonthYear('12/2023')).toEqual({ ok: true, iso: '2023-12' });
    expect(parseDayMonthYear('2023-12-20')).toEqual({ ok: true, iso: '2023-12-20' });
  });
  it('refuse what is no date, in words', () => {
    const r = parseDayMonthYear('31/02/2023');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.vi).toContain('20/12/2023');
    expect(parseDayMonthYear('hôm qua').ok).toBe(false);
  });
  it('are shown dd/mm/yyyy', () => {
    expect(formatDayMonthYear('2023-12-20')).toBe('20/12/2023');
    expect(formatDayMonthYear('2023-07')).toBe('07/2023');
  });
});
