/** Periods as reports write them, each with a sentence that must not be read as one. */
import { describe, expect, it } from 'vitest';
import { importText } from './import.ts';
import { cutOffOf, findPeriods } from './periods.ts';

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

describe('every form of period the reports write', () => {
  it('reads any number of first or last months, in digits or words', () => {
    expect(ids('Kết quả 7 tháng đầu năm 2025')).toEqual(['2025-01-01..2025-07-31']);
    expect(ids('Báo cáo sáu tháng đầu năm 2024')).toEqual(['2024-H1']);
    expect(ids('Kết quả 06 tháng cuối năm 2023')).toEqual(['2023-H2']);
    expect(ids('3 tháng cuối năm 2024')).toEqual(['2024-Q4']);
    expect(ids('Kết quả 9 tháng đầu năm 2020')).toEqual(['2020-01-01..2020-09-30']);
    expect(ids('Kết quả chín tháng đầu năm', 2020)).toEqual(['2020-01-01..2020-09-30']);
    // A duration, and a number of months that ends a larger number, are not periods.
    expect(ids('trong 7 tháng, xã đã tiếp nhận', 2025)).toEqual([]);
    expect(ids('sau 16 tháng đầu tư')).toEqual([]);
  });

  it('reads a quarter written in any of the usual ways, and no quarter without a year', () => {
    for (const q of [
      'QUÝ III NĂM 2020',
      'quý III.2020',
      'Quý 3 - 2020',
      'quý III 2020',
      'Quý III/2020',
    ])
      expect(ids(q)).toEqual(['2020-Q3']);
    expect(ids('Kết quả quý III')).toEqual([]);
    expect(ids('quý III, 2020 hồ sơ')).toEqual([]);
  });

  it('reads a month written with a dot or in capitals, never a date', () => {
    expect(ids('Báo cáo tháng 07.2025')).toEqual(['2025-M07']);
    expect(ids('BÁO CÁO THÁNG 7 NĂM 2025')).toEqual(['2025-M07']);
    expect(ids('Củ Chi, ngày 28 tháng 7 năm 2025')).toEqual([]);
  });

  it('reads a reporting cut-off as the window it states, and knows the period it counts for', () => {
    const [cut] = findPeriods('Kỳ báo cáo: từ ngày 15/12/2024 đến ngày 14/01/2025');
    expect(cut?.period.id).toBe('2024-12-15..2025-01-14');
    expect(cut && cutOffOf(cut.period)?.id).toBe('2025-M01');
    const [half] = findPeriods('Kỳ báo cáo: 15/12/2023 - 14/6/2024');
    expect(half && cutOffOf(half.period)?.id).toBe('2024-H1');
    const [quarter] = findPeriods('số liệu từ 15/12/2024 đến 14/3/2025');
    expect(quarter && cutOffOf(quarter.period)?.id).toBe('2025-Q1');
    // Two months, or a window that does not end on the 14th, close no period.
    const [two] = findPeriods('từ 15/3/2024 đến 14/5/2024');
    expect(two && cutOffOf(two.period)).toBeUndefined();
    const [plain] = findPeriods('từ 01/01/2024 đến 31/3/2024');
    expect(plain && cutOffOf(plain.period)).toBeUndefined();
  });

  it('reads "từ đầu năm đến ..." with its end, never without one', () => {
    expect(ids('Từ đầu năm đến ngày 30/6/2024')).toEqual(['2024-H1']);
    expect(ids('từ đầu năm 2024 đến hết tháng 9')).toEqual(['2024-01-01..2024-09-30']);
    expect(ids('từ đầu năm đến nay', 2024)).toEqual([]);
  });
});

