/**
 * The header and signature of an administrative document: which unit wrote
 * it, its number ("Số: 52/BC-UBND"), the place-and-date line ("Kim Tân,
 * ngày 07 tháng 7 năm 2023"), the title after "BÁO CÁO", and the signer.
 */
import type { UnitKind } from '@congkhai/indicators';
import { documentDate, leadDate, webDate } from './issue-date.ts';

export interface UnitCandidate {
  /** null for a unit above commune level (a district, a provincial centre). */
  readonly kind: UnitKind | null;
  readonly name: string;
  readonly district: string | null;
  readonly province: string | null;
  /** How strongly the text names it (mentions; the date line counts double). */
  readonly weight: number;
}

export interface ProposedUnit {
  readonly kind: UnitKind | null;
  readonly name: string | null;
  readonly district: string | null;
  readonly province: string | null;
  /**
   * Every unit the text names as its own, strongest first. The fields above
   * are the first; with none, or several, the editor asks: it never picks one
   * from the units table by itself.
   */
  readonly candidates: readonly UnitCandidate[];
}

const WORD = String.raw`\p{Lu}[\p{Ll}\p{M}]*(?![\p{L}\p{M}])`;
const WORD_UPPER = String.raw`\p{Lu}[\p{Lu}\p{M}]*(?![\p{L}\p{M}])`;
// A name of up to four words; the first gap may be a line break ("tỉnh Hải\nDương"):
// no place name is one syllable, so a name is never cut at a wrapped line.
const NAME = String.raw`(${WORD}(?:(?:[ \t]+|[ \t]*\n[ \t]*)${WORD})?(?:[ \t]+${WORD}){0,2})`;
const NAME_UPPER = String.raw`(${WORD_UPPER}(?:[ \t]+${WORD_UPPER}){0,3})`;
/**
 * The second half of a province written with a dash: "Bà Rịa - Vũng Tàu", "Quảng Nam - Đà
 * Nẵng", "Thừa Thiên - Huế". Two words, or "Huế", on the same line; a third capitalised word
 * after them ("tỉnh Quảng Trị - Người Dân Tộc ...") means it is not a name.
 */
const DASHED = String.raw`(?:[ \t]*[-–][ \t]*(${WORD}[ \t]+${WORD}(?![ \t]+\p{Lu})|Huế(?![\p{L}\p{M}])))?`;
const DASHED_UPPER = String.raw`(?:[ \t]*[-–][ \t]*(${WORD_UPPER}[ \t]+${WORD_UPPER}(?![ \t]+\p{Lu})|HUẾ(?![\p{L}\p{M}])))?`;

/** A province's name from its halves: "Bà Rịa - Vũng Tàu"; "Thừa Thiên - Huế" is Thừa Thiên Huế. */
function provinceName(first: string | undefined, second: string | undefined): string | null {
  const a = cleanName(first ?? '');
  if (!a || second === undefined) return a;
  const b = cleanName(second);
  if (!b) return a;
  return b === 'Huế' ? `${a} ${b}` : `${a} - ${b}`;
}

const KIND_WORDS: Record<string, UnitKind> = {
  xã: 'xa',
  phường: 'phuong',
  'thị trấn': 'thi_tran',
  'đặc khu': 'dac_khu',
};

/** Words that are never part of a place name after "xã", "huyện"... */
const STOP_WORDS = new Set([
  'Ủy',
  'Uỷ',
  'Ban',
  'Đảng',
  'Phòng',
  'Thôn',
  // Capitalised words that start a phrase after a place word ("UBND huyện Về việc...").
  'Về',
  'Việc',
  'Và',
  'Theo',
  'Tại',
  'Trong',
  'Năm',
  'Tháng',
  'Ngày',
  'Đã',
  'Đến',
  'Từ',
  'Báo',
  'Kính',
]);

