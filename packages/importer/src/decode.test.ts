/** Files as officials upload them, good and bad: each gets figures or a clear message, never garbage. */
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { readFileSync } from 'node:fs';
import { fixturesOf } from '@congkhai/fixtures';
import { describe, expect, it } from 'vitest';
import { importFile, importText } from './import.ts';

const enc = (s: string) => new TextEncoder().encode(s);

async function docx(paragraphs: string[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const REPORT = [
  'UBND XÃ KIM TÂN',
  'Kim Tân, ngày 07 tháng 7 năm 2023',
  'BÁO CÁO',
  'Kết quả cải cách hành chính 6 tháng đầu năm 2023',
  'Tổng số hồ sơ tiếp nhận: 5.655 hồ sơ (tiếp nhận trực tuyến: 3.614 hồ sơ; tiếp nhận trực tiếp: 2.041 hồ sơ).',
];

describe('importFile', () => {
  it('reads a .docx table as a table: the total row’s figures, a GFM table in the body', async () => {
    const row = (cells: string[]) =>
      new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) });
    const doc = new Document({
      sections: [
        {
          children: [
            ...REPORT.slice(0, 4).map((p) => new Paragraph(p)),
            new Paragraph('I. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH'),
            new Table({
              rows: [
                row(['Lĩnh vực', 'Tiếp nhận', 'Đã giải quyết', 'Quá hạn']),
                row(['Hộ tịch', '100', '99', '0']),
                row(['Đất đai', '20', '18', '1']),
                row(['Tổng cộng', '120', '117', '1']),
              ],
            }),
          ],
        },
      ],
    });
    const r = await importFile(new Uint8Array(await Packer.toBuffer(doc)));
    if (!r.ok) throw new Error(r.message.en);
    expect(r.report.metrics).toMatchObject({
      'dossiers.received': { value: 120 },
      'dossiers.resolved': { value: 117 },
      'dossiers.resolved_late': { value: 1 },
    });
    expect(r.report.body).toContain(
      '| Lĩnh vực | Tiếp nhận | Đã giải quyết | Quá hạn |\n| --- | --- | --- | --- |\n| Hộ tịch | 100 | 99 | 0 |',
    );
  });

  it('reads a .docx made by Word’s format', async () => {
    const r = await importFile(await docx(REPORT));
    expect(r.ok && r.report.metrics).toMatchObject({
      'dossiers.received': { value: 5655 },
      'dossiers.received_online': { value: 3614 },
      'dossiers.received_direct': { value: 2041 },
    });
    expect(r.ok && r.report.period?.label).toBe('2023-H1');
  });

  it('reads UTF-8 text, with or without a BOM, CRLF or NFD', async () => {
    for (const text of [
      REPORT.join('\n'),
      '\uFEFF' + REPORT.join('\r\n'),
      REPORT.join('\n').normalize('NFD'),
    ]) {
      const r = await importFile(enc(text));
      expect(r.ok && r.report.metrics['dossiers.received']?.value).toBe(5655);
      expect(r.ok && r.report.unit.name).toBe('Kim Tân');
    }
  });

  it('reads Windows-1258 text (Vietnamese Windows before Unicode)', async () => {
    // Encode with the inverse of the platform's own Windows-1258 table: NFD, tone marks as combining bytes.
    const table = new Map<string, number>();
    const decoder = new TextDecoder('windows-1258');
    for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
    // Windows-1258 has â, ê, ơ, ư... precomposed and the five tone marks as combining bytes.
    const tones = /[\u0300\u0301\u0303\u0309\u0323]/gu;
    const encode = (ch: string): number[] => {
      const direct = table.get(ch);
      if (direct !== undefined) return [direct];
      const nfd = ch.normalize('NFD');
      const base = nfd.replace(tones, '').normalize('NFC');
      return [
        table.get(base) ?? 0x3f,
        ...(nfd.match(tones) ?? []).map((t) => table.get(t) ?? 0x3f),
      ];
    };
    const text = 'BÁO CÁO\nKết quả 6 tháng đầu năm 2023\nTiếp nhận 12 hồ sơ.';
    const bytes = new Uint8Array(Array.from(text).flatMap(encode));
    expect(bytes.includes(0x3f)).toBe(false);
    const r = await importFile(bytes);
    expect(r.ok && r.report.metrics['dossiers.received']?.value).toBe(12);
  });

  it.each([
    ['an empty file', new Uint8Array(), 'Tệp rỗng'],
    ['a PDF renamed .docx', enc('%PDF-1.7\n1 0 obj'), 'tệp PDF'],
    [
      'a password-protected .docx (an OLE container)',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'mật khẩu',
    ],
    [
      'a zip of something else',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0, 1, 2, 3]),
      'không phải tài liệu Word',
    ],
    ['binary data', new Uint8Array([0x00, 0x01, 0x02, 0x41, 0x00]), 'không phải văn bản'],
  ])('refuses %s with a clear message', async (_, bytes, words) => {
    const r = await importFile(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.vi).toContain(words);
      expect(r.message.en.length).toBeGreaterThan(10);
    }
  });

  it('refuses a corrupt .docx (a truncated archive)', async () => {
    const good = await docx(REPORT);
    const r = await importFile(good.slice(0, Math.floor(good.length / 2)));
    expect(r.ok).toBe(false);
  });

  it('refuses legacy-encoded text (TCVN3/ABC) instead of reading garbage', () => {
    // "Báo cáo kết quả tiếp nhận hồ sơ" typed with a TCVN3 font.
    const r = importText(
      'B¸o c¸o kÕt qu¶ tiÕp nhËn hå s¬: tiÕp nhËn 1.164 hå s¬, gi¶i quyÕt ®óng h¹n 1.160 hå s¬.',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.vi).toContain('bảng mã cũ');
  });

  it('refuses a 10 MB paste with a clear message', () => {
    const r = importText('Tiếp nhận 12 hồ sơ. '.repeat(550_000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.vi).toContain('quá dài');
  });

  it('reads a blank paste as nothing to import', () => {
    const r = importText('   \n\n ');
    expect(r).toEqual({
      ok: false,
      message: expect.objectContaining({ vi: 'Văn bản trống: không có gì để nhập.' }) as unknown,
    });
  });
});

describe('the real texts as Word files', () => {
  const values = (m: Record<string, { value: number } | undefined>) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v?.value]));

  it.each(fixturesOf('tuning').map((t) => [t.name, t.text] as const))(
    '%s: a .docx of its paragraphs gives what its text gives',
    async (_, path) => {
      const text = readFileSync(path, 'utf8');
      // A Word paragraph per line of the text, as a copy into Word makes them.
      const fromDocx = await importFile(await docx(text.split('\n')));
      const fromText = importText(text);
      if (!fromDocx.ok || !fromText.ok) throw new Error('not imported');
      expect(values(fromDocx.report.metrics)).toEqual(values(fromText.report.metrics));
      expect(fromDocx.report.period).toEqual(fromText.report.period);
      expect(fromDocx.report.unit.name).toBe(fromText.report.unit.name);
      expect(fromDocx.report.title).toBe(fromText.report.title);
    },
    30_000,
  );
});
