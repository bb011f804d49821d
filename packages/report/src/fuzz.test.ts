import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from './parse.ts';

const seed = readFileSync(
  new URL('../../../content/reports/quang-hai-tu-ky-hai-duong/2023-H1.md', import.meta.url),
  'utf8',
);
const head = seed.slice(0, seed.indexOf('\n## ') + 1);

/** Whatever the input, the parser answers: a report, or errors that each have a place and a message. */
function answers(text: string): void {
  const r = parseReport(text);
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.column).toBeGreaterThanOrEqual(1);
    expect(e.message.vi).not.toBe('');
    expect(e.message.en).not.toBe('');
  }
}

describe('parser under random input (bounded time)', () => {
  it('answers random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        answers(new TextDecoder().decode(bytes));
        answers('---\n' + new TextDecoder().decode(bytes));
      }),
      { interruptAfterTimeLimit: 3000, numRuns: 2000 },
    );
  });

  it('answers mutated valid files', () => {
    const mutation = fc.record({
      at: fc.nat(head.length),
      cut: fc.nat(20),
      insert: fc.string({
        unit: fc.constantFrom(...':-\n "\'[]{}#&*!|>%@`0123456789abcđ\t'.split('')),
        maxLength: 8,
      }),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        let text = head;
        for (const m of mutations) text = text.slice(0, m.at) + m.insert + text.slice(m.at + m.cut);
        answers(text);
      }),
      { interruptAfterTimeLimit: 3000, numRuns: 3000 },
    );
  });
});
