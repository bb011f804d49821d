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

function range(start: string, end: string): Period | undefined {
  const r = periodFromDates(start, end);
  return r.ok ? r.period : undefined;
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
    re: /(?:6|sáu)\s+tháng\s+(đầu|cuối)\s+năm\s*(\d{4})/giu,
    make: (m) => p(`${m[2] ?? ''}-H${m[1]?.toLowerCase() === 'đầu' ? 1 : 2}`),
  },
  {
    // Without its year ("6 tháng đầu năm"): the year of the document, when it is known.
    re: /(?:6|sáu)\s+tháng\s+(đầu|cuối)\s+năm(?!\s*\d)/giu,
    make: (m, year) =>
      year === undefined
        ? undefined
        : p(`${String(year)}-H${m[1]?.toLowerCase() === 'đầu' ? 1 : 2}`),
  },
  {
    // "Báo cáo CCHC 6 tháng năm 2024": the first half, as reports mean it (never a date:
    // "ngày 6 tháng ... năm 2024" with the month left blank).
    re: /(?<!ngày\s*\d?)(?:6|sáu)\s+tháng\s+năm\s*(\d{4})/giu,
    make: (m) => p(`${m[1] ?? ''}-H1`),
  },
  {
    re: /(?<!ngày\s*\d?)(?:9|chín)\s+tháng\s+năm\s*(\d{4})/giu,
    make: (m) => p(`${m[1] ?? ''}-01-01..${m[1] ?? ''}-09-30`),
  },
  {
    // "3 tháng đầu năm 2024" is the first quarter.
    re: /(?:3|ba)\s+tháng\s+đầu\s+năm\s*(\d{4})/giu,
    make: (m) => p(`${m[1] ?? ''}-Q1`),
  },
  {
    re: /(?:3|ba)\s+tháng\s+đầu\s+năm(?!\s*\d)/giu,
    make: (_m, year) => (year === undefined ? undefined : p(`${String(year)}-Q1`)),
  },
  {
    re: /(?:9|chín)\s+tháng\s+đầu\s+năm\s*(\d{4})/giu,
    make: (m) => p(`${m[1] ?? ''}-01-01..${m[1] ?? ''}-09-30`),
  },
  {
    re: /(?:9|chín)\s+tháng\s+đầu\s+năm(?!\s*\d)/giu,
    make: (_m, year) =>
      year === undefined ? undefined : p(`${String(year)}-01-01..${String(year)}-09-30`),
  },
  {
    re: /quý\s+(iv|iii|ii|i|[1-4])\s*(?:\/|năm|-)\s*(\d{4})/giu,
    make: (m) => {
      const q = ROMAN[(m[1] ?? '').toLowerCase()] ?? Number(m[1]);
      return p(`${m[2] ?? ''}-Q${String(q)}`);
    },
  },
  {
    re: /quý\s+(iv|iii|ii|i|[1-4])(?![\p{L}\d])(?!\s*(?:\/|năm|-)\s*\d)/giu,
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
    re: /(?<!ngày\s+\d{1,2}\s+)(?<!ngày\s+)tháng\s+(\d{1,2})\s*(?:\/|năm|-)\s*(\d{4})/giu,
    make: (m) => p(`${m[2] ?? ''}-M${pad(m[1] ?? '')}`),
  },
  {
    // "Trong tháng 7, ..." without its year: the document's, when known.
    re: /(?<!ngày\s+\d{1,2}\s+)(?<!ngày\s+)(?<!\d\s*)tháng\s+(\d{1,2})(?![\d/.-])(?!\s*(?:năm|\/|-)\s*\d)/giu,
    make: (m, year) => {
      const month = Number(m[1]);
      return year === undefined || month < 1 || month > 12
        ? undefined
        : p(`${String(year)}-M${pad(month)}`);
    },
  },
  {
    re: /(?<!(?:giai đoạn|nhiệm kỳ|tháng\s+\d{1,2})\s+)năm\s+(\d{4})(?!\s*[-–]\s*\d{4})/giu,
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
