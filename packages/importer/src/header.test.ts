/** The document's header and signature: each rule with a case it must not fire on. */
import { describe, expect, it } from 'vitest';
import { importText } from './import.ts';
import { readReport as read } from '../test/read.ts';

describe('the title', () => {
  it('is the line after "BÁO CÁO" and its continuation', () => {
    expect(
      read(
        'UBND XÃ AN PHÚ\n\nBÁO CÁO\nKết quả công tác cải cách hành chính\n6 tháng đầu năm 2024\n\nCăn cứ Kế hoạch số 12/KH-UBND, UBND xã báo cáo như sau:\n\nI. KẾT QUẢ\n\nTiếp nhận 12 hồ sơ.',
      ).title,
    ).toBe('Kết quả công tác cải cách hành chính 6 tháng đầu năm 2024');
  });

  it('is the rest of a "BÁO CÁO KẾT QUẢ ..." line, in sentence case', () => {
    expect(
      read('BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2024\n\nTiếp nhận 12 hồ sơ.').title,
    ).toBe('Kết quả cải cách hành chính quý I năm 2024');
  });

  it('is never the whole text, even pasted without line breaks', () => {
    const text = `BÁO CÁO\nKết quả cải cách hành chính năm 2023 Căn cứ Kế hoạch số 5/KH-UBND ${'UBND xã đã tiếp nhận và trả kết quả đúng hạn cho công dân. '.repeat(20)}`;
    const r = read(text);
    expect(r.title).toBe('Kết quả cải cách hành chính năm 2023');
    expect(read('Xã đã tiếp nhận 1.000 hồ sơ, tăng so với năm 2022.').title).toBeNull();
  });

  it('is an article’s headline, not its first paragraph', () => {
    const r = read(
      'Phường An Phú giải quyết 100% hồ sơ đúng hạn\n\nTrong quý I/2024, phường đã tiếp nhận 500 hồ sơ, giải quyết đúng hạn 500 hồ sơ.',
    );
    expect(r.title).toBe('Phường An Phú giải quyết 100% hồ sơ đúng hạn');
    expect(
      read(
        'Thời gian qua, phường đã không ngừng nỗ lực cải cách hành chính, triển khai đồng bộ nhiều giải pháp.\nPhường đã tiếp nhận 500 hồ sơ.',
      ).title,
    ).toBeNull();
  });
});

describe('the issue date', () => {
  it('reads the date line of a document, and an article’s date line', () => {
    expect(read('Kim Tân, ngày 07 tháng 7 năm 2023\n\nBÁO CÁO\nKết quả\n').issued).toBe(
      '2023-07-07',
    );
    expect(
      read('Trung tâm giải quyết 4.500 hồ sơ trong tháng\n\n06/06/2021 - 13:18\n\nBài viết.')
        .issued,
    ).toBe('2021-06-06');
    expect(read('Tin tức\n\nCập nhật: 02/11/2023 14:51 GMT+7\n\nBài viết.').issued).toBe(
      '2023-11-02',
    );
  });

  it('reads an article’s date line with its time first ("Cập nhật lúc 10:20 ngày 05/10/2020")', () => {
    expect(read('Tin tức\n\nCập nhật lúc 10:20 ngày 05/10/2020\n\nBài viết.').issued).toBe(
      '2020-10-05',
    );
    expect(read('Tin tức\n\n09:15, Thứ Hai, 04/08/2025\n\nBài viết.').issued).toBe('2025-08-04');
    expect(
      read('Tin tức về cải cách\n\nLúc 10:20 ngày 05/10/2020, phường tổ chức hội nghị.').issued,
    ).toBeNull();
  });

  it('never takes a date inside a sentence for the issue date', () => {
    expect(
      read(
        'Tin tức về cải cách\n\nTheo Quyết định ngày 06/06/2021 của UBND tỉnh, xã tiếp nhận hồ sơ.',
      ).issued,
    ).toBeNull();
  });
});

