/**
 * One rule, one example: how Vietnamese reports state figures, and what is
 * not a figure. Each line is a sentence an official could have written.
 */
import { describe, expect, it } from 'vitest';
import { importText } from './import.ts';

function figures(text: string): Record<string, number> {
  const r = importText(`BÁO CÁO\nKết quả 6 tháng đầu năm 2023\n\n${text}\n`);
  if (!r.ok) throw new Error(r.message.en);
  return Object.fromEntries(Object.entries(r.report.metrics).map(([k, v]) => [k, v.value]));
}

function targets(text: string): Record<string, number> {
  const r = importText(`BÁO CÁO\nKết quả 6 tháng đầu năm 2023\n\n${text}\n`);
  if (!r.ok) throw new Error(r.message.en);
  return Object.fromEntries(Object.entries(r.report.targets).map(([k, v]) => [k, v.value]));
}

describe('Vietnamese figures', () => {
  it('reads 1.164 as one thousand one hundred sixty-four, and 01 as one', () => {
    expect(figures('Tiếp nhận 1.164 hồ sơ; đúng hạn 01 hồ sơ.')).toEqual({
      'dossiers.received': 1164,
      'dossiers.resolved_on_time': 1,
    });
  });

  it('reads 10,2% and 0,014 % as decimals', () => {
    expect(figures('Tỷ lệ thanh toán trực tuyến đạt 10,2%. Tỷ lệ số hóa đạt 0,014 %.')).toEqual({
      'payments.online_rate': 10.2,
      'rates.digitization': 0.014,
    });
  });

  it('reads a part of a whole: 1062/1067', () => {
    expect(figures('Giải quyết trước hạn 1.062/1.067 hồ sơ.')).toEqual({
      'dossiers.resolved_early': 1062,
      'dossiers.resolved': 1067,
    });
  });

  it('reads "không có hồ sơ quá hạn" as zero late dossiers, but not a goal to have none', () => {
    expect(figures('Không có hồ sơ quá hạn.')).toEqual({ 'dossiers.resolved_late': 0 });
    expect(figures('Không để hồ sơ bị trễ hẹn.')).toEqual({});
  });

  it('joins a thousands group broken over two lines', () => {
    expect(figures('Số hồ sơ tiếp nhận trực tuyến là 1.\n643 hồ sơ.')).toEqual({
      'dossiers.received_online': 1643,
    });
  });

  it('reads a label written after the number', () => {
    expect(
      figures(
        'Trong kỳ tiếp nhận 500 hồ sơ, trong đó 420 hồ sơ nộp trực tuyến và 80 hồ sơ nộp trực tiếp.',
      ),
    ).toEqual({
      'dossiers.received': 500,
      'dossiers.received_online': 420,
      'dossiers.received_direct': 80,
    });
  });

  it('carries the topic into "Trong đó: ..." in the next sentence', () => {
    expect(figures('Đã tiếp nhận 300 hồ sơ. Trong đó: trực tuyến 280, trực tiếp 20.')).toEqual({
      'dossiers.received': 300,
      'dossiers.received_online': 280,
      'dossiers.received_direct': 20,
    });
  });

  it('reads early and on time stated together', () => {
    expect(figures('Đã giải quyết 99 hồ sơ, giải quyết trước và đúng hạn 98 hồ sơ.')).toEqual({
      'dossiers.resolved': 99,
      'dossiers.resolved_in_time': 98,
    });
  });

  it('tells overdue pending dossiers from late resolved ones', () => {
    expect(figures('Hồ sơ đang giải quyết quá hạn 2 hồ sơ.')).toEqual({});
  });

  it('reads the total row of a pasted table, not the per-field rows', () => {
    const table = [
      'Lĩnh vực\tTiếp nhận\tĐã giải quyết\tQuá hạn',
      'Hộ tịch\t100\t99\t0',
      'Đất đai\t20\t18\t1',
      'Tổng cộng\t120\t117\t1',
    ].join('\n');
    expect(figures(table)).toEqual({
      'dossiers.received': 120,
      'dossiers.resolved': 117,
      'dossiers.resolved_late': 1,
    });
  });

  it('reads procedures and fields', () => {
    expect(figures('Niêm yết công khai 138 TTHC thuộc thẩm quyền, trên 34 lĩnh vực.')).toEqual({
      'procedures.total': 138,
      'procedures.fields': 34,
    });
    expect(figures('UBND tỉnh công bố sửa đổi, bổ sung 08 thủ tục.')).toEqual({});
  });
});

