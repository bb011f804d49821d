import { describe, expect, it } from 'vitest';
import { implausibleFigures, plausibleRange, usualRange } from './plausibility.ts';

describe('usual range', () => {
  it('needs three figures', () => {
    expect(usualRange([1000, 1100], 'count')).toBeUndefined();
  });
  it('is robust to one odd period and whole for counts', () => {
    const r = usualRange([1000, 1050, 1100, 1150, 9000], 'count');
    expect(r).toBeDefined();
    expect(r?.high).toBe(9000);
    expect(Number.isInteger(r?.low)).toBe(true);
    expect(usualRange([1200, 1200, 1200], 'count')).toEqual({ low: 900, high: 1500 });
  });
  it('keeps rates within 0..100', () => {
    expect(usualRange([98, 99, 100], 'percent')?.high).toBe(100);
  });
});

describe('plausibility', () => {
  const history = [1000, 1100, 1200].map((v) => ({ 'dossiers.received': v }));
  const peers = [200, 300, 400, 500].map((v) => ({
    'dossiers.received': v,
    'satisfaction.rate': 95,
  }));

  it('uses the unit’s own past first, its peers otherwise', () => {
    expect(plausibleRange('dossiers.received', history, peers)?.basis).toBe('history');
    expect(plausibleRange('satisfaction.rate', history, peers)?.basis).toBe('peers');
    expect(plausibleRange('dossiers.pending', history, peers)).toBeUndefined();
  });

  it('names the figures outside their range', () => {
    const odd = implausibleFigures(
      { 'dossiers.received': 12_000, 'satisfaction.rate': 94 },
      history,
      peers,
    );
    expect(odd.map((f) => f.metric)).toEqual(['dossiers.received']);
    expect(odd[0]).toMatchObject({ value: 12_000, basis: 'history', count: 3 });
  });
});