describe('the unit', () => {
  it('keeps a province written over a line break whole: "Hải Dương", never "Hải"', () => {
    const u = read(
      'UBND XÃ QUANG HẢI\n\nBÁO CÁO\nKết quả năm 2023\n\nUBND xã Quang Hải, huyện Tứ Kỳ, tỉnh Hải\nDương báo cáo như sau: tiếp nhận 12 hồ sơ.',
    ).unit;
    expect(u).toMatchObject({ name: 'Quang Hải', district: 'Tứ Kỳ', province: 'Hải Dương' });
  });

  it('keeps a province whole where the text after a unit’s name runs long: "Quảng Ngãi", never "Quả"', () => {
    // The header's name is followed, 80 characters later, by "tỉnh Quảng Ngãi" cut by the window.
    expect(
      read(
        'UBND ĐẶC KHU LÝ SƠN\n\nBÁO CÁO\nKết quả cải cách hành chính quý III năm 2025\n\nĐặc khu Lý Sơn, tỉnh Quảng Ngãi tiếp nhận 1.200 hồ sơ.',
      ).unit,
    ).toMatchObject({ kind: 'dac_khu', name: 'Lý Sơn', district: null, province: 'Quảng Ngãi' });
    // A province written far after the name is not "beside" it: the text's own tally decides.
    expect(
      read(
        `BÁO CÁO\nKết quả năm 2024\n\nXã An Phú ${'đã triển khai nhiều giải pháp cải cách hành chính '.repeat(3)}, tỉnh Bình Định.`,
      ).unit.province,
    ).toBe('Bình Định');
  });

  it('keeps a name whole across an odd space (thin, en, no-break)', () => {
    for (const space of ['\u2009', '\u2002', '\u00a0', '\u3000']) {
      expect(
        read(`BÁO CÁO\nKết quả năm 2023\n\nUBND xã Quang Hải, tỉnh Hải${space}Dương báo cáo.`).unit
          .province,
      ).toBe('Hải Dương');
    }
  });

  it('never joins two lines of different things into one name', () => {
    const u = read(
      'UBND huyện Tứ Kỳ\nQuang Hải, ngày 12 tháng 7 năm 2023\n\nBÁO CÁO\nKết quả năm 2023\n',
    ).unit;
    expect(u.district).toBe('Tứ Kỳ');
  });

  it('reads a city or an urban district as the district, the six cities that are provinces as provinces', () => {
    expect(
      read('Năm 2023, phường An Xuân, thành phố Tam Kỳ, tỉnh Quảng Nam tiếp nhận 12 hồ sơ.').unit,
    ).toMatchObject({ name: 'An Xuân', district: 'Tam Kỳ', province: 'Quảng Nam' });
    expect(
      read('Năm 2023, phường Thạch Thang, quận Hải Châu, thành phố Đà Nẵng tiếp nhận 12 hồ sơ.')
        .unit,
    ).toMatchObject({ name: 'Thạch Thang', district: 'Hải Châu', province: 'Đà Nẵng' });
    expect(read('Năm 2023, phường Bến Nghé (TP.HCM) tiếp nhận 12 hồ sơ.').unit).toMatchObject({
      name: 'Bến Nghé',
      district: null,
      province: 'Hồ Chí Minh',
    });
    expect(read('Năm 2023, UBND thành phố Tam Kỳ tiếp nhận 12 hồ sơ.').unit).toMatchObject({
      kind: null,
      name: 'Tam Kỳ',
    });
  });

  it('never reads the "UBND" ending a document’s number as a district’s UBND', () => {
    const header = (number: string) =>
      read(
        `UBND THỊ TRẤN PHƯỚC HẢI\nSố: ${number}\nPhước Hải, ngày 17 tháng 6 năm 2024\n\nBÁO CÁO\nKết quả cải cách hành chính\n\nKính gửi: Phòng Nội vụ huyện Đất Đỏ\n`,
      ).unit;
    expect(header('92/BC-UBND')).toMatchObject({ name: 'Phước Hải', district: 'Đất Đỏ' });
    // A district’s UBND is still one, on the line after the number.
    expect(
      read(
        'Số: 92/BC-UBND\nUBND huyện Kim Thành giao xã Kim Tân tiếp nhận hồ sơ.\nXã Kim Tân đã tiếp nhận 12 hồ sơ.',
      ).unit,
    ).toMatchObject({ name: 'Kim Tân', district: 'Kim Thành' });
  });

  it('keeps a province written with a dash whole: "Bà Rịa - Vũng Tàu", never "Bà Rịa"', () => {
    expect(
      read('Năm 2024, xã Long Hải, huyện Long Điền, tỉnh Bà Rịa - Vũng Tàu tiếp nhận 12 hồ sơ.')
        .unit,
    ).toMatchObject({ name: 'Long Hải', district: 'Long Điền', province: 'Bà Rịa - Vũng Tàu' });
    expect(
      read('UBND XÃ LONG HẢI\nTỈNH BÀ RỊA - VŨNG TÀU\n\nBÁO CÁO\nKết quả năm 2024\n').unit.province,
    ).toBe('Bà Rịa - Vũng Tàu');
    // "Thừa Thiên - Huế" is the province Thừa Thiên Huế.
    expect(
      read('Năm 2024, xã Phú Mậu, huyện Phú Vang, tỉnh Thừa Thiên - Huế tiếp nhận 12 hồ sơ.').unit
        .province,
    ).toBe('Thừa Thiên Huế');
  });

  it('never joins what follows a dash after a province to its name', () => {
    // A page's byline or section after the province: three capitalised words, or one.
    expect(
      read('Năm 2024, xã Hải Thượng, tỉnh Quảng Trị - Người Dân Tộc. Xã tiếp nhận 12 hồ sơ.').unit
        .province,
    ).toBe('Quảng Trị');
    expect(
      read('Năm 2024, xã Hải Thượng, tỉnh Quảng Trị - Tin tức. Xã tiếp nhận 12 hồ sơ.').unit
        .province,
    ).toBe('Quảng Trị');
  });

  it('reads "THÀNH PHỐ HUẾ" in a header in capitals as the province, "THÀNH PHỐ HỘI AN" as the district', () => {
    expect(
      read(
        'UBND PHƯỜNG THUẬN HÓA\nTHÀNH PHỐ HUẾ\n\nThuận Hóa, ngày 05 tháng 10 năm 2025\n\nBÁO CÁO\nKết quả quý III năm 2025\n',
      ).unit,
    ).toMatchObject({ kind: 'phuong', name: 'Thuận Hóa', district: null, province: 'Huế' });
    expect(
      read('UBND PHƯỜNG MINH AN\nTHÀNH PHỐ HỘI AN\n\nBÁO CÁO\nKết quả quý III năm 2020\n').unit,
    ).toMatchObject({ name: 'Minh An', district: 'Hội An', province: null });
  });

  it('reads the province from a header in capitals', () => {
    expect(
      read('UBND TỈNH HẢI DƯƠNG\nUBND XÃ QUANG HẢI\n\nBÁO CÁO\nKết quả năm 2023\n').unit,
    ).toMatchObject({ name: 'Quang Hải', province: 'Hải Dương' });
  });

  it('lists every commune the text names as a candidate, with what is written beside it', () => {
    const u = read(
      'BÁO CÁO\nKết quả năm 2023\n\nXã An Phú, huyện Tây Sơn đã tiếp nhận 12 hồ sơ. Xã An Bình, huyện Phù Cát tiếp nhận 10 hồ sơ. Xã An Phú giải quyết 12 hồ sơ, xã An Bình giải quyết 10 hồ sơ.',
    ).unit;
    expect(u.candidates.map((c) => [c.name, c.district])).toEqual([
      ['An Phú', 'Tây Sơn'],
      ['An Bình', 'Phù Cát'],
    ]);
  });

  it('does not make a candidate of a name written once beside the unit’s (a typo), or of "xã Quyết định"', () => {
    const u = read(
      `BÁO CÁO\nKết quả năm 2023\n\n${'UBND xã Quang Hải báo cáo. '.repeat(8)}Xã tiếp nhận 12 hồ sơ; đồng chí ở xã Quang Khải dự họp. Đảng ủy xã Quyết định số 17-QĐ/ĐU.`,
    ).unit;
    expect(u.candidates.map((c) => c.name)).toEqual(['Quang Hải']);
  });

  it('asks which unit when two communes receive the dossiers together, or are each named once', () => {
    const joint = read(
      'BÁO CÁO\nKết quả quý I năm 2023\n\nXã Quang Hải và xã Kim Tân đã tiếp nhận 120 hồ sơ trong quý I năm 2023.',
    ).unit;
    expect(joint.candidates.map((c) => c.name)).toEqual(['Quang Hải', 'Kim Tân']);
    const once = read(
      'BÁO CÁO\nKết quả quý I năm 2023\n\nTrong quý I năm 2023 đã tiếp nhận 120 hồ sơ. Xã Quang Hải tổ chức tập huấn; xã Kim Tân kiểm tra.',
    ).unit;
    expect(once.candidates.map((c) => c.name)).toEqual(['Quang Hải', 'Kim Tân']);
    // The one commune that receives them, another named beside it as a partner: that one.
    const alone = read(
      'BÁO CÁO\nKết quả quý I năm 2023\n\nPhối hợp với xã Quang Hải, xã Kim Tân đã tiếp nhận 120 hồ sơ trong quý I năm 2023.',
    ).unit;
    expect(alone).toMatchObject({ name: 'Kim Tân' });
  });

  it('names no commune when the text names none, and says a district’s text is above commune level', () => {
    expect(read('BÁO CÁO\nKết quả năm 2023\n\nTiếp nhận 12 hồ sơ.').unit).toMatchObject({
      name: null,
      candidates: [],
    });
    expect(
      read('Năm 2023, huyện Hải Lăng đã tiếp nhận 21.882 hồ sơ, UBND huyện Hải Lăng cho biết.')
        .unit,
    ).toMatchObject({ kind: null, name: 'Hải Lăng' });
  });

  it('takes the unit that receives the first dossiers counted, a district’s too', () => {
    const district = read(
      'Cải cách hành chính ở huyện.\n\nNăm 2023, huyện Tam Nông đã tiếp nhận 21.000 hồ sơ. Xã An Long và xã Phú Ninh dẫn đầu; xã An Long giải quyết sớm.',
    ).unit;
    expect(district).toMatchObject({ kind: null, name: 'Tam Nông' });
    expect(district.candidates.map((c) => c.name)).toContain('An Long');
    const commune = read(
      'UBND huyện Tam Nông\n\nBÁO CÁO\nKết quả năm 2023\n\nUBND huyện Tam Nông chỉ đạo. UBND huyện Tam Nông kiểm tra. Năm 2023, UBND xã Phú Ninh đã tiếp nhận 1.000 hồ sơ.',
    ).unit;
    expect(commune).toMatchObject({ kind: 'xa', name: 'Phú Ninh', district: 'Tam Nông' });
  });

  it('keeps places named like organisations whole, and cuts the organisations after a place', () => {
    expect(read('Năm 2020, UBND thành phố Hội Hợp đã tiếp nhận 9.000 hồ sơ.').unit).toMatchObject({
      kind: null,
      name: 'Hội Hợp',
    });
    expect(
      read('Năm 2023, UBND xã Phú Thọ, huyện Tam Nông, tỉnh Đắk Nông tiếp nhận 100 hồ sơ.').unit,
    ).toMatchObject({ name: 'Phú Thọ', district: 'Tam Nông', province: 'Đắk Nông' });
    expect(
      read(
        'BÁO CÁO\nKết quả năm 2023\n\nUBND xã Kim Tân Văn phòng báo cáo; xã Kim Tân Hội Nông dân họp; xã Kim Tân Công an tuần tra. Xã Kim Tân tiếp nhận 10 hồ sơ.',
      ).unit.candidates.map((c) => c.name),
    ).toEqual(['Kim Tân']);
  });

  it('reads a provincial centre as a unit above commune level, a commune’s centre as the commune', () => {
    expect(
      read('Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 5.650 hồ sơ trong tháng 5/2021.').unit,
    ).toMatchObject({ kind: null, name: 'Trung tâm Phục vụ hành chính công tỉnh' });
    expect(
      read('Trung tâm Phục vụ hành chính công phường Đồng Thuận tiếp nhận 2.265 hồ sơ.').unit,
    ).toMatchObject({ kind: 'phuong', name: 'Đồng Thuận' });
  });
});