describe('the report’s period, wherever the text names it', () => {
  it('takes the year of a yearless title period from the title, before the date line', () => {
    expect(
      period(
        'Hội An, ngày 05 tháng 01 năm 2021\n\nBÁO CÁO\nKết quả cải cách hành chính quý III và 9 tháng đầu năm 2020\n\nTiếp nhận 500 hồ sơ.',
      ),
    ).toMatchObject({ label: '2020-Q3' });
    expect(
      period(
        'Hội An, ngày 05 tháng 10 năm 2020\n\nBÁO CÁO\nKết quả cải cách hành chính quý III\n\nTiếp nhận 500 hồ sơ.',
      ),
    ).toMatchObject({ label: '2020-Q3' });
  });

  it('never takes the date line’s month for the period', () => {
    expect(
      period(
        'Hội An, ngày 05 tháng 10 năm 2020\n\nBÁO CÁO\nTình hình cải cách hành chính\n\nTrong quý III, phường tiếp nhận 500 hồ sơ.',
      ),
    ).toMatchObject({ label: '2020-Q3' });
  });

  it('skips a year that dates a document named in the title', () => {
    expect(
      period(
        'BÁO CÁO\nKết quả thực hiện Quyết định số 766/QĐ-TTg năm 2022 trong quý I năm 2025\n\nTiếp nhận 500 hồ sơ.',
      ),
    ).toMatchObject({ label: '2025-Q1' });
    expect(
      period('BÁO CÁO\nKết quả cải cách hành chính năm 2025\n\nTiếp nhận 500 hồ sơ.'),
    ).toMatchObject({ label: '2025' });
  });

  it('takes the period nearest before the first count, not a plan named earlier', () => {
    expect(
      period(
        'Thực hiện Kế hoạch cải cách hành chính năm 2025, trong quý I, UBND xã tiếp nhận 500 hồ sơ.',
      ),
    ).toMatchObject({ label: '2025-Q1' });
    expect(
      period('Năm 2025, xã tiếp nhận 1.200 hồ sơ, riêng quý IV tiếp nhận 300 hồ sơ.'),
    ).toMatchObject({ label: '2025' });
  });

  it('keeps the figures of a cut-off window under the period it counts for', () => {
    const r = importText(
      'BÁO CÁO\nKết quả cải cách hành chính quý I năm 2025\n\nKỳ báo cáo từ ngày 15/12/2024 đến ngày 14/3/2025, xã tiếp nhận 500 hồ sơ.\n\nTừ ngày 15/3/2025 đến ngày 14/5/2025, xã tiếp nhận 200 hồ sơ.',
    );
    if (!r.ok) throw new Error(r.message.en);
    expect(r.report.period).toMatchObject({ label: '2025-Q1' });
    expect(r.report.metrics['dossiers.received']?.value).toBe(500);
    expect(r.report.otherPeriods.map((o) => o.period.start)).toEqual(['2025-03-15']);
  });

  it('reads "từ đầu năm đến 30/6" figures as the half year’s, not as a comparison', () => {
    const r = importText(
      'BÁO CÁO\nKết quả cải cách hành chính 6 tháng đầu năm 2024\n\nTừ đầu năm đến ngày 30/6/2024, xã tiếp nhận 640 hồ sơ.',
    );
    if (!r.ok) throw new Error(r.message.en);
    expect(r.report.metrics['dossiers.received']?.value).toBe(640);
  });
});

describe('another period’s figures inside this period’s sentence', () => {
  const report = (body: string) => {
    const r = importText(`BÁO CÁO\nKết quả cải cách hành chính năm 2024\n\n${body}\n`);
    if (!r.ok) throw new Error(r.message.en);
    return r.report;
  };
  const values = (m: Record<string, { value: number } | undefined>) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v?.value]));

  it('leaves out an aside that names last year, and keeps the sentence this year’s', () => {
    expect(
      values(
        report(
          'Năm 2024, xã tiếp nhận 2.486 hồ sơ (năm 2023 tiếp nhận 2.115 hồ sơ), trong đó 2.301 hồ sơ nộp trực tuyến.',
        ).metrics,
      ),
    ).toEqual({ 'dossiers.received': 2486, 'dossiers.received_online': 2301 });
    expect(
      values(report('Tỷ lệ thanh toán trực tuyến đạt 47,5% (năm 2023 đạt 31%).').metrics),
    ).toEqual({ 'payments.online_rate': 47.5 });
  });

  it('still reads an aside that is not another period', () => {
    expect(
      values(report('Năm 2024, xã tiếp nhận 2.486 hồ sơ (trực tuyến 2.301 hồ sơ).').metrics),
    ).toEqual({ 'dossiers.received': 2486, 'dossiers.received_online': 2301 });
  });

  it('reads dossiers carried into the next year as pending, not as another year’s', () => {
    expect(
      values(report('Số hồ sơ đang giải quyết chuyển sang năm 2025: 16 hồ sơ.').metrics),
    ).toEqual({ 'dossiers.pending': 16 });
    expect(values(report('Hồ sơ năm 2023 chuyển sang: 12 hồ sơ.').metrics)).toEqual({
      'dossiers.carried_over': 12,
    });
  });
});

