/**
 * PDFs as communes publish them: the real texts written into a PDF with a
 * font that has Vietnamese glyphs, hard-wrapped like Word's export, read back
 * through the text layer to the same proposal as the text itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { fixturesOf } from '@congkhai/fixtures';
import { PDFDocument, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { FONT, pdfOf } from '../test/documents.ts';
import { importFile, importText } from './import.ts';

const values = (m: Record<string, { value: number } | undefined>) =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v?.value]));

describe.skipIf(!existsSync(FONT))('importFile on a PDF', () => {
  it.each(fixturesOf('tuning').map((t) => [t.name, t.text] as const))(
    '%s: the same figures, unit, period and title as its text',
    async (_, path) => {
      const text = readFileSync(path, 'utf8');
      const fromText = importText(text);
      const fromPdf = await importFile(await pdfOf(text));
      if (!fromText.ok || !fromPdf.ok) throw new Error('not imported');
      expect(values(fromPdf.report.metrics)).toEqual(values(fromText.report.metrics));
      expect(fromPdf.report.period).toEqual(fromText.report.period);
      expect(fromPdf.report.unit.name).toBe(fromText.report.unit.name);
      expect(fromPdf.report.title).toBe(fromText.report.title);
    },
    30_000,
  );

  it('keeps the document’s sections in the narrative', async () => {
    const seed = fixturesOf('tuning').find((t) => t.name === 'quang-hai-2023-h1');
    const r = await importFile(await pdfOf(readFileSync(seed?.text ?? '', 'utf8')));
    if (!r.ok) throw new Error(r.message.en);
    expect(r.report.body).toContain('## I. CÔNG TÁC TỔ CHỨC THỰC HIỆN');
    expect(r.report.body).toMatch(
      /\n- Tập trung quán triệt và triển khai cơ bản đầy đủ, kịp thời các nhiệm vụ trong công tác CCHC, bước đầu/,
    );
  });
});

describe.skipIf(!existsSync(FONT))('a table in a PDF', () => {
  it('reads its columns back as a table: the total row’s figures and a GFM table', async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(readFileSync(FONT), { subset: true });
    const page = doc.addPage([595, 842]);
    const text = (s: string, x: number, y: number) => {
      page.drawText(s, { x, y, size: 10, font });
    };
    text('BÁO CÁO', 250, 780);
    text('Kết quả giải quyết thủ tục hành chính quý II năm 2024', 150, 765);
    const rows = [
      ['Lĩnh vực', 'Tiếp nhận', 'Đã giải quyết', 'Quá hạn'],
      ['Hộ tịch', '100', '99', '0'],
      ['Đất đai', '20', '18', '1'],
      ['Tổng cộng', '120', '117', '1'],
    ];
    rows.forEach((r, i) => {
      r.forEach((c, j) => {
        text(c, 60 + j * 120, 720 - i * 16);
      });
    });
    const r = await importFile(await doc.save());
    if (!r.ok) throw new Error(r.message.en);
    expect(values(r.report.metrics)).toEqual({
      'dossiers.received': 120,
      'dossiers.resolved': 117,
      'dossiers.resolved_late': 1,
    });
    expect(r.report.period?.label).toBe('2024-Q2');
    expect(r.report.body).toContain('| Lĩnh vực | Tiếp nhận | Đã giải quyết | Quá hạn |');
  });
});

describe('a PDF without text', () => {
  it('says a scanned PDF has no text layer, in Vietnamese and English', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    // A scan is pictures only: shapes and no text.
    for (let i = 0; i < 40; i++)
      page.drawRectangle({
        x: 50,
        y: 50 + i * 18,
        width: 400,
        height: 8,
        color: rgb(0.2, 0.2, 0.2),
      });
    const r = await importFile(await doc.save());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message.vi).toContain('không có lớp chữ');
    expect(r.message.en).toContain('no text layer');
  });

  it('says a broken PDF cannot be read', async () => {
    const r = await importFile(new TextEncoder().encode('%PDF-1.7\nnot really a pdf'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.vi).toContain('Không đọc được tệp PDF');
  });
});
