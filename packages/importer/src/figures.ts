/**
 * Reads the figures of one sentence: each number that is a figure takes the
 * metric its words give it. What cannot be read with confidence is left out:
 * a figure the text does not clearly state is never proposed.
 */
import { formatNumber, metricDefinition, type MetricId, type Text } from '@congkhai/indicators';
import {
  AFTER_DOSSIER_COUNT,
  COMPARISON_MARKER,
  COUNT_CUES,
  DELIVERY_CHANNEL,
  AFTER_DOSSIER_NOUN,
  FIELD_LEAD,
  GOAL_CUES,
  NEGATION_BEFORE,
  PAYMENT_BEFORE,
  WEAK_TARGET,
  ZERO_GOAL,
  AFTER_DOSSIER_RATE,
  DOSSIER_HEADS,
  FIELD_SUBSET,
  GAP_WORDS,
  HEAD_MARKER,
  LEVEL_PART,
  LUMP_JOIN,
  PENDING_QUALIFIERS,
  PER_ITEM,
  RATE,
  PERCENT_CUES,
  PROCEDURE_CONTEXT,
  PROCEDURE_EXCLUDE,
  SHARE_LINK,
  SUBSET_LEAD,
  TARGET_CUES,
  THRESHOLD_AFTER,
  THRESHOLD_BEFORE,
  WASTE_CONTEXT,
  ZERO_STATEMENTS,
  type Cue,
  type Topic,
} from './lexicon.ts';
import { findNumbers, type NumberToken } from './numbers.ts';
import { wordsRegex, type Sentence } from './text.ts';

export type FigureRole = 'value' | 'target' | 'share';

export interface Candidate {
  readonly metric: MetricId;
  readonly value: number;
  readonly role: FigureRole;
  readonly sentence: Sentence;
  /** Offset of the number in the document. */
  readonly offset: number;
  /** How the value was read from what is written ("5,65 ngàn" = 5 650). */
  readonly note?: Text;
  /** Counted as postal intake, a part of received_direct. */
  readonly postal?: true;
  /**
   * Named as new intake ("hồ sơ mới tiếp nhận là 10.133", "tiếp nhận mới"): of
   * received figures that disagree, the one without what was carried over.
   */
  readonly fresh?: true;
}

/** A number that looks like a figure but is not proposed, and why. */
export interface Unclear {
  readonly value: number;
  readonly sentence: Sentence;
  readonly offset: number;
  readonly reason: Text;
}

interface CompiledCue {
  readonly metric: MetricId;
  readonly topic?: Topic;
  readonly postal?: true;
  readonly re: RegExp;
}

function compile(cues: readonly Cue[]): CompiledCue[] {
  return cues.flatMap((c) =>
    c.phrases.map((ph) => ({
      metric: c.metric,
      ...(c.topic ? { topic: c.topic } : {}),
      ...(c.postal ? { postal: c.postal } : {}),
      re: wordsRegex([ph]),
    })),
  );
}

interface CueMatch {
  readonly metric: MetricId;
  readonly start: number;
  readonly end: number;
  readonly postal?: true;
}

const COUNT = compile(COUNT_CUES);
const PERCENT = compile(PERCENT_CUES);
const TARGET = wordsRegex(TARGET_CUES, 'u');
const PENDING = wordsRegex(PENDING_QUALIFIERS, 'u');
const PENDING_G = wordsRegex(PENDING_QUALIFIERS);
/** What was resolved, as against what is pending: the state a later "quá hạn" is of. */
const RESOLVED_STATE =
  /(?<![\p{L}])(?<!(?:đang|chưa|đang được)\s+)(?:giải quyết|xử lý|trả kết quả)(?![\p{L}])/gu;
const INTAKE = wordsRegex(['tiếp nhận', 'nộp', 'nhận mới', 'nhận']);
const RESOLUTION = wordsRegex(['giải quyết', 'xử lý', 'trả kết quả']);
const RESOLUTION_WORD = wordsRegex(['giải quyết', 'xử lý', 'trả kết quả'], 'u');

