/**
 * Reporting periods: a year `2023`, a half `2023-H1`, a quarter `2023-Q3`, a
 * month `2023-M06`, or a custom range `2021-02-01..2023-06-30`. Periods of the
 * same kind are comparable; counts are never compared across periods of
 * different length, rates can be.
 */
import type { Locale } from './catalog.ts';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'range';

export interface Period {
  readonly kind: PeriodKind;
  /** Canonical text form, e.g. `2023-H1`; also the period's id in file names and URLs. */
  readonly id: string;
  /** First day, ISO `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day (inclusive), ISO `YYYY-MM-DD`. */
  readonly end: string;
  readonly year: number;
  /** 1-based half, quarter or month; 0 for years and ranges. */
  readonly index: number;
}

export type PeriodResult =
  { ok: true; period: Period } | { ok: false; message: Record<Locale, string> };

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function fail(vi: string, en: string): PeriodResult {
  return { ok: false, message: { vi, en } };
}

function make(
  kind: PeriodKind,
  id: string,
  year: number,
  index: number,
  start: string,
  end: string,
): PeriodResult {
  return { ok: true, period: { kind, id, year, index, start, end } };
}

const HINT_VI = 'Dạng hợp lệ: 2023, 2023-H1, 2023-Q3, 2023-M06 hoặc 2021-02-01..2023-06-30.';
const HINT_EN = 'Valid forms: 2023, 2023-H1, 2023-Q3, 2023-M06 or 2021-02-01..2023-06-30.';

export function parsePeriod(input: string | number): PeriodResult {
  const text = String(input).trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(text))) {
    const y = Number(m[1]);
    return make('year', text, y, 0, isoDate(y, 1, 1), isoDate(y, 12, 31));
  }
  if ((m = /^(\d{4})-H([12])$/i.exec(text))) {
    const y = Number(m[1]);
    const h = Number(m[2]);
    const id = `${m[1]}-H${h}`;
    return h === 1
      ? make('half', id, y, 1, isoDate(y, 1, 1), isoDate(y, 6, 30))
      : make('half', id, y, 2, isoDate(y, 7, 1), isoDate(y, 12, 31));
  }
  if ((m = /^(\d{4})-Q([1-4])$/i.exec(text))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const lastMonth = q * 3;
    return make(
      'quarter',
      `${m[1]}-Q${q}`,
      y,
      q,
      isoDate(y, lastMonth - 2, 1),
      isoDate(y, lastMonth, daysInMonth(y, lastMonth)),
    );
  }
  if ((m = /^(\d{4})-M(\d{2})$/i.exec(text))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12)
      return fail(`Tháng ${m[2]} không tồn tại.`, `There is no month ${m[2]}.`);
    return make(
      'month',
      `${m[1]}-M${m[2]}`,
      y,
      mo,
      isoDate(y, mo, 1),
      isoDate(y, mo, daysInMonth(y, mo)),
    );
  }
  if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text))) {
    const [start, end] = [m[1] ?? '', m[2] ?? ''];
    if (!validDate(start) || !validDate(end)) {
      return fail(`Ngày không hợp lệ trong kỳ "${text}".`, `Invalid date in period "${text}".`);
    }
    if (start > end) {
      return fail(
        `Kỳ "${text}" kết thúc trước khi bắt đầu.`,
        `Period "${text}" ends before it starts.`,
      );
    }
    return make('range', text, Number(start.slice(0, 4)), 0, start, end);
  }
  return fail(
    `Kỳ báo cáo "${text}" không đúng dạng. ${HINT_VI}`,
    `Period "${text}" is not in a known form. ${HINT_EN}`,
  );
}

/** Parses a period that is known to be valid (e.g. from a validated file); throws otherwise. */
export function period(input: string | number): Period {
  const r = parsePeriod(input);
  if (!r.ok) throw new Error(r.message.en);
  return r.period;
}

