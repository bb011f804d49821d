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
      '## I. KẾT QUẢ THỰC HIỆN\n\n### 1. Công tác chỉ đạo\n\n#### 1.1. Ban hành văn bản\n\n**a)** Kế hoạch năm\n\n- Ban hành kế hoạch.\n- Tổ chức kiểm tra.\n',
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
