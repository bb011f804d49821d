import { METRIC_GROUPS, METRICS } from '@congkhai/indicators';
import { describe, expect, it } from 'vitest';
import { keyInGroup, metricAt } from './metric-keys.ts';

describe('a metric under its group', () => {
  it('splits every id of the catalog into its group and a key, and joins them back', () => {
    for (const m of METRICS) {
      expect(m.id.startsWith(`${m.group}.`)).toBe(true);
      expect(keyInGroup(m)).not.toContain('.');
      expect(metricAt(m.group, keyInGroup(m))).toBe(m.id);
    }
  });

  it('names no metric for a key its group does not have', () => {
    expect(metricAt('dossiers', 'recieved')).toBeUndefined();
    expect(metricAt(METRIC_GROUPS[1].id, 'received')).toBeUndefined();
    expect(metricAt('dossiers.received', '')).toBeUndefined();
  });
});
