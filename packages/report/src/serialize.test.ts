import { readdirSync, readFileSync } from 'node:fs';
import { METRIC_IDS, METRICS, type Metrics } from '@congkhai/indicators';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from './parse.ts';
import type { Report } from './report.ts';
import { serializeReport } from './serialize.ts';

const contentDir = new URL('../../../content/reports/', import.meta.url);
const contentFiles = readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
  f.endsWith('.md'),
);

function mustParse(text: string): Report {
  const r = parseReport(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const metricsArb: fc.Arbitrary<Metrics> = fc
  .subarray([...METRIC_IDS])
  .chain((ids) =>
    fc
      .tuple(
        ...ids.map((id) =>
          METRICS.find((m) => m.id === id)?.kind === 'count'
            ? fc.nat()
            : fc.double({ min: 0, max: 100, noNaN: true }),
        ),
      )
      .map((values) => Object.fromEntries(ids.map((id, i) => [id, values[i]])) as Metrics),
  );

const textArb = fc
  .string({
    unit: fc.constantFrom(
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyÀẢÃáạằẳẵặ "\':#-[]{}|>!%@&*,.?\\\n\t'.split(''),
    ),
    minLength: 1,
  })
  .filter((s) => s.trim() !== '');

const reportArb: fc.Arbitrary<Report> = fc
  .record({
    schema: fc.constant(1),
    unit: fc.constantFrom('kim-tan-kim-thanh-hai-duong', 'a', 'x-1'),
    period: fc.constantFrom('2023', '2023-H1', '2024-Q3', '2023-M06', '2021-02-01..2023-06-30'),
    title: textArb.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== ''),
    number: fc.option(
      textArb.map((s) => s.trim()).filter((s) => s !== '' && !s.includes('\n')),
      { nil: undefined },
    ),
    issued: fc.option(fc.constantFrom('2023-07', '2023-07-07'), { nil: undefined }),
    signer: fc.option(fc.constantFrom('Nguyễn Đức Thuận', 'Lê Văn Tăng'), { nil: undefined }),
    metrics: metricsArb,
    targets: metricsArb,
    statedShares: fc.constant({}),
    explanations: fc.constant({}),
    body: fc.string(),
  })
  .map((r) => {
    // Optional fields are absent, not undefined, in a parsed report; the body is normalized.
    const present = Object.fromEntries(
      Object.entries(r).filter(([, v]) => v !== undefined),
    ) as unknown as Report;
    return { ...present, body: mustParse(serializeReport(present)).body };
  });

describe('serializeReport', () => {
  it.each(contentFiles)('is a fixed point on %s', (file) => {
    const once = serializeReport(mustParse(readFileSync(new URL(file, contentDir), 'utf8')));
    expect(serializeReport(mustParse(once))).toBe(once);
  });

  it('writes metrics in catalog order, whatever order they were given in', () => {
    const r = mustParse(
      readFileSync(new URL('quang-hai-tu-ky-hai-duong/2023-H1.md', contentDir), 'utf8'),
    );
    const reversed = { ...r, metrics: Object.fromEntries(Object.entries(r.metrics).reverse()) };
    expect(serializeReport(reversed)).toBe(serializeReport(r));
    expect(serializeReport(r)).toContain(
      '  dossiers:\n    received: 1164\n    received_online: 1145\n',
    );
  });

  it('parse -> serialize -> parse is the identity', () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        expect(mustParse(serializeReport(report))).toEqual(report);
      }),
      { numRuns: 300 },
    );
  });

  it('serialize(parse(x)) is a fixed point', () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        const once = serializeReport(report);
        expect(serializeReport(mustParse(once))).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
