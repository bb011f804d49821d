/**
 * Finds the numbers in a sentence and sets aside those that are not figures:
 * dates (30/6/2023, 30.6), document numbers (61/2018/NĐ-CP, 59/QĐ-UBND,
 * 01-NQ/TU), years, times, section numbers, and numbers of people, money,
 * area or tasks. What is left are candidate figures with their unit.
 */
import { APPROXIMATE, DOCUMENT_PREFIX, NON_DOSSIER_UNITS, NON_FIGURE_PREFIXES } from './lexicon.ts';
import type { Sentence } from './text.ts';
import { wordsRegex } from './text.ts';

export interface NumberToken {
  /** Offsets within the sentence. */
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  readonly value: number;
  readonly percent: boolean;
  readonly integer: boolean;
  /** `X/Y`: the whole Y after a part X. */
  readonly whole?: number;
  /** End of the token including `/Y` or `%`. */
  readonly spanEnd: number;
  /** Lower-case text right after the token (after `%` or `/Y`). */
  readonly after: string;
  /** Why this is not a figure, when it is not. */
  readonly notFigure?: string;
  /** A word right after the number that makes it a count of something other than dossiers ("người", "lĩnh vực"). */
  readonly unit?: string;
  /** Hedged: "hơn 500", "khoảng 500". */
  readonly approximate: boolean;
  /** Written in thousands ("5,65 ngàn hồ sơ" = 5 650): the word that scaled it. */
  readonly scaled?: string;
}

const GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const DECIMAL = /^\d+,\d+$/;
const PLAIN = /^\d+$/;

function parseVi(raw: string): number | undefined {
  if (GROUPED.test(raw)) return Number(raw.replaceAll('.', '').replace(',', '.'));
  if (DECIMAL.test(raw) || PLAIN.test(raw)) return Number(raw.replace(',', '.'));
  return undefined;
}

const unitAfter = new RegExp(`^\\s*${wordsRegex(NON_DOSSIER_UNITS, 'u').source}`, 'u');
const prefixBefore = new RegExp(`${wordsRegex(NON_FIGURE_PREFIXES, 'u').source}\\s*$`, 'u');
const approxBefore = new RegExp(`${wordsRegex(APPROXIMATE, 'u').source}\\s*$`, 'u');

function classify(
  lower: string,
  t: { start: number; end: number; raw: string; value: number | undefined; rest: string },
): string | undefined {
  const before = lower.slice(Math.max(0, t.start - 40), t.start);
  const { rest, raw } = t;
  if (t.value === undefined) return 'not a Vietnamese number (30.6, 2.1, 1,164)';
  if (/[\p{L}]$/u.test(before)) return 'attached to a word';
  // Not a colon after a year and a space: "chuyển sang năm 2025: 16 hồ sơ" labels a figure.
  if (/\d\s*[-/.]\s*$|\d:$/u.test(before) || /[/]$/.test(before))
    return 'part of a date or reference';
  if (/^:\d/.test(rest)) return 'a time';
  if (/^\s*[-–]\s*\d/.test(rest)) return 'a date or a range of years';
  if (/^\s*-\s*[\p{L}]/u.test(rest)) return 'a document number';
  if (/^\/\s*[\p{L}]/u.test(rest)) return 'a document number';
  if (/^\/\d+\s*[/-]/.test(rest)) return 'a date or document number';
  if (
    PLAIN.test(raw) &&
    raw.length === 4 &&
    t.value >= 1900 &&
    t.value <= 2099 &&
    !/^\s*(?:hồ sơ|hs)\b/u.test(rest)
  ) {
    return 'a year';
  }
  if (prefixBefore.test(before)) return 'a date, reference or rank';
  // "Kế hoạch 101", but not "kế hoạch 80%": a plan's figure, not a document's number.
  if (DOCUMENT_PREFIX.test(before) && !/^\s*%/u.test(rest)) return 'a document number';
  if (/(?:^|\n|[.;:]\s)\s*$/.test(before) && /^[.)]\s/.test(rest))
    return 'a list or section number';
  if (t.start === 0 && /^[.)]/.test(rest)) return 'a list or section number';
  return undefined;
}

/** "5,65 ngàn hồ sơ": a count written in thousands (never money: "5,65 ngàn đồng"). */
const THOUSANDS = /^\s*(ngàn|nghìn)(?![\p{L}])(?!\s*(?:đồng|đ(?![\p{L}])|vnđ|vnd))/u;

/** Phone numbers: "0233.3851.234", "0913 456 789", "(0233) 3851 234", after "điện thoại", "Hotline". */
const PHONE =
  /(?:\+84|\(?0\d{2,3}\)?)[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?!\d)|(?:điện thoại|đt|sđt|hotline|đường dây nóng|số máy|fax)\s*(?:liên hệ)?\s*:?\s*[\d\s.()+-]*\d/giu;

