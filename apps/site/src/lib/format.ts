/** How the pages write numbers: all through packages/indicators' Vietnamese formats. */
import {
  formatFraction,
  formatNumber,
  metricDefinition,
  type IndicatorResult,
  type Locale,
  type MetricId,
} from '@congkhai/indicators';

export const DASH = '—';

export function fmtResult(r: IndicatorResult | undefined, locale: Locale): string {
  return r?.ok ? formatFraction(r.value, locale) : DASH;
}

export function fmtFraction(v: number | null | undefined, locale: Locale): string {
  return v === null || v === undefined ? DASH : formatFraction(v, locale);
}

export function fmtMetric(id: MetricId, v: number | undefined, locale: Locale): string {
  if (v === undefined) return DASH;
  return metricDefinition(id).kind === 'percent'
    ? formatFraction(v / 100, locale)
    : formatNumber(v, locale);
}

/** A change of a rate in percentage points, signed: "+1,2 điểm %". */
export function fmtPointChange(delta: number | null | undefined, locale: Locale): string {
  if (delta === null || delta === undefined) return DASH;
  const pts = delta * 100;
  const sign = pts > 0.05 ? '+' : pts < -0.05 ? '−' : '±';
  return `${sign}${formatNumber(Math.abs(pts), locale, { maxDecimals: 1, minDecimals: 1 })} ${locale === 'vi' ? 'điểm %' : 'pp'}`;
}

export function fmtDate(iso: string | undefined, locale: Locale): string {
  if (!iso) return DASH;
  const [y, m, d] = iso.split('-');
  if (locale === 'vi') return d ? `${d}/${m ?? ''}/${y ?? ''}` : `${m ?? ''}/${y ?? ''}`;
  return iso;
}
