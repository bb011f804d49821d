/**
 * Report text -> a proposed structured report: every figure with the
 * sentence it came from, for an editor to confirm. Precision first: a figure
 * that is ambiguous, contradicted or of another period is not proposed as
 * this period's.
 */
import {
  METRIC_IDS,
  SUM_CHECKS,
  formatNumber,
  formatPercent,
  isMetricId,
  metricDefinition,
  runChecks,
  type MetricId,
  type Metrics,
  type Period,
  type Text,
} from '@congkhai/indicators';
import { toMarkdown } from './body.ts';
import { checkText, decodeFile } from './decode.ts';
import { comparisonSpans, readSentence, type Candidate } from './figures.ts';
import { FIELD_HEADING, type Topic } from './lexicon.ts';
import { findHeader, findSigner, findUnit, type ProposedUnit } from './header.ts';
import { findNumbers } from './numbers.ts';
import { cutOffOf, findPeriods, type PeriodMention } from './periods.ts';
import { readRowTables, readTables } from './tables.ts';
import { normalizeImportText, splitSentences, type Sentence } from './text.ts';

export interface SourcedValue {
  readonly value: number;
  /** The sentence the figure was read from, as written. */
  readonly source: string;
  /** Character offset of the figure in the (normalized) text. */
  readonly offset: number;
  /** How the value was read when it is not written as it is ("5,65 ngàn" = 5 650). */
  readonly note?: Text;
}

export type SourcedMetrics = Partial<Record<MetricId, SourcedValue>>;

export interface ProposedPeriod {
  readonly start: string;
  readonly end: string;
  /** The standard period id (`2023-H1`), or null for a custom range. */
  readonly label: string | null;
}

export interface ImportWarning {
  readonly check: string;
  readonly message: Text;
  readonly source?: string;
}

export interface ProposedReport {
  readonly unit: ProposedUnit;
  readonly period: ProposedPeriod | null;
  readonly number: string | null;
  readonly issued: string | null;
  readonly signer: string | null;
  readonly title: string | null;
  readonly metrics: SourcedMetrics;
  readonly targets: SourcedMetrics;
  /** Percentages the text states for a part of its whole ("5.599 hồ sơ = 99,1%"). */
  readonly statedShares: SourcedMetrics;
  /** Figures the text gives for other periods (a full-year block in a quarterly report). */
  readonly otherPeriods: readonly {
    readonly period: ProposedPeriod;
    readonly metrics: SourcedMetrics;
  }[];
  readonly warnings: readonly ImportWarning[];
  /** The narrative as Markdown, sections as headings. */
  readonly body: string;
  /** The normalized text that offsets refer to. */
  readonly text: string;
  /**
   * Every number of the text, in order, for a review that highlights them:
   * the ones proposed name their field (`metric`, with `period` when it is
   * another period's), the others say why they are not a figure, when they
   * are plainly not one (a date, a document number, people...).
   */
  readonly numbers: readonly NumberMention[];
}

export interface NumberMention {
  /** Offset and length of the number as written, in `text`. */
  readonly offset: number;
  readonly length: number;
  readonly raw: string;
  /** Its value, or null when it is not a Vietnamese number (30.6, 1,164). */
  readonly value: number | null;
  readonly metric?: MetricId;
  readonly role?: 'value' | 'target' | 'share';
  /** The period of a figure proposed for another period (`2023`, `2024-M03`). */
  readonly period?: string;
  readonly notFigure?: string;
  /** The sentence it stands in, as offsets in `text`: the source of a figure assigned to it by hand. */
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
}

export type ImportResult = { ok: true; report: ProposedReport } | { ok: false; message: Text };

const toProposed = (p: Period): ProposedPeriod => ({
  start: p.start,
  end: p.end,
  label: p.kind === 'range' ? null : p.id,
});

