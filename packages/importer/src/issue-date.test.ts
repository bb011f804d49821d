/**
 * The issue date in every form reports and articles write it, each with a
 * date that is not it. Written before the rules they test.
 */
import { describe, expect, it } from 'vitest';
import { type ProposedReport } from './import.ts';
import { readReport as read } from '../test/read.ts';

const report = (dateLine: string, body = 'Xã tiếp nhận 120 hồ sơ.') =>
  `UBND XÃ AN PHÚ\nSố: 12/BC-UBND\n${dateLine}\n\nBÁO CÁO\nKết quả cải cách hành chính tháng 7 năm 2025\n\n${body}`;

const checks = (r: ProposedReport) => r.warnings.map((w) => w.check);

describe('a document’s place and date line', () => {
  it('reads "ngày 05 tháng 8 năm 2025" after a city’s name with a dot', () => {
    expect(read(report('TP. Hồ Chí Minh, ngày 05 tháng 8 năm 2025')).issued).toBe('2025-08-05');
    expect(read(report('Thành phố Hồ Chí Minh, ngày 5 tháng 08 năm 2025')).issued).toBe(
      '2025-08-05',
    );
  });

  it('reads a date line written in figures ("Củ Chi, ngày 5/8/2025")', () => {
    expect(read(report('Củ Chi, ngày 5/8/2025')).issued).toBe('2025-08-05');
    expect(read(report('Đức Hòa, ngày 05-08-2025')).issued).toBe('2025-08-05');
    expect(read(report('Côn Đảo, ngày 05.8.2025')).issued).toBe('2025-08-05');
    // Not a date line: a sentence that names a place and a day.
    expect(
      read(
        'BÁO CÁO\nKết quả cải cách hành chính tháng 7 năm 2025\n\nTheo kế hoạch của UBND xã Đức Hòa và các ngành, ngày 5/8/2025 là hạn nộp báo cáo.',
      ).issued,
    ).toBeNull();
  });

  it('reads the place and date of any commune, ward or special zone, with Đ and diacritics', () => {
    for (const place of [
      'Đắk Mil',
      'Phường Đông Hòa',
      'Đặc khu Phú Quốc',
      'Xã Ia Grai',
      'Ea Kar',
    ]) {
      const r = read(report(`${place}, ngày 15 tháng 7 năm 2025`));
      expect(r.issued).toBe('2025-07-15');
    }
    // In two columns after the number, with a gap.
    const r = read(
      'UBND PHƯỜNG ĐÔNG HÒA\nSố: 98/BC-UBND          Đông Hòa, ngày 5/8/2025\n\nBÁO CÁO\nKết quả tháng 7 năm 2025\n\nPhường tiếp nhận 120 hồ sơ.',
    );
    expect(r.issued).toBe('2025-08-05');
    expect(r.number).toBe('98/BC-UBND');
  });

  it('reads a date line whose day is left blank as the month ("ngày … tháng 7 năm 2025")', () => {
    for (const blank of ['     ', ' … ', ' ... ', ' ..... ', ' ___ ', '']) {
      expect(read(report(`An Phú, ngày${blank}tháng 7 năm 2025`)).issued).toBe('2025-07');
    }
    expect(read(report('An Phú, ngày …/…/2025')).issued).toBeNull();
  });

  it('never takes the date of a decision, a plan or a deadline for the issue date', () => {
    const body =
      'Căn cứ Quyết định số 59/QĐ-UBND ngày 11/01/2023 của UBND tỉnh; Kế hoạch số 12/KH-UBND ngày 08 tháng 7 năm 2025. Xã phải hoàn thành trước ngày 30/6, đến ngày 30/6/2025 tiếp nhận 120 hồ sơ.';
    expect(
      read(`BÁO CÁO\nKết quả cải cách hành chính tháng 7 năm 2025\n\n${body}`).issued,
    ).toBeNull();
    expect(read(report('An Phú, ngày 05 tháng 8 năm 2025', body)).issued).toBe('2025-08-05');
  });

  it('proposes none when two date lines disagree, and says why', () => {
    const r = read(
      'UBND XÃ AN PHÚ\nAn Phú, ngày 05 tháng 8 năm 2025\n\nBÁO CÁO\nKết quả tháng 7 năm 2025\n\nAn Phú, ngày 12 tháng 8 năm 2025\n\nXã tiếp nhận 120 hồ sơ.',
    );
    expect(r.issued).toBeNull();
    expect(checks(r)).toContain('issued_conflict');
    // The same date written twice is no conflict.
    const same = read(
      'UBND XÃ AN PHÚ\nAn Phú, ngày 05 tháng 8 năm 2025\n\nBÁO CÁO\nKết quả tháng 7 năm 2025\n\nAn Phú, ngày 5/8/2025\n\nXã tiếp nhận 120 hồ sơ.',
    );
    expect(same.issued).toBe('2025-08-05');
    expect(checks(same)).not.toContain('issued_conflict');
  });
});

