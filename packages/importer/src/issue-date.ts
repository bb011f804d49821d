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
  /(?:^|\n)[ \t]*([^\n,]{2,120}),\s*ngày\s*(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\3\s*(\d{4})[ \t.]*(?=\n|$)/gu;

/**
 * "ngày 28 tháng 7 năm 2025" as a line of its own: a date line whose place column a PDF's
 * text layer dropped or put elsewhere (never a sentence that starts with a date).
 */
const BARE =
  /(?:^|\n)[ \t]*[Nn]gày\s*(?:(\d{1,2})|[.…_ \t]*)\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})[ \t.]*(?=\n|$)/gu;

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
  for (const m of head.matchAll(BARE)) {
    const [, d, mo = '', y = ''] = m;
    if (!(Number(mo) >= 1 && Number(mo) <= 12)) continue;
    if (d !== undefined && !valid(Number(d), Number(mo))) continue;
    const issued = d !== undefined ? `${y}-${pad(mo)}-${pad(d)}` : `${y}-${pad(mo)}`;
    found.push({ at: m.index, line: { issued, placeName: null } });
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
  if (lines.length === 0) return null;
  const placeName = lines.find((l) => l.placeName !== null)?.placeName ?? null;
  const dates = [...new Set(lines.map((l) => l.issued))];
  if (dates.some((a) => dates.some((b) => !agree(a, b))))
    return { issued: null, placeName, conflict: dates };
  const issued = dates.reduce((a, b) => (b.length > a.length ? b : a));
  return { issued, placeName, conflict: null };
}

const WEEKDAY = String.raw`(?:Thứ\s+(?:\p{L}+|[2-7])|Chủ nhật)`;
const TIME = String.raw`\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*[AP]M)?`;
const LABEL = String.raw`(?:Ngày cập nhật|Ngày xuất bản|Ngày đăng tin|Ngày đăng|Đăng ngày|Đăng lúc|Đăng tải|Cập nhật|Thời gian đăng|Xuất bản|Ngày)(?:\s+(?:lúc|ngày))?`;

/**
 * A string that is only a date, with its time, weekday or label: "06/06/2021 - 13:18",
 * "05/08/2025 lúc 10:20", "Cập nhật ngày: 28/07/2025", "Thứ Hai, 28 tháng 7, 2025".
 */
const DATE_ONLY = new RegExp(
  String.raw`^\(?(?:${LABEL}\s*:?\s*)?(?:${TIME}\s*[,|-]?\s*(?:ngày\s+)?)?(?:${WEEKDAY}\s*,?\s*(?:ngày\s+)?)?(?:(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})|(\d{1,2})\s+[Tt]háng\s+(\d{1,2})\s*(?:,|năm)\s*(\d{4}))(?:\s*[-,|]?\s*(?:lúc\s*)?${TIME})?(?:\s*\(?GMT[+-]?\d*\)?)?\)?$`,
  'u',
);

/** What else a portal's date line holds: an author, a section, a count of views; never a deadline. */
const BESIDE_DATE = /^[^\d|]{1,40}$|^Lượt (?:xem|đọc)\s*:?\s*[\d.]+$/u;
const NOT_BESIDE = /hạn|đến|trước|từ|quyết định|kế hoạch|số\s/iu;

function onlyDate(line: string): string | null {
  const m = DATE_ONLY.exec(line.trim());
  if (!m) return null;
  const [d, mo, y] = m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
  return valid(Number(d), Number(mo)) ? `${y ?? ''}-${pad(mo ?? '')}-${pad(d ?? '')}` : null;
}

/**
 * A web page's date: "14:51, Thứ Năm, 2-11-2023", or a line that is only its date and time
 * ("06/06/2021 - 13:18", "05/08/2025 10:20", "05/08/2025 | 10:20", "Cập nhật: 06/06/2021
 * 13:18 GMT+7", "Cập nhật lúc 10:20 ngày 05/08/2025", "Thứ 2, 28/07/2025 15:30"), or whose
 * parts between "|" are its date and its author, section or views ("Thanh Tâm |
 * 28/07/2025 15:30 | Lượt xem: 1.234"), never a table's row ("| 1 | ... | 11/01/2023 |").
 */
export function webDate(head: string): string | null {
  const web = new RegExp(String.raw`${WEEKDAY},?\s*(\d{1,2})[-/](\d{1,2})[-/](\d{4})`, 'u').exec(
    head,
  );
  if (web && valid(Number(web[1]), Number(web[2])))
    return `${web[3] ?? ''}-${pad(web[2] ?? '')}-${pad(web[1] ?? '')}`;
  for (const raw of head.slice(0, 800).split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('|')) continue;
    const whole = onlyDate(line);
    if (whole) return whole;
    const parts = line.split(/\s+\|\s+/u);
    if (parts.length < 2 || parts.length > 4) continue;
    const dates = parts.map(onlyDate);
    const at = dates.findIndex((d) => d !== null);
    if (at >= 0 && parts.every((p, i) => i === at || (BESIDE_DATE.test(p) && !NOT_BESIDE.test(p))))
      return dates[at] ?? null;
  }
  return null;
}

/**
 * A news article without a date line, led by its dateline in the first paragraph after the
 * headline: "Ngày 4/11, ông ... cho biết", "Sáng 5/8, ...", after its source or place when
 * the paper writes one ("(TPHCM) - Ngày 5/8/2025, ...", "TÂY NINH - Sáng 5/8, ...", "(Báo
 * Tây Ninh) – Chiều ngày 05/8/2025, ..."). Never a paragraph led by anything else ("Đến
 * ngày 30/6/2025, ...", "(TPHCM) - Theo Quyết định số 59/QĐ-UBND ngày 11/01/2023, ..."). The
 * day and month may be joined by a dash ("(PLO) - Sáng 28-7, ...") and followed by "vừa qua".
 * Its year, when not written, is the latest the head writes ("... đến cuối tháng 10/2025").
 */
export function leadDate(text: string, bodyStart: number, head: string): string | null {
  const lead = text
    .slice(bodyStart, bodyStart + 600)
    .split(/\n/u)
    .map((l) => l.trim())
    .find((l) => l !== '');
  const d = lead
    ? /^(?:(?:\([^()\n]{1,40}\)|\p{Lu}[\p{Lu}\p{M}. ]{1,30}?)\s*[-–—]\s*)?(?:Ngày|Sáng|Chiều|Tối|Trưa)\s+(?:ngày\s+)?(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?(?:\s+vừa qua)?\s*,/u.exec(
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
