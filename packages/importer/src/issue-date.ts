/**
 * The date a document was issued, as reports and articles write it: the
 * place-and-date line ("Kim Tân, ngày 07 tháng 7 năm 2023", "Củ Chi, ngày
 * 5/8/2025", "An Phú, ngày … tháng 7 năm 2025" with the day left blank), a
 * web page's date line ("Cập nhật lúc 10:20 ngày 05/08/2025", "05/08/2025
 * 10:20") or an article's dateline ("(TPHCM) - Ngày 5/8/2025, ..."). Never a
 * date inside a sentence: a decision's, a deadline's, a cut-off's.
 */

const pad = (n: string) => n.padStart(2, '0');

const valid = (d: number, m: number) => d >= 1 && d <= 31 && m >= 1 && m <= 12;

export interface DateLine {
  /** `2025-08-05`, or `2025-07` when the day is left blank. */
  readonly issued: string;
  readonly placeName: string | null;
}

/** The place of a line laid out in two columns ("Số: 61/BC-UBND      Tân Lập"): its last column. */
const lastColumn = (place: string) => (place.split(/\s{2,}|\t/).pop() ?? '').trim();

/** The place before the date is short, or the last column of a line laid out in two; a long clause before it is a sentence. */
const shortPlace = (place: string) =>
  place.length <= 40 || (/\s{2,}|\t/.test(place) && lastColumn(place).length <= 40);

/**
 * "…, ngày 05 tháng 8 năm 2025", the day possibly left blank ("ngày     tháng", "ngày …
 * tháng", "ngày ..... tháng", "ngày ___ tháng"): the form a draft is printed with.
 */
const WORDS =
  /(?:^|\n)[ \t]*([^\n,]{2,120}),\s*ngày\s*(?:(\d{1,2})|[.…_ \t]*)\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/gu;

/**
 * "Củ Chi, ngày 5/8/2025", "Đức Hòa, ngày 05-08-2025": in figures, only as a line of its
 * own (or a line's last column) under a place that starts with a capital, since a sentence
 * writes dates the same way ("Theo kế hoạch, ngày 5/8/2025 là hạn ...").
 */
