/**
 * Importing into a period that already has a draft: which fields differ
 * (the official chooses keep or take for each) and the content saved once
 * they have chosen. Pure, so the rule "nothing is overwritten unless the
 * official took it" is tested without a browser (test/import-merge.test.ts).
 */
import { statedEntries, type MetricId, type Metrics } from '@congkhai/indicators';

/** The parts of a report's content an import can bring. */
export interface ImportedContent {
  title: string;
  number?: string;
  issued?: string;
  signer?: string;
  metrics: Metrics;
  targets: Metrics;
  statedShares: Partial<Record<MetricId, number>>;
  explanations: Partial<Record<MetricId, string>>;
  body: string;
}

export type HeadField = 'title' | 'number' | 'issued' | 'signer' | 'body';

/** One field where the draft and the import differ, as the merge table shows it. */
export interface Conflict {
  /** A head field or a metric id. */
  key: HeadField | MetricId;
  mine: string;
  theirs: string;
}

/**
 * The fields the official must choose: head fields the import fills with a
 * different text, then figures the import confirms with a different value
 * (one the draft lacks included), the narrative last. A field the import
 * leaves empty is no conflict: the draft keeps it.
 */
export function conflicts(
  draft: ImportedContent,
  imported: ImportedContent,
  fmt: (n: number) => string,
): Conflict[] {
  const rows: Conflict[] = [];
  const text = (key: HeadField) => {
    const mine = (draft[key] ?? '').trim();
    const theirs = (imported[key] ?? '').trim();
    if (theirs && mine !== theirs) rows.push({ key, mine, theirs });
  };
  text('title');
  text('number');
  text('issued');
  text('signer');
  for (const [id, v] of statedEntries(imported.metrics)) {
    const mine = draft.metrics[id];
    if (mine !== v)
      rows.push({ key: id, mine: mine === undefined ? '' : fmt(mine), theirs: fmt(v) });
  }
  text('body');
  return rows;
}

/**
 * The draft with what the official took from the import: a figure the
 * draft lacks comes in, every other differing field only when taken. The
 * draft's targets, stated shares and explanations stay as they are.
 */
export function merged(
  draft: ImportedContent,
  imported: ImportedContent,
  take: Readonly<Record<string, boolean>>,
): ImportedContent {
  const pick = <T>(key: string, mine: T, theirs: T): T => (take[key] ? theirs : mine);
  const metrics: Metrics = { ...draft.metrics };
  for (const [id, v] of statedEntries(imported.metrics))
    if (draft.metrics[id] === undefined || take[id]) metrics[id] = v;
  const optional = (key: 'number' | 'issued' | 'signer') => {
    const v = pick(key, draft[key], imported[key]);
    return v ? { [key]: v } : {};
  };
  return {
    title: pick('title', draft.title, imported.title),
    ...optional('number'),
    ...optional('issued'),
    ...optional('signer'),
    metrics,
    targets: { ...draft.targets },
    statedShares: { ...draft.statedShares },
    explanations: { ...draft.explanations },
    body: pick('body', draft.body, imported.body),
  };
}