const HEADING = /^(?:[IVX]+\.|\d+(?:\.\d+)*\.|Phần thứ)\s/u;
/** A top-level heading: "II. ...", "Phần thứ hai", or a line in capitals. */
const TOP_HEADING = /^(?:[IVX]+\.\s|Phần thứ\s|(?=[^\p{Ll}]*$)(?=.*\p{Lu}{3}))/u;
/**
 * The heading of the plan for the next period: "III. PHƯƠNG HƯỚNG, NHIỆM VỤ ...",
 * "II. NHIỆM VỤ THÁNG 4/2024", "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", "KIẾN NGHỊ".
 */
const PLAN_HEADING =
  /^(?:[IVX]+\.|\d+\.|Phần thứ\s+\p{L}+)?\s*(?:PHƯƠNG HƯỚNG|NHIỆM VỤ(?!\s+(?:ĐÃ|ĐƯỢC)(?![\p{L}]))|KẾ HOẠCH|ĐỀ XUẤT|KIẾN NGHỊ|Phương hướng|Nhiệm vụ(?:,|\s+và)?\s+(?:giải pháp|trọng tâm|thời gian tới))/u;

/** A sentence that states a dossier count: "tiếp nhận 21.882 hồ sơ", "5,65 ngàn HS". */
const STATES_DOSSIERS =
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

function reportPeriod(
  text: string,
  title: string | null,
  sentences: readonly Sentence[],
  issued: string | null,
): Period | undefined {
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
  if (titled) return titled.period;
  // A range the figures are counted over, written before them ("Kỳ báo cáo: từ ngày ... đến
  // ngày ...") or with them; never one of a cumulative or compared figure ("Lũy kế từ ngày
  // 1/7 đến ngày 31/8").
  const first = sentences.findIndex((s) => STATES_DOSSIERS.test(s.lower));
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
    if (range) return range.period;
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
    if (range) return range.period;
  }
  // A named period in the opening lines ("Báo cáo kết quả CCHC quý I/2024").
  const opening = text.slice(0, 600);
  return all(opening).find((m) => !m.explicitRange && m.period.kind !== 'year')?.period;
}

type Tag = { current: true } | { current: false; period: Period };

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
interface Apart {
  readonly span: [number, number];
  readonly period: Period;
}

