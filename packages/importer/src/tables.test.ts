/**
 * Tables as Word and converted PDFs give them: each shape read on purpose,
 * with a table it must not be read from.
 */
import { describe, expect, it } from 'vitest';
import { readReport as read, figureValues as values } from '../test/read.ts';

const month = (body: string) =>
  read(`BÁO CÁO\nKết quả cải cách hành chính tháng 10 năm 2025\n\n${body}\n`);

const FORM_TOP =
  '| STT | Lĩnh vực | Số hồ sơ nhận giải quyết | Kết quả giải quyết | Đang giải quyết |';

describe('the one-stop form', () => {
  it('takes "Mới tiếp nhận" as received, not the "Tổng số" that holds the carry-over', () => {
    const r = month(
      [
        'Kết quả giải quyết hồ sơ trong tháng:',
        '',
        FORM_TOP,
        '| | | Tổng số | Kỳ trước chuyển sang | Mới tiếp nhận | Tổng số | Đúng hạn | Quá hạn | Tổng số |',
        '| 1 | Hộ tịch | 412 | 6 | 406 | 404 | 404 | 0 | 8 |',
        '| | Tổng cộng | 412 | 6 | 406 | 404 | 404 | 0 | 8 |',
      ].join('\n'),
    );
    expect(values(r)).toMatchObject({
      'dossiers.received': 406,
      'dossiers.carried_over': 6,
      'dossiers.resolved': 404,
      'dossiers.pending': 8,
    });
  });

  it('still takes the group’s "Tổng số" when no column is the new intake', () => {
    const r = month(
      [
        'Kết quả giải quyết hồ sơ trong tháng:',
        '',
        FORM_TOP,
        '| | | Tổng số | Trực tuyến | Trực tiếp | Tổng số | Đúng hạn | Quá hạn | Tổng số |',
        '| | Tổng cộng | 412 | 380 | 32 | 404 | 404 | 0 | 8 |',
      ].join('\n'),
    );
    expect(values(r)).toMatchObject({ 'dossiers.received': 412, 'dossiers.resolved': 404 });
  });
});

describe('a table with a row per rate', () => {
  const rates = [
    '| Nội dung | Số lượng | Tỷ lệ (%) |',
    '| --- | --- | --- |',
    '| Hồ sơ được số hóa | 1.129 | 95,5 |',
    '| Hồ sơ thanh toán trực tuyến phí, lệ phí | 402 | 68,3 |',
    '| Người dân đánh giá hài lòng | 1.149 | 97,9 |',
  ].join('\n');

  it('reads each row’s rate from the "Tỷ lệ (%)" column, never its count', () => {
    expect(
      values(month(`Kết quả số hóa và đánh giá của người dân trong tháng:\n\n${rates}`)),
    ).toEqual({
      'rates.digitization': 95.5,
      'payments.online_rate': 68.3,
      'satisfaction.rate': 97.9,
    });
  });

  it('never reads a table captioned with another period, or under the next period’s tasks', () => {
    expect(values(month(`Kết quả lũy kế từ ngày 01/7/2025 đến nay:\n\n${rates}`))).toEqual({});
    expect(values(month(`Kết quả năm 2024 để so sánh:\n\n${rates}`))).toEqual({});
    expect(
      values(month(`III. NHIỆM VỤ THÁNG 11 NĂM 2025\n\nChỉ tiêu cần đạt:\n\n${rates}`)),
    ).toEqual({});
  });

  it('never reads a table whose columns are periods', () => {
    const compare = [
      '| Chỉ tiêu | Năm 2023 | Năm 2024 |',
      '| --- | --- | --- |',
      '| Tỷ lệ số hóa (%) | 62 | 94,6 |',
    ].join('\n');
    expect(values(month(`So sánh hai năm:\n\n${compare}`))).toEqual({});
  });

  it('never reads a target row as the result', () => {
    const target = [
      '| Nội dung | Kết quả | Tỷ lệ (%) |',
      '| --- | --- | --- |',
      '| Chỉ tiêu số hóa hồ sơ được giao | | 90 |',
    ].join('\n');
    expect(values(month(`Kết quả trong tháng:\n\n${target}`))).toEqual({});
  });
});

describe('an appendix with a row per figure, a unit column and a column per period', () => {
  const appendix = (columns: string, rows: string[]) =>
    month(
      [
        'PHỤ LỤC',
        'SỐ LIỆU KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
        '',
        `STT\tNội dung\tĐơn vị tính\t${columns}`,
        ...rows,
      ].join('\n'),
    );
  const rows = [
    '1\tSố hồ sơ tiếp nhận\tHồ sơ\t642\t2.915',
    '1.1\tTrong đó: tiếp nhận trực tuyến\tHồ sơ\t598\t2.634',
    '2\tSố hồ sơ đã giải quyết\tHồ sơ\t631\t2.870',
    '3\tTỷ lệ số hóa hồ sơ\t%\t93,8\t91,2',
  ];

  it('reads the column of the report’s month, never the running total beside it', () => {
    expect(values(appendix('Tháng 10/2025\tLũy kế từ 01/7/2025', rows))).toEqual({
      'dossiers.received': 642,
      'dossiers.received_online': 598,
      'dossiers.resolved': 631,
      'rates.digitization': 93.8,
    });
  });

  it('reads nothing when no column is the report’s period', () => {
    expect(values(appendix('Tháng 9/2025\tLũy kế từ 01/7/2025', rows))).toEqual({});
  });

  it('never reads a row of procedures, people or one field as dossiers', () => {
    expect(
      values(
        appendix('Tháng 10/2025\tLũy kế từ 01/7/2025', [
          '1\tSố thủ tục hành chính tiếp nhận\tThủ tục\t120\t120',
          '2\tSố lượt người dân được hỗ trợ tiếp nhận\tLượt\t212\t800',
          '3\tHồ sơ tiếp nhận lĩnh vực đất đai\tHồ sơ\t66\t240',
        ]),
      ),
    ).toEqual({});
  });
});
