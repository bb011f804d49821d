/** mammoth's HTML of a Word file as text: paragraphs, list items, table rows as tab-separated cells. */
import { describe, expect, it } from 'vitest';
import { htmlToText } from './html.ts';

describe('htmlToText', () => {
  it('keeps paragraphs apart, list items as "- " and entities decoded', () => {
    expect(
      htmlToText(
        '<h1>BÁO CÁO</h1><p>Kết quả &amp; phương hướng</p><ul><li>Một</li><li>Hai &#39;ba&#39;</li></ul>',
      ),
    ).toBe("BÁO CÁO\n\nKết quả & phương hướng\n\n- Một\n\n- Hai 'ba'");
  });

  it('writes a table row as one line of cells, a cell’s paragraphs joined', () => {
    expect(
      htmlToText(
        '<p>Kết quả:</p><table><tr><td><p>Lĩnh vực</p></td><td><p>Tiếp</p><p>nhận</p></td></tr><tr><td>Tổng</td><td>120</td></tr></table><p>Hết.</p>',
      ),
    ).toBe('Kết quả:\n\nLĩnh vực\tTiếp nhận\nTổng\t120\n\nHết.');
  });
});