describe('the narrative', () => {
  it('ends before a web page’s furniture and a document’s distribution list', () => {
    const article = read(
      'Phường An Phú giải quyết 100% hồ sơ đúng hạn\n\nTrong quý I/2024, phường đã tiếp nhận 500 hồ sơ.\n\nChia sẻ bài viết\n\nBÌNH LUẬN\n\nTin liên quan',
    );
    expect(article.body).toBe('Trong quý I/2024, phường đã tiếp nhận 500 hồ sơ.\n');
    const report = read(
      'BÁO CÁO\nKết quả quý I năm 2024\n\nI. KẾT QUẢ\n\nTiếp nhận 500 hồ sơ.\n\nNơi nhận:\n- UBND huyện;\n- Lưu VT.',
    );
    expect(report.body).toBe('## I. KẾT QUẢ\n\nTiếp nhận 500 hồ sơ.\n');
  });

  it('keeps a sentence that only starts like furniture', () => {
    expect(
      read(
        'BÁO CÁO\nKết quả quý I năm 2024\n\nI. KẾT QUẢ\n\nChia sẻ dữ liệu với các ngành được thực hiện.',
      ).body,
    ).toContain('Chia sẻ dữ liệu');
  });
});

describe('every number of the text, for the review', () => {
  it('lists each number with its offset: proposed ones with their field, dates with why not', () => {
    const r = read(
      'BÁO CÁO\nKết quả quý I năm 2024\n\nNgày 15/3/2024, xã tiếp nhận 1.164 hồ sơ; 364 lượt người đến liên hệ. Năm 2023 tiếp nhận 900 hồ sơ.',
    );
    const got = r.numbers.map((n) => [
      r.text.slice(n.offset, n.offset + n.length),
      n.metric ?? null,
      n.period ?? null,
      n.notFigure === undefined ? null : 'not',
    ]);
    expect(got).toEqual([
      ['2024', null, null, 'not'],
      ['15', null, null, 'not'],
      ['3', null, null, 'not'],
      ['2024', null, null, 'not'],
      ['1.164', 'dossiers.received', null, null],
      ['364', null, null, 'not'],
      ['2023', null, '2023', 'not'],
      ['900', 'dossiers.received', '2023', null],
    ]);
  });
});

