/**
 * Text as extracted from Word or PDF: one normal form, and sentences with
 * their offsets in it, so every proposed figure can point at its source.
 */
import { NAMES_WITH_CUES } from './lexicon.ts';

/** NFC, LF line ends, no BOM, no-break spaces as spaces; a thousands group broken over a line joined. Offsets refer to this text. */
export function normalizeImportText(raw: string): string {
  return (
    raw
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .normalize('NFC')
      // Every kind of space (no-break, thin, en, ideographic...) as a plain one, so a name
      // such as "Hải Dương" is never cut at an odd space.
      .replace(/(?! )[\p{Zs}]/gu, ' ')
      .replace(/\u200b|\u200c|\u200d|\u2060/g, '')
      .replace(/(\d)\.[ \t]*\n[ \t]*(\d{3})(?!\d)/g, '$1.$2\n')
  );
}

export interface Sentence {
  readonly start: number;
  readonly end: number;
  /** The sentence with line breaks and tabs as spaces: same length, same offsets. */
  readonly flat: string;
  /** `flat` in lower case, for matching cues. */
  readonly lower: string;
  /** The sentence as a reader quotes it: whitespace collapsed. */
  readonly quote: string;
}

/**
 * A line that ends on a word a sentence never ends on ("của", "tại", "xã"):
 * a PDF wrapped it before a capital ("... đang giải quyết của\nUBND xã là 13
 * hồ sơ"), so the next line goes on with it.
 */
const WRAPS_ON =
  /(?<![\p{L}])(?:của|tại|và|là|cho|với|trong|theo|các|được|đã|từ|đến|xã|phường|huyện|tỉnh|thị trấn|thành phố)[ \t]*$/u;

const LIST_OR_HEADING = /^[ \t]*(?:[-+•·*–]|[a-zđ]\)|\d+(?:\.\d+)*[.)]|[IVX]+\.)\s/u;
const SENTENCE_END = /[.!?;:]["”)*]*[ \t]*$/u;

function makeSentence(text: string, start: number, end: number): Sentence | undefined {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (e <= s) return undefined;
  const flat = text.slice(s, e).replace(/[\n\t]/g, ' ');
  // Names that contain a cue ("Bộ phận tiếp nhận và trả kết quả") are blanked, same length.
  const lower = flat.toLowerCase().replace(NAMES_WITH_CUES, (m) => ' '.repeat(m.length));
  return { start: s, end: e, flat, lower, quote: flat.replace(/\s+/g, ' ') };
}

/**
 * Splits at blank lines, at a line break after sentence punctuation or before
 * a list item or heading, and after ". " before a capital. A line break
 * elsewhere is a hard wrap inside a sentence.
 */
export function splitSentences(text: string): Sentence[] {
  const cuts: number[] = [0];
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1];
    const lineEnd = offset + line.length;
    if (next !== undefined) {
      const blank = line.trim() === '' || next.trim() === '';
      const isTableRow = /\t|\|/.test(line);
      if (
        blank ||
        isTableRow ||
        SENTENCE_END.test(line) ||
        LIST_OR_HEADING.test(next) ||
        (/^[\p{Lu}]/u.test(next.trim()) && !WRAPS_ON.test(line))
      ) {
        cuts.push(lineEnd + 1);
      }
    }
    offset = lineEnd + 1;
  }
  cuts.push(text.length);
  const sentences: Sentence[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const blockStart = cuts[i] ?? 0;
    const blockEnd = cuts[i + 1] ?? text.length;
    const block = text.slice(blockStart, blockEnd);
    let last = 0;
    // Not after a leading section number ("III. NHIỆM VỤ") or a short abbreviation ("TP. Huế").
    for (const m of block.matchAll(
      /(?<!^[ \t]*(?:[IVX]+|\d+(?:\.\d+)*|[a-zđ]))(?<!(?:^|\s)(?:TP|Tp|TT|TX|Q|P|ThS|TS|KT|TM))[.!?]["”)*]*\s+(?=["“(*]?[\p{Lu}])/gmu,
    )) {
      const cut = m.index + m[0].length;
      const s = makeSentence(text, blockStart + last, blockStart + cut);
      if (s) sentences.push(s);
      last = cut;
    }
    const s = makeSentence(text, blockStart + last, blockEnd);
    if (s) sentences.push(s);
  }
  return sentences;
}

/** Escapes a cue phrase for a regex, with any whitespace run matching one space. */
export function phrasePattern(phrase: string): string {
  return phrase
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}

const VI_LETTER = 'a-zà-ỹđ0-9';

/** A case-insensitive whole-word regex for phrases. */
export function wordsRegex(phrases: readonly string[], flags = 'gu'): RegExp {
  const alts = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map(phrasePattern)
    .join('|');
  return new RegExp(`(?<![${VI_LETTER}])(?:${alts})(?![${VI_LETTER}])`, flags);
}
