/**
 * Which period the report is of, and which period each sentence's figures
 * are of: the report's own, or another one named beside it (last year, the
 * quarter around a month, a running total), whose figures are kept apart.
 */
import type { Period } from '@congkhai/indicators';
import { comparisonSpans } from './figures.ts';
import { cutOffOf, findPeriods, type PeriodMention } from './periods.ts';
import type { Sentence } from './text.ts';

/** A sentence that states a dossier count: "tiếp nhận 21.882 hồ sơ", "5,65 ngàn HS". */
export const STATES_DOSSIERS =
  /\d[\d.,]*\s*(?:ngàn\s+|nghìn\s+)?(?:hồ sơ|hs)(?![\p{L}])|(?:tiếp nhận|giải quyết)[^.;\d]{0,40}\d/u;

/**
 * A period written inside a document reference ("Quyết định số 766/QĐ-TTg năm
 * 2022", "Kế hoạch số 12/KH-UBND ngày 10/01/2025 ... năm 2025") dates that
 * document, not the report.
 */
function inReference(text: string, at: number): boolean {
  return /\d+\s*(?:\/\s*\d{4})?\s*[-/]\s*[\p{Lu}Đ][\p{L}Đ/-]*\s*$/u.test(
    text.slice(Math.max(0, at - 40), at),
  );
}

/** A sentence that states the window the figures are counted over ("Kỳ báo cáo: từ ngày ..."). */
const WINDOW_LABEL =
  /kỳ báo cáo|số liệu (?:báo cáo\s+)?(?:được\s+)?(?:tính|lấy|chốt)|thời (?:gian|điểm) (?:lấy |chốt )?số liệu/u;

/**
 * The window a report states matches the period its title names when it is that period,
 * closes it (a cut-off), or lies inside it (figures counted up to a day in the period).
 */
const agrees = (named: Period, window: Period) =>
  window.id === named.id ||
  cutOffOf(window)?.id === named.id ||
  (window.start >= named.start && window.end <= named.end);

/**
 * The official reporting window (Decree 09/2019/NĐ-CP, art. 12; see cutOffOf) is the
 * period it closes: a report "từ ngày 15/12/2024 đến ngày 14/6/2025" is the report of the
 * first half of 2025, compared with every other first-half report, not a custom range.
 * Any other range stays what the text states.
 */
const closed = (p: Period): Period => cutOffOf(p) ?? p;

export interface ReportPeriod {
  readonly period: Period | undefined;
  /** The title's period and the stated window, when they disagree: none is proposed. */
  readonly conflict: readonly [Period, Period] | null;
}

export function reportPeriod(
  text: string,
  title: string | null,
  sentences: readonly Sentence[],
  issued: string | null,
): ReportPeriod {
  const found = findReportPeriod(text, title, sentences, issued);
  return found && 'conflict' in found
    ? { period: undefined, conflict: found.conflict }
    : { period: found, conflict: null };
}

