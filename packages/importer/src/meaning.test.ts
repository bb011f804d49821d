/**
 * What a number counts. Each rule and lexicon entry has the sentence that
 * needs it and a sentence that must not trigger it; the sentences are of
 * the kind officials write, not taken from the measured texts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ProposedReport } from './import.ts';
import { readReport } from '../test/read.ts';

const read = (text: string): ProposedReport =>
  readReport(`BÁO CÁO\nKết quả 6 tháng đầu năm 2024\n\n${text}\n`);

function figures(text: string): Record<string, number> {
  return Object.fromEntries(Object.entries(read(text).metrics).map(([k, v]) => [k, v.value]));
}

describe('the noun after a number says what it counts', () => {
  it('takes "N hồ sơ" and a number the clause goes on from', () => {
    expect(figures('Bộ phận Một cửa tiếp nhận 812 hồ sơ.')).toEqual({ 'dossiers.received': 812 });
    expect(figures('Tiếp nhận 812, trong đó trực tuyến 790.')).toEqual({
      'dossiers.received': 812,
      'dossiers.received_online': 790,
    });
  });

  it('never takes a count of lids, households or cases for dossiers', () => {
    expect(figures('Hội Phụ nữ tiếp nhận được 266 nắp đậy hố phân loại rác.')).toEqual({});
    expect(figures('Đã tiếp nhận 45 thùng rác và 12 xe đẩy.')).toEqual({});
    expect(figures('Giải quyết 10 trường hợp khiếu nại.')).toEqual({});
    expect(figures('Giải quyết 12 hồ sơ, đúng hạn 12 hồ sơ.')).toEqual({
      'dossiers.resolved': 12,
      'dossiers.resolved_on_time': 12,
    });
  });

  it('reads "N lượt hồ sơ" as dossiers, "N lượt người" as people', () => {
    expect(figures('UBND xã đã tiếp nhận 1.164 lượt hồ sơ.')).toEqual({
      'dossiers.received': 1164,
    });
    expect(figures('Bộ phận Một cửa tiếp nhận 364 lượt người đến liên hệ.')).toEqual({});
  });

  it('never takes one kind or field of dossiers for the whole', () => {
    expect(figures('Đã tiếp nhận 12 hồ sơ đăng ký khai sinh, 5 hồ sơ chứng thực.')).toEqual({});
    expect(figures('Giải quyết 12 hồ sơ khiếu nại.')).toEqual({});
    expect(figures('Tiếp nhận 20 hồ sơ thuộc lĩnh vực đất đai.')).toEqual({});
    expect(
      figures('Tiếp nhận 20 hồ sơ của tổ chức, công dân; 20 hồ sơ TTHC đã giải quyết.'),
    ).toEqual({
      'dossiers.received': 20,
      'dossiers.resolved': 20,
    });
  });

  it('never takes a count of procedures for dossiers', () => {
    expect(figures('Tiếp nhận và giải quyết 120 thủ tục.')).toEqual({});
    expect(figures('Đã giải quyết 120 hồ sơ thủ tục hành chính.')).toEqual({
      'dossiers.resolved': 120,
    });
  });
});

describe('a label reaches its number only across words that keep to it', () => {
  it('reads "tiếp nhận trong kỳ là 1.164" and "giải quyết của UBND xã tính đến nay là: 1.160"', () => {
    expect(
      figures(
        'Số hồ sơ tiếp nhận trong kỳ là 1.164. Đã giải quyết của UBND xã tính đến nay là: 1.160.',
      ),
    ).toEqual({
      'dossiers.received': 1164,
      'dossiers.resolved': 1160,
    });
  });

  it('never reads "giải quyết đơn thư: 15" or "tiếp nhận kiến nghị của cử tri: 8" as dossiers', () => {
    expect(figures('Đã giải quyết đơn thư: 15. Tiếp nhận kiến nghị của cử tri: 8.')).toEqual({});
  });
});

describe('the head of the clause says what it counts when no noun follows', () => {
  it('reads "Tổng số TTHC thuộc thẩm quyền ... là 167" as procedures, never dossiers', () => {
    expect(figures('Tổng số TTHC thuộc thẩm quyền giải quyết của UBND xã là 167.')).toEqual({
      'procedures.total': 167,
    });
  });

  it('still reads "Tổng số hồ sơ đã giải quyết là 167"', () => {
    expect(figures('Tổng số hồ sơ đã giải quyết là 167.')).toEqual({ 'dossiers.resolved': 167 });
  });

  it('reads "số còn lại 121 hồ sơ nộp trực tiếp": the noun after wins over the head', () => {
    expect(figures('Tiếp nhận 200 hồ sơ, số còn lại 21 hồ sơ nộp trực tiếp.')).toMatchObject({
      'dossiers.received_direct': 21,
    });
  });

  it('does not read "Số hộ ... 60" as dossiers', () => {
    expect(figures('Số hộ được tiếp nhận hỗ trợ là 60.')).toEqual({});
  });
});

describe('procedures under the commune, not a subset of them', () => {
  it('takes the procedures under its authority', () => {
    expect(figures('Công khai 178 TTHC thuộc thẩm quyền giải quyết của UBND xã.')).toEqual({
      'procedures.total': 178,
    });
  });

  it('leaves out those offered online', () => {
    expect(
      figures('Tổng số TTHC được cung cấp dịch vụ công trực tuyến mức độ 3, 4 là 96 thủ tục.'),
    ).toEqual({});
  });
});

describe('ranges, changes and per-item figures are never one figure', () => {
  it('reads neither end of "từ 30 đến 60 hộ" or "từ 500 lên 600 hồ sơ"', () => {
    expect(figures('Mỗi tổ phụ trách từ 30 đến 60 hộ phân loại rác tại nguồn.')).toEqual({});
    expect(figures('Số hồ sơ tiếp nhận tăng từ 500 lên 600 hồ sơ.')).toEqual({});
    expect(figures('Tiếp nhận từ 20 - 30 hồ sơ mỗi ngày.')).toEqual({});
  });

  it('still reads a count that starts with "từ kỳ trước"', () => {
    expect(figures('Hồ sơ từ kỳ trước chuyển sang 12 hồ sơ.')).toEqual({
      'dossiers.carried_over': 12,
    });
  });

  it('never takes a per-item or average figure for a total', () => {
    expect(figures('Bình quân mỗi ngày tiếp nhận 25 hồ sơ.')).toEqual({});
    expect(figures('Mỗi nhóm phụ trách 40 hộ phân loại rác.')).toEqual({});
    expect(figures('Toàn xã có 40 hộ phân loại rác tại nguồn.')).toEqual({
      'waste.households_sorting': 40,
    });
  });
});

describe('rates are not counts', () => {
  it('leaves out dossiers per day or per month', () => {
    expect(figures('Bộ phận Một cửa tiếp nhận 1.200 hồ sơ/tháng.')).toEqual({});
    expect(figures('Tiếp nhận 50 hồ sơ mỗi ngày.')).toEqual({});
  });

  it('still reads a count followed by its period', () => {
    expect(figures('Tiếp nhận 1.200 hồ sơ trong tháng.')).toEqual({ 'dossiers.received': 1200 });
  });
});

describe('a percentage of something else is not a rate of dossiers', () => {
  it('leaves out "100% các xã", "95% kế hoạch", "100% TTHC"', () => {
    expect(figures('Thanh toán trực tuyến được triển khai tại 100% các xã.')).toEqual({});
    expect(figures('Tỷ lệ số hóa đạt 95% kế hoạch năm.')).toEqual({});
    expect(figures('Mức độ hài lòng: 100% TTHC được đánh giá.')).toEqual({});
  });

  it('still reads "100% hài lòng", "số hóa 98% hồ sơ" and "đạt 45%, ..."', () => {
    expect(figures('Đánh giá sự hài lòng: 100% hài lòng.')).toEqual({ 'satisfaction.rate': 100 });
    expect(figures('Số hóa 98% hồ sơ.')).toEqual({ 'rates.digitization': 98 });
    expect(figures('Tỷ lệ thanh toán trực tuyến đạt 45%, tăng so với quý trước.')).toEqual({
      'payments.online_rate': 45,
    });
  });
});

describe('satisfaction', () => {
  it('reads the SIPAS index as satisfaction', () => {
    expect(figures('Chỉ số SIPAS của xã đạt 92,5%.')).toEqual({ 'satisfaction.rate': 92.5 });
  });

  it('but not another index', () => {
    expect(figures('Chỉ số PAR INDEX của xã đạt 92,5%.')).toEqual({});
  });
});

describe('counts written in thousands', () => {
  it('reads "5,65 ngàn hồ sơ" as 5 650, saying it converted it', () => {
    const r = read('Trung tâm tiếp nhận 5,65 ngàn hồ sơ. Đã giải quyết 3 nghìn hồ sơ.');
    expect(r.metrics['dossiers.received']).toMatchObject({ value: 5650 });
    expect(r.metrics['dossiers.received']?.note?.vi).toContain('5,65 ngàn');
    expect(r.metrics['dossiers.resolved']).toMatchObject({ value: 3000 });
  });

  it('never reads thousands of đồng as dossiers', () => {
    expect(figures('Tiếp nhận 5,65 ngàn đồng lệ phí hồ sơ.')).toEqual({});
    expect(figures('Tiếp nhận 5,65 nghìn đồng.')).toEqual({});
  });
});

describe('a lump of two labels proposes nothing and says why', () => {
  it('"12 hồ sơ quá hạn và chưa giải quyết"', () => {
    const r = read('Còn 12 hồ sơ quá hạn và chưa giải quyết.');
    expect(r.metrics).toEqual({});
    expect(r.warnings.find((w) => w.check === 'ambiguous')?.message.vi).toContain('gộp');
  });

  it('"tiếp nhận và giải quyết 300 hồ sơ"', () => {
    expect(figures('Đã tiếp nhận và giải quyết 300 hồ sơ.')).toEqual({});
  });

  it('but not one label said twice, or a label and its part', () => {
    expect(figures('Đã giải quyết và trả kết quả 300 hồ sơ.')).toEqual({
      'dossiers.resolved': 300,
    });
    expect(figures('Giải quyết sớm và đúng hạn 298 hồ sơ.')).toEqual({
      'dossiers.resolved_in_time': 298,
    });
    expect(figures('Giải quyết đúng hạn 298 hồ sơ.')).toEqual({
      'dossiers.resolved_on_time': 298,
    });
  });
});

describe('how results went out is not how many were resolved', () => {
  it('leaves out results delivered by post or online', () => {
    expect(figures('Trả kết quả qua dịch vụ bưu chính công ích 15 hồ sơ.')).toEqual({});
    expect(figures('Giải quyết trực tuyến 500 hồ sơ.')).toEqual({});
    expect(figures('Đã trả kết quả 15 hồ sơ qua bưu điện.')).toEqual({});
  });

  it('still reads the results given out', () => {
    expect(figures('Đã trả kết quả 15 hồ sơ.')).toEqual({ 'dossiers.resolved': 15 });
    expect(
      figures('Đã giải quyết 500 hồ sơ trên tổng số hồ sơ tiếp nhận trực tuyến và trực tiếp.'),
    ).toEqual({ 'dossiers.resolved': 500 });
    expect(figures('Tiếp nhận trực tuyến 40 hồ sơ; đã giải quyết 38 hồ sơ.')).toEqual({
      'dossiers.received_online': 40,
      'dossiers.resolved': 38,
    });
  });
});

describe('a zero stated in words', () => {
  it('"Không có hồ sơ quá hạn" and "Không có hồ sơ bị trả lại" are zeros', () => {
    expect(figures('Không có hồ sơ quá hạn. Không có hồ sơ bị trả lại.')).toEqual({
      'dossiers.resolved_late': 0,
      'dossiers.returned': 0,
    });
  });

  it('but a goal to have none is not', () => {
    expect(figures('Phấn đấu không để hồ sơ bị trả lại, không để hồ sơ quá hạn.')).toEqual({});
  });
});

describe('a breakdown by level or over several units is not the unit', () => {
  it('leaves out "cấp xã", "các xã, phường" figures', () => {
    expect(
      figures('Trong đó cấp huyện tiếp nhận 838 hồ sơ, cấp xã tiếp nhận 13.274 hồ sơ.'),
    ).toEqual({});
    expect(figures('Các xã, phường đã tiếp nhận 9.000 hồ sơ.')).toEqual({});
  });

  it('still reads the unit’s own', () => {
    expect(figures('UBND xã đã tiếp nhận 1.274 hồ sơ.')).toEqual({ 'dossiers.received': 1274 });
  });

  it('leaves out a figure of the whole province or district ("Toàn tỉnh", "toàn huyện")', () => {
    expect(figures('Toàn tỉnh đã tiếp nhận 1.245.300 hồ sơ trong 6 tháng đầu năm.')).toEqual({});
    expect(figures('Trên địa bàn toàn huyện tiếp nhận 48.210 hồ sơ.')).toEqual({});
  });

  it('but "toàn xã" is the unit itself', () => {
    expect(figures('Toàn xã đã tiếp nhận 1.274 hồ sơ.')).toEqual({ 'dossiers.received': 1274 });
  });

  it('leaves out even a commune’s own one-stop named as "cấp xã": precision first', () => {
    expect(figures('Bộ phận Một cửa cấp xã nơi đây tiếp nhận 1.274 hồ sơ.')).toEqual({});
  });
});

describe('a part of the unit is not the unit', () => {
  it('leaves out "Riêng tại Bộ phận ... huyện" figures', () => {
    expect(
      figures('Riêng tại Bộ phận Một cửa huyện đã tiếp nhận 1.279 hồ sơ, không có hồ sơ quá hạn.'),
    ).toEqual({});
  });

  it('still reads a sentence that only mentions "riêng" later', () => {
    expect(figures('Đã tiếp nhận 1.279 hồ sơ, trong đó lĩnh vực riêng lẻ không đáng kể.')).toEqual({
      'dossiers.received': 1279,
    });
  });
});

describe('postal intake', () => {
  it('proposes no direct intake when postal dossiers are given apart', () => {
    const r = read(
      'Tiếp nhận 500 hồ sơ, trong đó trực tiếp 300 hồ sơ, trực tuyến 180 hồ sơ, qua dịch vụ bưu chính công ích 20 hồ sơ.',
    );
    expect(r.metrics['dossiers.received_direct']).toBeUndefined();
    expect(r.metrics['dossiers.received_online']).toMatchObject({ value: 180 });
    expect(r.warnings.map((w) => w.check)).toContain('direct_without_postal');
  });

  it('takes direct intake that includes postal', () => {
    expect(
      figures(
        'Tiếp nhận 500 hồ sơ, trong đó trực tuyến 180 hồ sơ, trực tiếp và qua bưu chính 320 hồ sơ.',
      ),
    ).toMatchObject({ 'dossiers.received_direct': 320 });
  });
});

describe('numbers that are never figures (property)', () => {
  const cue = fc.constantFrom(
    'tiếp nhận',
    'đã giải quyết',
    'giải quyết trước hạn',
    'quá hạn',
    'trực tuyến',
    'đang giải quyết',
  );
  const day = fc.integer({ min: 1, max: 28 });
  const month = fc.integer({ min: 1, max: 12 });
  const year = fc.integer({ min: 2015, max: 2030 });
  const n = fc.integer({ min: 1, max: 999 });
  const thing = fc.oneof(
    fc.tuple(day, month, year).map(([d, m, y]) => `ngày ${String(d)}/${String(m)}/${String(y)}`),
    fc
      .tuple(n, day, month, year)
      .map(
        ([k, d, m, y]) =>
          `Quyết định số ${String(k)}/QĐ-UBND ngày ${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${String(y)}`,
      ),
    fc.tuple(n, year).map(([k, y]) => `Kế hoạch số ${String(k)}/KH-UBND năm ${String(y)}`),
    fc.tuple(n, year).map(([k, y]) => `Nghị định số ${String(k)}/${String(y)}/NĐ-CP`),
    fc
      .tuple(fc.integer({ min: 200, max: 299 }), fc.integer({ min: 1000, max: 9999 }), n)
      .map(([a, b, c]) => `điện thoại 0${String(a)}.${String(b)}.${String(c).padStart(3, '0')}`),
    fc
      .tuple(fc.integer({ min: 900, max: 999 }), n, n)
      .map(
        ([a, b, c]) =>
          `Hotline 0${String(a)} ${String(b).padStart(3, '0')} ${String(c).padStart(3, '0')}`,
      ),
    fc.integer({ min: 1, max: 999_999 }).map((k) => `${k.toLocaleString('vi-VN')}.000 đồng`),
    fc.integer({ min: 1, max: 99 }).map((k) => `${String(k)},5 triệu đồng`),
    fc.integer({ min: 1, max: 99 }).map((k) => `${String(k)} tỷ đồng`),
  );
  const other = fc.oneof(
    fc
      .tuple(n, n)
      .map(([a, b]) => `từ ${String(Math.min(a, b))} đến ${String(Math.max(a, b) + 1)} hộ`),
    n.map((k) => `lần thứ ${String(k)}`),
    n.map((k) => `xếp thứ ${String(k)}/63`),
    n.map((k) => `${String(k)} nắp đậy`),
    n.map((k) => `${String(k)} lượt người`),
  );

  it('dates, document numbers, phone numbers and money never become figures', () => {
    fc.assert(
      fc.property(cue, thing, (c, t) => {
        expect(figures(`Về ${c} hồ sơ theo ${t}.`)).toEqual({});
        expect(figures(`Thực hiện ${t}, công tác ${c} hồ sơ được bảo đảm.`)).toEqual({});
      }),
      { numRuns: 300 },
    );
  });

  it('ranges, ordinals and counts of other things never become figures', () => {
    fc.assert(
      fc.property(cue, other, (c, t) => {
        expect(figures(`Về ${c}, ${t}.`)).toEqual({});
      }),
      { numRuns: 300 },
    );
  });
});

describe('what the form calls "nhận giải quyết" is intake, never what was resolved', () => {
  it('reads the total to resolve as intake, and the new intake when the carry-over is given', () => {
    expect(
      figures(
        'Số hồ sơ nhận giải quyết: 520 hồ sơ (kỳ trước chuyển qua 20 hồ sơ, mới tiếp nhận 500 hồ sơ).',
      ),
    ).toEqual({ 'dossiers.received': 500, 'dossiers.carried_over': 20 });
    expect(figures('Tổng số hồ sơ phải giải quyết là 520 hồ sơ.')).toEqual({
      'dossiers.received': 520,
    });
  });

  it('still reads what was resolved', () => {
    expect(figures('Tổng số hồ sơ đã giải quyết là 510 hồ sơ.')).toEqual({
      'dossiers.resolved': 510,
    });
    expect(figures('Số hồ sơ đã giải quyết: 510 hồ sơ.')).toEqual({ 'dossiers.resolved': 510 });
  });
});

describe('one field’s dossiers are a part, never the unit’s', () => {
  it('leaves out clauses opened by a field', () => {
    expect(figures('Lĩnh vực hộ tịch: tiếp nhận 223 hồ sơ, giải quyết 223 hồ sơ.')).toEqual({});
    expect(figures('- Chứng thực: tiếp nhận 858 hồ sơ.')).toEqual({});
    expect(figures('+ Đất đai tiếp nhận 20 hồ sơ, đã giải quyết 18 hồ sơ.')).toEqual({});
    expect(figures('Tiếp nhận 500 hồ sơ; lĩnh vực đất đai tiếp nhận 20 hồ sơ.')).toEqual({
      'dossiers.received': 500,
    });
  });

  it('still reads the unit’s totals over all its fields', () => {
    expect(figures('Tổng số hồ sơ tiếp nhận trên các lĩnh vực: 500 hồ sơ.')).toEqual({
      'dossiers.received': 500,
    });
    expect(figures('Cải cách hành chính: tiếp nhận 143 hồ sơ.')).toEqual({
      'dossiers.received': 143,
    });
  });
});

describe('one kind of online dossier is not all level 3 and 4 ones, nor the intake', () => {
  it('leaves out "toàn trình" or "một phần" alone', () => {
    expect(figures('Tiếp nhận 500 hồ sơ dịch vụ công trực tuyến toàn trình.')).toEqual({});
    expect(figures('Hồ sơ trực tuyến toàn trình 300 hồ sơ.')).toEqual({});
    expect(figures('Hồ sơ trực tuyến một phần 200 hồ sơ.')).toEqual({});
  });

  it('reads both together, and "hồ sơ dịch vụ công" as dossiers', () => {
    expect(figures('Hồ sơ trực tuyến toàn trình và một phần: 500 hồ sơ.')).toEqual({
      'services.online_level34': 500,
    });
    expect(figures('Tiếp nhận 500 hồ sơ dịch vụ công.')).toEqual({ 'dossiers.received': 500 });
  });
});

describe('paid online is not received online', () => {
  it('leaves out dossiers whose fees were paid online', () => {
    expect(figures('Tiếp nhận trực tuyến 500 hồ sơ, thanh toán trực tuyến 120 hồ sơ.')).toEqual({
      'dossiers.received_online': 500,
    });
    expect(
      figures('Đã tiếp nhận 500 hồ sơ, trong đó 120 hồ sơ được thanh toán trực tuyến.'),
    ).toEqual({ 'dossiers.received': 500 });
  });

  it('still reads dossiers received online', () => {
    expect(figures('Đã tiếp nhận 500 hồ sơ, trong đó 120 hồ sơ được nộp trực tuyến.')).toEqual({
      'dossiers.received': 500,
      'dossiers.received_online': 120,
    });
  });
});

describe('a negated cue is not the cue', () => {
  it('never reads "không hài lòng" as satisfaction', () => {
    expect(figures('Tỷ lệ không hài lòng 2%.')).toEqual({});
    expect(figures('Tỷ lệ hài lòng đạt 98%.')).toEqual({ 'satisfaction.rate': 98 });
  });
});

describe('a plan is a target only when it states the figure', () => {
  it('never takes a result for a target because a plan is named as a document', () => {
    const text =
      'Thực hiện Kế hoạch số 125/KH-UBND ngày 10/01/2024 của UBND xã, tỷ lệ thanh toán trực tuyến đạt 45%.';
    expect(figures(text)).toEqual({ 'payments.online_rate': 45 });
    expect(read(text).targets).toEqual({});
  });

  it('still reads the plan’s figure', () => {
    const r = read('Tỷ lệ số hóa đạt 60% (kế hoạch giao 80%).');
    expect(r.metrics['rates.digitization']?.value).toBe(60);
    expect(r.targets['rates.digitization']?.value).toBe(80);
    expect(read('Tỷ lệ số hóa đạt 60%, kế hoạch 80%.').targets['rates.digitization']?.value).toBe(
      80,
    );
  });
});

describe('a goal or forecast of a count is not a result', () => {
  it('leaves out "phấn đấu", "chỉ tiêu", "dự kiến" counts', () => {
    expect(figures('Phấn đấu tiếp nhận trực tuyến 1.000 hồ sơ.')).toEqual({});
    expect(figures('Chỉ tiêu giao: tiếp nhận 1.000 hồ sơ trực tuyến.')).toEqual({});
    expect(figures('Dự kiến giải quyết 300 hồ sơ.')).toEqual({});
  });

  it('still reads a result after a goal in another clause', () => {
    expect(figures('Để hoàn thành chỉ tiêu được giao, xã đã tiếp nhận 500 hồ sơ.')).toEqual({
      'dossiers.received': 500,
    });
  });
});

describe('more zeros stated in words, never a goal of zero', () => {
  it('reads "không phát sinh", "chưa có" and "quá hạn: không" as zero late', () => {
    expect(figures('Không phát sinh hồ sơ quá hạn.')).toEqual({ 'dossiers.resolved_late': 0 });
    expect(figures('Chưa có hồ sơ nào trễ hạn.')).toEqual({ 'dossiers.resolved_late': 0 });
    expect(figures('Hồ sơ quá hạn: không.')).toEqual({ 'dossiers.resolved_late': 0 });
  });

  it('but not a goal or a duty to have none', () => {
    expect(figures('Phấn đấu không phát sinh hồ sơ quá hạn.')).toEqual({});
    expect(figures('Đảm bảo không có hồ sơ trễ hạn.')).toEqual({});
  });
});

describe('overdue among pending dossiers is not resolved late', () => {
  it('reads "Đang giải quyết 20 hồ sơ (trong hạn 18, quá hạn 2)" as 20 pending only', () => {
    expect(figures('Đang giải quyết 20 hồ sơ (trong hạn 18 hồ sơ, quá hạn 2 hồ sơ).')).toEqual({
      'dossiers.pending': 20,
    });
  });

  it('still reads a resolved breakdown after the pending ones', () => {
    expect(
      figures('Số hồ sơ đang giải quyết: 20 hồ sơ; số hồ sơ giải quyết trước hạn: 500 hồ sơ.'),
    ).toEqual({ 'dossiers.pending': 20, 'dossiers.resolved_early': 500 });
  });

  it('still reads late ones after what was resolved', () => {
    expect(figures('Đang giải quyết 20 hồ sơ; đã giải quyết 500 hồ sơ, quá hạn 2 hồ sơ.')).toEqual({
      'dossiers.pending': 20,
      'dossiers.resolved': 500,
      'dossiers.resolved_late': 2,
    });
  });

  it('reads "chưa đến hạn trả kết quả" as pending, never as results given out', () => {
    expect(figures('Hồ sơ chưa đến hạn trả kết quả: 18 hồ sơ.')).toEqual({
      'dossiers.pending': 18,
    });
    expect(figures('Đã trả kết quả 15 hồ sơ.')).toEqual({ 'dossiers.resolved': 15 });
  });
});

describe('a comparison in parentheses ends with them', () => {
  it('reads the figures after "(tăng 10,5% so với cùng kỳ)"', () => {
    expect(
      figures('Tiếp nhận 1.050 hồ sơ (tăng 10,5% so với cùng kỳ), giải quyết 1.000 hồ sơ.'),
    ).toEqual({ 'dossiers.received': 1050, 'dossiers.resolved': 1000 });
  });

  it('but never the compared figure inside them', () => {
    expect(figures('Tiếp nhận 1.200 hồ sơ (cùng kỳ năm 2023 tiếp nhận 1.043 hồ sơ).')).toEqual({
      'dossiers.received': 1200,
    });
  });
});

describe('a percentage before the dossiers it is a share of', () => {
  it('reads "100% hồ sơ được số hóa" and "98% hồ sơ đã được thanh toán trực tuyến"', () => {
    expect(figures('100% hồ sơ được số hóa.')).toEqual({ 'rates.digitization': 100 });
    expect(figures('98% hồ sơ đã được thanh toán trực tuyến.')).toEqual({
      'payments.online_rate': 98,
    });
  });

  it('but not a share of dossiers resolved on time, which is no catalog rate', () => {
    expect(figures('100% hồ sơ được giải quyết đúng hạn.')).toEqual({});
  });
});

describe('a rounded percentage is not the rate', () => {
  it('leaves out "gần 90%", "khoảng 85%", "hơn 95%"', () => {
    expect(figures('Tỷ lệ số hóa đạt gần 90%.')).toEqual({});
    expect(figures('Tỷ lệ thanh toán trực tuyến khoảng 85%.')).toEqual({});
    expect(figures('Mức độ hài lòng đạt hơn 95%.')).toEqual({});
  });

  it('still reads the rate as written', () => {
    expect(figures('Tỷ lệ số hóa đạt 89,6%.')).toEqual({ 'rates.digitization': 89.6 });
  });
});

describe('a rate’s label right after the number', () => {
  it('reads "99,5% hài lòng" and "đạt 90% số hóa"', () => {
    expect(figures('Qua khảo sát 420 lượt người dân, 99,5% hài lòng với thái độ phục vụ.')).toEqual(
      { 'satisfaction.rate': 99.5 },
    );
    expect(figures('Đạt 90% số hóa.')).toEqual({ 'rates.digitization': 90 });
  });

  it('never "2% không hài lòng", nor a label of the next clause', () => {
    expect(figures('Qua khảo sát, 2% không hài lòng.')).toEqual({});
    expect(figures('Tỷ lệ hồ sơ trực tuyến 90%, thanh toán trực tuyến 40%.')).toEqual({
      'payments.online_rate': 40,
    });
  });
});

describe('a zero of one part is not the unit’s', () => {
  it('leaves out "lĩnh vực đất đai không có hồ sơ quá hạn" and "cấp xã không có ..."', () => {
    expect(figures('Tiếp nhận 500 hồ sơ; lĩnh vực đất đai không có hồ sơ quá hạn.')).toEqual({
      'dossiers.received': 500,
    });
    expect(figures('Cấp xã không có hồ sơ quá hạn.')).toEqual({});
    expect(figures('Trong lĩnh vực hộ tịch, tiếp nhận 200 hồ sơ, không có hồ sơ quá hạn.')).toEqual(
      {},
    );
  });

  it('still reads the unit’s zero over all its fields', () => {
    expect(figures('Tiếp nhận 500 hồ sơ trên các lĩnh vực, không có hồ sơ quá hạn.')).toEqual({
      'dossiers.received': 500,
      'dossiers.resolved_late': 0,
    });
  });
});

describe('"quá hạn: không" in a breakdown', () => {
  it('is zero late among the resolved', () => {
    expect(
      figures(
        'Đã giải quyết: 721 hồ sơ (trước hạn: 640 hồ sơ; đúng hạn: 81 hồ sơ; quá hạn: không).',
      ),
    ).toEqual({
      'dossiers.resolved': 721,
      'dossiers.resolved_early': 640,
      'dossiers.resolved_on_time': 81,
      'dossiers.resolved_late': 0,
    });
  });

  it('but nothing among the pending', () => {
    expect(figures('Đang giải quyết: 13 hồ sơ (trong hạn: 13 hồ sơ; quá hạn: không).')).toEqual({
      'dossiers.pending': 13,
    });
  });
});

describe('a comparison runs past the dots of its own numbers', () => {
  it('leaves out every figure of "Cùng kỳ năm 2023, xã tiếp nhận 1.043 hồ sơ, giải quyết 1.000 hồ sơ"', () => {
    expect(figures('Cùng kỳ năm 2023, xã tiếp nhận 1.043 hồ sơ, giải quyết 1.000 hồ sơ.')).toEqual(
      {},
    );
  });

  it('and still ends at ";"', () => {
    expect(
      figures('Cùng kỳ năm 2023 tiếp nhận 1.043 hồ sơ; năm nay đã giải quyết 1.000 hồ sơ.'),
    ).toEqual({ 'dossiers.resolved': 1000 });
  });
});

describe('the names of offices and systems are not cues', () => {
  it('never reads "Hệ thống thông tin giải quyết thủ tục hành chính" as resolved', () => {
    expect(
      figures('Tiếp nhận trên Hệ thống thông tin giải quyết thủ tục hành chính: 1.164 hồ sơ.'),
    ).toEqual({ 'dossiers.received': 1164 });
  });

  it('never reads "Bộ phận tiếp nhận và trả kết quả" as intake or results, but reads its figures', () => {
    expect(figures('Bộ phận Tiếp nhận và Trả kết quả: 1.164 hồ sơ.')).toEqual({});
    expect(
      figures('Bộ phận tiếp nhận và trả kết quả xã tiếp nhận 500 hồ sơ, trả kết quả 480 hồ sơ.'),
    ).toEqual({ 'dossiers.received': 500, 'dossiers.resolved': 480 });
  });
});