describe('what is not a dossier figure', () => {
  it.each([
    [
      'decree and decision numbers',
      'Thực hiện Nghị định số 61/2018/NĐ-CP và Quyết định số 59/QĐ-UBND về tiếp nhận hồ sơ.',
    ],
    ['dates', 'Tiếp nhận hồ sơ đến ngày 30/6/2023, giải quyết đến 30.6.'],
    ['money', 'Thu phí tiếp nhận hồ sơ 12.500.000 đồng.'],
    ['areas', 'Diện tích 847,9 km2, tiếp nhận hồ sơ đất đai 25 ha.'],
    ['people', 'Tổ chức tiếp nhận ý kiến của 364 lượt người, 13 đồng chí.'],
    ['staff', 'Bộ phận tiếp nhận có 05 công chức.'],
    ['tasks', 'Đã giải quyết 07/07 nhiệm vụ.'],
    ['party document numbers', 'Kế hoạch số 101-KH/HU ngày 26/6/223 về giải quyết hồ sơ.'],
    ['years and ranges of years', 'Giải quyết hồ sơ giai đoạn 2021-2025, năm 2023.'],
    ['service levels', 'Hồ sơ mức độ 3, 4 được tiếp nhận.'],
    ['approximate figures', 'Tiếp nhận hơn 500 hồ sơ.'],
    ['section numbers', '2.1. Tiếp nhận hồ sơ'],
  ])('%s', (_, text) => {
    expect(figures(text)).toEqual({});
  });

  it('skips changes against another period', () => {
    expect(
      figures(
        'Tiếp nhận 914 hồ sơ, tăng 12% so với cùng kỳ năm 2022; trong đó trực tuyến 853 hồ sơ.',
      ),
    ).toEqual({
      'dossiers.received': 914,
      'dossiers.received_online': 853,
    });
  });

  it('takes a threshold for a goal, not a result', () => {
    expect(figures('Mức độ hài lòng hàng năm đạt 95% trở lên.')).toEqual({});
  });
});

describe('periods', () => {
  it('puts another period’s block aside, proposed separately', () => {
    const r = importText(
      'BÁO CÁO\nKết quả quý IV năm 2023\n\n1. Quý IV năm 2023\n\nTiếp nhận 402 hồ sơ.\n\n2. Cả năm 2023\n\nTiếp nhận 1.705 hồ sơ.\n',
    );
    expect(r.ok && r.report.period).toEqual({
      start: '2023-10-01',
      end: '2023-12-31',
      label: '2023-Q4',
    });
    expect(r.ok && r.report.metrics['dossiers.received']?.value).toBe(402);
    expect(r.ok && r.report.otherPeriods).toMatchObject([
      { period: { label: '2023' }, metrics: { 'dossiers.received': { value: 1705 } } },
    ]);
  });

  it('reads a custom range', () => {
    const r = importText(
      'BÁO CÁO\n\nKết quả tiếp nhận hồ sơ từ ngày 01/02/2021 đến ngày 30/6/2023: tiếp nhận 5.655 hồ sơ.\n',
    );
    expect(r.ok && r.report.period).toEqual({
      start: '2021-02-01',
      end: '2023-06-30',
      label: null,
    });
  });

  it('keeps figures counted to a cut-off inside the period', () => {
    const r = importText(
      'BÁO CÁO\nKết quả quý III/2025\n\nTừ ngày 01/7/2025 đến ngày 22/9/2025, đã tiếp nhận 2.214 hồ sơ.\n',
    );
    expect(r.ok && r.report.metrics['dossiers.received']?.value).toBe(2214);
  });

  it('says so when the period cannot be read', () => {
    const r = importText('Tiếp nhận 12 hồ sơ.');
    expect(r.ok && r.report.period).toBeNull();
    expect(r.ok && r.report.warnings.map((w) => w.check)).toContain('period_unknown');
  });
});

