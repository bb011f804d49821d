import { describe, expect, it } from 'vitest';
import { statedEntries, statedIds } from './catalog.ts';

describe('the figures a record states', () => {
  // A record read from JSON may carry keys the catalog does not know: they are not metrics.
  const figures = JSON.parse(
    '{"dossiers.resolved_on_time": 7, "dossiers.received": 10, "dossiers.unknown": 3}',
  ) as Record<string, number>;

  it('are its metrics in its own order, leaving out what the catalog does not know', () => {
    expect(statedIds(figures)).toEqual(['dossiers.resolved_on_time', 'dossiers.received']);
  });

  it('pair each metric with its value, and skip a metric left undefined', () => {
    expect(statedEntries({ ...figures, 'dossiers.received_online': undefined })).toEqual([
      ['dossiers.resolved_on_time', 7],
      ['dossiers.received', 10],
    ]);
  });
});
