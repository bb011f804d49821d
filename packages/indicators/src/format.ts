/**
 * Vietnamese number formats: `1.164` (dot groups thousands), `99,2 %` (comma
 * is the decimal mark, a no-break space before %). English: `1,164`, `99.2%`.
 */
import type { Locale, Text } from './catalog.ts';

const NBSP = '\u00a0';
const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: Locale, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}:${min}:${max}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[locale], {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      // Vietnamese groups four-digit numbers too: 1.164, not 1164.
      useGrouping: 'always',
    });
    formatters.set(key, f);
  }
  return f;
}

export interface NumberFormatOptions {
  /** Most decimals shown (default 2). */
  readonly maxDecimals?: number;
  /** Fewest decimals shown (default 0). */
  readonly minDecimals?: number;
}

export function formatNumber(
  value: number,
  locale: Locale = 'vi',
  opts: NumberFormatOptions = {},
): string {
  const max = opts.maxDecimals ?? 2;
  return formatter(locale, Math.min(opts.minDecimals ?? 0, max), max).format(value);
}

/** A fraction as a percentage: formatFraction(0.992) -> "99,2 %". */
export function formatFraction(fraction: number, locale: Locale = 'vi', decimals = 1): string {
  return formatPercent(fraction * 100, locale, decimals);
}

/** A percentage: formatPercent(99.2) -> "99,2 %". */
export function formatPercent(percent: number, locale: Locale = 'vi', decimals = 1): string {
  const n = formatter(locale, 0, decimals).format(percent);
  return locale === 'vi' ? `${n}${NBSP}%` : `${n}%`;
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: Text };

const VI_GROUPED = /^\d{1,3}(\.\d{3})+(,\d+)?$/;
const VI_PLAIN = /^\d+(,\d+)?$/;
const EN_GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const DOT_DECIMAL = /^\d+\.\d+$/;

/**
 * Reads a figure as people type it. In Vietnamese `1.164` is 1164 and `99,2`
 * is 99.2; a dot followed by anything but groups of three digits (`99.2`) is
 * taken as a decimal point, since no Vietnamese grouping could mean it.
 * A trailing `%` is accepted and dropped.
 */
export function parseNumber(input: string, locale: Locale = 'vi'): ParsedNumber {
  const text = input
    .normalize('NFC')
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/%$/, '');
  const sign = text.startsWith('-') || text.startsWith('−') ? -1 : 1;
  const body = text.replace(/^[-−+]/, '');
  let value: number | undefined;
  if (body === '') {
    return { ok: false, message: { vi: 'Chưa nhập số.', en: 'No number entered.' } };
  }
  if (locale === 'vi') {
    if (VI_GROUPED.test(body)) value = Number(body.replaceAll('.', '').replace(',', '.'));
    else if (VI_PLAIN.test(body)) value = Number(body.replace(',', '.'));
    else if (DOT_DECIMAL.test(body)) value = Number(body);
  } else {
    if (EN_GROUPED.test(body)) value = Number(body.replaceAll(',', ''));
    else if (/^\d+(\.\d+)?$/.test(body)) value = Number(body);
  }
  if (value === undefined || !Number.isFinite(value)) {
    return {
      ok: false,
      message: {
        vi: `"${input.trim()}" không phải là số (ví dụ hợp lệ: 1.164 hoặc 99,2).`,
        en: `"${input.trim()}" is not a number (valid examples: 1,164 or 99.2).`,
      },
    };
  }
  return { ok: true, value: sign * value };
}

/** Vietnamese text folded for search: "Quảng Nghiệp" -> "quang nghiep" (marks dropped, đ -> d, lower case). */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
