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

const PATTERNS: readonly {
  re: RegExp;
  make: (m: RegExpExecArray) => Period | undefined;
  range?: boolean;
}[] = [
  {
    re: /từ(?: ngày)?\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*(?:đến|-|–)\s*(?:hết\s+)?(?:ngày\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/giu,
    make: (m) => {
      const r = periodFromDates(
        iso(m[3] ?? '', m[2] ?? '', m[1] ?? ''),
        iso(m[6] ?? '', m[5] ?? '', m[4] ?? ''),
      );
      return r.ok ? r.period : undefined;
    },
    range: true,
  },
  {
    re: /(?:6|sáu) tháng (đầu|cuối) năm\s*(\d{4})/giu,
    make: (m) => p(`${m[2] ?? ''}-H${m[1]?.toLowerCase() === 'đầu' ? 1 : 2}`),
  },
  {
    re: /(9|chín) tháng đầu năm\s*(\d{4})/giu,
    make: (m) => p(`${m[2] ?? ''}-01-01..${m[2] ?? ''}-09-30`),
  },
  {
    re: /quý\s+(iv|iii|ii|i|[1-4])\s*(?:\/|năm|-)\s*(\d{4})/giu,
    make: (m) => {
      const q = ROMAN[(m[1] ?? '').toLowerCase()] ?? Number(m[1]);
      return p(`${m[2] ?? ''}-Q${String(q)}`);
    },
  },
  {
    // Not "ngày 07 tháng 7 năm 2023", which is a date.
    re: /(?<!ngày\s+\d{1,2}\s+)(?<!ngày\s+)tháng\s+(\d{1,2})\s*(?:\/|năm)\s*(\d{4})/giu,
    make: (m) => p(`${m[2] ?? ''}-M${pad(m[1] ?? '')}`),
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

/** Every period mentioned, longest match first where two overlap. */
export function findPeriods(text: string): PeriodMention[] {
  const found: PeriodMention[] = [];
  for (const { re, make, range } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const period = make(m);
      if (!period) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ period, start, end, explicitRange: range === true });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