function lastIndex(re: RegExp, text: string): number {
  let last = -1;
  for (const m of text.matchAll(re)) last = m.index;
  return last;
}

/** The number is in a breakdown ("trong đó", "gồm", "(") of the intake named before it, in its clause. */
function partOfIntake(lower: string, at: number): boolean {
  const i = lastIndex(INTAKE, lower.slice(0, at));
  if (i < 0) return false;
  const between = lower.slice(i, at);
  return (
    /(?<![\p{L}])(?:trong đó|bao gồm|gồm)(?![\p{L}])|\(/u.test(between) && !between.includes(';')
  );
}

/** The topic in force at a point: the last intake or resolution word before it. */
function topicAt(lower: string, at: number): Topic | undefined {
  const before = lower.slice(0, at);
  const i = lastIndex(INTAKE, before);
  const r = lastIndex(RESOLUTION, before);
  if (i < 0 && r < 0) return undefined;
  return i > r ? 'intake' : 'resolution';
}

/** The cue ending closest to the end of `context`; ties go to the longer cue. */
function closestCue(
  cues: readonly CompiledCue[],
  context: string,
  topic: Topic | undefined,
  maxStart = Infinity,
): CueMatch | undefined {
  let best: CueMatch | undefined;
  for (const c of cues) {
    if (c.topic && c.topic !== topic) continue;
    for (const m of context.matchAll(c.re)) {
      const start = m.index;
      if (start > maxStart) continue;
      const before = context.slice(Math.max(0, start - 24), start);
      // "không hài lòng", "chưa thanh toán trực tuyến": the opposite of the cue.
      if (NEGATION_BEFORE.test(before)) continue;
      // "thanh toán trực tuyến 120 hồ sơ": how fees were paid, not how dossiers came in.
      if (
        (c.metric === 'dossiers.received_online' || c.metric === 'dossiers.received_direct') &&
        PAYMENT_BEFORE.test(before)
      )
        continue;
      const end = start + m[0].length;
      if (!best || end > best.end || (end === best.end && start < best.start))
        best = { metric: c.metric, end, start, ...(c.postal ? { postal: c.postal } : {}) };
    }
  }
  return best;
}

const related = (a: MetricId, b: MetricId) =>
  a === b || metricDefinition(a).partOf === b || metricDefinition(b).partOf === a;

/**
 * Two labels joined into one lump ("quá hạn và chưa giải quyết", "tiếp nhận
 * và giải quyết"): the number could be either, or their sum. `cue` is the
 * label the number took; the label joined to it, before or after, makes it
 * ambiguous when it counts something else.
 */
function lumpedWith(text: string, cue: CueMatch, topic: Topic | undefined): MetricId | undefined {
  const before = text.slice(0, cue.start);
  const join = /(?:\s*(?:và|hoặc|hay|cùng|,|\/)\s*)$/u.exec(before);
  if (join && LUMP_JOIN.test(join[0])) {
    const head = before.slice(0, join.index);
    const other = closestCue(COUNT, head, topic);
    if (other && other.end === head.length && !related(other.metric, cue.metric))
      return other.metric;
  }
  const after = text.slice(cue.end);
  const next = /^\s*(?:và|hoặc|hay|,|\/)\s*/u.exec(after);
  if (next) {
    const rest = after.slice(next[0].length);
    const other = closestCue(COUNT, rest, topic, 0);
    if (other && other.start === 0 && !related(other.metric, cue.metric)) return other.metric;
  }
  return undefined;
}

/** Where the words that name a number begin: after the previous figure, a ";" or an open "(". */
function contextStart(lower: string, at: number, figures: readonly NumberToken[]): number {
  let start = 0;
  for (const f of figures) if (f.spanEnd <= at) start = Math.max(start, f.spanEnd);
  let depth = 0;
  for (let i = at - 1; i >= start; i--) {
    const ch = lower[i];
    if (ch === ')') depth++;
    else if (ch === '(') {
      if (depth === 0) return i + 1;
      depth--;
    } else if (ch === ';' && depth === 0) return i + 1;
  }
  return start;
}

/** "mới tiếp nhận", "nhận mới", "tiếp nhận mới": new intake, as against a total with the carry-over. */
export const NEW_INTAKE = /(?<![\p{L}])(?:mới\s+(?:tiếp\s+)?nhận|nhận\s+mới)(?![\p{L}])/u;

const SAME_DAY =
  /(?<![\p{L}])(?:ngay\s+)?trong\s+(?:ngày|buổi)(?!\s*\d)(?![\p{L}]*\s+\d{1,2}\s*\/)/u;

const TO_ANOTHER_OFFICE =
  /chuyển\s+(?:sang|qua|về|đến|cho)\s+(?:chi nhánh|văn phòng|phòng|sở|ubnd|ủy ban|uỷ ban|cơ quan|bộ phận|đơn vị|trung tâm|công an|tòa án|toà án)(?![\p{L}])/u;

/**
 * The words after "N hồ sơ", up to the clause's end, say they were received
 * before `periodStart` ("tiếp nhận trước ngày 01/7/2025") and moved on into
 * the period ("chuyển sang", "chuyển qua", "tiếp tục giải quyết").
 */
function receivedBefore(after: string, periodStart: string): boolean {
  const clause = /^[^;]*/u.exec(after.replace(/\.(?!\d)[^]*$/u, ''))?.[0] ?? '';
  const m =
    /^\s*(?:hồ sơ|hs)\s[^;]{0,60}?(?:tiếp nhận|nhận)\s+(?:từ\s+)?trước\s+(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/u.exec(
      clause,
    );
  if (!m || !/chuyển sang|chuyển qua|tiếp tục giải quyết/u.test(clause.slice(m[0].length)))
    return false;
  const date = `${m[3] ?? ''}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
  return date <= periodStart;
}

/** The clause a number stands in: between ";", a parenthesis or "trong đó" on either side. */
function clauseAround(lower: string, at: number): string {
  const stop = /;|\(|\)|(?<![\p{L}])trong đó(?![\p{L}])/gu;
  let start = 0;
  let end = lower.length;
  for (const m of lower.matchAll(stop)) {
    if (m.index + m[0].length <= at) start = m.index + m[0].length;
    else if (m.index >= at) {
      end = m.index;
      break;
    }
  }
  return lower.slice(start, end);
}

const isFigure = (t: NumberToken) => t.notFigure === undefined && !Number.isNaN(t.value);

/** Words allowed between a number and a label written after it: "2.101 hồ sơ được giải quyết trước hạn". */
const RIGHT_LABEL_LEAD =
  /^\s*(?:hồ sơ|hs)?(?:\s+(?:tthc|thủ tục hành chính))?(?:\s+(?:đều|đã|được|nộp|bị|của\s+(?:năm|kỳ|quý|tháng)\s+\S+))*\s*/u;

/** A label written after the number, up to the next comma, semicolon or figure: its most specific (last) cue. */
function rightCue(
  after: string,
  topic: Topic | undefined,
): { cue: CueMatch; lump?: MetricId } | undefined {
  const lead = RIGHT_LABEL_LEAD.exec(after)?.[0] ?? '';
  if (!/hồ sơ|hs/u.test(lead)) return undefined;
  const phrase = after.slice(lead.length).split(/[,;:.()–\d-]|\svà\s+(?=\d)/u)[0] ?? '';
  // The label starts right there; of the cues it begins with, the last is the most specific.
  const first = closestCue(COUNT, phrase, topic, 0);
  if (first) {
    const lump = lumpedWith(phrase, first, topic);
    if (lump) return { cue: first, lump };
  }
  const cue = closestCue(COUNT, phrase, topic, 12);
  return cue ? { cue } : undefined;
}

const AFTER_COUNT = new RegExp(`^\\s*${wordsRegex(AFTER_DOSSIER_COUNT, 'u').source}`, 'u');
const HEADS = new RegExp(`^${wordsRegex(DOSSIER_HEADS, 'u').source}`, 'u');

const AFTER_PERCENT = new RegExp(
  `^\\s*${wordsRegex([...AFTER_DOSSIER_RATE, ...PERCENT_CUES.flatMap((c) => c.phrases)], 'u').source}`,
  'u',
);

/** "toàn trình" or "một phần" alone, or one level ("mức độ 4"), in the words after "hồ sơ". */
const ONE_KIND_ONLINE =
  /^[^,;.()\d]{0,40}?(?:(?<![\p{L}])(?:toàn trình|một phần)(?![\p{L}])(?![^,;.()\d]*(?:toàn trình|một phần))|mức độ\s*[34](?!\s*(?:,|và|-)\s*(?:mức độ\s*)?\d))/u;

/** "100% hồ sơ được ...", "98% hồ sơ TTHC đã ...": the dossiers a percentage is of, before its label. */
const PERCENT_OF_DOSSIERS =
  /^\s*(?:số\s+)?(?:hồ sơ|hs)(?:\s+(?:tthc|thủ tục hành chính))?\s+(?:đều\s+)?(?:đã\s+)?(?:được\s+)?/u;

const DOSSIER_NOUN = /^\s*(?:bộ\s+|lượt\s+)?(?:hồ sơ|hs)(?![\p{L}])/u;
const AFTER_NOUN = new RegExp(
  `^\\s*(?:${wordsRegex(AFTER_DOSSIER_NOUN, 'u').source}|${AFTER_COUNT.source.replace(/^\^\\s\*/, '')})`,
  'u',
);

/**
 * The word right after a number when it is not one a dossier count is
 * followed by: what it counts. After "hồ sơ", a word that names a kind of
 * dossier ("12 hồ sơ đăng ký khai sinh") makes it a part, never the whole.
 */
function countedNoun(after: string): string | undefined {
  const word = /^\s*(\p{L}+)/u.exec(after);
  if (!word) return undefined;
  if (!AFTER_COUNT.test(after)) return word[1];
  const noun = DOSSIER_NOUN.exec(after);
  if (!noun) return undefined;
  const rest = after.slice(noun[0].length);
  if (FIELD_SUBSET.test(rest)) return 'hồ sơ (một lĩnh vực)';
  // "1.200 hồ sơ/tháng", "50 hồ sơ mỗi ngày": a rate, not a count.
  if (RATE.test(rest)) return 'hồ sơ (mỗi ngày, tháng...)';
  // "500 hồ sơ dịch vụ công trực tuyến toàn trình": one kind of online dossier, a part.
  if (ONE_KIND_ONLINE.test(rest)) return 'hồ sơ (toàn trình hoặc một phần)';
  const next = /^\s*(\p{L}+)/u.exec(rest);
  if (!next || AFTER_NOUN.test(rest)) return undefined;
  return `hồ sơ ${next[1] ?? ''}`;
}

/** The head of the clause before a number ("Tổng số TTHC ... là 167"), when it is not dossiers. */
function otherHead(context: string): string | undefined {
  let last: RegExpExecArray | undefined;
  for (const m of context.matchAll(HEAD_MARKER)) last = m;
  if (!last) return undefined;
  const rest = context.slice(last.index + last[0].length);
  if (HEADS.test(rest)) return undefined;
  return /^\p{L}+/u.exec(rest)?.[0];
}

/** Nothing but a colon, "=", "là" or "đạt" between a cue and its number. */
const ADJACENT = /^[\s:=]*(?:là|đạt|được|gồm)?[\s:=]*$/u;

/**
 * Spans of a sentence that compare with something else, from the marker to
 * the end of its clause: "tăng 12% so với cùng kỳ năm 2022".
 */
export function comparisonSpans(lower: string, yearToDate = false): [number, number][] {
  const spans: [number, number][] = [];
  const re = new RegExp(COMPARISON_MARKER.source, 'gu');
  for (const m of lower.matchAll(re)) {
    // "Từ đầu năm đến nay" in a report that starts with the year (the year, its first half,
    // quarter or nine months) is the report's own period, not a running total beside it.
    if (
      yearToDate &&
      /^từ đầu năm\s+(?:đến|tới)\s+nay/u.test(m[0] + lower.slice(m.index + m[0].length)) &&
      !/(?:lũy|luỹ) kế\s*$/u.test(lower.slice(0, m.index))
    )
      continue;
    const rest = lower.slice(m.index);
    // Inside a parenthesis ("(tăng 10,5% so với cùng kỳ), giải quyết 1.000 hồ sơ"), the
    // comparison ends with it.
    const before = lower.slice(0, m.index);
    const open = before.lastIndexOf('(') > before.lastIndexOf(')');
    // Never at the dot of "1.043": a comparison runs on past its own numbers.
    const end = (open ? /[;)]|\.(?!\d)/u : /;|\.(?!\d)/u).exec(rest);
    spans.push([m.index, end ? m.index + end.index : lower.length]);
  }
  return spans;
}

const inSpans = (spans: readonly [number, number][], at: number) =>
  spans.some(([a, b]) => at >= a && at < b);

/** Exported for tables, which name their columns with the same cues. */
export function cueFor(text: string, topic: Topic | undefined): MetricId | undefined {
  return closestCue(COUNT, text, topic)?.metric;
}

/** Exported for tables whose rows name a rate ("Hồ sơ được số hóa | 1.129 | 95,5"). */
export function percentCueFor(text: string): MetricId | undefined {
  return closestCue(PERCENT, text, undefined)?.metric;
}

function scaledNote(t: NumberToken): Text {
  return {
    vi: `"${t.raw} ${t.scaled ?? ''}" đã đổi thành ${formatNumber(t.value, 'vi')} (số làm tròn theo văn bản).`,
    en: `"${t.raw} ${t.scaled ?? ''}" (thousands) converted to ${formatNumber(t.value, 'en')} (rounded as written).`,
  };
}

/** The clause before a zero names one field or one level: the zero is that part's. */
const zeroOfPart = (clause: string) =>
  FIELD_LEAD.test(clause) ||
  LEVEL_PART.test(clause) ||
  /(?<![\p{L}])lĩnh vực\s+(?!các\s)\p{L}/u.test(clause);

export interface SentenceReading {
  readonly candidates: Candidate[];
  /** Numbers that look like figures but are not proposed, with the reason. */
  readonly unclear: Unclear[];
  /** The topic in force at the end of the sentence, for a following "Trong đó: ..." sentence. */
  readonly topic: Topic | undefined;
}

/**
 * `otherPeriod`: the sentence is dated to another period, so a "Riêng ..."
 * lead splits by time ("Riêng trong tháng 3"), not by a part of the unit.
 */
export function readSentence(
  sentence: Sentence,
  inherited?: Topic,
  otherPeriod = false,
  /** Spans of another period's figures ("(năm 2023 tiếp nhận 2.115 hồ sơ)"), left out. */
  asides: readonly [number, number][] = [],
  /** The report's period starts with its year: "từ đầu năm đến nay" is that period. */
  yearToDate = false,
  /** The first day of the report's period (`2025-07-01`), when known. */
  periodStart?: string,
): SentenceReading {
  const { lower } = sentence;
  const tokens = findNumbers(sentence);
  const figures = tokens.filter(isFigure);
  const spans = [...comparisonSpans(lower, yearToDate), ...asides];
  const out: Candidate[] = [];
  const unclear: Unclear[] = [];
  const push = (
    metric: MetricId,
    value: number,
    role: FigureRole,
    t: { start: number },
    extra: { note?: Text; postal?: true; fresh?: true } = {},
  ) => out.push({ metric, value, role, sentence, offset: sentence.start + t.start, ...extra });
  // "Riêng tại Bộ phận ... huyện đã tiếp nhận 1.279 hồ sơ": a part of the unit.
  const subset = (!otherPeriod && SUBSET_LEAD.test(lower)) || FIELD_LEAD.test(lower);
  const classified: NumberToken[] = [];
  let lastCount: { metric: MetricId; token: NumberToken } | undefined;
  let lastPercent: MetricId | undefined;
  const topicOf = (at: number) => topicAt(lower, at) ?? inherited;

  for (const t of figures) {
    if (inSpans(spans, t.start)) continue;
    const topic = topicOf(t.start);

    if (t.percent) {
      // A percentage looks back past numbers that named nothing: "số hóa 1.067/1.067 hồ sơ, đạt tỷ lệ 100%".
      const context = lower.slice(contextStart(lower, t.start, classified), t.start);
      if (THRESHOLD_AFTER.test(t.after) || THRESHOLD_BEFORE.test(context)) continue;
      // "đạt gần 90%", "khoảng 85%": a rounded claim, not the rate.
      if (t.approximate) continue;
      // "100% các xã", "95% kế hoạch", "100% TTHC": a share of something else than dossiers.
      if (/^\s*\p{L}/u.test(t.after) && !AFTER_PERCENT.test(t.after)) {
        classified.push(t);
        continue;
      }
      // "chưa đạt chỉ tiêu huyện giao (50%)": a target named just before the parenthesis.
      const ctxStart = contextStart(lower, t.start, classified);
      const beforeParen =
        lower[ctxStart - 1] === '(' ? lower.slice(Math.max(0, ctxStart - 40), ctxStart) : '';
      const isTarget =
        TARGET.test(context) ||
        WEAK_TARGET.test(context) ||
        (context.trim() === '' && (TARGET.test(beforeParen) || WEAK_TARGET.test(beforeParen)));
      // "100% hồ sơ được số hóa": the label right after the dossiers it is a share of.
      const rightLabel = PERCENT_OF_DOSSIERS.exec(t.after);
      const cue =
        closestCue(PERCENT, context, topic) ??
        (rightLabel
          ? closestCue(PERCENT, t.after.slice(rightLabel[0].length), topic, 0)
          : // "99,5% hài lòng với thái độ phục vụ": the label right after the number.
            closestCue(PERCENT, t.after.trimStart(), topic, 0));
      const between = lastCount ? lower.slice(lastCount.token.spanEnd, t.start) : undefined;
      if (lastCount && between !== undefined && SHARE_LINK.test(between) && !isTarget) {
        if (metricDefinition(lastCount.metric).partOf) push(lastCount.metric, t.value, 'share', t);
      } else if (cue) {
        push(cue.metric, t.value, isTarget ? 'target' : 'value', t);
        lastPercent = cue.metric;
      } else if (isTarget && lastPercent) {
        push(lastPercent, t.value, 'target', t);
      } else if (/tỷ lệ|tỉ lệ/u.test(context) && !isTarget) {
        const count = closestCue(COUNT, context, topic);
        if (count && metricDefinition(count.metric).partOf) push(count.metric, t.value, 'share', t);
      }
      classified.push(t);
      continue;
    }

    if (!t.integer) continue;
    const context = lower.slice(contextStart(lower, t.start, figures), t.start);
    let metric: MetricId | undefined;
    let whole: MetricId | undefined;
    let postal = false;
    let fresh = false;
    const noun = countedNoun(t.after);
    // The clause's head says what it counts only when no noun after the number does.
    const named = /^\s*(?:hồ sơ|hs|bộ hồ sơ)(?![\p{L}])/u.test(t.after);
    const head = noun === undefined && !named ? otherHead(context) : undefined;
    // Read in the number's own clause: "Tổng số TTHC thuộc thẩm quyền ... là 362 thủ tục; trong
    // đó 298 thủ tục ... trực tuyến toàn trình" counts all of them first, then a subset.
    const clause = clauseAround(lower, t.start);
    const procedures = PROCEDURE_CONTEXT.test(clause) && !PROCEDURE_EXCLUDE.test(clause);
    if (/^\s*(?:tthc|thủ tục)/u.test(t.after) || /^(?:tthc|thủ tục)/u.test(head ?? '')) {
      if (procedures) metric = 'procedures.total';
    } else if (/^\s*lĩnh vực/u.test(t.after)) {
      if (procedures) metric = 'procedures.fields';
    } else if (WASTE_CONTEXT.test(lower) && /^\s*hộ(?![\p{L}])/u.test(t.after)) {
      if (!PER_ITEM.test(context)) {
        metric = /tổng số|trên tổng|trong tổng|(?<![\p{L}])trên\s*$/u.test(context)
          ? 'waste.households_total'
          : 'waste.households_sorting';
        if (t.whole !== undefined) whole = 'waste.households_total';
      }
    } else if (
      t.unit === undefined &&
      !t.approximate &&
      noun === undefined &&
      head === undefined &&
      !subset &&
      // "Phấn đấu tiếp nhận trực tuyến 1.000 hồ sơ": a goal, not a result.
      !GOAL_CUES.test(context.split(/[,;]/u).at(-1) ?? '') &&
      // "Lĩnh vực hộ tịch: tiếp nhận 223 hồ sơ", "...; đất đai tiếp nhận 20": one field's.
      !FIELD_LEAD.test(context) &&
      !PER_ITEM.test(context) &&
      !LEVEL_PART.test(context)
    ) {
      const left = closestCue(COUNT, context, topic);
      const right = rightCue(t.after, topic);
      // A label right before the number wins; otherwise a label right after it ("445 hồ sơ nộp trực tiếp").
      const leftAdjacent = left !== undefined && ADJACENT.test(context.slice(left.end));
      // "giải quyết 139 hồ sơ đúng hạn và trước hạn": a label after that names a part of the
      // one before is the more precise reading.
      const rightRefines =
        right !== undefined &&
        left !== undefined &&
        metricDefinition(right.cue.metric).partOf === left.metric;
      // A label further back names the number only across words that keep to it.
      const leftReaches =
        left !== undefined &&
        (leftAdjacent ||
          (context.slice(left.end).match(/\p{L}+/gu) ?? []).every((w) => GAP_WORDS.has(w)));
      const chosen =
        leftAdjacent && !rightRefines ? left : (right?.cue ?? (leftReaches ? left : undefined));
      const lump =
        chosen === right?.cue
          ? right?.lump
          : chosen
            ? lumpedWith(context, chosen, topic)
            : undefined;
      metric = chosen?.metric;
      fresh =
        chosen !== undefined &&
        NEW_INTAKE.test(context.slice(Math.max(0, chosen.start - 12), context.length));
      // "trả kết quả qua dịch vụ bưu chính 15 hồ sơ", "giải quyết trực tuyến 500 hồ sơ": how a
      // part of the results went out, not all that was resolved.
      if (
        metric === 'dossiers.resolved' &&
        chosen &&
        (DELIVERY_CHANNEL.test(context.slice(chosen.start)) ||
          DELIVERY_CHANNEL.test(
            (/^[^,;.()\d]*/u.exec(t.after)?.[0] ?? '').split(/\s+/).slice(0, 6).join(' '),
          ))
      )
        metric = undefined;
      postal = chosen?.postal === true && !/trực tiếp/u.test(context);
      if (metric && lump) {
        const a = metricDefinition(metric).label;
        const b = metricDefinition(lump).label;
        unclear.push({
          value: t.value,
          sentence,
          offset: sentence.start + t.start,
          reason: {
            vi: `${formatNumber(t.value, 'vi')} gộp hai chỉ tiêu ("${b.vi}" và "${a.vi}"): không rõ thuộc chỉ tiêu nào, chưa đề xuất.`,
            en: `${formatNumber(t.value, 'en')} lumps two figures together ("${b.en}" and "${a.en}"): which one it is is unclear, so it is not proposed.`,
          },
        });
        metric = undefined;
      }
      // "đang giải quyết quá hạn 2": overdue but still pending, not resolved late; so is "đang
      // giải quyết 125 hồ sơ, trong đó ... 4 hồ sơ đã quá hạn", the label after the number.
      if (
        chosen &&
        (metric === 'dossiers.resolved_late' ||
          metric === 'dossiers.resolved_early' ||
          metric === 'dossiers.resolved_on_time') &&
        ((chosen === left && PENDING.test(context.slice(0, left.start))) ||
          // "Đang giải quyết 20 hồ sơ (trong hạn 18, quá hạn 2)": the state the clause is in.
          lastIndex(PENDING_G, lower.slice(0, t.start)) >
            lastIndex(RESOLVED_STATE, lower.slice(0, t.start)))
      ) {
        metric = undefined;
      }
      // "Tiếp nhận 1.250 hồ sơ, trong đó 5 hồ sơ quá hạn": overdue among those received, with no
      // word of resolving: resolved late or still pending is not said. ("Tiếp nhận 1.164 hồ sơ;
      // đúng hạn 01 hồ sơ": a clause of its own after ";", the form's short way, still is.)
      if (
        (metric === 'dossiers.resolved_late' ||
          metric === 'dossiers.resolved_early' ||
          metric === 'dossiers.resolved_on_time' ||
          metric === 'dossiers.resolved_in_time') &&
        topicAt(lower, t.start) === 'intake' &&
        partOfIntake(lower, t.start) &&
        !RESOLUTION_WORD.test(t.after.split(/[,;.]/u)[0] ?? '')
      )
        metric = undefined;
      if (metric && t.whole !== undefined) whole = metricDefinition(metric).partOf;
    }
    // "120 hồ sơ được giải quyết ngay trong ngày", "giải quyết ngay trong ngày 120 hồ sơ": the
    // dossiers resolved the day they came in, a part of those resolved.
    if (
      metric &&
      (SAME_DAY.test(/^[^,;.()]*/u.exec(t.after)?.[0] ?? '') ||
        SAME_DAY.test(context.split(/[,;(]/u).at(-1) ?? ''))
    )
      metric = undefined;
    // "12 hồ sơ tiếp nhận trước ngày 15/8/2025 ...": a count bounded by a date inside the
    // period is a part of it, not the period's figure.
    if (metric && /^[^,;.]{0,40}?(?<![\p{L}])(?:trước|sau)\s+ngày\s+\d/u.test(t.after))
      metric = undefined;
    // "12 hồ sơ chuyển sang Chi nhánh Văn phòng đăng ký đất đai": sent to another office,
    // not carried over from the period before.
    if (metric === 'dossiers.carried_over' && TO_ANOTHER_OFFICE.test(lower)) metric = undefined;
    // "37 hồ sơ do UBND huyện (cũ) tiếp nhận trước ngày 01/7/2025 chuyển sang đặc khu tiếp tục
    // giải quyết": received before the period began and carried into it.
    if (
      !metric &&
      named &&
      !subset &&
      periodStart &&
      receivedBefore(lower.slice(t.end), periodStart)
    )
      metric = 'dossiers.carried_over';
    if (!metric) {
      lastCount = undefined;
      continue;
    }
    classified.push(t);
    push(metric, t.value, 'value', t, {
      ...(t.scaled ? { note: scaledNote(t) } : {}),
      ...(postal ? { postal: true as const } : {}),
      ...(metric === 'dossiers.received' && fresh ? { fresh: true as const } : {}),
    });
    if (whole && t.whole !== undefined) push(whole, t.whole, 'value', t);
    lastCount = { metric, token: t };
  }

  for (const z of ZERO_STATEMENTS) {
    const m = z.pattern.exec(lower);
    if (
      m &&
      !subset &&
      !inSpans(spans, m.index) &&
      // "Phấn đấu không phát sinh hồ sơ quá hạn", "đảm bảo không có hồ sơ trễ hạn": a goal.
      !ZERO_GOAL.test(
        lower
          .slice(Math.max(0, m.index - 60), m.index)
          .split(/[;.]/u)
          .at(-1) ?? '',
      ) &&
      // "...; lĩnh vực đất đai không có hồ sơ quá hạn", "cấp xã không có ...": a part's zero.
      !zeroOfPart(lower.slice(0, m.index).split(/[;(]/u).at(-1) ?? '') &&
      // "Đang giải quyết 13 hồ sơ (trong hạn 13; quá hạn: không)": none overdue among pending.
      !(
        z.metric === 'dossiers.resolved_late' &&
        lastIndex(PENDING_G, lower.slice(0, m.index)) >
          lastIndex(RESOLVED_STATE, lower.slice(0, m.index))
      )
    )
      // The source points at the word that says zero ("không", "chưa").
      push(z.metric, 0, 'value', { start: m.index + Math.max(0, m[0].search(/không|chưa/u)) });
  }
  return { candidates: out, unclear, topic: topicAt(lower, lower.length) ?? inherited };
}