describe('targets and stated shares', () => {
  it('reads a target in parentheses after the result', () => {
    const text =
      'Thanh toán trực tuyến phí, lệ phí được 10,2% (Kế hoạch của tỉnh, huyện giao là 50%).';
    expect(figures(text)).toEqual({ 'payments.online_rate': 10.2 });
    expect(targets(text)).toEqual({ 'payments.online_rate': 50 });
  });

  it('keeps counts that add up even when their stated share is wrong, and warns', () => {
    const r = importText(
      'BÁO CÁO\n6 tháng đầu năm 2024\n\nTiếp nhận 1.250 hồ sơ, trong đó tiếp nhận trực tuyến 1.000 hồ sơ, đạt 85%; tiếp nhận trực tiếp 250 hồ sơ.\n',
    );
    expect(r.ok && r.report.metrics['dossiers.received_online']?.value).toBe(1000);
    expect(r.ok && r.report.warnings.map((w) => w.check)).toEqual([
      'stated_share:dossiers.received_online',
    ]);
  });

  it('drops a count whose stated share contradicts it and nothing corroborates it', () => {
    const r = importText(
      'BÁO CÁO\n6 tháng đầu năm 2023\n\nTiếp nhận 1.164 hồ sơ. Kết quả giải quyết hồ sơ trực tuyến mức độ 3,4 là: 1.145 hồ sơ, đạt 100%.\n',
    );
    expect(r.ok && r.report.metrics['services.online_level34']).toBeUndefined();
    expect(r.ok && r.report.warnings.map((w) => w.check)).toEqual([
      'unclear_base:services.online_level34',
    ]);
  });
});

describe('a table with the one-stop form’s two header rows', () => {
  const head = [
    'STT\tLĩnh vực\tSố hồ sơ nhận giải quyết\tKết quả giải quyết\tĐang giải quyết',
    'Tổng số\tKỳ trước chuyển qua\tMới tiếp nhận trực tuyến\tMới tiếp nhận trực tiếp\tTổng số\tTrước hạn\tĐúng hạn\tQuá hạn\tTổng số\tQuá hạn',
  ];
  const rows = [
    '1\tHộ tịch\t212\t4\t180\t28\t208\t150\t58\t0\t4\t0',
    '2\tĐất đai\t41\t6\t10\t25\t35\t20\t12\t3\t6\t1',
    '\tTổng cộng\t253\t10\t190\t53\t243\t170\t70\t3\t10\t1',
  ];

  it('reads each sub-column under its group, and only the total under "Đang giải quyết"', () => {
    expect(figures([...head, ...rows].join('\n'))).toEqual({
      'dossiers.received': 253,
      'dossiers.carried_over': 10,
      'dossiers.received_online': 190,
      'dossiers.received_direct': 53,
      'dossiers.resolved': 243,
      'dossiers.resolved_early': 170,
      'dossiers.resolved_on_time': 70,
      'dossiers.resolved_late': 3,
      'dossiers.pending': 10,
    });
  });

  it('reads the same with the merged cells left empty', () => {
    const padded = [head[0], `\t\t${head[1] ?? ''}`, ...rows].join('\n');
    expect(figures(padded)).toMatchObject({ 'dossiers.resolved': 243, 'dossiers.pending': 10 });
  });

  it('reads nothing when the groups cannot be matched to the columns', () => {
    const unmatched = [
      head[0],
      'Kỳ trước chuyển qua\tMới tiếp nhận trực tuyến\tMới tiếp nhận trực tiếp\tTrước hạn\tĐúng hạn\tQuá hạn\tTổng số\tQuá hạn\tGhi chú\tKhác',
      ...rows,
    ].join('\n');
    expect(figures(unmatched)).toEqual({});
  });
});

