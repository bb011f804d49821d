/**
 * What the search index is built from: one record per unit and per report,
 * as plain text. The renderer (src/renderer/search.ts) indexes them with
 * Pagefind; they are never written to the site. Indexing records is
 * several times faster than parsing tens of thousands of HTML pages. Run
 * inside the built server (its entry exports this), over the content the
 * pages render from.
 */
import { foldVietnamese, periodLabel, unitTitle } from '@congkhai/indicators';
import { reportPage, unitPage } from './addresses.ts';
import { href } from './i18n.ts';
import { siteData, type SiteReport } from './site-data.ts';

export interface SearchRecord {
  readonly kind: 'unit' | 'report';
  /** The Vietnamese page, and the English one (a report's page is Vietnamese only). */
  readonly url: string;
  readonly urlEn: string;
  readonly title: string;
  readonly titleEn: string;
  /** The unit's name as people type it: with and without diacritics, in both languages (weighted high). */
  readonly name: string;
  /** The unit's name folded ("dong hai"), to put name matches first on the search page. */
  readonly folded: string;
  /** The unit's district and province. */
  readonly place: string;
  /** Where it is, and for a report its title, number and text. */
  readonly content: string;
}

/** Markdown to searchable words: markup removed, text kept. */
const plain = (md: string) => md.replace(/[#>*_`|~[\]()!-]+/g, ' ').replace(/\s+/g, ' ');

/**
 * The words with Đ/đ again, folded: Pagefind drops combining marks when it
 * compares words ("quang" finds "Quảng"), but Đ is a letter of its own, not
 * a marked D, so "dong" would never find "Đông" without them.
 */
function withFolded(text: string): string {
  const extra = new Set<string>();
  for (const w of text.match(/[\p{L}\p{M}]*[Đđ][\p{L}\p{M}]*/gu) ?? [])
    extra.add(foldVietnamese(w));
  return extra.size > 0 ? `${text} ${[...extra].join(' ')}` : text;
}

/** A report's words, kept while the report is unchanged (25,000 bodies at 3,300 units). */
const words = new WeakMap<SiteReport, string>();
function plainBody(r: SiteReport): string {
  let w = words.get(r);
  if (w === undefined) {
    w = withFolded(plain(r.body));
    words.set(r, w);
  }
  return w;
}

export async function searchRecords(): Promise<SearchRecord[]> {
  const data = await siteData();
  const records: SearchRecord[] = [];
  for (const u of data.unitList) {
    const place = [u.district, u.province].filter(Boolean).join(', ');
    const name = `${unitTitle(u)} ${unitTitle(u, 'en')} ${foldVietnamese(unitTitle(u))}`;
    const folded = foldVietnamese(u.name);
    records.push({
      kind: 'unit',
      url: unitPage(u.id),
      urlEn: href('en', unitPage(u.id)),
      title: `${unitTitle(u)} (${place})`,
      titleEn: `${unitTitle(u, 'en')} (${place})`,
      name,
      folded,
      place,
      content: withFolded(place),
    });
    for (const r of u.reports) {
      // The district (or province) tells apart communes of one name (two Kim Tân).
      const where = `${unitTitle(u)}, ${u.district ?? u.province}`;
      records.push({
        kind: 'report',
        url: reportPage(u.id, r.period),
        urlEn: reportPage(u.id, r.period),
        title: `${where} — ${periodLabel(r.periodInfo)}: ${r.title}`,
        titleEn: `${unitTitle(u, 'en')}, ${u.district ?? u.province} — ${periodLabel(r.periodInfo, 'en')}: ${r.title}`,
        name,
        folded,
        place,
        content: `${withFolded(`${place} ${r.title}`)} ${r.number ?? ''} ${plainBody(r)}`,
      });
    }
  }
  return records;
}