function findReportPeriod(
  text: string,
  title: string | null,
  sentences: readonly Sentence[],
  issued: string | null,
): Period | { conflict: [Period, Period] } | undefined {
  // A period written without its year ("6 tháng đầu năm", "quý III") is of the year the
  // title writes ("... quý III và 9 tháng đầu năm 2020"), else of the year the document was
  // issued in, or of the year before when that would start after the issue date.
  const titleYear = title
    ? findPeriods(title)
        .filter((m) => !inReference(title, m.start))
        .map((m) => m.period.year)[0]
    : undefined;
  const issuedYear = issued ? Number(issued.slice(0, 4)) : undefined;
  // An article without a date line ("Trong tháng 7, xã tiếp nhận ..."): the latest year its
  // dates and periods write, never a year inside a document's number.
  const head = text.slice(0, 3000);
  const textYears = [
    ...findPeriods(head)
      .filter((m) => !inReference(head, m.start))
      .map((m) => m.period.year),
    ...[...head.matchAll(/(?<![\d/])\d{1,2}\/\d{1,2}\/((?:19|20)\d{2})(?![\d/])/gu)].map((m) =>
      Number(m[1]),
    ),
  ];
  const textYear = textYears.length > 0 ? Math.max(...textYears) : undefined;
  const all = (s: string): PeriodMention[] => {
    // Without a title's or a date line's year, the year the same sentence writes ("Thực hiện
    // kế hoạch năm 2025, trong quý I ..."), else the text's.
    const year = titleYear ?? issuedYear ?? findPeriods(s)[0]?.period.year ?? textYear;
    return findPeriods(s, year)
      .map((found) => {
        if (
          titleYear === undefined &&
          issued &&
          issuedYear !== undefined &&
          found.period.start > issued
        ) {
          const earlier = findPeriods(s, issuedYear - 1).find((e) => e.start === found.start);
          if (earlier && earlier.period.year === issuedYear - 1) return earlier;
        }
        return found;
      })
      .filter((m) => !inReference(s, m.start));
  };
  const titled = title ? all(title).find((m) => !m.explicitRange) : undefined;
  const first = sentences.findIndex((s) => STATES_DOSSIERS.test(s.lower));
  if (titled) {
    // A title that names one period and a stated window of another ("... tháng 7/2025" over
    // "Kỳ báo cáo: từ ngày 15/12/2024 đến ngày 14/6/2025"): which one the figures are of is
    // the official's to say, so neither is proposed.
    for (const s of first >= 0 ? sentences.slice(0, first + 1) : sentences) {
      if (!WINDOW_LABEL.test(s.lower)) continue;
      const window = all(s.flat).find((m) => m.explicitRange);
      if (window && !agrees(titled.period, window.period))
        return { conflict: [titled.period, closed(window.period)] };
    }
    return titled.period;
  }
  // A range the figures are counted over, written before them ("Kỳ báo cáo: từ ngày ... đến
  // ngày ...") or with them; never one of a cumulative or compared figure ("Lũy kế từ ngày
  // 1/7 đến ngày 31/8").
  const rangeIn = (s: Sentence) => {
    if (!/hồ sơ|tiếp nhận|giải quyết|kết quả|báo cáo/u.test(s.lower)) return undefined;
    const spans = comparisonSpans(s.lower);
    const found = all(s.flat);
    const range = found.find(
      (m) => m.explicitRange && !spans.some(([a, b]) => m.start >= a && m.start < b),
    );
    // "quý III/2020 (từ ngày 15/6 đến ngày 14/9/2020)": the period named with its cut-off.
    const closes = range ? cutOffOf(range.period) : undefined;
    return found.find((m) => closes && !m.explicitRange && m.period.id === closes.id) ?? range;
  };
  for (const s of first >= 0 ? sentences.slice(0, first + 1) : sentences) {
    const range = rangeIn(s);
    if (range) return closed(range.period);
  }
  // The period named where the first dossier count is stated ("trong năm 2023, huyện đã
  // tiếp nhận 21.882 hồ sơ"), or just before it ("Kết quả quý III/2020:"), unless it compares
  // with another period. Of several, the one nearest before the count ("Thực hiện kế hoạch
  // năm 2025, trong quý I xã tiếp nhận ...").
  for (const [k, s] of (first >= 0 ? [first, first - 1, first - 2] : []).map(
    (i, k) => [k, sentences[i]] as const,
  )) {
    if (!s) continue;
    const spans = comparisonSpans(s.lower);
    const found = all(s.flat).filter((x) => !spans.some(([a, b]) => x.start >= a && x.start < b));
    const count =
      k === 0 ? (STATES_DOSSIERS.exec(s.lower)?.index ?? s.lower.length) : s.lower.length;
    const m = found.filter((x) => x.start < count).at(-1) ?? found[0];
    if (m) return m.period;
  }
  // A range stated after the figures ("Số liệu tính từ ngày 15/12/2024 đến ngày 14/6/2025").
  for (const s of sentences.slice(first + 1)) {
    const range = first >= 0 ? rangeIn(s) : undefined;
    if (range) return closed(range.period);
  }
  // A named period in the opening lines ("Báo cáo kết quả CCHC quý I/2024"), never one
  // compared with ("tăng 10 hồ sơ so với tháng 6/2025").
  const opening = text.slice(0, 600);
  const compared = comparisonSpans(opening.toLowerCase());
  return all(opening).find(
    (m) =>
      !m.explicitRange &&
      m.period.kind !== 'year' &&
      !compared.some(([a, b]) => m.start >= a && m.start < b),
  )?.period;
}

