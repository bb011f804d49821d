/**
 * Text made safe inside HTML or XML, in element content and in
 * double-quoted attributes (the feed, and the ranking rows written as one
 * string for speed).
 */
export const escapeMarkup = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
