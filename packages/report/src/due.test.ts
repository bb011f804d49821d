import { describe, expect, it } from 'vitest';
import { dueFor, parseDueDates, serializeDueDates, type DueDate } from './due.ts';

const DATES: DueDate[] = [
  { period: '2025-H2', province: 'Nghệ An', due: '2026-01-20' },
  { period: '2025-H2', province: '', due: '2026-01-15' },
  { period: '2025-H1', province: '', due: '2025-07-15' },
];

describe('due dates file', () => {
  it('round-trips canonically, national date first', () => {
    const text = serializeDueDates(DATES);
    expect(text).toBe(
      'schema: 1\ndue:\n  - period: 2025-H1\n    due: 2025-07-15\n  - period: 2025-H2\n    due: 2026-01-15\n  - period: 2025-H2\n    province: Nghệ An\n    due: 2026-01-20\n',
    );
    const r = parseDueDates(text);
    expect(r.ok && serializeDueDates(r.value)).toBe(text);
  });

  it('a province date wins over the national one', () => {
    expect(dueFor(DATES, '2025-H2', 'Nghệ An')).toBe('2026-01-20');
    expect(dueFor(DATES, '2025-H2', 'Hải Dương')).toBe('2026-01-15');
    expect(dueFor(DATES, '2024-H2', 'Hải Dương')).toBeUndefined();
  });

  it('says where a bad period, date or repeat is', () => {
    const r = parseDueDates(
      'schema: 1\ndue:\n  - period: 2025-H3\n    due: 2026-01-15\n  - period: 2025-H2\n    due: 2026-13-01\n',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.path])).toEqual([[6, 'due.1.due']]);
    const period = parseDueDates('schema: 1\ndue:\n  - period: 2025-H3\n    due: 2026-01-15\n');
    expect(!period.ok && period.errors.map((e) => [e.line, e.path])).toEqual([[3, 'due.0.period']]);
    const twice = parseDueDates(
      'schema: 1\ndue:\n  - period: 2025-H2\n    due: 2026-01-15\n  - period: 2025-h2\n    due: 2026-01-16\n',
    );
    expect(!twice.ok && twice.errors[0]?.message.vi).toContain('hai lần');
  });
});