describe('an article’s date line and a number beside a tab', () => {
  it('reads a date line in parentheses, and never joins a date line to the headline', () => {
    const r = read('Xã An Phú đẩy mạnh cải cách hành chính\n\n(Ngày 03/11/2025)\n\nBài viết.');
    expect(r.issued).toBe('2025-11-03');
    const wrapped = read('Xã An Phú đẩy mạnh cải cách hành chính\n03/11/2025 | 09:15\n\nBài viết.');
    expect(wrapped.title).toBe('Xã An Phú đẩy mạnh cải cách hành chính');
    expect(wrapped.issued).toBe('2025-11-03');
    // A headline wrapped onto a line that starts with a number still goes on.
    expect(
      read('Phường An Phú giải quyết đúng hạn\n100% hồ sơ trong quý III\n\nBài viết.').title,
    ).toBe('Phường An Phú giải quyết đúng hạn 100% hồ sơ trong quý III');
  });

  it('reads the dateline that leads an article without a date line, its year from the text', () => {
    expect(
      read(
        'Phường An Phú số hóa 100% hồ sơ\nNgày 4/11, ông Nguyễn Văn A, Chủ tịch UBND phường cho biết kết quả từ ngày 1/7 đến cuối tháng 10/2025.\n\nPhường tiếp nhận 2.000 hồ sơ.',
      ).issued,
    ).toBe('2025-11-04');
    expect(
      read('Phường An Phú số hóa 100% hồ sơ\n\nSáng 05/10/2024, phường tổ chức hội nghị.').issued,
    ).toBe('2024-10-05');
  });

  it('never takes a dateline later in the article, or in a report’s body, for the issue date', () => {
    expect(
      read(
        'Phường An Phú số hóa 100% hồ sơ\nPhường đã tiếp nhận 2.000 hồ sơ trong tháng 10/2025.\n\nNgày 4/11, phường tổ chức hội nghị.',
      ).issued,
    ).toBeNull();
    expect(
      read(
        'BÁO CÁO\nKết quả quý I năm 2024\n\nNgày 15/3/2024, UBND xã tổ chức hội nghị triển khai.',
      ).issued,
    ).toBeNull();
  });

  it('cuts the number where a tab starts the date line’s column', () => {
    const r = read(
      'UBND XÃ AN PHÚ\nSố: 12/BC-UBND\tAn Phú, ngày 05 tháng 7 năm 2025\n\nBÁO CÁO\nKết quả\n',
    );
    expect(r.number).toBe('12/BC-UBND');
    expect(read('Số: 12 / BC-UBND\n\nBÁO CÁO\nKết quả\n').number).toBe('12/BC-UBND');
  });
});

