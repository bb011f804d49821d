/**
 * What was asked of the unit, what came in new, and what a headline says:
 * each rule with the sentence that needs it and one it must not fire on.
 * The sentences are of the kind officials and local papers write, not
 * copied from the measured texts.
 */
import { describe, expect, it } from 'vitest';
import { readReport as read, figureValues as values } from '../test/read.ts';

const report = (body: string) =>
  read(`BÁO CÁO\nKết quả cải cách hành chính quý II năm 2024\n\n${body}\n`);

describe('"yêu cầu giải quyết" is what was asked, not what was resolved', () => {
  it('reads "hồ sơ yêu cầu giải quyết" as intake', () => {
    expect(values(report('Trong quý II, tổng số hồ sơ yêu cầu giải quyết là 820 hồ sơ.'))).toEqual({
      'dossiers.received': 820,
    });
  });

  it('still reads "đã giải quyết theo yêu cầu" as resolved', () => {
    expect(
      values(report('Trong quý II, đã giải quyết 815 hồ sơ theo yêu cầu của công dân.')),
    ).toEqual({ 'dossiers.resolved': 815 });
  });
});

describe('new intake beside a total with what was carried over', () => {
  it('takes the new intake when the stated parts do not add up to the total', () => {
    // 790 + 25 = 815, not the 820 stated: the new intake is still the period's received.
    expect(
      values(
        report(
          'Tổng số hồ sơ yêu cầu giải quyết là 820 hồ sơ; trong đó hồ sơ mới tiếp nhận là 790 hồ sơ, kỳ trước chuyển qua là 25 hồ sơ.',
        ),
      ),
    ).toEqual({ 'dossiers.received': 790, 'dossiers.carried_over': 25 });
  });

  it('takes "tiếp nhận mới" under a total that names no carry-over', () => {
    expect(values(report('Tổng số hồ sơ là 500 hồ sơ, trong đó tiếp nhận mới 480 hồ sơ.'))).toEqual(
      { 'dossiers.received': 480 },
    );
  });

  it('never takes a smaller "new" figure over a larger one that is not a total of it', () => {
    // One team's new intake (1.200) is larger than the commune's (1.000): no guess.
    const r = report('Xã tiếp nhận 1.000 hồ sơ. Tổ một cửa lưu động nhận mới 1.200 hồ sơ.');
    expect(values(r)['dossiers.received']).toBeUndefined();
    expect(r.warnings.map((w) => w.check)).toContain('conflict:dossiers.received');
  });
});

describe('a headline’s numbers are never figures', () => {
  it('leaves out the headline that rounds or misnames the figure below it', () => {
    const r = read(
      'Quý II, phường An Phú giải quyết 820 hồ sơ thủ tục hành chính\n\nTrong quý II/2024, tổng số hồ sơ yêu cầu giải quyết là 820 hồ sơ; số hồ sơ đã giải quyết: 801 hồ sơ.',
    );
    expect(r.title).toBe('Quý II, phường An Phú giải quyết 820 hồ sơ thủ tục hành chính');
    expect(values(r)).toEqual({ 'dossiers.received': 820, 'dossiers.resolved': 801 });
  });

  it('still reads the figure of a line after "BÁO CÁO" and its title that is a sentence', () => {
    // A one-line report body right under its title: the line ends with a full stop, so it is
    // the text, not the title's continuation.
    const r = read('BÁO CÁO\nKết quả 6 tháng đầu năm 2023\nTiếp nhận 12 hồ sơ.');
    expect(r.title).toBe('Kết quả 6 tháng đầu năm 2023');
    expect(values(r)).toEqual({ 'dossiers.received': 12 });
  });

  it('still reads a text that is only its headline', () => {
    expect(values(read('Phường An Phú tiếp nhận 1.200 hồ sơ trong quý II năm 2024'))).toEqual({
      'dossiers.received': 1200,
    });
  });

  it('still reads the figures of a text pasted without line breaks', () => {
    const r = read(
      `Xã An Phú tiếp nhận 1.000 hồ sơ trong quý II năm 2024, đã giải quyết 990 hồ sơ. ${'Công tác cải cách hành chính được quan tâm chỉ đạo thường xuyên. '.repeat(5)}`,
    );
    expect(values(r)).toEqual({ 'dossiers.received': 1000, 'dossiers.resolved': 990 });
  });
});

