/**
 * The one Markdown pipeline: the editor's preview and the public site both
 * call renderMarkdown, so what an editor previews is what citizens read.
 * Raw HTML in a body is dropped (remark-rehype without allowDangerousHtml),
 * and the result is sanitized, so links like `javascript:` never survive.
 */
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  // No raw HTML reaches this point, so ids need no "user-content-" prefix;
  // footnote ids from remark-rehype keep matching their links.
  .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: '' })
  .use(rehypeSlug)
  .use(rehypeStringify)
  .freeze();

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