function otherPeriodAsides(s: Sentence, report: Period | undefined): Apart[] {
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
function otherPeriodClauses(s: Sentence, report: Period | undefined): Apart[] {
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

function tagSentence(s: Sentence, section: Period | undefined, report: Period | undefined): Tag {
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

function sourced(c: Candidate): SourcedValue {
  return {
    value: c.value,
    source: c.sentence.quote,
    offset: c.offset,
    ...(c.note ? { note: c.note } : {}),
  };
}

/**
 * Postal intake is a part of received_direct: a figure for it alone is not
 * the direct intake, and a "trực tiếp" figure stated beside a separate
 * postal one leaves the postal dossiers out. Neither is proposed then.
 */
function withoutSplitDirect(cands: readonly Candidate[], warnings: ImportWarning[]): Candidate[] {
  const direct = (c: Candidate) => c.metric === 'dossiers.received_direct' && c.role === 'value';
  if (!cands.some((c) => direct(c) && c.postal)) return [...cands];
  const plainDirect = cands.filter((c) => direct(c) && !c.postal);
  const postal = cands.find((c) => direct(c) && c.postal);
  warnings.push({
    check: 'direct_without_postal',
    ...(postal ? { source: postal.sentence.quote } : {}),
    message: {
      vi: `Văn bản nêu riêng số hồ sơ qua bưu chính${plainDirect.length > 0 ? ' và số hồ sơ trực tiếp' : ''}; "Tiếp nhận trực tiếp" (gồm cả bưu chính) không được nêu thành một số, chưa đề xuất.`,
      en: `The text gives postal dossiers separately${plainDirect.length > 0 ? ' from those received in person' : ''}; "received directly" (postal included) is not stated as one figure, so it is not proposed.`,
    },
  });
  return cands.filter((c) => !direct(c));
}

/**
 * A sentence that gives the unit's total: of values that disagree, its own is
 * taken only when it is larger than each of the others (they are parts of
 * it, such as one office's or one field's). "Trong kỳ" names the period, not
 * a total, so it decides nothing.
 */
const TOTAL_HINT = /tổng số|tổng cộng|toàn xã|toàn phường|toàn thị trấn/u;

function resolve(
  cands: readonly Candidate[],
  warnings: ImportWarning[],
  what: Text,
): SourcedMetrics {
  const byMetric = new Map<MetricId, Candidate[]>();
  for (const c of cands) {
    const list = byMetric.get(c.metric) ?? [];
    list.push(c);
    byMetric.set(c.metric, list);
  }
  const out: SourcedMetrics = {};
  for (const id of METRIC_IDS) {
    const list = byMetric.get(id);
    if (!list || list.length === 0) continue;
    const distinct = new Set(list.map((c) => c.value));
    if (distinct.size === 1) {
      out[id] = sourced(list[0] as Candidate);
      continue;
    }
    // "Tổng số hồ sơ tiếp nhận: 868, trong đó kỳ trước chuyển sang 12, mới tiếp nhận 856":
    // the period's received is the new intake, the total includes the carry-over.
    const carried = byMetric.get('dossiers.carried_over');
    if (id === 'dossiers.received' && carried && new Set(carried.map((c) => c.value)).size === 1) {
      const c = carried[0]?.value ?? 0;
      const fresh = list.filter((x) => distinct.has(x.value + c));
      if (
        fresh.length > 0 &&
        new Set(fresh.map((x) => x.value)).size === 1 &&
        distinct.size === 2
      ) {
        out[id] = sourced(fresh[0] as Candidate);
        continue;
      }
    }
    // "Tổng số hồ sơ yêu cầu giải quyết là 10.455; trong đó hồ sơ mới tiếp nhận là 10.133, kỳ
    // trước chuyển qua là 612": the period's received is the one named as new, when every
    // other value is larger (a total with what was carried over, stated or not), even when
    // the text's sums do not add up.
    if (id === 'dossiers.received') {
      const fresh = new Set(list.filter((x) => x.fresh).map((x) => x.value));
      const [only] = fresh;
      if (
        fresh.size === 1 &&
        only !== undefined &&
        list.every((x) => (x.value === only ? x.fresh : x.value > only))
      ) {
        out[id] = sourced(list.find((x) => x.fresh) as Candidate);
        continue;
      }
    }
    const totals = list.filter((c) => TOTAL_HINT.test(c.sentence.lower));
    if (
      new Set(totals.map((c) => c.value)).size === 1 &&
      totals[0] &&
      list.every((c) => c.value <= (totals[0]?.value ?? 0))
    ) {
      out[id] = sourced(totals[0]);
      continue;
    }
    const label = metricDefinition(id).label;
    const values = [...distinct];
    warnings.push({
      check: `conflict:${id}`,
      message: {
        vi: `${what.vi}: văn bản nêu nhiều giá trị khác nhau cho "${label.vi}" (${values.map((v) => formatNumber(v, 'vi')).join('; ')}); chưa đề xuất giá trị nào.`,
        en: `${what.en}: the text gives different values for "${label.en}" (${values.map((v) => formatNumber(v, 'en')).join('; ')}); none is proposed.`,
      },
    });
  }
  return out;
}

const plain = (m: SourcedMetrics): Metrics =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.value]));

/** One unit of the last decimal place written: 99.1 -> 0.1, 100 -> 1. */
const precision = (p: number) => 10 ** -(String(p).split('.')[1] ?? '').length;

/**
 * A share that contradicts its counts ("1.145 hồ sơ ..., đạt 100%" of 1.164)
 * means the text's base is unclear. The count is kept only when it adds up
 * with its siblings; otherwise it is not proposed, and the editor is told why.
 */
