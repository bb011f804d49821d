/** fast-check generators of plausible and implausible report metrics, for property tests. */
import fc from 'fast-check';
import type { Metrics } from './catalog.ts';

/** Metrics whose parts never exceed their wholes; any metric may be absent. */
export const consistentMetrics: fc.Arbitrary<Metrics> = fc
  .record(
    {
      online: fc.nat(5000),
      direct: fc.nat(5000),
      early: fc.nat(5000),
      onTime: fc.nat(500),
      late: fc.nat(100),
      level34: fc.nat(5000),
      digitization: fc.double({ min: 0, max: 100, noNaN: true }),
      payment: fc.double({ min: 0, max: 100, noNaN: true }),
      satisfaction: fc.double({ min: 0, max: 100, noNaN: true }),
    },
    { requiredKeys: [] },
  )
  .chain((r) =>
    fc.subarray(['received', 'split', 'resolved', 'level34', 'stated'] as const).map((keep) => {
      const m: Metrics = {};
      const online = r.online ?? 0;
      const direct = r.direct ?? 0;
      const received = online + direct;
      if (keep.includes('received')) m['dossiers.received'] = received;
      if (keep.includes('split')) {
        m['dossiers.received_online'] = online;
        m['dossiers.received_direct'] = direct;
      }
      if (keep.includes('resolved')) {
        m['dossiers.resolved_early'] = r.early ?? 0;
        m['dossiers.resolved_on_time'] = r.onTime ?? 0;
        m['dossiers.resolved_late'] = r.late ?? 0;
        m['dossiers.resolved'] = (r.early ?? 0) + (r.onTime ?? 0) + (r.late ?? 0);
      }
      if (keep.includes('level34')) {
        m['services.online_level34'] = Math.min(r.level34 ?? 0, received);
        m['dossiers.received'] = received;
      }
      if (keep.includes('stated')) {
        if (r.digitization !== undefined) m['rates.digitization'] = r.digitization;
        if (r.payment !== undefined) m['payments.online_rate'] = r.payment;
        if (r.satisfaction !== undefined) m['satisfaction.rate'] = r.satisfaction;
      }
      return m;
    }),
  );