describe('a number is read in its own clause', () => {
  it('counts all procedures before "; trong đó" names the ones offered online', () => {
    expect(
      values(
        report(
          'Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của phường là 362 thủ tục; trong đó 298 thủ tục được cung cấp dịch vụ công trực tuyến toàn trình.',
        ),
      ),
    ).toEqual({ 'procedures.total': 362 });
  });

  it('never counts the procedures offered online as all of them', () => {
    expect(
      values(
        report(
          'Tổng số thủ tục hành chính thuộc thẩm quyền được cung cấp dịch vụ công trực tuyến là 298 thủ tục.',
        ),
      ),
    ).toEqual({});
  });

  it('reads "4 hồ sơ đã quá hạn" among pending dossiers as pending, never resolved late', () => {
    expect(
      values(
        report(
          'Đang giải quyết 125 hồ sơ, trong đó 121 hồ sơ còn trong hạn và 4 hồ sơ đã quá hạn.',
        ),
      ),
    ).toEqual({ 'dossiers.pending': 125 });
  });

  it('still reads "8 hồ sơ quá hạn" among resolved dossiers as resolved late', () => {
    expect(values(report('Đã giải quyết 1.398 hồ sơ, trong đó 8 hồ sơ quá hạn.'))).toEqual({
      'dossiers.resolved': 1398,
      'dossiers.resolved_late': 8,
    });
  });
});

describe('"cao hơn năm 2023 (95,4%)" compares with another year', () => {
  const annual = (body: string) =>
    read(`BÁO CÁO\nKết quả cải cách hành chính năm 2024\n\n${body}\n`);

  it('keeps the year’s own rate and leaves out the one it is compared with', () => {
    expect(
      values(annual('Tỷ lệ hài lòng của người dân đạt 98,1%, cao hơn năm 2023 (95,4%).')),
    ).toEqual({ 'satisfaction.rate': 98.1 });
    expect(values(annual('Tỷ lệ số hóa hồ sơ đạt 94,6%, thấp hơn năm 2023 (96%).'))).toEqual({
      'rates.digitization': 94.6,
    });
  });

  it('still reads a rate that is "không thấp hơn" nothing but itself', () => {
    expect(values(annual('Tỷ lệ hài lòng đạt 98,1%, không thấp hơn năm trước.'))).toEqual({
      'satisfaction.rate': 98.1,
    });
  });
});

describe('dossiers received before the period began and carried into it', () => {
  const quarter = (body: string) =>
    read(`BÁO CÁO\nKết quả cải cách hành chính quý III năm 2025\n\n${body}\n`);

  it('reads "N hồ sơ ... tiếp nhận trước ngày 01/7/2025 chuyển sang" as carried over', () => {
    expect(
      values(
        quarter(
          'Trong quý III, phường tiếp nhận 1.486 hồ sơ. Ngoài ra, có 37 hồ sơ do UBND huyện (cũ) tiếp nhận trước ngày 01/7/2025 chuyển sang phường tiếp tục giải quyết.',
        ),
      ),
    ).toEqual({ 'dossiers.received': 1486, 'dossiers.carried_over': 37 });
  });

  it('never reads dossiers sent to another office, or received inside the period, as carried over', () => {
    expect(
      values(
        quarter('Có 12 hồ sơ chuyển sang Chi nhánh Văn phòng đăng ký đất đai tiếp tục giải quyết.'),
      ),
    ).toEqual({});
    expect(
      values(
        quarter(
          'Có 12 hồ sơ tiếp nhận trước ngày 15/8/2025 chuyển sang Chi nhánh Văn phòng đăng ký đất đai tiếp tục giải quyết.',
        ),
      ),
    ).toEqual({});
  });
});

describe('a count bounded by a date is a part of the period', () => {
  it('never takes "12 hồ sơ tiếp nhận sau ngày 15/5/2024" for the quarter’s received', () => {
    expect(
      values(
        report('Có 12 hồ sơ tiếp nhận sau ngày 15/5/2024 đã được giải quyết ngay trong ngày.'),
      ),
    ).toEqual({});
  });

  it('still reads "12 hồ sơ tiếp nhận trong quý"', () => {
    expect(values(report('Có 12 hồ sơ tiếp nhận trong quý II.'))).toEqual({
      'dossiers.received': 12,
    });
  });
});

