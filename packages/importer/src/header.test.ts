/** The document's header and signature: each rule with a case it must not fire on. */
import { describe, expect, it } from 'vitest';
import { importText, type ProposedReport } from './import.ts';

function read(text: string): ProposedReport {
  const r = importText(text);
  if (!r.ok) throw new Error(r.message.en);
  return r.report;
}

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
