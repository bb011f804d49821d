/**
 * Report file -> typed Report. Every problem comes back with its line and
 * column in the file and a plain message; nothing throws on bad input.
 */
import { METRIC_IDS, parsePeriod, type MetricId, type Text } from '@congkhai/indicators';
import type { FileError, Parsed } from './errors.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { metricAt } from './metric-keys.ts';
import type { FigureChange, Report } from './report.ts';
import { frontmatterSchema } from './schema.ts';
import { normalizeText } from './text.ts';
import { errorAt, parseYamlWith, valueOffset } from './yaml.ts';

/** Larger files are refused before parsing: no report is this long. */
export const MAX_REPORT_CHARS = 8 * 1024 * 1024;

/** `{ dossiers: { received: 5 } }` (already validated) -> `{ 'dossiers.received': 5 }`. */
function flatten<T>(grouped: unknown): Partial<Record<MetricId, T>> {
  const out: Partial<Record<MetricId, T>> = {};
  for (const [group, fields] of Object.entries((grouped ?? {}) as Record<string, unknown>)) {
    for (const [key, value] of Object.entries((fields ?? {}) as Record<string, unknown>)) {
      const id = metricAt(group, key);
      if (value !== undefined && id) out[id] = value as T;
    }
  }
  return out;
}

/** The figures a correction changed, in catalog order. */
function changesOf(grouped: unknown): FigureChange[] {
  const changes = flatten<{ before?: number; after?: number }>(grouped);
  return METRIC_IDS.flatMap((metric) => {
    const change = changes[metric];
    if (!change) return [];
    const { before, after } = change;
    return [
      {
        metric,
        ...(before === undefined ? {} : { before }),
        ...(after === undefined ? {} : { after }),
      },
    ];
  });
}

const whole = (message: Text, line = 1): FileError => ({ line, column: 1, path: '', message });

/** The body without leading blank lines or trailing space, ending in one newline (or empty). */
export function normalizeBody(body: string): string {
  const trimmed = body.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  return trimmed === '' ? '' : `${trimmed}\n`;
}

export function parseReport(input: string): Parsed<Report> {
  if (input.length > MAX_REPORT_CHARS) {
    const mb = String(Math.round(input.length / 1048576));
    return {
      ok: false,
      errors: [
        whole({
          vi: `Tệp quá lớn (${mb} MB, tối đa 8 MB).`,
          en: `The file is too large (${mb} MB, at most 8 MB).`,
        }),
      ],
    };
  }
  const text = normalizeText(input);
  if (text.trim() === '') {
    return { ok: false, errors: [whole({ vi: 'Tệp rỗng.', en: 'The file is empty.' })] };
  }
  const split = splitFrontmatter(text);
  if (!split.ok) {
    return {
      ok: false,
      errors: [
        whole({
          vi: 'Thiếu phần thông tin đầu tệp: tệp phải bắt đầu bằng dòng "---", tiếp theo là các trường, rồi một dòng "---".',
          en: 'Missing frontmatter: the file must start with a "---" line, then the fields, then a closing "---" line.',
        }),
      ],
    };
  }
  const src = { text: split.split.yaml, firstLine: split.split.yamlLine };
  const parsed = parseYamlWith(src, frontmatterSchema);
  if (!parsed.ok) return parsed;
  const fm = parsed.value;
  const period = parsePeriod(fm.period);
  if (!period.ok) {
    const offset = parsed.doc ? valueOffset(parsed.doc, ['period']) : 0;
    return { ok: false, errors: [errorAt(src, offset, ['period'], period.message)] };
  }
  return {
    ok: true,
    value: {
      schema: fm.schema,
      unit: fm.unit,
      period: period.period.id,
      title: fm.title,
      ...(fm.number ? { number: fm.number } : {}),
      ...(fm.issued ? { issued: fm.issued } : {}),
      ...(fm.signer ? { signer: fm.signer } : {}),
      metrics: flatten<number>(fm.metrics),
      targets: flatten<number>(fm.targets),
      statedShares: flatten<number>(fm.stated_shares),
      explanations: flatten<string>(fm.explanations),
      body: normalizeBody(split.split.body),
      ...(fm.published ? { published: fm.published } : {}),
      ...(fm.corrections && fm.corrections.length > 0
        ? {
            corrections: fm.corrections.map((c) => ({
              date: c.date,
              reason: c.reason,
              changes: changesOf(c.changes),
              text: c.text ?? false,
            })),
          }
        : {}),
    },
  };
}