describe('a colon after a year labels a figure', () => {
  it('reads "chuyển sang năm 2025: 16 hồ sơ", but never the time "10:20"', () => {
    expect(figures('Số hồ sơ đang giải quyết chuyển sang năm 2025: 16 hồ sơ.')).toEqual({
      'dossiers.pending': 16,
    });
    expect(figures('Lúc 10:20 tiếp nhận hồ sơ.')).toEqual({});
  });
});

describe('values that disagree', () => {
  it('take the total only when it is larger than each of the others', () => {
    expect(
      figures('Tổng số hồ sơ tiếp nhận là 500 hồ sơ. Bộ phận Một cửa đã tiếp nhận 200 hồ sơ.'),
    ).toEqual({ 'dossiers.received': 500 });
  });

  it('propose none when the "total" is the smaller one, or no sentence is a total', () => {
    expect(
      figures('Tổng số hồ sơ tiếp nhận là 200 hồ sơ. Bộ phận Một cửa đã tiếp nhận 500 hồ sơ.'),
    ).toEqual({});
    expect(
      figures('Trong kỳ, xã tiếp nhận 500 hồ sơ. Bộ phận Một cửa đã tiếp nhận 200 hồ sơ.'),
    ).toEqual({});
  });
});

describe('a breakdown in the paragraphs after its total, as Word writes it', () => {
  it('carries the topic past a blank line into "Trong đó: ..." and list items after ":"', () => {
    expect(
      figures(
        'Tổng số hồ sơ tiếp nhận: 1.164 hồ sơ, trong đó:\n\n- Trực tuyến: 1.145 hồ sơ;\n\n- Trực tiếp: 19 hồ sơ.',
      ),
    ).toEqual({
      'dossiers.received': 1164,
      'dossiers.received_online': 1145,
      'dossiers.received_direct': 19,
    });
    expect(
      figures('Tổng số hồ sơ tiếp nhận: 1.164 hồ sơ.\n\nTrong đó: trực tuyến 1.145 hồ sơ.'),
    ).toEqual({ 'dossiers.received': 1164, 'dossiers.received_online': 1145 });
  });

  it('never into a paragraph of its own', () => {
    expect(figures('Tiếp nhận 1.164 hồ sơ.\n\nTuyên truyền trực tuyến 15 hồ sơ mẫu.')).toEqual({
      'dossiers.received': 1164,
    });
    expect(figures('Tiếp nhận 1.164 hồ sơ.\n\n- Trực tuyến 1.145 hồ sơ.')).toEqual({
      'dossiers.received': 1164,
    });
  });
});

describe('a heading that is one field', () => {
  it('makes the figures under it that field’s, until the next heading', () => {
    expect(
      figures(
        '1. Tổng hợp chung\n\nTiếp nhận 500 hồ sơ.\n\n2. Lĩnh vực hộ tịch\n\nTiếp nhận 200 hồ sơ, giải quyết 200 hồ sơ.\n\n3. Thanh toán trực tuyến\n\nTỷ lệ thanh toán trực tuyến đạt 60%.',
      ),
    ).toEqual({ 'dossiers.received': 500, 'payments.online_rate': 60 });
    expect(
      figures('a) Đất đai:\nTiếp nhận 20 hồ sơ.\nb) Kết quả chung\nĐã giải quyết 480 hồ sơ.'),
    ).toEqual({ 'dossiers.resolved': 480 });
  });

  it('but a heading that only mentions a field in a longer title does not', () => {
    expect(figures('1. Kết quả giải quyết hồ sơ các lĩnh vực\n\nTiếp nhận 500 hồ sơ.')).toEqual({
      'dossiers.received': 500,
    });
  });
});

describe('a PDF line wrapped before a capital', () => {
  it('goes on when the line ends on a word no sentence ends on', () => {
    expect(
      figures('Đã giải quyết 1.861 hồ sơ; số hồ sơ đang giải quyết của\nUBND xã là 13 hồ sơ.'),
    ).toEqual({ 'dossiers.resolved': 1861, 'dossiers.pending': 13 });
  });

  it('but a line that ends a statement still ends its sentence', () => {
    expect(figures('Số hồ sơ đang giải quyết\nUBND xã tổ chức hội nghị với 13 hồ sơ mẫu.')).toEqual(
      {},
    );
  });
});