function reconcileShares(
  metrics: SourcedMetrics,
  shares: SourcedMetrics,
  warnings: ImportWarning[],
): Set<MetricId> {
  const dropped = new Set<MetricId>();
  const values = plain(metrics);
  const passing = new Set<MetricId>();
  for (const c of SUM_CHECKS) {
    const ids = [...c.parts, ...c.whole];
    if (!ids.every((id) => values[id] !== undefined)) continue;
    const sum = (xs: readonly MetricId[]) => xs.reduce((s, id) => s + (values[id] ?? 0), 0);
    if (sum(c.parts) === sum(c.whole)) ids.forEach((id) => passing.add(id));
  }
  for (const [id, share] of Object.entries(shares) as [MetricId, SourcedValue][]) {
    const whole = metricDefinition(id).partOf;
    const part = metrics[id];
    const base = whole ? metrics[whole] : undefined;
    if (!part || !base || base.value === 0) continue;
    const actual = (part.value / base.value) * 100;
    if (Math.abs(actual - share.value) <= precision(share.value) + 1e-9 || passing.has(id))
      continue;
    const label = metricDefinition(id).label;
    warnings.push({
      check: `unclear_base:${id}`,
      source: share.source,
      message: {
        vi: `Văn bản nêu ${formatNumber(part.value, 'vi')} (${label.vi.toLowerCase()}) đạt ${formatPercent(share.value, 'vi', 3)}, nhưng ${formatNumber(part.value, 'vi')}/${formatNumber(base.value, 'vi')} = ${formatPercent(actual, 'vi')}: không rõ cơ sở tính, chưa đề xuất số liệu này.`,
        en: `The text states ${formatNumber(part.value, 'en')} (${label.en.toLowerCase()}) at ${formatPercent(share.value, 'en', 3)}, but ${formatNumber(part.value, 'en')}/${formatNumber(base.value, 'en')} = ${formatPercent(actual, 'en')}: the base is unclear, so the figure is not proposed.`,
      },
    });
    dropped.add(id);
  }
  return dropped;
}

const without = (m: SourcedMetrics, drop: (id: MetricId) => boolean): SourcedMetrics =>
  Object.fromEntries(Object.entries(m).filter(([id]) => !isMetricId(id) || !drop(id)));

function bodyRange(text: string, bodyStart: number): [number, number] {
  const first = /^(?:Căn cứ|Thực hiện|Kính gửi|Trên cơ sở|I\.|Phần thứ)/mu.exec(
    text.slice(bodyStart),
  );
  const start = first ? bodyStart + first.index : bodyStart;
  // Where a document's narrative ends: its distribution list, or a web page's furniture.
  const end =
    /^\s*(?:Nơi nhận|Các tin khác|Tin liên quan|Tin cùng chuyên mục|Bài viết liên quan|Chia sẻ bài viết|Chia sẻ|Bình luận|BÌNH LUẬN|Gửi bình luận|Ý kiến bạn đọc|In bài viết|Xem thêm)\s*:?\s*$/mu.exec(
      text.slice(start),
    );
  return [start, end ? start + end.index : text.length];
}