describe('the plan for the next period', () => {
  it('gives goals, never results or targets of this period', () => {
    const r = importText(
      'BÁO CÁO\nKết quả cải cách hành chính năm 2024\n\nI. KẾT QUẢ\n\nTỷ lệ thanh toán trực tuyến đạt 47,5%.\n\nII. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2025\n\n1. Phấn đấu tỷ lệ hồ sơ trực tuyến đạt 95%, tỷ lệ thanh toán trực tuyến đạt 60%.\n\n2. Tiếp nhận trực tuyến 3.000 hồ sơ.\n',
    );
    if (!r.ok) throw new Error(r.message.en);
    expect(r.report.metrics['payments.online_rate']?.value).toBe(47.5);
    expect(r.report.targets).toEqual({});
    expect(r.report.metrics['dossiers.received_online']).toBeUndefined();
  });

  it('ends at the next top-level heading, and a results heading is not a plan', () => {
    const r = importText(
      'BÁO CÁO\nKết quả công tác tháng 3 năm 2024\n\nI. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 3/2024\n\nTiếp nhận 143 hồ sơ.\n\nII. NHIỆM VỤ THÁNG 4/2024\n\nTiếp nhận 150 hồ sơ.\n\nIII. PHỤ LỤC SỐ LIỆU THÁNG 3/2024\n\nĐã giải quyết 139 hồ sơ.\n',
    );
    if (!r.ok) throw new Error(r.message.en);
    expect(
      Object.fromEntries(Object.entries(r.report.metrics).map(([k, v]) => [k, v.value])),
    ).toEqual({ 'dossiers.received': 143, 'dossiers.resolved': 139 });
  });
});

describe('a yearless period in an article without a date line', () => {
  it('takes the latest year the text’s dates write', () => {
    expect(
      period(
        'Phường đẩy mạnh cải cách hành chính trên địa bàn\n\nTrong tháng 7, phường tiếp nhận 1.500 hồ sơ. Từ ngày 01/7/2025, phường vận hành mô hình mới.',
      ),
    ).toMatchObject({ label: '2025-M07' });
  });

  it('never takes the year of a document’s number', () => {
    expect(
      period(
        'Phường đẩy mạnh cải cách hành chính trên địa bàn\n\nTrong tháng 7, phường tiếp nhận 1.500 hồ sơ theo Nghị định số 61/2018/NĐ-CP.',
      ),
    ).toBeNull();
  });
});

describe('a range that is not the period of the figures', () => {
  it('is never a cumulative or compared range after the first count', () => {
    expect(
      period(
        'Phường đẩy mạnh cải cách hành chính trên địa bàn\n\nTrong tháng 8/2025, phường tiếp nhận 1.312 hồ sơ.\n\nLũy kế từ ngày 1/7/2025 đến ngày 31/8/2025, phường tiếp nhận 2.424 hồ sơ.',
      ),
    ).toMatchObject({ label: '2025-M08' });
  });

  it('but a range stated once, after the figures, is the period', () => {
    expect(
      period(
        'Tình hình cải cách hành chính của xã\n\nXã tiếp nhận 1.312 hồ sơ.\n\nSố liệu báo cáo tính từ ngày 15/12/2024 đến ngày 14/6/2025.',
      ),
      // The official half-year window is the half year it closes (Decree 09/2019, art. 12).
    ).toMatchObject({ start: '2025-01-01', end: '2025-06-30', label: '2025-H1' });
  });
});

describe('a sentence that gives this month’s figures and the year’s so far', () => {
  const text = (body: string) =>
    `Xã An Phú tăng tốc giải quyết thủ tục hành chính trên địa bàn\n\nCập nhật: 05/08/2025 10:00\n\n${body}\n`;

  it('reads "Trong tháng 7" as the report’s month and leaves the other clause out', () => {
    const r = importText(
      text(
        'Trong tháng 7, Trung tâm tiếp nhận 500 hồ sơ; 7 tháng đầu năm 2025 tiếp nhận 3.000 hồ sơ. Trong tháng 7, xã đã giải quyết 480 hồ sơ.',
      ),
    );
    if (!r.ok) throw new Error(r.message.en);
    expect(r.report.period).toMatchObject({ label: '2025-M07' });
    expect(
      Object.fromEntries(Object.entries(r.report.metrics).map(([k, v]) => [k, v.value])),
    ).toEqual({ 'dossiers.received': 500, 'dossiers.resolved': 480 });
  });

  it('still reads a sentence that names only the report’s period', () => {
    const r = importText(
      text('Trong tháng 7/2025, Trung tâm tiếp nhận 500 hồ sơ, giải quyết 480 hồ sơ.'),
    );
    if (!r.ok) throw new Error(r.message.en);
    expect(r.report.metrics['dossiers.resolved']?.value).toBe(480);
  });
});

