/**
 * Report text -> a proposed structured report: every figure with the
 * sentence it came from, for an editor to confirm. Precision first: a figure
 * that is ambiguous, contradicted or of another period is not proposed as
 * this period's.
 */
import {
  periodLabel,
  runChecks,
  type MetricId,
  type Period,
  type Text,
} from '@congkhai/indicators';
import { toMarkdown } from './body.ts';
import { checkText, decodeFile } from './decode.ts';
import { readSentence, type Candidate } from './figures.ts';
import { FIELD_HEADING, type Topic } from './lexicon.ts';
import { findHeader, findSigner, findUnit, type ProposedUnit } from './header.ts';
import { findNumbers } from './numbers.ts';
import { findPeriods } from './periods.ts';
import {
  STATES_DOSSIERS,
  otherPeriodAsides,
  otherPeriodClauses,
  partOfPeriod,
  reportPeriod,
  tagSentence,
} from './report-period.ts';
import {
  plain,
  reconcileShares,
  resolve,
  without,
  withoutSplitDirect,
  type ImportWarning,
  type SourcedMetrics,
  type SourcedValue,
} from './resolve.ts';
import { readRowTables, readTables } from './tables.ts';
import { normalizeImportText, splitSentences, type Sentence } from './text.ts';

export type { ImportWarning, SourcedMetrics, SourcedValue } from './resolve.ts';

export interface ProposedPeriod {
  readonly start: string;
  readonly end: string;
  /** The standard period id (`2023-H1`), or null for a custom range. */
  readonly label: string | null;
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
  const { period, conflict } = reportPeriod(text, header.title, sentences, header.issued);
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
    // One day's or one week's figures inside the period are a part of it, never its own.
    if (tag.current) {
      if (!partOfPeriod(s, period)) current.push(...cands);
    } else {
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
  if (header.issuedConflict) {
    // "2025-08-05" as officials write it, "05/08/2025" ("07/2025" for a blank day).
    const dates = header.issuedConflict.map((d) => d.split('-').reverse().join('/')).join(', ');
    warnings.push({
      check: 'issued_conflict',
      message: {
        vi: `Văn bản ghi nhiều ngày ban hành khác nhau (${dates}): hãy chọn ngày đúng.`,
        en: `The text gives different issue dates (${dates}): choose the right one.`,
      },
    });
  }
  if (conflict) {
    const [title, window] = conflict;
    warnings.push({
      check: 'period_conflict',
      message: {
        vi: `Tiêu đề ghi kỳ “${periodLabel(title, 'vi')}” nhưng kỳ báo cáo trong văn bản là “${periodLabel(window, 'vi')}”: hãy chọn kỳ.`,
        en: `The title names the period “${periodLabel(title, 'en')}” but the text's reporting window is “${periodLabel(window, 'en')}”: choose the period.`,
      },
    });
  } else if (!period) {
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
