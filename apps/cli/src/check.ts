/** `congkhai check`: validate report files, print their indicators and warnings. */
import { readFileSync } from 'node:fs';
import {
  INDICATORS,
  compositeScore,
  computeIndicator,
  formatFraction,
  formatNumber,
  metricDefinition,
  period as toPeriod,
  periodLabel,
  runChecks,
  targetAttainment,
  type Locale,
  type MetricId,
} from '@congkhai/indicators';
import { parseReport, type Report } from '@congkhai/report';

export interface CheckResult {
  readonly file: string;
  readonly valid: boolean;
  readonly errors: { line: number; column: number; message: string }[];
  readonly unit: string | null;
  readonly period: string | null;
  readonly metrics: Partial<Record<MetricId, number>>;
  /** Fractions in 0..1; `composite_score` in points out of 100. */
  readonly indicators: Record<string, number | null>;
  readonly warnings: { check: string; message: string }[];
}

export function checkFile(file: string, locale: Locale): CheckResult & { report?: Report } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const message =
      locale === 'vi'
        ? code === 'ENOENT'
          ? 'Không có tệp này.'
          : `Không đọc được tệp (${code}).`
        : code === 'ENOENT'
          ? 'No such file.'
          : `Cannot read the file (${code}).`;
    return {
      file,
      valid: false,
      errors: [{ line: 1, column: 1, message }],
      unit: null,
      period: null,
      metrics: {},
      indicators: {},
      warnings: [],
    };
  }
  const parsed = parseReport(text);
  if (!parsed.ok) {
    return {
      file,
      valid: false,
      errors: parsed.errors.map((e) => ({
        line: e.line,
        column: e.column,
        message: e.message[locale],
      })),
      unit: null,
      period: null,
      metrics: {},
      indicators: {},
      warnings: [],
    };
  }
  const report = parsed.value;
  const indicators: Record<string, number | null> = {};
  for (const d of INDICATORS) {
    const r = computeIndicator(d.id, report.metrics);
    indicators[d.id] = r.ok ? r.value : null;
  }
  indicators.composite_score = compositeScore(report.metrics).value;
  const warnings = runChecks({ metrics: report.metrics, statedShares: report.statedShares }).map(
    (w) => ({
      check: w.check,
      message: w.message[locale],
    }),
  );
  return {
    file,
    valid: true,
    errors: [],
    unit: report.unit,
    period: report.period,
    metrics: report.metrics,
    indicators,
    warnings,
    report,
  };
}

const T = {
  vi: {
    unit: 'Đơn vị',
    period: 'Kỳ báo cáo',
    figures: 'Số liệu',
    indicators: 'Chỉ số',
    notComputable: 'không tính được',
    stated: 'báo cáo nêu',
    score: 'Điểm tổng hợp (mô phỏng Quyết định 766/QĐ-TTg)',
    groups: (n: number) => `trên ${String(n)}/6 nhóm báo cáo có số liệu`,
    targets: 'Chỉ tiêu',
    met: 'đạt',
    missed: 'chưa đạt',
    noFigure: 'báo cáo không nêu số liệu',
    warnings: 'Cảnh báo',
    none: 'không có',
    valid: 'hợp lệ',
    invalid: 'không hợp lệ',
    summary: (ok: number, bad: number) =>
      `${String(ok)} tệp hợp lệ, ${String(bad)} tệp không hợp lệ.`,
  },
  en: {
    unit: 'Unit',
    period: 'Period',
    figures: 'Figures',
    indicators: 'Indicators',
    notComputable: 'not computable',
    stated: 'as stated',
    score: 'Composite score (modelled on Decision 766/QĐ-TTg)',
    groups: (n: number) => `over the ${String(n)} of 6 groups the report has figures for`,
    targets: 'Targets',
    met: 'met',
    missed: 'missed',
    noFigure: 'no figure in the report',
    warnings: 'Warnings',
    none: 'none',
    valid: 'valid',
    invalid: 'invalid',
    summary: (ok: number, bad: number) => `${String(ok)} valid, ${String(bad)} invalid.`,
  },
} as const;

function metricValue(id: MetricId, value: number, locale: Locale): string {
  return metricDefinition(id).kind === 'percent'
    ? formatFraction(value / 100, locale, 2)
    : formatNumber(value, locale);
}

export function formatCheckResult(
  result: CheckResult & { report?: Report },
  locale: Locale,
): string {
  const t = T[locale];
  const lines: string[] = [];
  if (!result.valid || !result.report) {
    for (const e of result.errors)
      lines.push(`${result.file}:${String(e.line)}:${String(e.column)}: ${e.message}`);
    lines.push(`✗ ${result.file}: ${t.invalid}`, '');
    return lines.join('\n');
  }
  const report = result.report;
  lines.push(result.file);
  lines.push(`  ${t.unit}: ${report.unit}`);
  lines.push(`  ${t.period}: ${periodLabel(toPeriod(report.period), locale)} (${report.period})`);
  const figures = Object.entries(report.metrics) as [MetricId, number][];
  lines.push(figures.length === 0 ? `  ${t.figures}: ${t.none}` : `  ${t.figures}:`);
  for (const [id, v] of figures)
    lines.push(`    ${metricDefinition(id).label[locale]}: ${metricValue(id, v, locale)}`);
  lines.push(`  ${t.indicators}:`);
  for (const d of INDICATORS) {
    const r = computeIndicator(d.id, report.metrics);
    const basis = !r.ok
      ? ''
      : r.formula.kind === 'stated'
        ? t.stated
        : `${formatNumber(r.numerator, locale)}/${formatNumber(r.denominator, locale)}`;
    const shown = r.ok
      ? `${formatFraction(r.value, locale)} (${basis})`
      : `${t.notComputable} — ${r.reason[locale]}`;
    lines.push(`    ${d.label[locale]}: ${shown}`);
  }
  const score = compositeScore(report.metrics);
  lines.push(
    `  ${t.score}: ${score.value === null ? t.notComputable : `${formatNumber(score.value, locale, { maxDecimals: 1 })}/100 ${t.groups(score.covered.length)}`}`,
  );
  const attainment = targetAttainment(report.metrics, report.targets);
  if (attainment.length > 0) {
    lines.push(`  ${t.targets}:`);
    for (const a of attainment) {
      const label = metricDefinition(a.metric).label[locale];
      lines.push(
        a.ok
          ? `    ${label}: ${metricValue(a.metric, a.actual, locale)} / ${metricValue(a.metric, a.target, locale)} (${a.met ? t.met : t.missed})`
          : `    ${label}: ${metricValue(a.metric, a.target, locale)} (${t.noFigure})`,
      );
    }
  }
  lines.push(result.warnings.length === 0 ? `  ${t.warnings}: ${t.none}` : `  ${t.warnings}:`);
  for (const w of result.warnings) lines.push(`    ⚠ ${w.message}`);
  lines.push(`✓ ${result.file}: ${t.valid}`, '');
  return lines.join('\n');
}

export function summary(results: readonly CheckResult[], locale: Locale): string {
  const ok = results.filter((r) => r.valid).length;
  return T[locale].summary(ok, results.length - ok);
}