/** The period covering exactly `start..end`: a standard period when the dates match one, else a range. */
export function periodFromDates(start: string, end: string): PeriodResult {
  const range = parsePeriod(`${start}..${end}`);
  if (!range.ok) return range;
  const y = range.period.year;
  const candidates = [
    `${y}`,
    `${y}-H1`,
    `${y}-H2`,
    `${y}-Q1`,
    `${y}-Q2`,
    `${y}-Q3`,
    `${y}-Q4`,
    ...Array.from({ length: 12 }, (_, i) => `${y}-M${pad(i + 1)}`),
  ];
  for (const c of candidates) {
    const p = period(c);
    if (p.start === start && p.end === end) return { ok: true, period: p };
  }
  return range;
}

export function formatPeriod(p: Period): string {
  return p.id;
}

function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}

function enDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d ?? ''} ${(MONTHS_EN[(m ?? 1) - 1] ?? '').slice(0, 3)} ${y ?? ''}`;
}

/** A human label: "6 tháng đầu năm 2023", "Quý I/2024", "Tháng 6/2023", "Năm 2023". */
export function periodLabel(p: Period, locale: Locale = 'vi'): string {
  if (locale === 'vi') {
    switch (p.kind) {
      case 'year':
        return `Năm ${p.year}`;
      case 'half':
        return `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
      case 'quarter':
        return `Quý ${ROMAN[p.index - 1] ?? p.index}/${p.year}`;
      case 'month':
        return `Tháng ${p.index}/${p.year}`;
      case 'range':
        return `Từ ${viDate(p.start)} đến ${viDate(p.end)}`;
    }
  }
  switch (p.kind) {
    case 'year':
      return `${p.year}`;
    case 'half':
      return `H${p.index} ${p.year}`;
    case 'quarter':
      return `Q${p.index} ${p.year}`;
    case 'month':
      return `${MONTHS_EN[p.index - 1] ?? ''} ${p.year}`;
    case 'range':
      return `${enDate(p.start)} – ${enDate(p.end)}`;
  }
}

/** A short label for chart axes: "6T đầu 2023", "Quý I/2024", "T6/2023"; "H1 2023", "Q1 2024", "Jun 2023". */
export function periodShortLabel(p: Period, locale: Locale = 'vi'): string {
  if (locale === 'vi') {
    switch (p.kind) {
      case 'half':
        return `6T ${p.index === 1 ? 'đầu' : 'cuối'} ${p.year}`;
      case 'month':
        return `T${p.index}/${p.year}`;
      case 'range':
        return `${viDate(p.start)}–${viDate(p.end)}`;
      default:
        return periodLabel(p, 'vi').replace(/^Năm /, '');
    }
  }
  if (p.kind === 'month') return `${(MONTHS_EN[p.index - 1] ?? '').slice(0, 3)} ${p.year}`;
  return periodLabel(p, 'en');
}

/** Chronological order: by start, then by end (shorter first). */
export function comparePeriods(a: Period, b: Period): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return 0;
}

const DAY_MS = 86_400_000;

/** Length in days, both ends included. */
export function periodLengthDays(p: Period): number {
  return Math.round((Date.parse(p.end) - Date.parse(p.start)) / DAY_MS) + 1;
}

/**
 * Whether counts of two periods can be compared: same kind, and for custom
 * ranges the same length in days. Rates can be compared across any periods.
 */
export function countsComparable(a: Period, b: Period): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'range' || periodLengthDays(a) === periodLengthDays(b);
}

/** The period of the same kind just before this one; none for custom ranges. */
export function previousPeriod(p: Period): Period | undefined {
  switch (p.kind) {
    case 'year':
      return period(p.year - 1);
    case 'half':
      return period(p.index === 1 ? `${p.year - 1}-H2` : `${p.year}-H1`);
    case 'quarter':
      return period(p.index === 1 ? `${p.year - 1}-Q4` : `${p.year}-Q${p.index - 1}`);
    case 'month':
      return period(p.index === 1 ? `${p.year - 1}-M12` : `${p.year}-M${pad(p.index - 1)}`);
    case 'range':
      return undefined;
  }
}

/** Whether `inner` lies wholly within `outer`. */
export function periodWithin(inner: Period, outer: Period): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** The day after an ISO date, for checking that periods tile without gaps. */
export function nextDay(iso: string): string {
  return new Date(Date.parse(iso) + DAY_MS).toISOString().slice(0, 10);
}