export type Tag = { current: true } | { current: false; period: Period };

const mentionCache = new WeakMap<Sentence, Map<number, PeriodMention[]>>();

/** The periods a sentence names, yearless ones of `year`: read once per sentence. */
function periodsOf(s: Sentence, year: number): PeriodMention[] {
  let byYear = mentionCache.get(s);
  if (!byYear) mentionCache.set(s, (byYear = new Map<number, PeriodMention[]>()));
  let found = byYear.get(year);
  if (!found) byYear.set(year, (found = findPeriods(s.flat, year)));
  return found;
}

/** The spans of a sentence inside parentheses. */
function parentheses(lower: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of lower.matchAll(/\([^()]*\)/gu)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * Parentheses that give another period's figures ("tiếp nhận 2.486 hồ sơ (năm 2023
 * tiếp nhận 2.115 hồ sơ)"): their numbers are neither this period's nor do they date the
 * sentence.
 */
/** A part of a sentence whose figures are another period's. */
export interface Apart {
  readonly span: [number, number];
  readonly period: Period;
}

export function otherPeriodAsides(s: Sentence, report: Period | undefined): Apart[] {
  if (!report) return [];
  return parentheses(s.lower).flatMap(([a, b]) => {
    const inside = s.flat.slice(a + 1, b - 1);
    const lead = findPeriods(inside)[0];
    return lead !== undefined &&
      /^\s*(?:trong\s+|của\s+|so với\s+)?$/u.test(inside.slice(0, lead.start).toLowerCase()) &&
      lead.period.id !== report.id &&
      cutOffOf(lead.period)?.id !== report.id
      ? [{ span: [a, b] as [number, number], period: lead.period }]
      : [];
  });
}

/**
 * In a sentence that names the report's period, the clauses led by another
 * period ("Trong tháng 7, xã tiếp nhận 500 hồ sơ; 7 tháng đầu năm 2025 tiếp
 * nhận 3.000 hồ sơ"): from that mention to the end of its clause, the
 * figures are the other period's.
 */
export function otherPeriodClauses(s: Sentence, report: Period | undefined): Apart[] {
  if (!report) return [];
  // Asides in parentheses are otherPeriodAsides'.
  const spans = [...comparisonSpans(s.lower), ...parentheses(s.lower)];
  const mentions = periodsOf(s, report.year).filter(
    (m) => !spans.some(([a, b]) => m.start >= a && m.start < b),
  );
  const own = (p: Period) => p.id === report.id || cutOffOf(p)?.id === report.id;
  if (!mentions.some((m) => own(m.period))) return [];
  return mentions.flatMap((m, i) => {
    if (own(m.period)) return [];
    const next = mentions[i + 1]?.start ?? s.lower.length;
    // A clause ends at ";" or a full stop, never at the dot of "3.000".
    const stop = /;|\.(?!\d)/u.exec(s.lower.slice(m.end));
    const end = Math.min(next, stop ? m.end + stop.index : s.lower.length);
    return [{ span: [m.start, end] as [number, number], period: m.period }];
  });
}