/**
 * Words that begin an organisation after a place ("xã Kim Tân Hội Nông dân",
 * "Văn phòng", "Công an", "Trang thông tin") but are also syllables of
 * places ("Hội Hợp", "Tam Nông", "Nha Trang", "Văn Lâm", "Đoàn Kết"): they
 * end a name only when the word after them makes the organisation.
 */
const ORGANISATION_STARTS: Record<string, RegExp> = {
  Hội: /^(?:nông|phụ|cựu|người|chữ|liên|nghị|đồng|viên|khuyến|luật|doanh|nông dân)/iu,
  Đoàn: /^(?:thanh|kiểm|công|đại|giám|viên|tncs)/iu,
  Công: /^(?:an|chức|đoàn|văn|ty|tác|khai|bố)/iu,
  Văn: /^(?:phòng|bản|hóa|hoá|thư)/iu,
  Bộ: /^(?:phận|chỉ|thủ|tư|nội|máy|đội)/iu,
  Trang: /^(?:thông|tin|web|điện)/iu,
  Nông: /^(?:thôn|nghiệp|dân)/iu,
};

function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(' ')
    .map((w) => (w ? (w[0] ?? '').toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/** `after`: the text right after the name as matched, to tell "Hội Hợp" from "Hội Nông dân". */
function cleanName(raw: string, after = ''): string | null {
  const words = raw.trim().split(/\s+/);
  // A single capital letter is an initial or an acronym's start, not a name.
  if (words.length === 1 && (words[0] ?? '').length < 2) return null;
  const kept: string[] = [];
  for (const [i, w] of words.entries()) {
    if (STOP_WORDS.has(w)) break;
    const organisation = ORGANISATION_STARTS[w];
    const next = i + 1 < words.length ? words.slice(i + 1).join(' ') : after.trimStart();
    if (organisation?.test(next)) break;
    kept.push(w);
  }
  return kept.length > 0 ? kept.join(' ') : null;
}

class Tally {
  private readonly counts = new Map<string, { n: number; first: number }>();
  add(key: string | null, weight: number, at: number): void {
    if (!key) return;
    const c = this.counts.get(key);
    if (c) c.n += weight;
    else this.counts.set(key, { n: weight, first: at });
  }
  entries(): [string, number][] {
    return [...this.counts]
      .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
      .map(([k, v]) => [k, v.n]);
  }
  best(): string | null {
    let best: [string, { n: number; first: number }] | undefined;
    for (const e of this.counts) {
      if (!best || e[1].n > best[1].n || (e[1].n === best[1].n && e[1].first < best[1].first))
        best = e;
    }
    return best?.[0] ?? null;
  }
}

/** Sentences describing borders ("phía Đông giáp xã Lê Thiện") name neighbours, not the unit. */
function withoutNeighbours(text: string): string {
  // Found word first, then widened to its sentence: "[^.\n]*giáp[^.\n]*" as one regex
  // rescans the rest of the text from every position, minutes on a long line without a stop.
  const parts: string[] = [];
  let done = 0;
  for (const m of text.matchAll(/\bgiáp\b/gu)) {
    if (m.index < done) continue;
    const start =
      Math.max(text.lastIndexOf('.', m.index), text.lastIndexOf('\n', m.index), done - 1) + 1;
    const stops = /[.\n]/gu;
    stops.lastIndex = m.index;
    const end = stops.exec(text)?.index ?? text.length;
    parts.push(text.slice(done, start), ' '.repeat(end - start));
    done = end;
  }
  parts.push(text.slice(done));
  return parts.join('');
}

/** Words before a district-level name: "huyện Kim Thành", "thành phố Tam Kỳ", "TP. Tam Kỳ", "quận Hoàn Kiếm". */
const DISTRICT_WORD = String.raw`(?:huyện|thị xã|thành phố|quận|TP\.|TP(?=\s))`;

/** The cities that are provinces (a "thành phố" of these is never a district). */
const PROVINCE_CITIES = ['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế'];

function cityProvince(name: string): string | null {
  if (name === 'HCM' || name === 'Hcm') return 'Hồ Chí Minh';
  return PROVINCE_CITIES.find((c) => name === c || name.startsWith(`${c} `)) ?? null;
}

/** A centre serving a whole province or district: "Trung tâm Phục vụ hành chính công tỉnh". */
const CENTRE = new RegExp(
  String.raw`Trung tâm Phục vụ hành chính công(?:\s+(tỉnh|huyện|thị xã|thành phố)(?:\s+${NAME})?)?(?!\s+(?:xã|phường|thị trấn|đặc khu)(?![\p{L}]))`,
  'gu',
);

function cleanCentre(raw: string): string {
  const words = raw.replace(/\s+/g, ' ').trim().split(' ');
  const stop = words.findIndex((w, i) => i > 5 && STOP_WORDS.has(w));
  return (stop > 0 ? words.slice(0, stop) : words).join(' ');
}

/**
 * `subject`: the sentence that states the first dossier count. The unit it
 * names as the one receiving or resolving them ("huyện Hải Lăng đã tiếp nhận
 * 21.882 hồ sơ", "UBND xã An Phú tiếp nhận ...") is the text's own, whatever
 * else it names more often.
 */
export function findUnit(text: string, placeName: string | null, subject?: string): ProposedUnit {
  const t = withoutNeighbours(text);
  const names = new Tally();
  const kinds = new Map<string, Tally>();
  const near = new Map<string, { districts: Tally; provinces: Tally }>();
  const see = (kindWord: string, raw: string, at: number, end: number, weight: number) => {
    const name = cleanName(
      raw === raw.toUpperCase() ? titleCase(raw) : raw,
      t.slice(end, end + 20),
    );
    // Commune names have two syllables or more: "xã Quyết định số ..." names no commune.
    if (!name || !name.includes(' ')) return;
    names.add(name, weight, at);
    let k = kinds.get(name);
    if (!k) kinds.set(name, (k = new Tally()));
    k.add(kindWord.toLowerCase(), 1, at);
    // "xã Kim Tân, huyện Kim Thành, tỉnh Hải Dương": the district and province written with it.
    let n = near.get(name);
    if (!n) near.set(name, (n = { districts: new Tally(), provinces: new Tally() }));
    // Read past the 80 characters a province may start within, so a window never cuts its
    // name ("tỉnh Quả|ng Ngãi" read "Quả").
    const after = t.slice(end, end + 160);
    const d = new RegExp(String.raw`^[\s,(-]*${DISTRICT_WORD}\s*${NAME}`, 'u').exec(after);
    const dn = cleanName(d?.[1] ?? '');
    if (dn && !cityProvince(dn)) n.districts.add(dn, 1, at);
    const p = new RegExp(
      String.raw`(?:^|,|-)\s*(?:tỉnh|thành phố|TP\.?)\s*${NAME}${DASHED}`,
      'u',
    ).exec(after);
    const pn = p && p.index <= 80 ? provinceName(p[1], p[2]) : null;
    if (pn && (/tỉnh/u.test(p?.[0] ?? '') || cityProvince(pn)))
      n.provinces.add(cityProvince(pn) ?? pn, 1, at);
  };
  for (const m of t.matchAll(
    // "Xã An Phú" at a sentence's start too; never "thị xã" (a district-level town).
    new RegExp(
      String.raw`(?<![\p{L}])(?<!thị\s)([Xx]ã|[Pp]hường|[Tt]hị trấn|[Đđ]ặc khu)\s+${NAME}`,
      'gu',
    ),
  )) {
    see(m[1] ?? '', m[2] ?? '', m.index, m.index + m[0].length, 1);
  }
  for (const m of t.matchAll(
    new RegExp(String.raw`(?<![\p{L}])(XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+${NAME_UPPER}`, 'gu'),
  )) {
    see(m[1] ?? '', m[2] ?? '', m.index, m.index + m[0].length, 1);
  }
  // The place on the date line is where the document was signed: a strong hint.
  if (placeName) names.add(placeName, 2, 0);
  // The unit that receives or resolves the dossiers in the first count's sentence.
  const lead = subject
    ? /^[^]*?(?=(?:đã\s+)?(?:tiếp nhận|giải quyết))/u.exec(subject)?.[0]
    : undefined;
  const subjects = lead
    ? [
        ...lead.matchAll(
          new RegExp(
            String.raw`(?<![\p{L}])(?<!thị\s)(?:[Xx]ã|[Pp]hường|[Tt]hị trấn|[Đđ]ặc khu)\s+${NAME}`,
            'gu',
          ),
        ),
      ]
        .map((m) => cleanName(m[1] ?? ''))
        .filter((n): n is string => n !== null && n.includes(' '))
    : [];
  // "Xã Quang Hải và xã Kim Tân đã tiếp nhận ...": two communes receive together, so the
  // sentence says which unit the report is of no more than the rest of the text does.
  // "Phối hợp với xã Quang Hải, xã Kim Tân đã tiếp nhận ...": the first is a partner.
  const last = subjects.at(-1);
  const kindBefore = (at: string) =>
    new RegExp(String.raw`${at}\s+(?:xã|phường|thị trấn|đặc khu)\s+$`, 'iu');
  const before = (name: string, which: 'first' | 'last') =>
    lead?.slice(0, which === 'first' ? lead.indexOf(name) : lead.lastIndexOf(name)) ?? '';
  const first = subjects[0];
  const joint =
    last !== undefined &&
    first !== undefined &&
    first !== last &&
    kindBefore('(?:và|,|cùng)').test(before(last, 'last')) &&
    !kindBefore('(?:với|cùng)').test(before(first, 'first'));
  const communeSubject = joint ? undefined : last;
  if (communeSubject) names.add(communeSubject, 3, 0);
  const districtSubject =
    lead && subjects.length === 0
      ? [...lead.matchAll(new RegExp(String.raw`(?<![\p{L}])${DISTRICT_WORD}\s*${NAME}`, 'gu'))]
          .map((m) => cleanName(m[1] ?? ''))
          .filter((n): n is string => n !== null && !cityProvince(n))
          .at(-1)
      : undefined;

  const districts = new Tally();
  for (const m of t.matchAll(
    new RegExp(
      // Never the "UBND" that ends a document's number ("Số: 92/BC-UBND" above "Phước Hải,
      // ngày ..."): that names no district.
      String.raw`(?<![-/])(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Huyện ủy|Huyện uỷ|Thành ủy|Thành uỷ|Quận ủy|Quận uỷ)\s+(?:${DISTRICT_WORD}\s*)?${NAME}`,
      'gu',
    ),
  )) {
    const name = cleanName(m[1] ?? '', t.slice(m.index + m[0].length, m.index + m[0].length + 20));
    if (name && !cityProvince(name)) districts.add(name, 2, m.index);
  }
  for (const m of t.matchAll(
    new RegExp(String.raw`(?<![\p{L}])${DISTRICT_WORD}\s*${NAME}`, 'gu'),
  )) {
    const name = cleanName(m[1] ?? '', t.slice(m.index + m[0].length, m.index + m[0].length + 20));
    if (name && !cityProvince(name)) districts.add(name, 1, m.index);
  }
  for (const m of t.matchAll(
    new RegExp(String.raw`(?<![\p{L}])(?:HUYỆN|THỊ XÃ)\s+${NAME_UPPER}`, 'gu'),
  ))
    districts.add(cleanName(titleCase(m[1] ?? '')), 1, m.index);
  const provinces = new Tally();
  for (const m of t.matchAll(
    new RegExp(
      String.raw`(?:Tỉnh ủy|Tỉnh uỷ|UBND tỉnh|Ủy ban nhân dân tỉnh)\s+${NAME}${DASHED}`,
      'gu',
    ),
  )) {
    provinces.add(provinceName(m[1], m[2]), 2, m.index);
  }
  for (const m of t.matchAll(new RegExp(String.raw`(?<![\p{L}])tỉnh\s+${NAME}${DASHED}`, 'gu')))
    provinces.add(provinceName(m[1], m[2]), 1, m.index);
  // The six cities that are provinces: "thành phố Hồ Chí Minh", "TP.HCM", "thành phố Huế".
  for (const m of t.matchAll(
    new RegExp(
      String.raw`(?<![\p{L}])(?:thành phố|Thành phố|TP\.?|Tp\.?|Thủ đô)\s*(${WORD}(?:[ \t]+${WORD}){0,2}|HCM)`,
      'gu',
    ),
  )) {
    const city = cityProvince(m[1] ?? '');
    if (city) provinces.add(city, 1, m.index);
  }
  for (const m of t.matchAll(
    new RegExp(String.raw`(?<![\p{L}])TỈNH\s+${NAME_UPPER}${DASHED_UPPER}`, 'gu'),
  ))
    provinces.add(
      provinceName(titleCase(m[1] ?? ''), m[2] === undefined ? undefined : titleCase(m[2])),
      1,
      m.index,
    );
  // A header in capitals: "THÀNH PHỐ HUẾ" under "UBND PHƯỜNG THUẬN HÓA" is the province (a
  // city that is one); "THÀNH PHỐ HỘI AN" is a district.
  for (const m of t.matchAll(
    new RegExp(String.raw`(?<![\p{L}])(?:THÀNH PHỐ|TP\.)\s*${NAME_UPPER}`, 'gu'),
  )) {
    const name = cleanName(titleCase(m[1] ?? ''));
    const city = name ? cityProvince(name) : null;
    if (city) provinces.add(city, 1, m.index);
    else districts.add(name, 1, m.index);
  }
  const district = districts.best();
  const province = provinces.best();

  // A name written once beside one written twenty times is a typo or a passing mention
  // ("Quang Khải" in Quang Hải's report): not a unit the editor must choose between.
  const ranked = names.entries();
  const strongest = ranked[0]?.[1] ?? 0;
  // Two names written once each (or on the date line and once) are two candidates: which is
  // the unit is not said, so the editor is asked.
  const named = ranked.filter(
    ([, w], i) => i === 0 || w >= (strongest <= 2 ? 1 : Math.max(2, strongest / 4)),
  );
  const candidates: UnitCandidate[] = named.map(([name, weight], i) => {
    const kindWord = kinds.get(name)?.best() ?? null;
    const n = near.get(name);
    // The strongest keeps the text's most named district and province; the others only
    // what is written beside them.
    const d = n?.districts.best() ?? (i === 0 ? district : null);
    const p = n?.provinces.best() ?? (i === 0 ? province : null);
    return {
      kind: kindWord ? (KIND_WORDS[kindWord] ?? null) : 'xa',
      name,
      district: d && d !== name ? d : null,
      province: p,
      weight,
    };
  });
  if (districtSubject) {
    // A district's (or a city's) text: the unit is above commune level, communes it names
    // stay as candidates for the editor.
    const c: UnitCandidate = {
      kind: null,
      name: districtSubject,
      district: districtSubject,
      province,
      weight: strongest + 1,
    };
    return { ...c, candidates: [c, ...candidates] };
  }
  const top = candidates[0];
  if (top) return { ...top, candidates };
  // No commune: a text about a provincial centre or a district is that unit's, above commune level.
  // The most specific of its mentions ("... công tỉnh" over "... công").
  const centre = [...t.matchAll(CENTRE)].sort((a, b) => b[0].length - a[0].length)[0];
  if (centre) {
    const name = cleanCentre(centre[0]);
    const c: UnitCandidate = { kind: null, name, district: null, province, weight: 1 };
    return { ...c, candidates: [c] };
  }
  if (district) {
    const c: UnitCandidate = { kind: null, name: district, district, province, weight: 1 };
    return { ...c, candidates: [c] };
  }
  return { kind: null, name: null, district: null, province, candidates: [] };
}

export interface DocumentHeader {
  readonly number: string | null;
  readonly issued: string | null;
  /** The dates of date lines that disagree (then `issued` is null: the editor asks). */
  readonly issuedConflict: readonly string[] | null;
  readonly placeName: string | null;
  readonly title: string | null;
  /**
   * Offsets of the lines the title was read from: a headline's numbers
   * ("Quý III, Hội An giải quyết 10.455 hồ sơ") are never figures.
   */
  readonly titleSpan: readonly [number, number] | null;
  /** Offset where the narrative starts (after the title block). */
  readonly bodyStart: number;
}

/** Longer than this, a "title" is the text itself: a paste with no line breaks. */
const MAX_TITLE = 300;

/** A title run together with the text that follows: cut where the text starts, or give none. */
function shortTitle(title: string): string | null {
  const cut = /\s(?:Căn cứ|Thực hiện|Kính gửi|I\.\s|Phần thứ)|[.;](?=\s)/u.exec(title);
  const short = cut ? title.slice(0, cut.index).trim() : '';
  return short !== '' && short.length <= MAX_TITLE ? short : null;
}

export function findHeader(text: string): DocumentHeader {
  const head = text.slice(0, 3000);
  let number: string | null = null;
  const num = /^[ \t]*Số\s*:?[ \t]*([^\n]*)$/mu.exec(head);
  if (num?.[1] !== undefined) {
    const cleaned = num[1]
      .replace(/\s+(?=[-/])|(?<=[-/])\s+/g, '')
      // "Số: 12/BC-UBND<tab>An Phú, ngày ...": the date line's column after a gap or a tab.
      .replace(/(?:\s{2,}|\t).*$/, '')
      .trim();
    // "Số: /BC-UBND" leaves the number blank.
    number = /^\d/.test(cleaned) ? cleaned : null;
  }
  const fromLine = documentDate(head);
  let issued: string | null = fromLine ? fromLine.issued : webDate(head);
  const placeName = fromLine?.placeName ?? null;
  const issuedConflict = fromLine?.conflict ?? null;
  let title: string | null = null;
  let titleSpan: [number, number] | null = null;
  let bodyStart = 0;
  const lines = [...text.matchAll(/^.*$/gmu)].slice(0, 80);
  const reportLine = lines.findIndex((l) =>
    /^\s*BÁO CÁO(?:\s+\p{Lu}[\p{Lu}\p{M}\d\s,/.–-]*)?$/u.test(l[0]),
  );
  if (reportLine >= 0) {
    const parts: string[] = [];
    // "BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH ...": the title is the rest of the line.
    const same = /^\s*BÁO CÁO\s+(.+)$/u.exec(lines[reportLine]?.[0] ?? '')?.[1]?.trim();
    if (same) {
      parts.push(same);
      const l = lines[reportLine];
      if (l) {
        bodyStart = l.index + l[0].length;
        titleSpan = [l.index, bodyStart];
      }
    }
    let blank = false;
    for (const l of lines.slice(reportLine + 1)) {
      const s = l[0].trim();
      if (s === '') {
        blank = parts.length > 0;
        continue;
      }
      // After a blank line the title goes on only as a wrapped continuation.
      if (blank && !/^\p{Ll}/u.test(s)) break;
      blank = false;
      if (/^(Căn cứ|Thực hiện|Kính gửi|Ngày|I\.)/u.test(s) || parts.length >= 4) break;
      // A line that ends with a sentence's full stop ("Tiếp nhận 12 hồ sơ.") is the text, not
      // the title, which never ends with one.
      if (parts.length > 0 && /\.$/u.test(s) && s.split(/\s+/).length >= 3) break;
      parts.push(s);
      bodyStart = l.index + l[0].length;
      titleSpan = [titleSpan?.[0] ?? l.index, bodyStart];
    }
    title =
      parts
        .join(' ')
        .replace(/\s+/g, ' ')
        .replace(/\s*,(?=\S)/g, ', ') || null;
  } else {
    // A web article or a pasted page: its headline is the first line of some length near
    // the top (not a breadcrumb "Chi tiết tin - Xã Hải Trường - Hải Lăng"), with the lines
    // it wraps onto (a PDF breaks it), when it does not read as a paragraph.
    const nonEmpty = lines.filter((l) => l[0].trim() !== '').slice(0, 12);
    const at = nonEmpty.findIndex((l) => {
      const s = l[0].trim();
      return (
        s.split(/\s+/).length >= 6 &&
        (s.match(/ - /g) ?? []).length < 2 &&
        !/^(Căn cứ|Thực hiện|Số|Kính gửi)/u.test(s)
      );
    });
    const first = nonEmpty[at];
    if (first) {
      let headline = first[0].trim();
      let end = first.index + first[0].length;
      const next = lines.findIndex((l) => l.index === first.index) + 1;
      for (const l of lines.slice(next)) {
        const s = l[0].trim();
        if (s === '' || !/^[\p{Ll}\d(]/u.test(s) || /[.;:,]$/u.test(headline)) break;
        // "03/11/2025 | 09:15" under the headline is the article's date line, not its wrap.
        if (/^\(?\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/u.test(s)) break;
        headline = `${headline} ${s}`;
        end = l.index + l[0].length;
      }
      const words = headline.split(/\s+/).length;
      if (
        words <= 40 &&
        headline.length <= MAX_TITLE &&
        !/[.;:,]$/u.test(headline) &&
        /\p{Ll}/u.test(headline)
      ) {
        title = headline;
        titleSpan = [first.index, end];
        bodyStart = end;
      }
    }
  }
  // A news article without a date line, led by its dateline.
  if (issued === null && issuedConflict === null && reportLine < 0)
    issued = leadDate(text, bodyStart, head);
  if (title && title.length > MAX_TITLE) {
    title = shortTitle(title);
    // A paste with no line breaks: its one "title line" is the whole text, figures and all.
    titleSpan = null;
  }
  // A title in capitals reads as a sentence (names lose their capitals: the editor can mend them).
  if (title && title === title.toUpperCase() && /\p{Lu}/u.test(title))
    title = (title.charAt(0) + title.slice(1).toLowerCase()).replace(
      /(?<=(?:quý|phần|giai đoạn)\s+)(iv|iii|ii|i)(?![\p{L}])/gu,
      (r) => r.toUpperCase(),
    );
  return {
    number,
    issued,
    issuedConflict,
    placeName,
    title,
    titleSpan: title ? titleSpan : null,
    bodyStart,
  };
}

/** The signer: the name under the signature block ("CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"), at the end. */
export function findSigner(text: string): string | null {
  const tail = text
    .slice(-1500)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  for (let i = tail.length - 1; i >= Math.max(0, tail.length - 8); i--) {
    const l = tail[i] ?? '';
    const words = l.split(/\s+/);
    // Ê Đê and M'nông names start with "Y" (men) or are written "H'Hen", "K'Lai":
    // "Y Thuôn Niê", "H'Hen Niê".
    const isName =
      words.length >= 2 &&
      words.length <= 5 &&
      words.every(
        (w, k) =>
          /^\p{Lu}[\p{Ll}\p{M}]+$/u.test(w) ||
          /^\p{Lu}['’]\p{Lu}[\p{Ll}\p{M}]+$/u.test(w) ||
          (k === 0 && w === 'Y'),
      );
    const afterTitle = tail
      .slice(Math.max(0, i - 4), i)
      .some((x) =>
        /^(?:KT\.|TM\.|T\/M|Q\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|TRƯỞNG BAN|BÍ THƯ|CHÁNH)/u.test(x),
      );
    if (isName && afterTitle) return l;
  }
  return null;
}