const FIGURES =
  /(?:^|\n)[ \t]*([^\n,]{2,120}),\s*ngày\s*(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\3\s*(\d{4})[ \t]*(?=\n|$)/gu;

/** Every place-and-date line in the head, in order. */
export function dateLines(head: string): DateLine[] {
  const found: { at: number; line: DateLine }[] = [];
  const place = (raw: string) => {
    const p = lastColumn(raw);
    return /^\p{Lu}/u.test(p) && p.split(/\s+/).length <= 4 ? p : null;
  };
  for (const m of head.matchAll(WORDS)) {
    const [, raw = '', d, mo = '', y = ''] = m;
    if (!shortPlace(raw) || !(Number(mo) >= 1 && Number(mo) <= 12)) continue;
    if (d !== undefined && !valid(Number(d), Number(mo))) continue;
    const issued = d !== undefined ? `${y}-${pad(mo)}-${pad(d)}` : `${y}-${pad(mo)}`;
    found.push({ at: m.index, line: { issued, placeName: place(raw) } });
  }
  for (const m of head.matchAll(FIGURES)) {
    const [, raw = '', d = '', , mo = '', y = ''] = m;
    if (!shortPlace(raw) || !/^\p{Lu}/u.test(lastColumn(raw))) continue;
    if (!valid(Number(d), Number(mo))) continue;
    found.push({
      at: m.index,
      line: { issued: `${y}-${pad(mo)}-${pad(d)}`, placeName: place(raw) },
    });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.line);
}

/** Two date lines agree when they give the same day, or one gives only the other's month. */
const agree = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

export interface IssueDate {
  readonly issued: string | null;
  readonly placeName: string | null;
  /** The dates of date lines that disagree: none is proposed, the editor asks. */
  readonly conflict: readonly string[] | null;
}

/**
 * The document's date line. Two that disagree (a report pasted with another's header, a
 * date line retyped) propose none: which one is the issue date is the official's to say.
 * The same date written twice ("ngày 05 tháng 8 năm 2025" and "5/8/2025") is one date, the
 * more precise.
 */
export function documentDate(head: string): IssueDate | null {
  const lines = dateLines(head);
  const [first] = lines;
  if (!first) return null;
  const dates = [...new Set(lines.map((l) => l.issued))];
  if (dates.some((a) => dates.some((b) => !agree(a, b))))
    return { issued: null, placeName: first.placeName, conflict: dates };
  const issued = dates.reduce((a, b) => (b.length > a.length ? b : a));
  return { issued, placeName: first.placeName, conflict: null };
}

/**
 * A web page's date: "14:51, Thứ Năm, 2-11-2023", or a line that is only its date and time
 * ("06/06/2021 - 13:18", "05/08/2025 10:20", "05/08/2025 | 10:20", "Cập nhật: 06/06/2021
 * 13:18 GMT+7", "Cập nhật lúc 10:20 ngày 05/08/2025").
 */
export function webDate(head: string): string | null {
  const web =
    /(?:Thứ\s+\p{L}+|Chủ nhật),?\s*(\d{1,2})[-/](\d{1,2})[-/](\d{4})/u.exec(head) ??
    /^[ \t]*\(?(?:(?:Cập nhật|Ngày đăng|Đăng ngày|Đăng lúc|Ngày|Thời gian đăng|Xuất bản)(?:\s+lúc)?\s*:?\s*)?(?:\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:[AP]M)?\s*[,|-]?\s*(?:ngày\s+)?)?(?:(?:Thứ\s+\p{L}+|Chủ nhật)\s*,?\s*(?:ngày\s+)?)?(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s*[-,|]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?(?:\s*\(?GMT[+-]?\d*\)?)?\)?[ \t]*$/mu.exec(
      head.slice(0, 800),
    );
  const [d, m] = [Number(web?.[1]), Number(web?.[2])];
  return web && valid(d, m) ? `${web[3] ?? ''}-${pad(web[2] ?? '')}-${pad(web[1] ?? '')}` : null;
}

/**
 * A news article without a date line, led by its dateline in the first paragraph after the
 * headline: "Ngày 4/11, ông ... cho biết", "Sáng 5/8, ...", after its source or place when
 * the paper writes one ("(TPHCM) - Ngày 5/8/2025, ...", "TÂY NINH - Sáng 5/8, ...", "(Báo
 * Tây Ninh) – Chiều ngày 05/8/2025, ..."). Never a paragraph led by anything else ("Đến
 * ngày 30/6/2025, ...", "(TPHCM) - Theo Quyết định số 59/QĐ-UBND ngày 11/01/2023, ...").
 * Its year, when not written, is the latest the head writes ("... đến cuối tháng 10/2025").
 */
export function leadDate(text: string, bodyStart: number, head: string): string | null {
  const lead = text
    .slice(bodyStart, bodyStart + 600)
    .split(/\n/u)
    .map((l) => l.trim())
    .find((l) => l !== '');
  const d = lead
    ? /^(?:(?:\([^()\n]{1,40}\)|\p{Lu}[\p{Lu}\p{M}. ]{1,30}?)\s*[-–—]\s*)?(?:Ngày|Sáng|Chiều|Tối|Trưa)\s+(?:ngày\s+)?(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?\s*,/u.exec(
        lead,
      )
    : null;
  if (!d) return null;
  const years = [...head.matchAll(/(?:\/|năm\s+)((?:19|20)\d{2})(?!\d)/gu)].map((m) =>
    Number(m[1]),
  );
  const year = d[3] ?? (years.length > 0 ? String(Math.max(...years)) : undefined);
  return year && valid(Number(d[1]), Number(d[2]))
    ? `${year}-${pad(d[2] ?? '')}-${pad(d[1] ?? '')}`
    : null;
}