describe('one day’s or one week’s figures are a part of the period', () => {
  it('leaves out a count of one day, of an event’s day, or of a week', () => {
    expect(values(report('Ngày 15/5/2024 xã tiếp nhận 25 hồ sơ trong ngày cao điểm.'))).toEqual({});
    expect(
      values(report('Trong ngày 01/4/2024 (ngày đầu vận hành), xã tiếp nhận 45 hồ sơ.')),
    ).toEqual({});
    expect(
      values(report('Tại buổi làm việc ngày 20/5/2024, xã báo cáo đã tiếp nhận 1.100 hồ sơ.')),
    ).toEqual({});
    expect(values(report('Tuần qua, xã tiếp nhận 60 hồ sơ.'))).toEqual({});
  });

  it('still reads figures up to a cut-off day, over a range of days, or under a dated document', () => {
    expect(values(report('Tính đến ngày 14/6/2024, xã tiếp nhận 1.250 hồ sơ.'))).toEqual({
      'dossiers.received': 1250,
    });
    // A day in the period's last weeks is the day its figures are counted up to.
    expect(values(report('Ngày 20/6/2024, xã tiếp nhận 1.250 hồ sơ.'))).toEqual({
      'dossiers.received': 1250,
    });
    expect(
      values(report('Từ ngày 01/4/2024 đến ngày 14/6/2024, xã tiếp nhận 1.250 hồ sơ.')),
    ).toEqual({ 'dossiers.received': 1250 });
    expect(
      values(
        report('Thực hiện Quyết định số 12/QĐ-UBND ngày 05/01/2024, xã tiếp nhận 1.250 hồ sơ.'),
      ),
    ).toEqual({ 'dossiers.received': 1250 });
  });

  it('leaves out the dossiers resolved the same day, a part of those resolved', () => {
    expect(values(report('Có 120 hồ sơ được giải quyết ngay trong ngày.'))).toEqual({});
    expect(values(report('Giải quyết ngay trong ngày 120 hồ sơ.'))).toEqual({});
    expect(
      values(report('Đã giải quyết 1.200 hồ sơ, trong đó 120 hồ sơ giải quyết ngay trong ngày.')),
    ).toEqual({
      'dossiers.resolved': 1200,
    });
  });
});

describe('how late or early is said only of resolved dossiers', () => {
  it('never reads "tiếp nhận ..., trong đó 5 hồ sơ quá hạn" as resolved late', () => {
    expect(
      values(report('Tiếp nhận 1.250 hồ sơ, trong đó 5 hồ sơ quá hạn do lỗi hệ thống.')),
    ).toEqual({
      'dossiers.received': 1250,
    });
  });

  it('still reads it after a word of resolving, before or after the number', () => {
    expect(
      values(report('Tiếp nhận 1.250 hồ sơ, giải quyết 1.200 hồ sơ, trong đó 5 hồ sơ quá hạn.')),
    ).toEqual({
      'dossiers.received': 1250,
      'dossiers.resolved': 1200,
      'dossiers.resolved_late': 5,
    });
    expect(values(report('Tiếp nhận 1.250 hồ sơ, trong đó 5 hồ sơ giải quyết quá hạn.'))).toEqual({
      'dossiers.received': 1250,
      'dossiers.resolved_late': 5,
    });
  });
});

describe('the length of a period is not a count', () => {
  it('reads "Hồ sơ tiếp nhận 6 tháng đầu năm 2024 là 1.250 hồ sơ"', () => {
    expect(
      values(
        read(
          'BÁO CÁO\nKết quả 6 tháng đầu năm 2024\n\nHồ sơ tiếp nhận 6 tháng đầu năm 2024 là 1.250 hồ sơ.\n',
        ),
      ),
    ).toEqual({ 'dossiers.received': 1250 });
  });

  it('never makes the "6" of "6 tháng cao điểm" a figure, nor the count beside it dossiers', () => {
    expect(
      values(report('Xã tổ chức 6 tháng cao điểm tuyên truyền, tiếp nhận 12 ý kiến.')),
    ).toEqual({});
  });
});

describe('the national portal’s name between its cue and the number', () => {
  it('reads "trong đó qua Cổng Dịch vụ công quốc gia 1.100 hồ sơ" as received online', () => {
    expect(
      values(report('Tiếp nhận 1.250 hồ sơ, trong đó qua Cổng Dịch vụ công quốc gia 1.100 hồ sơ.')),
    ).toEqual({ 'dossiers.received': 1250, 'dossiers.received_online': 1100 });
  });

  it('never reads a count of households or people after the portal’s name as dossiers', () => {
    expect(
      values(report('Hướng dẫn qua Cổng Dịch vụ công quốc gia cho 1.100 hộ gia đình.')),
    ).toEqual({});
  });
});
