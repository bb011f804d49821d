/**
 * A PDF's text layer -> text, with pdf.js (Mozilla's maintained reader; the
 * legacy build is the one meant for Node). Lines are rebuilt from where the
 * text sits on the page: a new line where the baseline moves, a blank line
 * where the gap is larger than a line's. A scanned PDF has no text layer:
 * that is said plainly, never read as an empty report.
 */
import type { Text } from '@congkhai/indicators';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

export type PdfText = { ok: true; text: string } | { ok: false; message: Text };

/** Fewer letters than this per page on average: the pages are images (a scan). */
const MIN_LETTERS_PER_PAGE = 20;

/** pdf.js's worker module; it ships no types, so it is named here and imported by name. */
const WORKER: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

async function loadPdfjs() {
  // The worker runs in this thread: pdf.js takes its handler from globalThis.pdfjsWorker
  // (without it, pdf.js in Node asks for GlobalWorkerOptions.workerSrc, a path).
  const g = globalThis as { pdfjsWorker?: unknown };
  if (g.pdfjsWorker === undefined) {
    const worker: unknown = await import(WORKER);
    g.pdfjsWorker = worker;
  }
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

function pageText(items: readonly TextItem[]): string {
  // pdf.js puts a " " item over a gap; the gap itself says whether it is a space or a
  // table cell's edge, so only the runs of text are kept.
  const runs = items.filter((it) => it.str.trim() !== '');
  const y = (it: TextItem) => Number(it.transform[5]);
  const x = (it: TextItem) => Number(it.transform[4]);
  const size = (it: TextItem) =>
    it.height > 0 ? it.height : Math.abs(Number(it.transform[3])) || 10;
  // The distance between the lines of a paragraph: the smallest that recurs (a single
  // odd step is a superscript or a footnote), so a larger one is a paragraph's gap.
  const steps = new Map<number, number>();
  for (let i = 1; i < runs.length; i++) {
    const a = runs[i - 1];
    const b = runs[i];
    if (!a || !b) continue;
    const dy = Math.round(Math.abs(y(a) - y(b)));
    if (dy > 0.5 * size(b)) steps.set(dy, (steps.get(dy) ?? 0) + 1);
  }
  const recurring = [...steps].filter(([, n]) => n >= 2).map(([dy]) => dy);
  const spacing = Math.min(...(recurring.length > 0 ? recurring : [...steps.keys()]));
  let out = '';
  let prev: TextItem | undefined;
  for (const it of runs) {
    if (prev) {
      const h = size(it);
      const dy = Math.abs(y(it) - y(prev));
      const gap = x(it) - (x(prev) + prev.width);
      if (dy > 0.5 * h) {
        out = out.replace(/[ \t]+$/u, '');
        out += dy > 1.5 * spacing ? '\n\n' : '\n';
      } else if (gap > 0.15 * h && !/\s$/u.test(out) && !/^\s/u.test(it.str)) {
        // Two runs on one line with a gap between: a space, or a table cell's edge.
        out += gap > 2 * h ? '\t' : ' ';
      }
    }
    out += it.str;
    prev = it;
  }
  return out;
}

export async function pdfToText(bytes: Uint8Array): Promise<PdfText> {
  const { getDocument } = await loadPdfjs();
  // pdf.js takes the buffer over: give it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(pageText(content.items.filter((x): x is TextItem => 'str' in x)));
      page.cleanup();
    }
    const text = pages.join('\n\n');
    const letters = (text.match(/\p{L}/gu) ?? []).length;
    if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, doc.numPages) * 0.5) {
      return {
        ok: false,
        message: {
          vi: 'Tệp PDF này không có lớp chữ (thường là bản quét hoặc ảnh chụp), nên không đọc được nội dung. Hãy tải lên bản .docx hoặc bản PDF xuất trực tiếp từ Word, hoặc nhận dạng chữ (OCR) rồi dán văn bản vào ô nhập.',
          en: 'This PDF has no text layer (it is usually a scan or a photo), so its content cannot be read. Upload the .docx or a PDF saved from Word, or run text recognition (OCR) and paste the text.',
        },
      };
    }
    return { ok: true, text };
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException') {
      return {
        ok: false,
        message: {
          vi: 'Tệp PDF này có mật khẩu. Hãy mở tệp, bỏ mật khẩu rồi lưu lại, hoặc tải lên bản .docx.',
          en: 'This PDF is password-protected. Open it, remove the password and save it again, or upload the .docx.',
        },
      };
    }
    return {
      ok: false,
      message: {
        vi: 'Không đọc được tệp PDF này: có thể tệp bị hỏng. Hãy xuất lại tệp PDF từ Word, hoặc tải lên bản .docx.',
        en: 'This PDF could not be read: it may be corrupt. Save it again as PDF from Word, or upload the .docx.',
      },
    };
  } finally {
    await task.destroy();
  }
}
