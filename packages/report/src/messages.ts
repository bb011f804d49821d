/**
 * Plain-language messages for schema problems, in Vietnamese and English,
 * naming the field by its label and suggesting the nearest known key.
 */
import {
  METRIC_IDS,
  METRICS,
  metricDefinition,
  parseNumber,
  type Text,
} from '@congkhai/indicators';
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { keyInGroup, metricAt } from './metric-keys.ts';
import { GROUP_KEYS, TOP_LEVEL_KEYS } from './schema.ts';

const FIELDS: Record<string, Text> = {
  schema: { vi: 'Phiên bản định dạng (schema)', en: 'Format version (schema)' },
  unit: { vi: 'Mã đơn vị (unit)', en: 'Unit id (unit)' },
  period: { vi: 'Kỳ báo cáo (period)', en: 'Period (period)' },
  title: { vi: 'Tiêu đề (title)', en: 'Title (title)' },
  number: { vi: 'Số hiệu (number)', en: 'Report number (number)' },
  issued: { vi: 'Ngày ban hành (issued)', en: 'Issue date (issued)' },
  signer: { vi: 'Người ký (signer)', en: 'Signer (signer)' },
  metrics: { vi: 'Số liệu (metrics)', en: 'Figures (metrics)' },
  targets: { vi: 'Chỉ tiêu giao (targets)', en: 'Targets (targets)' },
  stated_shares: { vi: 'Tỷ lệ báo cáo nêu (stated_shares)', en: 'Stated shares (stated_shares)' },
  explanations: { vi: 'Giải trình (explanations)', en: 'Explanations (explanations)' },
};

type Path = readonly PropertyKey[];

export function fieldLabel(path: Path): Text {
  const [top, group, key] = path.map(String);
  if (group && key) {
    const id = metricAt(group, key);
    if (id) {
      const d = metricDefinition(id);
      return { vi: `${d.label.vi} (${id})`, en: `${d.label.en} (${id})` };
    }
  }
  return FIELDS[top ?? ''] ?? { vi: path.join('.'), en: path.join('.') };
}

function suggest(path: Path, key: string): string | undefined {
  const depth = path.length;
  // A metric id may be written whole (`dossiers.recieved`) or under its group.
  const candidates =
    depth === 0
      ? TOP_LEVEL_KEYS
      : depth === 1
        ? [...GROUP_KEYS]
        : METRICS.filter((m) => m.group === String(path[1])).map(keyInGroup);
  const pool = depth >= 1 ? [...candidates, ...METRIC_IDS] : candidates;
  const best = closest(key, pool);
  return distance(key, best) <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

export function unknownKeyMessage(path: Path, key: string): Text {
  const hint = suggest(path, key);
  const where = path.length === 0 ? '' : ` trong ${path.join('.')}`;
  const whereEn = path.length === 0 ? '' : ` in ${path.join('.')}`;
  return {
    vi: `Không có trường "${key}"${where}.${hint ? ` Có phải là "${hint}"?` : ''}`,
    en: `Unknown field "${key}"${whereEn}.${hint ? ` Did you mean "${hint}"?` : ''}`,
  };
}

function typeName(expected: string): Text {
  switch (expected) {
    case 'number':
      return { vi: 'một số', en: 'a number' };
    case 'string':
      return { vi: 'một đoạn chữ', en: 'text' };
    case 'int':
      return { vi: 'một số nguyên không âm', en: 'a whole number' };
    case 'object':
      return { vi: 'một nhóm các trường', en: 'a group of fields' };
    default:
      return { vi: expected, en: expected };
  }
}

export function issueMessage(issue: z.core.$ZodIssue): Text {
  const label = fieldLabel(issue.path);
  if (
    (issue.code === 'invalid_type' || issue.code === 'invalid_union') &&
    issue.input === undefined
  ) {
    return { vi: `Thiếu ${label.vi}.`, en: `${label.en} is missing.` };
  }
  switch (issue.code) {
    case 'invalid_type': {
      const want = typeName(issue.expected);
      if (issue.expected === 'number' && typeof issue.input === 'string') {
        const n = parseNumber(issue.input);
        const hintVi = n.ok
          ? ` Hãy viết ${String(n.value)} (không dấu ngoặc kép, không dấu phân cách hàng nghìn).`
          : '';
        const hintEn = n.ok ? ` Write ${String(n.value)} (no quotes, no thousands separator).` : '';
        return {
          vi: `${label.vi} phải là một số, không phải chữ "${issue.input}".${hintVi}`,
          en: `${label.en} must be a number, not the text "${issue.input}".${hintEn}`,
        };
      }
      return { vi: `${label.vi} phải là ${want.vi}.`, en: `${label.en} must be ${want.en}.` };
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return { vi: `${label.vi} không được để trống.`, en: `${label.en} must not be empty.` };
      }
      return {
        vi: `${label.vi} không được âm (đang là ${String(issue.input)}).`,
        en: `${label.en} cannot be negative (it is ${String(issue.input)}).`,
      };
    case 'too_big':
      if (issue.origin === 'string') {
        return {
          vi: `${label.vi} quá dài (tối đa ${String(issue.maximum)} ký tự).`,
          en: `${label.en} is too long (at most ${String(issue.maximum)} characters).`,
        };
      }
      return {
        vi: `${label.vi} quá lớn (${String(issue.input)}, tối đa ${String(issue.maximum)}).`,
        en: `${label.en} is too large (${String(issue.input)}, at most ${String(issue.maximum)}).`,
      };
    case 'invalid_format': {
      const [top] = issue.path.map(String);
      if (top === 'unit') {
        return {
          vi: `${label.vi} chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ "kim-tan-kim-thanh-hai-duong".`,
          en: `${label.en} may contain only lowercase ASCII letters, digits and hyphens, e.g. "kim-tan-kim-thanh-hai-duong".`,
        };
      }
      if (top === 'issued') {
        return {
          vi: `${label.vi} phải có dạng NĂM-THÁNG-NGÀY (2023-07-07) hoặc NĂM-THÁNG (2023-07).`,
          en: `${label.en} must be YEAR-MONTH-DAY (2023-07-07) or YEAR-MONTH (2023-07).`,
        };
      }
      return { vi: `${label.vi} không đúng dạng.`, en: `${label.en} is not in the expected form.` };
    }
    case 'invalid_value':
      return {
        vi: `${label.vi} phải là ${issue.values.map(String).join(' hoặc ')}.`,
        en: `${label.en} must be ${issue.values.map(String).join(' or ')}.`,
      };
    case 'invalid_union':
      return { vi: `${label.vi} không đúng kiểu dữ liệu.`, en: `${label.en} has the wrong type.` };
    case 'not_multiple_of':
      return { vi: `${label.vi} phải là số nguyên.`, en: `${label.en} must be a whole number.` };
    default:
      return { vi: `${label.vi}: ${issue.message}`, en: `${label.en}: ${issue.message}` };
  }
}
