/**
 * File arguments as people type them: `content/**\/*.md` is expanded here,
 * because POSIX sh (what pnpm runs scripts with) has no `**`; a directory
 * stands for the Markdown files under it.
 */
import { globSync, statSync } from 'node:fs';
import { join } from 'node:path';

const GLOB_CHARS = /[*?[\]{}]/;

export function expandFileArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      out.push(
        ...globSync('**/*.md', { cwd: arg })
          .map((f) => join(arg, f))
          .sort(),
      );
    } else if (!stat && GLOB_CHARS.test(arg)) {
      const matches = globSync(arg).sort();
      // A pattern that matches nothing is reported as a missing file.
      out.push(...(matches.length > 0 ? matches : [arg]));
    } else {
      out.push(arg);
    }
  }
  return out;
}