describe('a news article’s date', () => {
  const article = (line: string) =>
    `Phường Đông Hòa: người dân hài lòng với Trung tâm Phục vụ hành chính công\n\n${line}\n\nTrong tháng 7/2025, phường tiếp nhận 1.200 hồ sơ.`;

  it('reads "Cập nhật lúc 10:20 ngày 05/08/2025" and "05/08/2025 10:20"', () => {
    expect(read(article('Cập nhật lúc 10:20 ngày 05/08/2025')).issued).toBe('2025-08-05');
    expect(read(article('05/08/2025 10:20')).issued).toBe('2025-08-05');
    expect(read(article('05/08/2025 | 10:20')).issued).toBe('2025-08-05');
    expect(read(article('Thứ Ba, 05/08/2025, 10:20 (GMT+7)')).issued).toBe('2025-08-05');
    expect(read(article('Ngày đăng: 05/08/2025')).issued).toBe('2025-08-05');
  });

  it('reads a dateline led by its source or place ("(TPHCM) - Ngày 5/8/2025, …")', () => {
    const lead = (l: string) =>
      read(
        `Phường Đông Hòa: người dân hài lòng với Trung tâm Phục vụ hành chính công\n\n${l} UBND phường cho biết, trong tháng 7/2025 phường tiếp nhận 1.200 hồ sơ.`,
      ).issued;
    expect(lead('(TPHCM) - Ngày 5/8/2025,')).toBe('2025-08-05');
    expect(lead('TÂY NINH - Sáng 5/8,')).toBe('2025-08-05');
    expect(lead('(Báo Tây Ninh) – Chiều ngày 05/8/2025,')).toBe('2025-08-05');
    // A deadline leading the first paragraph is not a dateline.
    expect(lead('Đến ngày 30/6/2025,')).toBeNull();
    expect(lead('(TPHCM) - Theo Quyết định số 59/QĐ-UBND ngày 11/01/2023,')).toBeNull();
  });
});

describe('a web page’s date line in the forms portals print it', () => {
  const article = (line: string) =>
    `Phường Đông Hòa: người dân hài lòng với Trung tâm Phục vụ hành chính công\n\n${line}\n\nTrong tháng 7/2025, phường tiếp nhận 1.200 hồ sơ.`;

  it('reads a weekday in figures, a label before the date and "lúc" before the time', () => {
    expect(read(article('Thứ 2, 28/07/2025 15:30')).issued).toBe('2025-07-28');
    expect(read(article('Cập nhật ngày: 28/07/2025')).issued).toBe('2025-07-28');
    expect(read(article('Ngày cập nhật: 28/07/2025 15:30')).issued).toBe('2025-07-28');
    expect(read(article('Ngày xuất bản: 28/07/2025')).issued).toBe('2025-07-28');
    expect(read(article('28/07/2025 lúc 15:30')).issued).toBe('2025-07-28');
  });

  it('reads a month in words ("Thứ Hai, 28 tháng 7, 2025")', () => {
    expect(read(article('Thứ Hai, 28 tháng 7, 2025')).issued).toBe('2025-07-28');
    expect(read(article('28 Tháng 7, 2025 | 15:30')).issued).toBe('2025-07-28');
  });

  it('reads a date among the line’s author, section and views, never a table row’s or a deadline’s', () => {
    expect(read(article('Thanh Tâm | 28/07/2025 15:30 | Lượt xem: 1.234')).issued).toBe(
      '2025-07-28',
    );
    expect(read(article('Tin tức - Sự kiện | 28/07/2025')).issued).toBe('2025-07-28');
    expect(read(article('| 1 | Quyết định số 59/QĐ-UBND | 11/01/2023 |')).issued).toBeNull();
    expect(read(article('Hạn nộp hồ sơ | 30/06/2025')).issued).toBeNull();
  });

  it('reads a dateline with the day and month joined by a dash, or followed by "vừa qua"', () => {
    const lead = (l: string) =>
      read(
        `Phường Đông Hòa: người dân hài lòng với Trung tâm Phục vụ hành chính công\n\n${l} UBND phường cho biết, trong tháng 7/2025 phường tiếp nhận 1.200 hồ sơ.`,
      ).issued;
    expect(lead('(PLO) - Sáng 28-7,')).toBe('2025-07-28');
    expect(lead('Ngày 28/7 vừa qua,')).toBe('2025-07-28');
    expect(lead('Từ ngày 28-7,')).toBeNull();
  });
});

describe('a date line as a PDF’s text layer gives it', () => {
  it('reads a date line whose place column was lost, and one ending with a full stop', () => {
    expect(read(report('                ngày 28 tháng 7 năm 2025')).issued).toBe('2025-07-28');
    expect(read(report('Đức Hòa, ngày 28/7/2025.')).issued).toBe('2025-07-28');
    // A sentence that starts with a date is not a date line.
    expect(
      read(
        'BÁO CÁO\nKết quả cải cách hành chính tháng 7 năm 2025\n\nNgày 28 tháng 7 năm 2025 xã tổ chức hội nghị, tiếp nhận 120 hồ sơ.',
      ).issued,
    ).toBeNull();
  });
});