export function tagSentence(
  s: Sentence,
  section: Period | undefined,
  report: Period | undefined,
): Tag {
  if (!report) return { current: true };
  const spans = [
    ...comparisonSpans(s.lower, report.start.endsWith('-01-01')),
    ...parentheses(s.lower),
  ];
  // "Trong tháng 7, xã tiếp nhận ...": a yearless mention is of the report's year.
  const found = periodsOf(s, report.year);
  if (
    found.some(
      (m) => m.period.id === report.id && !spans.some(([a, b]) => m.start >= a && m.start < b),
    )
  )
    return { current: true };
  const mentions = found
    // A period named in a comparison ("so với cùng kỳ năm 2022"), in an aside "(năm 2023
    // đạt 31%)", or as where dossiers were carried from or to ("hồ sơ của năm 2023 chuyển
    // sang", "đang giải quyết chuyển sang năm 2025") does not date the sentence.
    .filter((m) => !spans.some(([a, b]) => m.start >= a && m.start < b))
    .filter((m) => !/^\s*(?:\S+\s+){0,2}(?:chuyển sang|chuyển qua)/u.test(s.lower.slice(m.end)))
    .filter((m) => !/(?:chuyển sang|chuyển qua|sang)\s*$/u.test(s.lower.slice(0, m.start)))
    // A reporting cut-off ("từ 15/12/2024 đến 14/3/2025") counts for the period it closes.
    .map((m) =>
      m.period.id !== report.id && cutOffOf(m.period)?.id === report.id ? report : m.period,
    )
    // "Kế hoạch CCHC năm 2023" in a half-year report of 2023 sets the scene, not the period.
    .filter((p) => !(p.kind === 'year' && report.kind !== 'year' && p.year === report.year))
    // Figures counted up to a cut-off inside the period ("từ 01/7 đến 22/9") are the period's.
    .filter((p) => !(p.start === report.start && p.end <= report.end && p.end >= report.start));
  if (mentions.some((p) => p.id === report.id)) return { current: true };
  const other = mentions[0] ?? (section && section.id !== report.id ? section : undefined);
  return other ? { current: false, period: other } : { current: true };
}

/**
 * A day or a week inside the period that a sentence's figures are counted
 * over: "Ngày 15/3/2024 xã tiếp nhận 25 hồ sơ", "Trong ngày 01/7/2025 (ngày
 * đầu vận hành) ...", "Tại buổi làm việc ngày 20/5/2024, xã báo cáo đã tiếp
 * nhận 1.100 hồ sơ", "Tuần qua, xã tiếp nhận 60 hồ sơ". Never a cut-off ("tính
 * đến ngày 14/6/2024", "từ ngày ... đến ngày ...", or a day in the period's
 * last weeks, which a report's figures are often counted up to) or the date
 * of a document ("Quyết định số 12/QĐ-UBND ngày 05/01/2024").
 */
const ONE_DAY = /(?<![\p{L}])ngày\s+(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?(?![\d/])/gu;

/** Days before the period's end that may be its cut-off ("Ngày 15/3/2024, xã tiếp nhận ..." in quarter I). */
const CUT_OFF_DAYS = 20;
const WEEK = /(?<![\p{L}])(?:tuần qua|trong tuần|tuần này|tuần trước|tuần vừa qua)(?![\p{L}])/u;

export function partOfPeriod(s: Sentence, report: Period | undefined): boolean {
  const first = /\d/u.exec(s.lower.replace(ONE_DAY, (m) => ' '.repeat(m.length)));
  const head = first ? s.lower.slice(0, first.index) : s.lower;
  if (WEEK.test(head)) return true;
  for (const m of head.matchAll(ONE_DAY)) {
    const before = s.lower.slice(Math.max(0, m.index - 60), m.index);
    // A cut-off or a range: the period's own figures, up to or from that day.
    if (/(?:đến|tới|từ|kể từ|tính đến|tính từ|trước|sau|hết)\s*$/u.test(before)) continue;
    // A document's date: "số 12/QĐ-UBND ngày 05/01/2024", "Kế hoạch ... ngày ...".
    if (
      /\d\s*\/\s*[\p{L}Đđ][\p{L}\d/-]*\s*$|(?:quyết định|kế hoạch|công văn|văn bản|thông báo|nghị quyết|chỉ thị|hướng dẫn|báo cáo|tờ trình|thông tư|nghị định)[^,;.]*$/u.test(
        before,
      )
    )
      continue;
    if (!report) continue;
    const day = `${m[3] ?? String(report.year)}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
    const toEnd = (Date.parse(report.end) - Date.parse(day)) / 86_400_000;
    // Near the end, the day a report's figures are counted up to; outside the period, not one
    // of its days (another period's, which tagSentence dates).
    if (!(day >= report.start && toEnd > CUT_OFF_DAYS)) continue;
    return true;
  }
  return false;
}
