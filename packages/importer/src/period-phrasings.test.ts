/**
 * The report's period in the many ways reports and articles write it, each
 * with a phrasing that must not set it. Written before the rules they test.
 */
import { describe, expect, it } from 'vitest';
import { type ProposedReport } from './import.ts';
import { readReport as read } from '../test/read.ts';

const id = (r: ProposedReport) =>
  r.period ? (r.period.label ?? `${r.period.start}..${r.period.end}`) : null;

/** A report whose title is `title` and whose text is `body`, issued on 5 August 2025. */
const report = (
  title: string,
  body = 'Trong tháng, xã tiếp nhận 120 hồ sơ.',
  date = 'ngày 05 tháng 8 năm 2025',
) => read(`UBND XÃ AN PHÚ\nSố: 12/BC-UBND\nAn Phú, ${date}\n\nBÁO CÁO\n${title}\n\n${body}`);

describe('a month', () => {
  it('reads "tháng 7 năm 2025", "tháng 7/2025", "Tháng 07-2025" and "THÁNG 07.2025" in the title', () => {
    for (const t of ['tháng 7 năm 2025', 'tháng 7/2025', 'Tháng 07-2025', 'THÁNG 07.2025']) {
      expect(id(report(`Kết quả cải cách hành chính ${t}`))).toBe('2025-M07');
    }
  });

  it('reads "trong tháng" with the month only in the title, never the date line’s month', () => {
    expect(id(report('Kết quả cải cách hành chính tháng 7/2025'))).toBe('2025-M07');
    // Without a month anywhere, "trong tháng" and the date line name none.
    expect(id(report('Kết quả cải cách hành chính'))).toBeNull();
  });

  it('reads "từ 01/7 đến 31/7/2025" as the month', () => {
    expect(
      id(report('Kết quả cải cách hành chính', 'Từ 01/7 đến 31/7/2025, xã tiếp nhận 120 hồ sơ.')),
    ).toBe('2025-M07');
  });

  it('never reads "tháng trước" or a compared month as the period', () => {
    expect(
      id(
        report(
          'Kết quả cải cách hành chính',
          'Xã tiếp nhận 120 hồ sơ, tăng 10 hồ sơ so với tháng trước và so với tháng 6/2025.',
        ),
      ),
    ).toBeNull();
  });
});

describe('a quarter, nine months, a half and a year', () => {
  it('reads "quý III/2025" and "Quý 3 năm 2025"', () => {
    expect(id(report('Kết quả cải cách hành chính quý III/2025'))).toBe('2025-Q3');
    expect(
      id(report('Kết quả cải cách hành chính', 'Trong Quý 3 năm 2025, xã tiếp nhận 120 hồ sơ.')),
    ).toBe('2025-Q3');
  });

  it('reads "9 tháng đầu năm 2025" as January to September, never as the year', () => {
    expect(id(report('Kết quả cải cách hành chính 9 tháng đầu năm 2025'))).toBe(
      '2025-01-01..2025-09-30',
    );
  });

  it('reads "6 tháng cuối năm" of the date line’s year, and of the year before in January', () => {
    expect(
      id(
        report(
          'Kết quả cải cách hành chính 6 tháng cuối năm',
          undefined,
          'ngày 10 tháng 12 năm 2025',
        ),
      ),
    ).toBe('2025-H2');
    expect(
      id(
        report(
          'Kết quả cải cách hành chính 6 tháng cuối năm',
          undefined,
          'ngày 05 tháng 01 năm 2026',
        ),
      ),
    ).toBe('2025-H2');
  });

  it('reads "năm 2024", never a year compared with ("so với cùng kỳ năm 2024")', () => {
    expect(id(report('Kết quả cải cách hành chính năm 2024'))).toBe('2024');
    expect(
      id(
        report(
          'Kết quả cải cách hành chính',
          'Xã tiếp nhận 120 hồ sơ, tăng 10% so với cùng kỳ năm 2024.',
        ),
      ),
    ).toBeNull();
  });

  it('never reads the year of a decision for the period ("Quyết định số 59/QĐ-UBND ngày 11/01/2023")', () => {
    expect(
      id(
        report(
          'Kết quả cải cách hành chính',
          'Thực hiện Quyết định số 59/QĐ-UBND ngày 11/01/2023 của UBND tỉnh, xã tiếp nhận 120 hồ sơ, hoàn thành trước ngày 30/6.',
        ),
      ),
    ).toBeNull();
  });
});

