import { describe, expect, it } from 'vitest';
import { change, formatChange } from './change.ts';

describe('change', () => {
  it('gives absolute and relative change, with none from a zero base', () => {
    expect(change(150, 100)).toEqual({ previous: 100, current: 150, absolute: 50, relative: 0.5 });
    expect(change(5, 0).relative).toBeNull();
  });
});

describe('largeChanges', () => {
  it('lists figures that moved by more than half', async () => {
    const { largeChanges } = await import('./change.ts');
    expect(
      largeChanges(
        { 'dossiers.received': 160, 'dossiers.resolved_late': 0 },
        { 'dossiers.received': 100, 'dossiers.resolved_late': 0 },
      ),
    ).toEqual(['dossiers.received']);
    expect(largeChanges({ 'dossiers.received': 140 }, { 'dossiers.received': 100 })).toEqual([]);
    expect(largeChanges({ 'dossiers.resolved_late': 3 }, { 'dossiers.resolved_late': 0 })).toEqual([
      'dossiers.resolved_late',
    ]);
    expect(largeChanges({ 'dossiers.received': 10 }, {})).toEqual([]);
  });
});

describe('formatChange', () => {
  it('is signed, rounded, with Vietnamese thousands', () => {
    expect(formatChange(107, 100)).toBe('+7\u00a0%');
    expect(formatChange(88, 100)).toBe('\u221212\u00a0%');
    expect(formatChange(3500, 100)).toBe('+3.400\u00a0%');
    expect(formatChange(3500, 100, 'en')).toBe('+3,400%');
    expect(formatChange(5, 0)).toBeNull();
  });
});
