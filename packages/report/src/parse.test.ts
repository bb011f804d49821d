import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frontmatterSchema } from './schema.ts';
import { parseReport } from './parse.ts';

const valid = `---
schema: 1
unit: quang-hai-tu-ky-hai-duong
period: 2023-H1
title: Báo cáo 6 tháng đầu năm 2023
issued: 2023-07
metrics:
  dossiers:
    received: 1164
    resolved_late: 0
  payments:
    online_rate: 10.2
---

## I. Kết quả
`;

function errorsOf(text: string) {
  const r = parseReport(text);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('parseReport', () => {
  it('reads a report with nested metrics into flat metric ids', () => {
    const r = parseReport(valid);
    expect(r).toMatchObject({
      ok: true,
      value: {
        unit: 'quang-hai-tu-ky-hai-duong',
        period: '2023-H1',
        issued: '2023-07',
        metrics: {
          'dossiers.received': 1164,
          'dossiers.resolved_late': 0,
          'payments.online_rate': 10.2,
        },
        body: '## I. Kết quả\n',
      },
    });
  });

  it('keeps 0 as a stated figure and an absent figure absent', () => {
    const r = parseReport(valid);
    expect(r.ok && r.value.metrics).not.toHaveProperty('dossiers.resolved');
    expect(r.ok && r.value.metrics['dossiers.resolved_late']).toBe(0);
  });

  it('reads the three real reports in content/', () => {
    for (const f of [
      'kim-tan-kim-thanh-hai-duong/2021-02-01..2023-06-30.md',
      'quang-hai-tu-ky-hai-duong/2023-H1.md',
      'hai-truong-hai-lang-quang-tri/2021-11-04..2023-10-31.md',
    ]) {
      const r = parseReport(
        readFileSync(new URL(`../../../content/reports/${f}`, import.meta.url), 'utf8'),
      );
      expect(r.ok ? [] : r.errors).toEqual([]);
    }
  });

  it('points at a figure written as text, with the number to write instead', () => {
    const [e, ...rest] = errorsOf(valid.replace('received: 1164', 'received: "1.164"'));
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ line: 9, column: 15, path: 'metrics.dossiers.received' });
    expect(e?.message.vi).toBe(
      'Hồ sơ tiếp nhận trong kỳ (dossiers.received) phải là một số, không phải chữ "1.164". Hãy viết 1164 (không dấu ngoặc kép, không dấu phân cách hàng nghìn).',
    );
  });

  it('refuses a negative count', () => {
    const [e] = errorsOf(valid.replace('resolved_late: 0', 'resolved_late: -2'));
    expect(e).toMatchObject({ line: 10, path: 'metrics.dossiers.resolved_late' });
    expect(e?.message.vi).toContain('không được âm');
  });

  it('refuses a fractional count', () => {
    const [e] = errorsOf(valid.replace('received: 1164', 'received: 11.5'));
    expect(e?.message.vi).toContain('số nguyên');
  });

  it('names an unknown metric and suggests the nearest known one', () => {
    const [e] = errorsOf(valid.replace('received: 1164', 'recieved: 1164'));
    expect(e).toMatchObject({ line: 9, column: 5, path: 'metrics.dossiers.recieved' });
    expect(e?.message.vi).toBe(
      'Không có trường "recieved" trong metrics.dossiers. Có phải là "received"?',
    );
    const [g] = errorsOf(valid.replace('  payments:', '  payment:'));
    expect(g?.message.en).toBe('Unknown field "payment" in metrics. Did you mean "payments"?');
  });

  it('accepts a percentage over 100 (the checks warn about it) but not a percentage written as text', () => {
    expect(parseReport(valid.replace('online_rate: 10.2', 'online_rate: 120')).ok).toBe(true);
    const [e] = errorsOf(valid.replace('online_rate: 10.2', 'online_rate: 10,2%'));
    expect(e?.message.vi).toContain('Hãy viết 10.2');
  });

  it('reports malformed YAML with its line', () => {
    const [e] = errorsOf(valid.replace('  dossiers:\n', '  dossiers:\n   - x: [\n'));
    expect(e?.line).toBeGreaterThanOrEqual(8);
    expect(e?.message.vi).toMatch(/^Lỗi cú pháp YAML/);
  });

  it('reports a key written twice', () => {
    const [e] = errorsOf(valid.replace('title:', 'unit: x\ntitle:'));
    expect(e).toMatchObject({ line: 5 });
    expect(e?.message.vi).toContain('hai lần');
  });

  it('explains a bad period', () => {
    const [e] = errorsOf(valid.replace('period: 2023-H1', 'period: 6 tháng đầu năm'));
    expect(e).toMatchObject({ line: 4, column: 9, path: 'period' });
    expect(e?.message.vi).toContain('2023-H1');
  });

  it('says what is missing', () => {
    const errors = errorsOf('---\nschema: 1\n---\n');
    expect(errors.map((e) => e.path).sort()).toEqual(['period', 'title', 'unit']);
    expect(errors.find((e) => e.path === 'title')?.message.vi).toBe('Thiếu Tiêu đề (title).');
  });

  it('refuses a newer format version', () => {
    const [e] = errorsOf(valid.replace('schema: 1', 'schema: 2'));
    expect(e).toMatchObject({ line: 2, path: 'schema' });
  });

  it('handles empty files, files without frontmatter and non-map frontmatter', () => {
    expect(errorsOf('')[0]?.message.vi).toBe('Tệp rỗng.');
    expect(errorsOf('\n\n  \n')[0]?.message.vi).toBe('Tệp rỗng.');
    expect(errorsOf('# Báo cáo\n')[0]?.message.vi).toMatch(/Thiếu phần thông tin đầu tệp/);
    expect(errorsOf('---\n- a\n- b\n---\n')[0]?.line).toBe(2);
  });

  it('reads BOM, CRLF and NFD-decomposed Vietnamese as the same report', () => {
    const base = parseReport(valid);
    const variants = ['\uFEFF' + valid, valid.replaceAll('\n', '\r\n'), valid.normalize('NFD')];
    for (const v of variants) expect(parseReport(v)).toEqual(base);
  });

  it('reads a 5 MB body and refuses a file over 8 MB with a clear message', () => {
    const big = valid + 'Đoạn văn dài. '.repeat(370_000);
    const r = parseReport(big);
    expect(r.ok && r.value.body.length).toBeGreaterThan(5_000_000);
    expect(errorsOf(valid + 'x'.repeat(9 * 1024 * 1024))[0]?.message.vi).toMatch(/Tệp quá lớn/);
  });

  it('accepts the dates Astro’s YAML parser produces', () => {
    const r = frontmatterSchema.safeParse({
      schema: 1,
      unit: 'kim-tan-kim-thanh-hai-duong',
      period: '2023',
      title: 'x',
      issued: new Date('2023-07-07T00:00:00Z'),
      metrics: {},
    });
    expect(r.success && r.data.issued).toBe('2023-07-07');
  });
});

describe('unitId', () => {
  it('writes Vietnamese names as ASCII slugs', async () => {
    const { unitId } = await import('./paths.ts');
    expect(unitId('Kim Tân', 'Kim Thành', 'Hải Dương')).toBe('kim-tan-kim-thanh-hai-duong');
    expect(unitId('Đại Đức', null, 'Quảng Nam')).toBe('dai-duc-quang-nam');
  });
});