describe('the official reporting window', () => {
  it('reads "Kỳ báo cáo: từ ngày 15/12/2024 đến ngày 14/6/2025" as the first half of 2025', () => {
    expect(
      id(
        report(
          'Kết quả cải cách hành chính',
          'Kỳ báo cáo: từ ngày 15/12/2024 đến ngày 14/6/2025.\n\nXã tiếp nhận 120 hồ sơ.',
        ),
      ),
    ).toBe('2025-H1');
    // Not a reporting window: a range that closes no period stays the range.
    expect(
      id(
        report(
          'Kết quả cải cách hành chính',
          'Kỳ báo cáo: từ ngày 15/3/2025 đến ngày 14/5/2025.\n\nXã tiếp nhận 120 hồ sơ.',
        ),
      ),
    ).toBe('2025-03-15..2025-05-14');
  });

  it('proposes none when the title and the reporting window name different periods, and says why', () => {
    const r = report(
      'Kết quả cải cách hành chính tháng 7/2025',
      'Kỳ báo cáo: từ ngày 15/12/2024 đến ngày 14/6/2025.\n\nXã tiếp nhận 120 hồ sơ.',
    );
    expect(id(r)).toBeNull();
    expect(r.warnings.map((w) => w.check)).toContain('period_conflict');
    // A window that closes the title's period agrees with it.
    expect(
      id(
        report(
          'Kết quả cải cách hành chính 6 tháng đầu năm 2025',
          'Kỳ báo cáo: từ ngày 15/12/2024 đến ngày 14/6/2025.\n\nXã tiếp nhận 120 hồ sơ.',
        ),
      ),
    ).toBe('2025-H1');
  });
});

describe('a period named only in the title or the "V/v" line', () => {
  it('reads the period of a letter’s "V/v" line', () => {
    const letter = (vv: string) =>
      read(
        `UBND XÃ AN PHÚ\nSố: 45/UBND-VP\n${vv}\n\nAn Phú, ngày 05 tháng 10 năm 2025\n\nKính gửi: Sở Nội vụ\n\nUBND xã báo cáo: trong quý, xã tiếp nhận 120 hồ sơ.`,
      );
    expect(id(letter('V/v báo cáo kết quả cải cách hành chính quý III/2025'))).toBe('2025-Q3');
    expect(id(letter('V/v báo cáo kết quả CCHC 9 tháng đầu năm 2025'))).toBe(
      '2025-01-01..2025-09-30',
    );
    // A "V/v" line about something else names no period of the figures.
    expect(id(letter('V/v triển khai Kế hoạch số 12/KH-UBND năm 2024'))).toBeNull();
  });

  it('reads an article’s headline period with its yearless text', () => {
    expect(
      id(
        read(
          'Phường Đông Hòa tiếp nhận hơn 1.000 hồ sơ trong quý III/2025\n\n06/10/2025 08:45\n\nTrong quý, phường tiếp nhận 1.200 hồ sơ.',
        ),
      ),
    ).toBe('2025-Q3');
  });
});

describe('a month written in words, as articles write it', () => {
  const article = (body: string) =>
    read(
      `Phường Đông Hòa: người dân hài lòng với Trung tâm Phục vụ hành chính công\n\n05/08/2025 10:20\n\n${body}`,
    );

  it('reads "trong tháng Bảy", "tháng bảy năm 2025" and "THÁNG BẢY NĂM 2025"', () => {
    expect(id(article('Trong tháng Bảy, phường tiếp nhận 1.200 hồ sơ.'))).toBe('2025-M07');
    expect(id(article('Trong tháng bảy năm 2025, phường tiếp nhận 1.200 hồ sơ.'))).toBe('2025-M07');
    expect(id(report('KẾT QUẢ CẢI CÁCH HÀNH CHÍNH THÁNG BẢY NĂM 2025'))).toBe('2025-M07');
    expect(id(article('Trong tháng Sáu, phường tiếp nhận 1.200 hồ sơ.'))).toBe('2025-M06');
    // A month after the article's date is last year's.
    expect(id(article('Trong tháng Mười Một, phường tiếp nhận 1.200 hồ sơ.'))).toBe('2024-M11');
  });

  it('never reads a count per month or a date in words as the month', () => {
    expect(id(article('Mỗi tháng hai lần, phường tiếp nhận 1.200 hồ sơ tại nhà dân.'))).toBeNull();
    expect(
      id(article('Từ ngày 5 tháng Bảy năm 2025, phường tiếp nhận 1.200 hồ sơ trực tuyến.')),
    ).toBeNull();
  });
});

describe('a half written as news does, and a range without its year', () => {
  it('reads "nửa đầu năm 2025" and "nửa cuối năm" as the halves', () => {
    expect(
      id(report('Kết quả cải cách hành chính', 'Nửa đầu năm 2025, xã tiếp nhận 120 hồ sơ.')),
    ).toBe('2025-H1');
    expect(
      id(
        report(
          'Kết quả cải cách hành chính',
          'Trong nửa cuối năm, xã tiếp nhận 120 hồ sơ.',
          'ngày 10 tháng 12 năm 2025',
        ),
      ),
    ).toBe('2025-H2');
    // "một nửa" is a share, not a half year.
    expect(
      id(report('Kết quả cải cách hành chính', 'Một nửa số hồ sơ, tức 60 hồ sơ, nộp trực tuyến.')),
    ).toBeNull();
  });

  it('reads "từ ngày 1/7 đến ngày 31/7" of the document’s year, never a deadline', () => {
    expect(
      id(
        report('Kết quả cải cách hành chính', 'Từ ngày 1/7 đến ngày 31/7, xã tiếp nhận 120 hồ sơ.'),
      ),
    ).toBe('2025-M07');
    expect(
      id(
        report(
          'Kết quả cải cách hành chính',
          'Xã tiếp nhận 120 hồ sơ; hạn nộp báo cáo đến ngày 30/6.',
        ),
      ),
    ).toBeNull();
  });
});
