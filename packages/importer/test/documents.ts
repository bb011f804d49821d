/**
 * A report's text as the files officials have: a .docx (one paragraph a
 * line, tab-separated rows as a Word table) and a PDF written with a font
 * that has every Vietnamese letter, hard-wrapped as Word's PDF export does.
 * For tests only.
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { PDFDocument } from 'pdf-lib';

// Debian's fonts-dejavu-core: a font with every Vietnamese letter.
export const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

export async function docxOf(text: string): Promise<Uint8Array> {
  const lines = text.split('\n');
  const row = (line: string) => line.split('\t');
  const children: (Paragraph | Table)[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    // Two or more lines of three or more cells: a table, as Word holds it.
    const run: string[] = [];
    for (let j = i; j < lines.length && row(lines[j] ?? '').length >= 3; j++)
      run.push(lines[j] ?? '');
    if (run.length >= 2) {
      children.push(
        new Table({
          rows: run.map(
            (r) =>
              new TableRow({
                children: row(r).map((c) => new TableCell({ children: [new Paragraph(c)] })),
              }),
          ),
        }),
      );
      i += run.length - 1;
    } else children.push(new Paragraph(line));
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function pdfOf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(FONT), { subset: true });
  const size = 10;
  const [width, height, margin, leading] = [595, 842, 50, 13];
  let page = doc.addPage([width, height]);
  let y = height - margin;
  const line = (s: string) => {
    if (y < margin) {
      page = doc.addPage([width, height]);
      y = height - margin;
    }
    if (s !== '') page.drawText(s, { x: margin, y, size, font });
    y -= leading;
  };
  for (const paragraph of text.split('\n')) {
    // Wrap as Word does when it saves a PDF: every line a hard break.
    let current = '';
    for (const word of paragraph.replace(/\t/g, '    ').split(/ +/)) {
      const next = current === '' ? word : `${current} ${word}`;
      if (current !== '' && font.widthOfTextAtSize(next, size) > width - 2 * margin) {
        line(current);
        current = word;
      } else current = next;
    }
    line(current);
  }
  return doc.save();
}
