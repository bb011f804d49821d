/**
 * YAML text + zod schema -> typed value, or errors with line and column.
 * Shared by report files and the units file.
 */
import type { Text } from '@congkhai/indicators';
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import type { z } from 'zod';
import type { FileError, Parsed } from './errors.ts';
import { issueMessage, unknownKeyMessage } from './messages.ts';
import { lineColumn } from './text.ts';

/** Where a path is in the YAML: the key's position when `onKey`, else the value's. */
function offsetOf(doc: Document, path: readonly PropertyKey[], onKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = (node as YamlNode | null)?.range?.[0] ?? 0;
  for (const [i, step] of path.entries()) {
    const last = i === path.length - 1;
    if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      const item = node as YamlNode | undefined;
      if (!item?.range) break;
      offset = item.range[0];
      continue;
    }
    if (!isMap(node)) break;
    const pair = node.items.find(
      (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step),
    );
    if (!pair) break;
    offset = (pair.key as YamlNode).range?.[0] ?? offset;
    if (onKey && last) return offset;
    node = pair.value;
    const value = node as YamlNode | null;
    if (value?.range) offset = value.range[0];
  }
  return offset;
}

export interface YamlSource {
  readonly text: string;
  /** Line of the file where `text` starts (1-based), for frontmatter. */
  readonly firstLine: number;
}

export function errorAt(
  src: YamlSource,
  offset: number,
  path: readonly PropertyKey[],
  message: Text,
): FileError {
  const { line, column } = lineColumn(src.text, offset);
  return { line: line + src.firstLine - 1, column, path: path.map(String).join('.'), message };
}

export function parseYamlWith<S extends z.ZodType>(
  src: YamlSource,
  schema: S,
): Parsed<z.output<S>> & { doc?: Document } {
  const doc = parseDocument(src.text, { uniqueKeys: true, prettyErrors: false, schema: 'core' });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) =>
        errorAt(src, e.pos[0], [], {
          vi: `Lỗi cú pháp YAML: ${yamlErrorVi(e.code)}`,
          en: `YAML syntax error: ${e.message.split('\n')[0] ?? e.code}`,
        }),
      ),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return {
      ok: false,
      errors: [
        errorAt(src, 0, [], {
          vi: 'Quá nhiều tham chiếu YAML (alias).',
          en: 'Too many YAML aliases.',
        }),
      ],
    };
  }
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data, doc };
  const errors: FileError[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        errors.push(
          errorAt(src, offsetOf(doc, path, true), path, unknownKeyMessage(issue.path, key)),
        );
      }
    } else {
      errors.push(errorAt(src, offsetOf(doc, issue.path, false), issue.path, issueMessage(issue)));
    }
  }
  return { ok: false, errors };
}

export function valueOffset(doc: Document, path: readonly PropertyKey[]): number {
  return offsetOf(doc, path, false);
}

function yamlErrorVi(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'một trường được viết hai lần.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'thụt lề hoặc dấu ":" không đúng.';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'thiếu dấu ":" sau tên trường, hoặc một giá trị bị xuống dòng.';
    case 'BAD_SCALAR_START':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'giá trị bắt đầu bằng ký tự không hợp lệ; hãy đặt nó trong dấu ngoặc kép.';
    case 'TAB_AS_INDENT':
      return 'dùng phím Tab để thụt lề; hãy dùng dấu cách.';
    default:
      return `không đọc được (${code}).`;
  }
}
