/**
 * The narrative as Markdown, keeping the document's own structure: "Phần thứ
 * nhất" and roman sections (I., II.) become headings, then "1.", "1.1.",
 * "a)"; a numbered or lettered line that reads as a sentence stays a marked
 * paragraph or a list item; "-", "+", "•" items become lists.
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

/** A line this long that does not end a sentence was wrapped by Word or a PDF, whatever starts the next. */
const WRAPPED = 60;

/** A table row as extracted: cells split by tabs, or by "|". */
function cells(line: string): string[] | undefined {
  if (line.includes('\t')) {
    const c = line.split('\t').map((x) => x.trim());
    return c.length >= 2 ? c : undefined;
  }
  if (/^\s*\|.*\|\s*$/.test(line)) {
    const c = line
      .trim()
      .slice(1, -1)
      .split('|')
      .map((x) => x.trim());
    return c.length >= 2 ? c : undefined;
  }
  return undefined;
}

const cellText = (c: string) => escapeInline(c.replace(/\s+/g, ' ')).replace(/\|/g, '\\|');

/** Rows as a GFM table: the first row is the header; short rows are padded. */
function gfmTable(rows: readonly string[][]): string {
  const body = rows.filter((r) => !r.every((c) => /^:?-{2,}:?$/.test(c) || c === ''));
  const width = Math.max(...body.map((r) => r.length));
  const line = (r: readonly string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cellText(r[i] ?? '')).join(' | ')} |`;
  const [head, ...rest] = body;
  return [
    line(head ?? []),
    `| ${Array.from({ length: width }, () => '---').join(' | ')} |`,
    ...rest.map(line),
  ].join('\n');
}

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

const TABLE = '\u0000table:';

/** A line this long is a numbered heading only when it does not end as a sentence does. */
const SHORT_HEADING = 140;
/** Longer than this, a numbered line is a paragraph however it ends. */
const LONG_HEADING = 400;

/**
 * A numbered line is a section's heading when it is short ("1. Công tác chỉ
 * đạo.") or, up to LONG_HEADING, when it does not end as a sentence does: "1.
 * Hoàn thành ... số hóa hồ sơ thủ tục hành chính theo Quyết định giao của
 * UBND tỉnh" heads its section, "1. Làm tốt công tác tuyên truyền ... nhà
 * nước." is an item.
 */
const isNumberedHeading = (l: string) =>
  !/;$/u.test(l) && (l.length < SHORT_HEADING || (l.length < LONG_HEADING && !ENDS_BLOCK.test(l)));

/** "a) Về tổ chức và hoạt động của HĐND:" heads its items; "a) Đã tiếp nhận 12 hồ sơ." is one. */
const isLetteredHeading = (l: string) => l.length < SHORT_HEADING && !/[.;!?]["”)*]*$/u.test(l);

export function toMarkdown(text: string): string {
  // Tables first, kept whole: consecutive rows of two or more cells.
  const tables: string[][][] = [];
  const source: string[] = [];
  for (const line of text.split('\n')) {
    const row = cells(line);
    const last = source[source.length - 1];
    if (row && last?.startsWith(TABLE)) tables[tables.length - 1]?.push(row);
    else if (row) {
      tables.push([row]);
      source.push(`${TABLE}${String(tables.length - 1)}`);
    } else source.push(line);
  }
  const raw = source.map((l) => (l.startsWith(TABLE) ? l : l.replace(/\s+/g, ' ').trim()));
  // Join hard-wrapped lines into paragraphs.
  const lines: string[] = [];
  for (const l of raw) {
    const prev = lines[lines.length - 1];
    if (l === '') {
      if (prev !== '') lines.push('');
      continue;
    }
    const joins =
      prev !== undefined &&
      prev !== '' &&
      !prev.startsWith(TABLE) &&
      !l.startsWith(TABLE) &&
      !ENDS_BLOCK.test(prev) &&
      !isStructural(l) &&
      (/^[\p{Ll}\d(]/u.test(l) || (prev.length >= WRAPPED && l !== l.toUpperCase()));
    if (joins) lines[lines.length - 1] = `${prev} ${l}`;
    else lines.push(l);
  }
  const hasParts = lines.some((l) => PART.test(l));
  const h = (level: number) => '#'.repeat(Math.min(6, level + (hasParts ? 1 : 0)));
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (l === '') continue;
    let m: RegExpExecArray | null;
    if (l.startsWith(TABLE)) {
      const rows = tables[Number(l.slice(TABLE.length))] ?? [];
      // A single row is a line with tabs in it, not a table.
      blocks.push(rows.length >= 2 ? gfmTable(rows) : escapeInline(rows[0]?.join(' ') ?? ''));
    } else if (PART.test(l)) {
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
    } else if ((m = SUBNUMBERED.exec(l)) && isNumberedHeading(l)) {
      blocks.push(`${h(4)} ${m[1] ?? ''}. ${escapeInline((m[2] ?? '').replace(/[.:]$/, ''))}`);
    } else if ((m = NUMBERED.exec(l)) && isNumberedHeading(l)) {
      blocks.push(`${h(3)} ${m[1] ?? ''}. ${escapeInline((m[2] ?? '').replace(/[.:]$/, ''))}`);
    } else if ((m = NUMBERED.exec(l))) {
      blocks.push(`${m[1] ?? ''}. ${escapeInline(m[2] ?? '')}`);
    } else if ((m = LETTERED.exec(l)) && isLetteredHeading(l)) {
      blocks.push(`${h(5)} ${m[1] ?? ''}) ${escapeInline((m[2] ?? '').replace(/:$/, ''))}`);
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
