/**
 * mammoth's HTML of a Word file -> plain text the importer reads: a
 * paragraph per line with a blank line between, list items with "- ", and
 * each table row as one line of tab-separated cells, so tables stay tables
 * (mammoth's raw text puts every cell on a line of its own).
 */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/giu, (m, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X'))
      return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const inline = (html: string) =>
  decodeEntities(html.replace(/<br\s*\/?>/giu, '\n').replace(/<[^>]*>/gu, ''));

export function htmlToText(html: string): string {
  const out: string[] = [];
  // Tables first: each row a line of cells; a cell's paragraphs joined by spaces.
  const parts = html.split(/(<table[\s\S]*?<\/table>)/iu);
  for (const part of parts) {
    if (/^<table/iu.test(part)) {
      const rows = [...part.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/giu)].map((r) =>
        [...(r[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/giu)]
          .map((c) =>
            inline((c[1] ?? '').replace(/<\/p>\s*<p[^>]*>/giu, ' '))
              .replace(/[\t\n]+/g, ' ')
              .trim(),
          )
          .join('\t'),
      );
      out.push(rows.join('\n'));
      continue;
    }
    for (const b of part.matchAll(/<(p|h[1-6]|li)[^>]*>([\s\S]*?)<\/\1>/giu)) {
      const text = inline(b[2] ?? '').trim();
      if (text === '') continue;
      out.push(b[1]?.toLowerCase() === 'li' ? `- ${text}` : text);
    }
  }
  return out.join('\n\n');
}
