/** Periods as reports write them, each with a sentence that must not be read as one. */
import { describe, expect, it } from 'vitest';
import { importText } from './import.ts';
import { findPeriods } from './periods.ts';

const ids = (text: string, year?: number) => findPeriods(text, year).map((m) => m.period.id);

function period(text: string) {
  const r = importText(text);
  if (!r.ok) throw new Error(r.message.en);
  return r.report.period;
}

describe('findPeriods', () => {
  it('reads a month written with a dash, not a range of months', () => {
    expect(ids('Tháng 5-2021, Trung tâm tiếp nhận')).toEqual(['2021-M05']);
    expect(ids('tháng 5-6 hằng năm')).toEqual([]);
  });

  it('reads a range whose start has no year, and one that ends with a month', () => {
    expect(ids('Từ ngày 01/7 đến ngày 22/9/2025')).toEqual(['2025-07-01..2025-09-22']);
    expect(ids('Tính từ ngày 1/7 đến cuối tháng 10/2025')).toEqual(['2025-07-01..2025-10-31']);
    expect(ids('từ 01/01/2024 đến hết tháng 6 năm 2024')).toEqual(['2024-H1']);
    // A start after its end month is of the year before.
    expect(ids('từ ngày 15/12 đến ngày 14/3/2024')).toEqual(['2023-12-15..2024-03-14']);
  });

  it('reads words split over lines', () => {
    expect(ids('6 tháng\nđầu năm 2024')).toEqual(['2024-H1']);
  });

  it('reads a period written without its year only when the year is known', () => {
    expect(ids('Kết quả 6 tháng đầu năm', 2024)).toEqual(['2024-H1']);
    expect(ids('Kết quả 6 tháng đầu năm')).toEqual([]);
    expect(ids('Kết quả quý III', 2024)).toEqual(['2024-Q3']);
    expect(ids('Kết quả 9 tháng đầu năm', 2024)).toEqual(['2024-01-01..2024-09-30']);
  });

  it('reads a range of months, and a month without its year when the year is known', () => {
    expect(ids('từ tháng 1 đến tháng 6 năm 2024')).toEqual(['2024-H1']);
    expect(ids('từ tháng 10/2023 đến hết tháng 3/2024')).toEqual(['2023-10-01..2024-03-31']);
    expect(ids('Trong tháng 7, xã tiếp nhận', 2025)).toEqual(['2025-M07']);
    expect(ids('Trong tháng 7, xã tiếp nhận')).toEqual([]);
    // A date, and a duration, are not months.
    expect(ids('ngày 15 tháng 7, xã tiếp nhận', 2025)).toEqual([]);
    expect(ids('trong 3 tháng 7 ngày', 2025)).toEqual([]);
  });

  it('never reads "6 tháng đầu năm 2024" as the year 2024', () => {
    expect(ids('6 tháng đầu năm 2024')).toEqual(['2024-H1']);
    expect(ids('06 tháng đầu năm 2024')).toEqual(['2024-H1']);
  });

  it('reads "3 tháng đầu năm" as the first quarter', () => {
    expect(ids('Kết quả 3 tháng đầu năm 2024')).toEqual(['2024-Q1']);
    expect(ids('Kết quả 3 tháng đầu năm', 2024)).toEqual(['2024-Q1']);
    expect(ids('trong 3 tháng')).toEqual([]);
  });

  it('reads "6 tháng năm 2024" as the first half and "9 tháng năm 2024" as nine months', () => {
    expect(ids('Báo cáo kết quả CCHC 6 tháng năm 2024')).toEqual(['2024-H1']);
    expect(ids('Kết quả 9 tháng năm 2024')).toEqual(['2024-01-01..2024-09-30']);
    expect(ids('Ngày 6 tháng năm 2024')).toEqual(['2024']);
  });

  it('never reads a date as a month', () => {
    expect(ids('Quang Hải, ngày 07 tháng 7 năm 2023')).toEqual([]);
  });
});

describe('the report’s period', () => {
  it('takes the year of "6 tháng đầu năm" from the date line', () => {
    expect(
      period(
        'UBND XÃ AN PHÚ\nAn Phú, ngày 15 tháng 6 năm 2024\n\nBÁO CÁO\nKết quả cải cách hành chính 6 tháng đầu năm\n\nTiếp nhận 120 hồ sơ.',
      ),
    ).toMatchObject({ label: '2024-H1' });
  });

  it('takes the year before for "6 tháng cuối năm" reported in January', () => {
    expect(
      period(
        'An Phú, ngày 10 tháng 01 năm 2025\n\nBÁO CÁO\nKết quả cải cách hành chính 6 tháng cuối năm\n\nTiếp nhận 120 hồ sơ.',
      ),
    ).toMatchObject({ label: '2024-H2' });
  });

  it('takes the period named where the first dossier count is stated', () => {
    expect(
      period('Cải cách hành chính ở huyện.\n\nTrong năm 2023, huyện đã tiếp nhận 21.000 hồ sơ.'),
    ).toMatchObject({ label: '2023' });
  });

  it('keeps the figures of another period apart, labelled with it (the month in a quarter)', () => {
    const r = importText(
      'BÁO CÁO\nKết quả cải cách hành chính quý I năm 2024\n\nQuý I/2024, xã tiếp nhận 300 hồ sơ. Riêng trong tháng 3/2024, xã tiếp nhận 100 hồ sơ.\n\nNăm 2023, xã tiếp nhận 1.100 hồ sơ.',
    );
    if (!r.ok) throw new Error(r.message.en);
    expect(r.report.metrics['dossiers.received']?.value).toBe(300);
    expect(
      r.report.otherPeriods.map((o) => [o.period.label, o.metrics['dossiers.received']?.value]),
    ).toEqual([
      ['2024-M03', 100],
      ['2023', 1100],
    ]);
  });

  it('takes the period named just before the first count', () => {
    expect(
      period(
        'Cải cách hành chính ở phường.\n\nKết quả quý III/2020:\n\nPhường đã tiếp nhận 1.000 hồ sơ.',
      ),
    ).toMatchObject({ label: '2020-Q3' });
  });

  it('but not a period the count is compared with', () => {
    expect(period('Xã đã tiếp nhận 1.000 hồ sơ, tăng so với năm 2022.')).toBeNull();
  });

  it('prefers the range the figures are counted over to a plan named earlier', () => {
    expect(
      period(
        'Phường triển khai kế hoạch cải cách hành chính 6 tháng cuối năm 2025.\n\nTừ ngày 1/7 đến cuối tháng 10/2025, phường đã tiếp nhận 2.000 hồ sơ.',
      ),
    ).toMatchObject({ start: '2025-07-01', end: '2025-10-31', label: null });
  });
});
