/** The narrative as Markdown: the document's own structure, tables as GFM, wrapped lines joined. */
import { describe, expect, it } from 'vitest';
import { toMarkdown } from './body.ts';

describe('toMarkdown', () => {
  it('makes the document’s sections headings and its items lists', () => {
    const md = toMarkdown(
      [
        'I. KẾT QUẢ THỰC HIỆN',
        '1. Công tác chỉ đạo',
        '1.1. Ban hành văn bản',
        'a) Kế hoạch năm',
        '- Ban hành kế hoạch.',
        '- Tổ chức kiểm tra.',
      ].join('\n'),
    );
    expect(md).toBe(
      '## I. KẾT QUẢ THỰC HIỆN\n\n### 1. Công tác chỉ đạo\n\n#### 1.1. Ban hành văn bản\n\n##### a) Kế hoạch năm\n\n- Ban hành kế hoạch.\n- Tổ chức kiểm tra.\n',
    );
  });

  it('makes a long numbered line a heading when it does not end as a sentence does', () => {
    // Quang Hải's "II. TIẾN ĐỘ THỰC HIỆN" heads each task with one long line.
    const heading =
      '1. Hoàn thành đạt và vượt chỉ tiêu nhiệm vụ triển khai thanh toán trực tuyến phí, lệ phí và các khoản thanh toán khác tại Bộ phận một cửa xã; Hoàn thành đạt và vượt các chỉ tiêu sử dụng dịch vụ công trực tuyến mức độ 3, mức độ 4 và số hóa hồ sơ thủ tục hành chính theo Quyết định giao của UBND tỉnh';
    expect(toMarkdown(`${heading}\n\nĐến 30/6/2023, xã đã triển khai thanh toán trực tuyến.`)).toBe(
      `### ${heading}\n\nĐến 30/6/2023, xã đã triển khai thanh toán trực tuyến.\n`,
    );
    // The same length ending with a full stop is a numbered item.
    const item =
      '1. Làm tốt công tác tuyên truyền, vận động tới các tổ chức đoàn thể, các thôn, tới từng cán bộ, đảng viên và các tầng lớp nhân dân nhằm nâng cao nhận thức, trách nhiệm, tạo sự đồng thuận của nhân dân.';
    expect(toMarkdown(item)).toBe(`${item}\n`);
  });

  it('makes a short lettered line a heading, a lettered sentence a marked paragraph', () => {
    expect(
      toMarkdown(
        'a) Về tổ chức và hoạt động của HĐND:\n- Tổ chức 02 kỳ họp.\nb) Đã tiếp nhận 12 hồ sơ trong kỳ.',
      ),
    ).toBe(
      '##### a) Về tổ chức và hoạt động của HĐND\n\n- Tổ chức 02 kỳ họp.\n\n**b)** Đã tiếp nhận 12 hồ sơ trong kỳ.\n',
    );
  });

  it('joins lines wrapped by Word or a PDF, even before a capital', () => {
    expect(
      toMarkdown(
        'Trong kỳ, Bộ phận Một cửa của xã đã tiếp nhận và hướng dẫn cho tổ chức,\ncông dân nộp hồ sơ; phối hợp với\nUBND huyện giải quyết.',
      ),
    ).toBe(
      'Trong kỳ, Bộ phận Một cửa của xã đã tiếp nhận và hướng dẫn cho tổ chức, công dân nộp hồ sơ; phối hợp với UBND huyện giải quyết.\n',
    );
  });

  it('keeps a short line before a capital, a sentence’s end and a heading apart', () => {
    expect(toMarkdown('Kết quả đạt được\nUBND xã đã tiếp nhận.')).toBe(
      'Kết quả đạt được\n\nUBND xã đã tiếp nhận.\n',
    );
    expect(
      toMarkdown(
        'Đã tiếp nhận 12 hồ sơ trong kỳ báo cáo của xã, đúng quy định hiện hành.\nII. PHƯƠNG HƯỚNG',
      ),
    ).toBe(
      'Đã tiếp nhận 12 hồ sơ trong kỳ báo cáo của xã, đúng quy định hiện hành.\n\n## II. PHƯƠNG HƯỚNG\n',
    );
  });

  it('writes a table as a GFM table, escaping a "|" in a cell', () => {
    expect(
      toMarkdown(
        'Kết quả như sau:\nLĩnh vực\tTiếp nhận\tĐã giải quyết\nHộ tịch\t100\t99\nĐất|đai\t20\n',
      ),
    ).toBe(
      'Kết quả như sau:\n\n| Lĩnh vực | Tiếp nhận | Đã giải quyết |\n| --- | --- | --- |\n| Hộ tịch | 100 | 99 |\n| Đất\\|đai | 20 |  |\n',
    );
  });

  it('does not make a table of one line with a tab in it', () => {
    expect(toMarkdown('Ghi chú:\tkhông có.')).toBe('Ghi chú: không có.\n');
  });
});
