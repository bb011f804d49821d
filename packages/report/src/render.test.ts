import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render.ts';

describe('renderMarkdown', () => {
  it('renders headings with ids and GFM tables', () => {
    const html = renderMarkdown(
      '## I. Kết quả\n\n| Chỉ tiêu | Số |\n|---|---:|\n| Tiếp nhận | 1.164 |\n',
    );
    expect(html).toContain('<h2 id="i-kết-quả">I. Kết quả</h2>');
    expect(html).toContain('<table>');
    expect(html).toContain('<td align="right">1.164</td>');
  });

  it('drops raw HTML and scripts', () => {
    const html = renderMarkdown(
      'Xin chào <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<b>đậm</b>',
    );
    expect(html).not.toMatch(/<script|onerror|<img|<b>/);
    expect(html).toContain('Xin chào');
  });

  it('keeps safe links and drops javascript: links', () => {
    const html = renderMarkdown(
      '[cổng](https://dichvucong.gov.vn) [xấu](javascript:alert(1)) [thư](mailto:a@b.vn)',
    );
    expect(html).toContain('href="https://dichvucong.gov.vn"');
    expect(html).toContain('href="mailto:a@b.vn"');
    expect(html).not.toContain('javascript:');
  });

  it('keeps footnote links pointing at their notes', () => {
    const html = renderMarkdown('Số liệu[^1].\n\n[^1]: Theo Cổng dịch vụ công.\n');
    const href = /href="#([^"]+)"[^>]*data-footnote-ref/.exec(html)?.[1];
    expect(href).toBeDefined();
    expect(html).toContain(`id="${href ?? ''}"`);
  });
});