/** "từ 30 đến 60 hộ", "30 - 60", "từ 500 lên 600": a range or a change, never one figure. */
const RANGE_BEFORE = /(?:^|[^\p{L}])từ\s*$/u;
const RANGE_AFTER = /^\s*(?:đến|tới|lên|xuống|[-–])\s*\d/u;
const RANGE_END =
  /(?:^|[^\p{L}])từ\s*\d[\d.,]*\s*(?:%\s*)?(?:\p{L}+\s+){0,2}(?:đến|tới|lên|xuống)\s*$|\d\s*(?:đến|tới)\s*$/u;

/** "mức độ 3, 4", "mức 3 và mức 4": service levels, not figures. */
const LEVELS = /mức(?:\s+độ)?\s*\d(?:\s*(?:,|và|-|\/)\s*(?:mức(?:\s+độ)?\s*)?\d(?!\d))*/gu;

export function findNumbers(sentence: Sentence): NumberToken[] {
  const { flat, lower } = sentence;
  const tokens: NumberToken[] = [];
  const levels = [...lower.matchAll(LEVELS)].map((m) => [m.index, m.index + m[0].length] as const);
  const phones = [...lower.matchAll(PHONE)].map((m) => [m.index, m.index + m[0].length] as const);
  for (const m of flat.matchAll(/\d[\d.,]*\d|\d/g)) {
    const start = m.index;
    const raw = m[0];
    const end = start + raw.length;
    let value = parseVi(raw);
    let rest = lower.slice(end, end + 60);
    let spanEnd = end;
    let scaled: string | undefined;
    const thousands = THOUSANDS.exec(rest);
    if (thousands && value !== undefined && /^\d{1,3}(?:,\d{1,3})?$/.test(raw)) {
      // Rounded to what the text writes: "1,07 ngàn" is 1 070, never 1.07 or 107.
      value = Math.round(value * 1000);
      scaled = thousands[1];
      spanEnd = end + thousands[0].length;
      rest = lower.slice(spanEnd, spanEnd + 60);
    }
    let percent = false;
    let whole: number | undefined;
    const pct = /^\s*%/.exec(rest);
    const ratio = /^\/(\d[\d.]*\d|\d)(?![\d/-])/.exec(rest);
    if (pct) {
      percent = true;
      spanEnd = end + pct[0].length;
    } else if (scaled) {
      // The thousands word is part of the figure.
    } else if (ratio?.[1] !== undefined) {
      const w = parseVi(ratio[1]);
      const before = lower.slice(Math.max(0, start - 12), start);
      const looksLikeDate =
        /(?:ngày|đến|từ|tháng)\s*$/u.test(before) ||
        (value !== undefined &&
          w !== undefined &&
          value <= 31 &&
          w <= 12 &&
          !/^\s*(?:hồ sơ|hs|hộ)/u.test(lower.slice(end + ratio[0].length)));
      if (!looksLikeDate && w !== undefined && value !== undefined && w >= value) {
        whole = w;
        spanEnd = end + ratio[0].length;
      }
    }
    rest = lower.slice(spanEnd, spanEnd + 60);
    let notFigure = classify(lower, { start, end, raw, value, rest: lower.slice(end, end + 60) });
    if (levels.some(([a, b]) => start >= a && start < b)) notFigure = 'a service level';
    if (phones.some(([a, b]) => start >= a && start < b)) notFigure = 'a phone number';
    const lead = lower.slice(Math.max(0, start - 40), start);
    if ((RANGE_BEFORE.test(lead) && RANGE_AFTER.test(lower.slice(end))) || RANGE_END.test(lead))
      notFigure = 'one end of a range';
    if (!notFigure && ratio && whole === undefined) notFigure = 'a date';
    // "6 tháng đầu năm", "9 tháng năm 2024", "6 tháng": the length of a period, never a count.
    if (
      !notFigure &&
      !percent &&
      /^\s*tháng(?:\s+(?:đầu|cuối)\s+năm|\s+năm|\s*(?:,|;|\.(?!\d)|$)|\s+(?:qua|vừa qua|này|đầu|cuối)(?![\p{L}]))/u.test(
        lower.slice(end),
      )
    )
      notFigure = 'a period';
    // "1.164 lượt hồ sơ" counts dossiers; "364 lượt người" counts people.
    const unit =
      percent || /^\s*lượt\s+(?:hồ sơ|hs)(?![\p{L}])/u.test(rest)
        ? undefined
        : unitAfter.exec(rest)?.[0].trim();
    const approximate = approxBefore.test(lower.slice(Math.max(0, start - 20), start));
    tokens.push({
      start,
      end,
      raw,
      value: value ?? Number.NaN,
      percent,
      integer: value !== undefined && (scaled !== undefined || !raw.includes(',')),
      ...(whole !== undefined ? { whole } : {}),
      spanEnd,
      after: rest,
      ...(notFigure ? { notFigure } : {}),
      ...(unit ? { unit } : {}),
      approximate,
      ...(scaled ? { scaled } : {}),
    });
  }
  return tokens;
}
