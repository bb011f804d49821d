/**
 * The narrative as Markdown, keeping the document's own structure: "Phần thứ
 * nhất" and roman sections (I., II.) become headings, then "1.", "1.1.";
 * "a)" items stay as marked paragraphs; "-", "+", "•" items become lists.
 * Hard line breaks inside a paragraph are joined.
 */

const ROMAN_HEADING = /^([IVX]+)\.\s+(.+)$/u;
const PART = /^Phần thứ\s+\p{L}+/u;
const NUMBERED = /^(\d+)\.\s+(.+)$/u;
const SUBNUMBERED = /^(\d+\.\d+)\.?\s+(.+)$/u;
const LETTERED = /^([a-zđ])\)\s+(.+)$/u;
const BULLET = /^[-+•·*–]\s*(.+)$/u;

/** A line that ends a sentence, or a structural line: the next line starts a new block. */
const ENDS_BLOCK = /[.:;!?]["”)*]*$/u;

function escapeInline(s: string): string {
  // Keep the text as text: no accidental emphasis, links or HTML.
  return s.replace(/([\\`*_[\]<>])/g, '\\$1');
}

function isStructural(line: string): boolean {
  return (
    PART.test(line) ||
    ROMAN_HEADING.test(line) ||
    NUMBERED.test(line) ||
    SUBNUMBERED.test(line) ||
    LETTERED.test(line) ||
    BULLET.test(line)
  );
}

export function toMarkdown(text: string): string {
  const raw = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
  // Join hard-wrapped lines into paragraphs.
  const lines: string[] = [];
  for (const l of raw) {
    const prev = lines[lines.length - 1];
    if (l === '') {
      if (prev !== '') lines.push('');
      continue;
    }
    if (prev && !ENDS_BLOCK.test(prev) && !isStructural(l) && /^[\p{Ll}\d(]/u.test(l)) {
      lines[lines.length - 1] = `${prev} ${l}`;
    } else {
      lines.push(l);
    }
  }
  const hasParts = lines.some((l) => PART.test(l));
  const h = (level: number) => '#'.repeat(Math.min(6, level + (hasParts ? 1 : 0)));
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (l === '') continue;
    let m: RegExpExecArray | null;
    if (PART.test(l)) {
      const next = lines[i + 1] ?? '';
      // "Phần thứ nhất" followed by its title in capitals on the next line.
      if (next && next === next.toUpperCase() && /\p{Lu}/u.test(next) && !isStructural(next)) {
        blocks.push(
          `## ${escapeInline(l)}: ${escapeInline(next.charAt(0) + next.slice(1).toLowerCase())}`,
        );
        i++;
      } else blocks.push(`## ${escapeInline(l)}`);
    } else if ((m = ROMAN_HEADING.exec(l))) {
      blocks.push(`${h(2)} ${m[1] ?? ''}. ${escapeInline((m[2] ?? '').replace(/\.$/, ''))}`);
    } else if ((m = SUBNUMBERED.exec(l)) && l.length < 140) {
      blocks.push(`${h(4)} ${m[1] ?? ''}. ${escapeInline((m[2] ?? '').replace(/[.:]$/, ''))}`);
    } else if ((m = NUMBERED.exec(l)) && l.length < 140 && !/[;]$/.test(l)) {
      blocks.push(`${h(3)} ${m[1] ?? ''}. ${escapeInline((m[2] ?? '').replace(/[.:]$/, ''))}`);
    } else if ((m = NUMBERED.exec(l))) {
      blocks.push(`${m[1] ?? ''}. ${escapeInline(m[2] ?? '')}`);
    } else if ((m = LETTERED.exec(l))) {
      blocks.push(`**${m[1] ?? ''})** ${escapeInline(m[2] ?? '')}`);
    } else if ((m = BULLET.exec(l))) {
      blocks.push(`- ${escapeInline(m[1] ?? '')}`);
    } else {
      blocks.push(escapeInline(l));
    }
  }
  // Consecutive list items form one list; everything else is separated by a blank line.
  let md = '';
  blocks.forEach((b, i) => {
    const prev = blocks[i - 1];
    const sameList =
      prev !== undefined &&
      ((b.startsWith('- ') && prev.startsWith('- ')) ||
        (/^\d+\. /.test(b) && /^\d+\. /.test(prev)));
    md += i === 0 ? b : sameList ? `\n${b}` : `\n\n${b}`;
  });
  return md === '' ? '' : `${md}\n`;
}
