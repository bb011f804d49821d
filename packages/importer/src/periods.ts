/**
 * Periods as reports write them: "6 tháng đầu năm 2023", "Quý I/2024",
 * "tháng 6 năm 2023", "năm 2023", "9 tháng đầu năm 2023", and date ranges
 * "từ ngày 01/02/2021 đến ngày 30/6/2023".
 */
import { parsePeriod, periodFromDates, type Period } from '@congkhai/indicators';

export interface PeriodMention {
  readonly period: Period;
  readonly start: number;
  readonly end: number;
  /** A date range written out in full, rather than a named period. */
  readonly explicitRange: boolean;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

const pad = (n: number | string) => String(n).padStart(2, '0');

function iso(y: string | number, m: string | number, d: string | number): string {
  return `${String(y)}-${pad(m)}-${pad(d)}`;
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The period a reporting cut-off counts for (Decree 09/2019/NĐ-CP, art. 12):
 * "từ ngày 15 tháng trước đến ngày 14" is the month's, 15/12 to 14/3 the
 * first quarter's, 15/12 to 14/6 the first half's, 15/12 to 14/12 the
 * year's. The window stays what the text states (a report that gives only
 * it is proposed with it); a report named for the period it counts for
 * ("Báo cáo quý I/2025 ... từ 15/12/2024 đến 14/3/2025") keeps its figures.
 */
export function cutOffOf(period: Period): Period | undefined {
  const { start, end } = period;
  if (period.kind !== 'range') return undefined;
  if (start.slice(8) !== '15' || end.slice(8) !== '14') return undefined;
  const [ys, ms] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  const [ye, me] = [Number(end.slice(0, 4)), Number(end.slice(5, 7))];
  const months = ye * 12 + me - (ys * 12 + ms);
  if (months === 1) return p(`${String(ye)}-M${pad(me)}`);
  if (months === 3 && me % 3 === 0) return p(`${String(ye)}-Q${String(me / 3)}`);
  if (months === 6 && (me === 6 || me === 12)) return p(`${String(ye)}-H${me === 6 ? 1 : 2}`);
  if (months === 9 && me === 9) return p(`${String(ye)}-01-01..${String(ye)}-09-30`);
  if (months === 12 && me === 12) return p(String(ye));
  return undefined;
}

function range(start: string, end: string): Period | undefined {
  const r = periodFromDates(start, end);
  return r.ok ? r.period : undefined;
}

const MONTH_WORDS: Record<string, number> = {
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
  'mười một': 11,
  'mười hai': 12,
};

/** A month's name in words ("tháng Bảy", "tháng Giêng", "tháng Chạp"); not "năm" (see below). */
const MONTH_NAME: Record<string, number> = {
  giêng: 1,
  một: 1,
  hai: 2,
  ba: 3,
  tư: 4,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
  'mười một': 11,
  'mười hai': 12,
  chạp: 12,
};
const NAMES = [
  'mười một',
  'mười hai',
  'giêng',
  'một',
  'hai',
  'ba',
  'tư',
  'sáu',
  'bảy',
  'tám',
  'chín',
  'mười',
  'chạp',
];
const MONTH_NAMES = NAMES.join('|');
/** "Bảy", "Mười Một", "Mười một". */
const MONTH_NAMES_CAPITAL = NAMES.flatMap((n) => [
  n.charAt(0).toUpperCase() +
    n.slice(1).replace(/ (.)/u, (_, c: string) => ` [${c}${c.toUpperCase()}]`),
  n.toUpperCase(),
]).join('|');

/** A count of months written in digits ("06", "7") or words ("sáu", "chín"). */
const MONTHS = String.raw`(?<![\d\p{L}])(0?[1-9]|1[0-2]|mười một|mười hai|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)(?![\d\p{L}])`;

function monthCount(raw: string | undefined): number | undefined {
  const w = (raw ?? '').toLowerCase().replace(/\s+/g, ' ');
  const n = MONTH_WORDS[w] ?? Number(w);
  return Number.isInteger(n) && n >= 1 && n <= 12 ? n : undefined;
}

/** The first `n` months of a year ("6 tháng đầu năm" is the first half, "12 tháng" the year). */
function firstMonths(y: number, n: number): Period | undefined {
  return range(iso(y, 1, 1), iso(y, n, lastDay(y, n)));
}

/** The last `n` months of a year ("6 tháng cuối năm" is the second half). */
function lastMonths(y: number, n: number): Period | undefined {
  return range(iso(y, 13 - n, 1), iso(y, 12, 31));
}

/** A start written without its year ("từ ngày 1/7 đến ...") takes the end's, or the year before. */
function startYear(d: string, m: string, end: string): string {
  const y = Number(end.slice(0, 4));
  return iso(Number(m) <= Number(end.slice(5, 7)) ? y : y - 1, m, d);
}

const FROM = String.raw`từ(?:\s+ngày)?\s+`;
const UNTIL = String.raw`\s*(?:đến|tới|-|–)\s*(?:hết\s+|cuối\s+)?(?:ngày\s+)?`;

const PATTERNS: readonly {
  re: RegExp;
  make: (m: RegExpExecArray, year?: number) => Period | undefined;
  range?: boolean;
}[] = [
  {
    re: new RegExp(
      String.raw`${FROM}(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${UNTIL}(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})`,
      'giu',
    ),
    make: (m) =>
      range(iso(m[3] ?? '', m[2] ?? '', m[1] ?? ''), iso(m[6] ?? '', m[5] ?? '', m[4] ?? '')),
    range: true,
  },
  {
    // "Kỳ báo cáo: 15/12/2024 - 14/01/2025", "(số liệu 01/01/2025 đến 30/6/2025)": two full
    // dates joined as a range, without "từ".
    re: /(?<![\d/.-])(\d{1,2})\/(\d{1,2})\/(\d{4})\s*(?:-|–|đến|tới)\s*(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/giu,
    make: (m) =>
      range(iso(m[3] ?? '', m[2] ?? '', m[1] ?? ''), iso(m[6] ?? '', m[5] ?? '', m[4] ?? '')),
    range: true,
  },
  {
    // "từ ngày 01/7 đến ngày 22/9/2025": the start's year is the end's.
    re: new RegExp(
      String.raw`${FROM}(\d{1,2})[/.-](\d{1,2})(?![/.-]?\d)${UNTIL}(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})`,
      'giu',
    ),
    make: (m) => {
      const end = iso(m[5] ?? '', m[4] ?? '', m[3] ?? '');
      return range(startYear(m[1] ?? '', m[2] ?? '', end), end);
    },
    range: true,
  },
  {
    // "từ ngày 1/7 đến ngày 31/7" with no year at all: the document's, when it is known.
    re: new RegExp(
      String.raw`${FROM}(\d{1,2})[/.-](\d{1,2})(?![/.-]?\d)${UNTIL}(\d{1,2})[/.-](\d{1,2})(?![/.-]?\d)`,
      'giu',
    ),
    make: (m, year) => {
      if (year === undefined) return undefined;
      const end = iso(year, m[4] ?? '', m[3] ?? '');
      return range(startYear(m[1] ?? '', m[2] ?? '', end), end);
    },
    range: true,
  },
  {
    // "từ ngày 1/7 đến cuối tháng 10/2025", "từ 01/01/2024 đến hết tháng 6 năm 2024".
    re: new RegExp(
      String.raw`${FROM}(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?\s*(?:đến|tới|-|–)\s*(?:hết|cuối)\s+tháng\s+(\d{1,2})\s*(?:\/|năm|-)\s*(\d{4})`,
      'giu',
    ),
    make: (m) => {
      const y = Number(m[5]);
      const mo = Number(m[4]);
      if (!(mo >= 1 && mo <= 12)) return undefined;
      const end = iso(y, mo, lastDay(y, mo));
      const start = m[3]
        ? iso(m[3], m[2] ?? '', m[1] ?? '')
        : startYear(m[1] ?? '', m[2] ?? '', end);
      return range(start, end);
    },
    range: true,
  },
  {
    // "6 tháng đầu năm 2024", "06 tháng cuối năm 2024", "9 tháng đầu năm 2020", "7 tháng đầu
    // năm 2025", "sáu tháng đầu năm": the first or last months of the year; without the
    // year, the document's, when it is known.
    re: new RegExp(String.raw`${MONTHS}\s+tháng\s+(đầu|cuối)\s+năm(?:\s*(\d{4})|(?!\s*\d))`, 'giu'),
    make: (m, year) => {
      const n = monthCount(m[1]);
      const y = m[3] ? Number(m[3]) : year;
      if (n === undefined || y === undefined) return undefined;
      return m[2]?.toLowerCase() === 'đầu' ? firstMonths(y, n) : lastMonths(y, n);
    },
  },
  {
    // "nửa đầu năm 2025", "nửa cuối năm" (news for "6 tháng đầu/cuối năm"): the halves.
    re: /nửa\s+(đầu|cuối)\s+năm(?:\s*(\d{4})|(?!\s*\d))/giu,
    make: (m, year) => {
      const y = m[2] ? Number(m[2]) : year;
      if (y === undefined) return undefined;
      return m[1]?.toLowerCase() === 'đầu' ? firstMonths(y, 6) : lastMonths(y, 6);
    },
  },
  {
    // "Báo cáo CCHC 6 tháng năm 2024", "9 tháng năm 2024": the first months, as reports mean
    // it (never a date: "ngày 6 tháng ... năm 2024" with the month left blank).
    re: new RegExp(String.raw`(?<!ngày\s*)${MONTHS}\s+tháng\s+năm\s*(\d{4})`, 'giu'),
    make: (m) => {
      const n = monthCount(m[1]);
      return n === undefined ? undefined : firstMonths(Number(m[2]), n);
    },
  },
  {
    // "từ đầu năm đến ngày 30/6/2024", "từ đầu năm 2024 đến hết tháng 9": counted from the
    // first of January (a bare "từ đầu năm đến nay" names no end, so no period).
    re: /từ\s+đầu\s+năm(?:\s+(\d{4}))?\s*(?:đến|tới)\s*(?:hết\s+|cuối\s+)?(?:(?:ngày\s+)?(\d{1,2})[/.-](\d{1,2})|tháng\s+(\d{1,2}))(?:\s*(?:[/.-]|năm)\s*(\d{4}))?/giu,
    make: (m, year) => {
      const y = m[5] ? Number(m[5]) : m[1] ? Number(m[1]) : year;
      if (y === undefined) return undefined;
      if (m[4]) {
        const mo = Number(m[4]);
        return mo >= 1 && mo <= 12 ? range(iso(y, 1, 1), iso(y, mo, lastDay(y, mo))) : undefined;
      }
      return range(iso(y, 1, 1), iso(y, m[3] ?? '', m[2] ?? ''));
    },
    range: true,
  },
  {
    // "quý III/2020", "Quý III năm 2020", "quý 3-2020", "QUÝ III.2020", "quý III 2020", and
    // the older spelling "quí III/2020".
    re: /qu[ýí]\s+(iv|iii|ii|i|[1-4])(?:\s*(?:[/.–-]|năm)\s*|\s+)(\d{4})(?!\d)/giu,
    make: (m) => {
      const q = ROMAN[(m[1] ?? '').toLowerCase()] ?? Number(m[1]);
      return p(`${m[2] ?? ''}-Q${String(q)}`);
    },
  },
  {
    re: /qu[ýí]\s+(iv|iii|ii|i|[1-4])(?![\p{L}\d])(?!(?:\s*(?:[/.–-]|năm)\s*|\s+)\d)/giu,
    make: (m, year) => {
      if (year === undefined) return undefined;
      const q = ROMAN[(m[1] ?? '').toLowerCase()] ?? Number(m[1]);
      return p(`${String(year)}-Q${String(q)}`);
    },
  },
  {
    // "từ tháng 1 đến tháng 6 năm 2024", "từ tháng 10/2023 đến hết tháng 3/2024".
    re: /từ\s+tháng\s+(\d{1,2})(?:\s*(?:\/|năm|-)\s*(\d{4}))?\s*(?:đến|tới|-|–)\s*(?:hết\s+)?tháng\s+(\d{1,2})\s*(?:\/|năm|-)\s*(\d{4})/giu,
    make: (m) => {
      const [m1, m2, y2] = [Number(m[1]), Number(m[3]), Number(m[4])];
      if (!(m1 >= 1 && m1 <= 12 && m2 >= 1 && m2 <= 12)) return undefined;
      const y1 = m[2] ? Number(m[2]) : m1 <= m2 ? y2 : y2 - 1;
      return range(iso(y1, m1, 1), iso(y2, m2, lastDay(y2, m2)));
    },
    range: true,
  },
  {
    // Not "ngày 07 tháng 7 năm 2023", which is a date.
    re: /(?<!ngày\s+\d{1,2}\s+)(?<!ngày\s+)tháng\s+(\d{1,2})\s*(?:[/.–-]|năm)\s*(\d{4})/giu,
    make: (m) => p(`${m[2] ?? ''}-M${pad(m[1] ?? '')}`),
  },
  {
    // "Trong tháng 7, ..." without its year: the document's, when known.
    re: /(?<!ngày\s+\d{1,2}\s+)(?<!ngày\s+)(?<!\d\s*)tháng\s+(\d{1,2})(?![\d/.-])(?!\s*(?:năm|[/.–-])\s*\d)/giu,
    make: (m, year) => {
      const month = Number(m[1]);
      return year === undefined || month < 1 || month > 12
        ? undefined
        : p(`${String(year)}-M${pad(month)}`);
    },
  },
  {
    // A month in words, as articles write it: "tháng Bảy năm 2025", "tháng bảy/2025", "trong
    // tháng Bảy" (yearless: the document's year). Lower-case and yearless only with a capital
    // ("mỗi tháng hai lần" counts times), never "tháng năm", which is a blank date's "tháng
    // ... năm", and never a date ("ngày 5 tháng Bảy năm 2025").
    re: new RegExp(
      String.raw`(?<![Nn]gày\s+(?:\d{1,2}\s+)?|NGÀY\s+(?:\d{1,2}\s+)?)(?:[Tt]háng|THÁNG)\s+(?:(${MONTH_NAMES}|${MONTH_NAMES_CAPITAL})(?![\p{L}])\s*(?:năm|\/)\s*(\d{4})|(${MONTH_NAMES_CAPITAL})(?![\p{L}])(?!\s*(?:năm|\/)?\s*\d))`,
      'gu',
    ),
    make: (m, year) => {
      const month = MONTH_NAME[(m[1] ?? m[3] ?? '').toLowerCase()];
      const y = m[2] ? Number(m[2]) : year;
      return month === undefined || y === undefined ? undefined : p(`${String(y)}-M${pad(month)}`);
    },
  },
  {
    // Never the year of a date ("ngày 5 tháng 7 năm 2025", "tháng Bảy năm 2025" read above)
    // or of one whose month is left blank ("ngày … tháng … năm 2025").
    re: new RegExp(
      String.raw`(?<!(?:giai đoạn|nhiệm kỳ|tháng\s+(?:\d{1,2}|[.…_]+|${MONTH_NAMES}))\s+)năm\s+(\d{4})(?!\s*[-–]\s*\d{4})`,
      'giu',
    ),
    make: (m) => p(m[1] ?? ''),
  },
];

function p(text: string): Period | undefined {
  const r = parsePeriod(text);
  return r.ok ? r.period : undefined;
}

/**
 * Every period mentioned, longest match first where two overlap. `year` is
 * the year of a period written without one ("6 tháng đầu năm", "quý II"):
 * the document's, when it is known; without it such mentions are skipped.
 */
export function findPeriods(text: string, year?: number): PeriodMention[] {
  const found: PeriodMention[] = [];
  for (const { re, make, range: explicit } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const period = make(m, year);
      if (!period) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ period, start, end, explicitRange: explicit === true });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