describe('the date line beside a long number line', () => {
  it('reads "Số: 05/BC-UBND        An Thịnh, ngày 14 tháng 12 năm 2024" (two columns run together)', () => {
    const r = read(
      'UBND XÃ AN THỊNH\nSố: 05/BC-UBND                            An Thịnh, ngày 14 tháng 12 năm 2024\n\nBÁO CÁO\nKết quả\n',
    );
    expect(r.issued).toBe('2024-12-14');
    expect(r.number).toBe('05/BC-UBND');
  });

  it('never takes a date inside a long sentence for the date line', () => {
    expect(
      read(
        'Tin tức\n\nTheo kế hoạch của huyện về cải cách hành chính trên địa bàn, ngày 14 tháng 12 năm 2024 xã tổ chức hội nghị.',
      ).issued,
    ).toBeNull();
  });
});

describe('neighbours named in a border sentence', () => {
  it('are not the unit, however long the text without a full stop', () => {
    const r = read(
      'UBND XÃ AN PHÚ\n\nXã An Phú phía Đông giáp xã Bình Minh, phía Tây giáp xã Tân Lập.\n\nUBND xã An Phú tiếp nhận 12 hồ sơ.',
    );
    expect(r.unit.name).toBe('An Phú');
    expect(r.unit.candidates.map((c) => c.name)).not.toContain('Bình Minh');
  });

  it('a long line of capitals and parentheses is read without stalling', () => {
    const hostile = `${`${'A'.repeat(50)} `.repeat(2000)}${'('.repeat(3000)}tiếp nhận 5 hồ sơ`;
    const started = performance.now();
    expect(importText(hostile).ok).toBe(true);
    // It took over a minute when the border sentences were found by one regex.
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 30_000);
});

describe('the signer', () => {
  const signer = (tail: string) =>
    read(`BÁO CÁO\nKết quả năm 2023\n\nXã An Phú tiếp nhận 12 hồ sơ.\n\n${tail}`).signer;

  it('reads an Ê Đê or M’nông name: "Y Thuôn Niê", "H’Hen Niê"', () => {
    expect(signer('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nY Thuôn Niê')).toBe('Y Thuôn Niê');
    expect(signer("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nH'Hen Niê")).toBe("H'Hen Niê");
  });

  it('never reads a line under the title that is not a name', () => {
    expect(signer('CHỦ TỊCH\n\nY tế xã')).toBeNull();
    expect(signer('CHỦ TỊCH\n\nY Y')).toBeNull();
  });
});
