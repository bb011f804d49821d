/**
 * Splits `---\nYAML\n---\nbody`. A fence is three dashes on a line of their
 * own, so this is a split on two lines, not a parser: the YAML itself goes to
 * the `yaml` package, which reports its own positions.
 */
export interface Split {
  readonly yaml: string;
  /** Line in the file where the YAML starts (1-based). */
  readonly yamlLine: number;
  readonly body: string;
}

export type SplitResult = { ok: true; split: Split } | { ok: false; line: number };

export function splitFrontmatter(text: string): SplitResult {
  if (!text.startsWith('---\n')) return { ok: false, line: 1 };
  const close = /^---[ \t]*$/m;
  const rest = text.slice(4);
  const m = close.exec(rest);
  if (!m) return { ok: false, line: 1 };
  const yaml = rest.slice(0, m.index);
  const after = rest.slice(m.index + m[0].length);
  return { ok: true, split: { yaml, yamlLine: 2, body: after.replace(/^\n/, '') } };
}