describe('a quarter named with its cut-off, and the older spelling "quí"', () => {
  it('takes the named quarter over its cut-off window, and reads "quí III/2020"', () => {
    expect(
      period(
        'Tình hình cải cách hành chính của phường\n\nTrong quý III/2020 (từ ngày 15/6 đến ngày 14/9/2020), phường tiếp nhận 642 hồ sơ.',
      ),
    ).toMatchObject({ label: '2020-Q3' });
    expect(ids('Kết quả quí III/2020')).toEqual(['2020-Q3']);
    expect(ids('QUÍ IV NĂM 2019')).toEqual(['2019-Q4']);
  });

  it('reads a quarter’s official window as the quarter it closes, even with none named beside it', () => {
    expect(
      period(
        'Tình hình cải cách hành chính của phường\n\nTừ ngày 15/6 đến ngày 14/9/2020, phường tiếp nhận 642 hồ sơ.',
      ),
    ).toMatchObject({ start: '2020-07-01', end: '2020-09-30', label: '2020-Q3' });
    // A window that closes no period stays the window.
    expect(
      period(
        'Tình hình cải cách hành chính của phường\n\nTừ ngày 15/6 đến ngày 14/8/2020, phường tiếp nhận 642 hồ sơ.',
      ),
    ).toMatchObject({ start: '2020-06-15', end: '2020-08-14', label: null });
  });
});

describe('a heading of tasks done is not a plan', () => {
  it('reads the figures under "NHIỆM VỤ ĐÃ THỰC HIỆN" and "Kết quả thực hiện nhiệm vụ"', () => {
    const r = importText(
      'BÁO CÁO\nKết quả cải cách hành chính năm 2024\n\nI. NHIỆM VỤ ĐÃ THỰC HIỆN\n\nTiếp nhận 143 hồ sơ.\n\n1. Kết quả thực hiện nhiệm vụ năm 2024\n\nĐã giải quyết 139 hồ sơ.\n',
    );
    if (!r.ok) throw new Error(r.message.en);
    expect(
      Object.fromEntries(Object.entries(r.report.metrics).map(([k, v]) => [k, v.value])),
    ).toEqual({ 'dossiers.received': 143, 'dossiers.resolved': 139 });
  });
});

describe('the figures left out of this period’s sentence', () => {
  it('are read as their own period’s', () => {
    const r = importText(
      'BÁO CÁO\nKết quả cải cách hành chính năm 2024\n\nNăm 2024, xã tiếp nhận 2.486 hồ sơ (năm 2023 tiếp nhận 2.115 hồ sơ).\n',
    );
    if (!r.ok) throw new Error(r.message.en);
    expect(r.report.metrics['dossiers.received']?.value).toBe(2486);
    expect(
      r.report.otherPeriods.map((o) => [o.period.label, o.metrics['dossiers.received']?.value]),
    ).toEqual([['2023', 2115]]);
    expect(r.report.numbers.find((n) => n.raw === '2.115')?.period).toBe('2023');
  });
});

describe('"từ đầu năm đến nay"', () => {
  const values = (title: string, body: string) => {
    const r = importText(`BÁO CÁO\n${title}\n\n${body}\n`);
    if (!r.ok) throw new Error(r.message.en);
    return Object.fromEntries(Object.entries(r.report.metrics).map(([k, v]) => [k, v.value]));
  };

  it('is the period of a report that starts with the year', () => {
    expect(
      values(
        'Kết quả cải cách hành chính 6 tháng đầu năm 2024',
        'Từ đầu năm đến nay, xã tiếp nhận 640 hồ sơ.',
      ),
    ).toEqual({ 'dossiers.received': 640 });
    expect(
      values(
        'Kết quả cải cách hành chính năm 2024',
        'Từ đầu năm đến nay, xã tiếp nhận 1.240 hồ sơ.',
      ),
    ).toEqual({ 'dossiers.received': 1240 });
  });

  it('is a running total beside a month’s or a later quarter’s figures, and "lũy kế" always is', () => {
    expect(
      values(
        'Kết quả công tác tháng 7 năm 2024',
        'Trong tháng, xã tiếp nhận 110 hồ sơ. Từ đầu năm đến nay, xã tiếp nhận 750 hồ sơ.',
      ),
    ).toEqual({ 'dossiers.received': 110 });
    expect(
      values(
        'Kết quả cải cách hành chính năm 2024',
        'Lũy kế từ đầu năm đến nay, xã tiếp nhận 1.240 hồ sơ.',
      ),
    ).toEqual({});
  });
});