export function importText(raw: string): ImportResult {
  const checked = checkText(raw);
  if (!checked.ok) return checked;
  const text = normalizeImportText(checked.text);
  const header = findHeader(text);
  // A text that is only its headline ("Phường An Phú tiếp nhận 1.200 hồ sơ trong quý III")
  // has nothing else to read: its figures are the text's.
  const titleSpan =
    header.titleSpan && STATES_DOSSIERS.test(text.slice(header.titleSpan[1]).toLowerCase())
      ? header.titleSpan
      : null;
  const sentences = splitSentences(text);
  const period = reportPeriod(text, header.title, sentences, header.issued);
  const warnings: ImportWarning[] = [];

  const current: Candidate[] = [];
  const mentions = new Map<number, NumberMention>();
  for (const s of sentences) {
    for (const n of findNumbers(s)) {
      const why = n.notFigure ?? (n.unit ? `counts ${n.unit}` : undefined);
      mentions.set(s.start + n.start, {
        offset: s.start + n.start,
        length: n.end - n.start,
        raw: n.raw,
        value: Number.isNaN(n.value) ? null : n.value,
        ...(why ? { notFigure: why } : {}),
        sentenceStart: s.start,
        sentenceEnd: s.end,
      });
    }
  }
  const others = new Map<string, { period: Period; cands: Candidate[] }>();
  let section: Period | undefined;
  let plan = false;
  let field = false;
  let topic: Topic | undefined;
  let previousEnd = -1;
  let previousText = '';
  let previousListed = false;
  /** Sentences under a plan's or one field's heading: no table there is the period's result. */
  const setAside: [number, number][] = [];
  for (const s of sentences) {
    const heading = (HEADING.test(s.flat) || TOP_HEADING.test(s.flat)) && s.flat.length < 200;
    if (heading) {
      // A heading that names a period starts that period's block; a top-level one (I., Phần
      // thứ hai) without a period ends it; a numbered item ("1. Phấn đấu ...") keeps it.
      const named = findPeriods(s.flat)[0]?.period;
      const top = TOP_HEADING.test(s.flat);
      if (named || top) section = named;
      if (PLAN_HEADING.test(s.flat)) plan = true;
      else if (top) plan = false;
    }
    // "1. Lĩnh vực hộ tịch" heads one field's figures, until the next heading.
    if (FIELD_HEADING.test(s.flat)) field = true;
    else if (heading || /^\s*[a-zđ]\)\s/u.test(s.flat)) field = false;
    if (plan || field) setAside.push([s.start, s.end]);
    if (/\t|\|/.test(text.slice(s.start, s.end))) continue; // table rows are read as tables
    // A headline states what the text says below it, rounded or with another meaning
    // ("Quý III, Hội An giải quyết 10.455 hồ sơ" heads "tổng số hồ sơ yêu cầu giải quyết là
    // 10.455"): its numbers are never figures, and no topic carries from it.
    if (titleSpan && s.start >= titleSpan[0] && s.end <= titleSpan[1]) {
      previousEnd = -1;
      continue;
    }
    // Figures under "PHƯƠNG HƯỚNG, NHIỆM VỤ ..." are goals for a later period, never results.
    if (plan || field) {
      previousEnd = s.end;
      continue;
    }
    const tag = tagSentence(s, section, period);
    // The topic carries into the next sentence of the same paragraph ("... tiếp nhận 2.214 hồ sơ. Trong đó: trực tuyến 1.780").
    const samePara = previousEnd >= 0 && !/\n\s*\n/.test(text.slice(previousEnd, s.start));
    // A Word file puts a blank line after every paragraph: the breakdown that follows ("Trong
    // đó: ...", or list items after a line ending with ":") goes on with the same topic.
    const goesOn: boolean =
      previousEnd >= 0 &&
      (/^(?:trong đó|cụ thể|bao gồm|gồm)(?![\p{L}])/iu.test(s.flat) ||
        (/^[-+•*–]\s/u.test(s.flat) && (/[:;]\s*$/u.test(previousText) || previousListed)));
    const carries: boolean = samePara || goesOn;
    previousListed = carries && /^[-+•*–]\s/u.test(s.flat);
    previousText = s.flat;
    const apart = [...otherPeriodAsides(s, period), ...otherPeriodClauses(s, period)];
    const reading = readSentence(
      s,
      carries ? topic : undefined,
      !tag.current,
      apart.map((x) => x.span),
      period?.start.endsWith('-01-01') === true,
      period?.start,
    );
    // The parts left out are read on their own, as their period's figures.
    for (const { span, period: p } of tag.current ? apart : []) {
      const [a, b] = span;
      const part: Sentence = {
        start: s.start + a,
        end: s.start + b,
        flat: s.flat.slice(a, b),
        lower: s.lower.slice(a, b),
        quote: s.quote,
      };
      const entry = others.get(p.id) ?? { period: p, cands: [] };
      entry.cands.push(
        ...readSentence(part, carries ? topic : undefined, true).candidates.filter(
          (c) => c.role === 'value',
        ),
      );
      others.set(p.id, entry);
      for (const [at, m] of mentions)
        if (at >= part.start && at < part.end) mentions.set(at, { ...m, period: p.id });
    }
    if (!tag.current) {
      for (const [at, m] of mentions)
        if (at >= s.start && at < s.end) mentions.set(at, { ...m, period: tag.period.id });
    }
    topic = reading.topic;
    previousEnd = s.end;
    const cands = reading.candidates;
    for (const u of reading.unclear) {
      warnings.push({ check: 'ambiguous', source: u.sentence.quote, message: u.reason });
    }
    if (tag.current) current.push(...cands);
    else {
      const entry = others.get(tag.period.id) ?? { period: tag.period, cands: [] };
      entry.cands.push(...cands.filter((c) => c.role === 'value'));
      others.set(tag.period.id, entry);
    }
  }
  current.push(
    ...readTables(text),
    ...readRowTables(text, period, (at) => setAside.some(([a, b]) => at >= a && at < b)),
  );

  const thisPeriod = { vi: 'Kỳ này', en: 'This period' };
  const read = resolve(
    withoutSplitDirect(current, warnings).filter((c) => c.role === 'value'),
    warnings,
    thisPeriod,
  );
  const targets = resolve(
    current.filter((c) => c.role === 'target'),
    warnings,
    { vi: 'Chỉ tiêu', en: 'Targets' },
  );
  const shares = resolve(
    current.filter((c) => c.role === 'share'),
    [],
    thisPeriod,
  );
  const dropped = reconcileShares(read, shares, warnings);
  const metrics = without(read, (id) => dropped.has(id));
  const statedShares = without(shares, (id) => metrics[id] === undefined);

  const otherPeriods = [...others.values()]
    .map((o) => ({
      period: toProposed(o.period),
      metrics: resolve(o.cands, warnings, { vi: o.period.id, en: o.period.id }),
    }))
    .filter((o) => Object.keys(o.metrics).length > 0);

  for (const w of runChecks({ metrics: plain(metrics), statedShares: plain(statedShares) })) {
    warnings.push({ check: w.check, message: w.message });
  }
  if (!period) {
    warnings.push({
      check: 'period_unknown',
      message: {
        vi: 'Không xác định được kỳ báo cáo từ văn bản: hãy chọn kỳ.',
        en: 'The reporting period could not be read from the text: choose it.',
      },
    });
  }
  const [bodyStart, bodyEnd] = bodyRange(text, header.bodyStart);
  return {
    ok: true,
    report: {
      unit: findUnit(
        text,
        header.placeName,
        sentences.find((x) => STATES_DOSSIERS.test(x.lower))?.flat,
      ),
      period: period ? toProposed(period) : null,
      number: header.number,
      issued: header.issued,
      signer: findSigner(text),
      title: header.title,
      metrics,
      targets,
      statedShares,
      otherPeriods,
      warnings,
      body: toMarkdown(text.slice(bodyStart, bodyEnd)),
      text,
      numbers: numberMentions(mentions, [
        ...Object.entries(metrics),
        ...Object.entries(targets).map(([k, v]) => [k, v, 'target'] as const),
        ...Object.entries(statedShares).map(([k, v]) => [k, v, 'share'] as const),
        ...otherPeriods.flatMap((o) => Object.entries(o.metrics)),
      ]),
    },
  };
}

/** The text's numbers, each proposed one with the field it went to. */
function numberMentions(
  mentions: ReadonlyMap<number, NumberMention>,
  proposed: readonly (
    readonly [string, SourcedValue] | readonly [string, SourcedValue, 'target' | 'share']
  )[],
): NumberMention[] {
  const byOffset = new Map<number, { metric: MetricId; role: 'value' | 'target' | 'share' }>();
  for (const [metric, v, role] of proposed) {
    if (!byOffset.has(v.offset))
      byOffset.set(v.offset, { metric: metric as MetricId, role: role ?? 'value' });
  }
  return [...mentions.values()]
    .sort((a, b) => a.offset - b.offset)
    .map((m) => {
      const p = byOffset.get(m.offset);
      if (!p) return m;
      const { notFigure: _n, ...rest } = m;
      return { ...rest, metric: p.metric, role: p.role };
    });
}

/** An uploaded file (.docx or text in any common encoding). */
export async function importFile(bytes: Uint8Array): Promise<ImportResult> {
  const decoded = await decodeFile(bytes);
  if (!decoded.ok) return decoded;
  return importText(decoded.text);
}
