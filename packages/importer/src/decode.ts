/**
 * Bytes of an uploaded file -> text, or a plain message saying why not. A
 * file is recognised by its content, not its name: a PDF renamed .docx is
 * still a PDF. Word files are read with mammoth, PDFs through their text
 * layer with pdf.js.
 */
import type { Text } from '@congkhai/indicators';
import mammoth from 'mammoth';
import { htmlToText } from './html.ts';
import { pdfToText } from './pdf.ts';

export type Decoded =
  { ok: true; text: string; format: 'docx' | 'pdf' | 'text' } | { ok: false; message: Text };

/** No report is this long; a larger paste is a mistake (or not a report). */
export const MAX_TEXT_CHARS = 2_000_000;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const starts = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

function no(vi: string, en: string): Decoded {
  return { ok: false, message: { vi, en } };
}

/**
 * Legacy Vietnamese encodings (TCVN3/ABC, VNI) store letters as Latin-1
 * look-alikes: lots of characters in U+0080..U+00FF and almost none of the
 * letters Unicode Vietnamese is made of.
 */
export function looksLegacyEncoded(text: string): boolean {
  const latin1 = (text.match(/[\u00c0-\u00ff\u00a1-\u00bf]/g) ?? []).length;
  const vietnamese = (
    text.match(/[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/g) ?? []
  ).length;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  return letters > 0 && latin1 / letters > 0.03 && vietnamese / letters < 0.005;
}

export function checkText(text: string): Decoded {
  if (text.trim() === '')
    return no('Văn bản trống: không có gì để nhập.', 'The text is empty: nothing to import.');
  if (text.length > MAX_TEXT_CHARS) {
    return no(
      `Văn bản quá dài (${String(Math.round(text.length / 1000))} nghìn ký tự, tối đa ${String(MAX_TEXT_CHARS / 1_000_000)} triệu). Hãy dán riêng phần báo cáo.`,
      `The text is too long (${String(Math.round(text.length / 1000))} thousand characters, at most ${String(MAX_TEXT_CHARS / 1_000_000)} million). Paste the report alone.`,
    );
  }
  if (text.includes('\u0000'))
    return no(
      'Đây không phải văn bản (có ký tự nhị phân).',
      'This is not text (it holds binary data).',
    );
  if (looksLegacyEncoded(text)) {
    return no(
      'Văn bản dùng bảng mã cũ (TCVN3/ABC hoặc VNI), không phải Unicode. Hãy chuyển mã sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi nhập lại.',
      'The text uses a legacy Vietnamese encoding (TCVN3/ABC or VNI), not Unicode. Convert it to Unicode (e.g. with Unikey’s converter) and import again.',
    );
  }
  return { ok: true, text, format: 'text' };
}

export async function decodeFile(bytes: Uint8Array): Promise<Decoded> {
  if (bytes.length === 0) return no('Tệp rỗng.', 'The file is empty.');
  if (bytes.length > MAX_FILE_BYTES) {
    return no(
      `Tệp quá lớn (tối đa ${String(MAX_FILE_BYTES / 1048576)} MB).`,
      `The file is too large (at most ${String(MAX_FILE_BYTES / 1048576)} MB).`,
    );
  }
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46])) {
    const pdf = await pdfToText(bytes);
    if (!pdf.ok) return pdf;
    const checked = checkText(pdf.text);
    return checked.ok ? { ...checked, format: 'pdf' } : checked;
  }
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return no(
      'Đây là tệp Word cũ (.doc) hoặc tệp .docx có mật khẩu. Hãy mở bằng Word, bỏ mật khẩu nếu có, rồi lưu lại dạng .docx.',
      'This is an old Word file (.doc) or a password-protected .docx. Open it in Word, remove any password and save it as .docx.',
    );
  }
  if (starts(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    return no('Đây là tệp RTF. Hãy lưu lại dạng .docx.', 'This is an RTF file. Save it as .docx.');
  }
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    try {
      // mammoth's Node build reads `buffer` (its browser build `arrayBuffer`); JSZip
      // underneath takes any Uint8Array, so the bytes go in as they are.
      // Through HTML rather than mammoth's raw text, which puts every table cell on a line
      // of its own: a row stays a row (cells split by tabs) for the figures and the body.
      const result = await mammoth.convertToHtml({ buffer: bytes as Buffer });
      return checkText(htmlToText(result.value));
    } catch {
      return no(
        'Tệp nén này không phải tài liệu Word (.docx) đọc được: có thể tệp bị hỏng, hoặc là một tệp .zip khác. Hãy mở bằng Word và lưu lại dạng .docx.',
        'This archive is not a readable Word document (.docx): it may be corrupt, or another kind of .zip. Open it in Word and save it as .docx.',
      );
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Windows-1258 is what Vietnamese Windows wrote before Unicode.
    text = new TextDecoder('windows-1258').decode(bytes);
  }
  return checkText(text);
}
