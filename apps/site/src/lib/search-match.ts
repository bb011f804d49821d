/**
 * How the search page reads a query and orders what Pagefind found: words
 * folded as the index folds names (foldVietnamese: marks dropped, Đ -> D),
 * a result kept only if every word typed begins a word of it, and units
 * whose own name matches put before units that match by place.
 */
import { foldVietnamese } from '@congkhai/indicators';

/** The words of a query, folded; kind words ("xã", "commune") are kept: they are indexed too. */
export function searchTerms(q: string): string[] {
  return foldVietnamese(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Whether every term begins some word of the folded text (Pagefind matches prefixes too). */
export function matchesAll(folded: string, terms: readonly string[]): boolean {
  const words = folded.split(/[^\p{L}\p{N}]+/u);
  return terms.every((t) => words.some((w) => w.startsWith(t)));
}

/** A unit kind typed before the name ("xã", "thị trấn") or after it in English ("commune"). */
const LEADING = [['xa'], ['phuong'], ['thi', 'tran'], ['dac', 'khu']];
const TRAILING = [['commune'], ['ward'], ['township'], ['special', 'zone']];

function nameWords(terms: readonly string[]): readonly string[] {
  let words = [...terms];
  const lead = LEADING.find((k) => k.every((w, i) => words[i] === w));
  if (lead && words.length > lead.length) words = words.slice(lead.length);
  const trail = TRAILING.find((k) => k.every((w, i) => words[words.length - k.length + i] === w));
  if (trail && words.length > trail.length) words = words.slice(0, words.length - trail.length);
  return words;
}

/**
 * 0 when the unit's name is the query, 1 when the query begins the name,
 * 2 when the name holds every word of the query, 3 otherwise (a match by
 * district or province).
 */
export function nameRank(foldedName: string, terms: readonly string[]): number {
  const name = foldedName.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const asked = nameWords(terms);
  if (name.join(' ') === asked.join(' ')) return 0;
  if (asked.every((t, i) => name[i]?.startsWith(t))) return 1;
  if (asked.every((t) => name.some((w) => w.startsWith(t)))) return 2;
  return 3;
}
