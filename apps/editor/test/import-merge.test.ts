/**
 * Importing into a period that has a draft: nothing in the draft changes
 * unless the official took the import's value for that field; a figure the
 * draft lacks comes in; fields the import leaves empty are no question.
 */
import { describe, expect, it } from 'vitest';
import { conflicts, merged, type ImportedContent } from '../src/client/lib/import-merge.ts';

const draft: ImportedContent = {
  title: 'Báo cáo 6 tháng đầu năm 2025 xã Đông Hải',
  number: '12/BC-UBND',
  signer: 'Nguyễn Văn Đức',
  metrics: { 'dossiers.received': 1164, 'dossiers.resolved': 1150 },
  targets: { 'dossiers.received_online': 80 },
  statedShares: {},
  explanations: { 'dossiers.resolved_late': 'Thiếu hồ sơ đất đai.' },
  body: '## I. Kết quả\n\nBản nháp.\n',
};
const imported: ImportedContent = {
  title: 'Báo cáo kết quả cải cách hành chính 6 tháng đầu năm 2025',
  issued: '2025-07-10',
  metrics: { 'dossiers.received': 1170, 'dossiers.received_online': 1145 },
  targets: {},
  statedShares: {},
  explanations: {},
  body: '## I. Kết quả\n\nTừ văn bản.\n',
};
const fmt = (n: number) => n.toLocaleString('vi');

describe('import into a period with a draft', () => {
  it('asks about each field the import fills differently, and nothing else', () => {
    expect(conflicts(draft, imported, fmt)).toEqual([
      { key: 'title', mine: draft.title, theirs: imported.title },
      // The draft has no issue date: the import's is still a choice, shown against an empty cell.
      { key: 'issued', mine: '', theirs: '2025-07-10' },
      { key: 'dossiers.received', mine: '1.164', theirs: '1.170' },
      { key: 'dossiers.received_online', mine: '', theirs: '1.145' },
      { key: 'body', mine: draft.body.trim(), theirs: imported.body.trim() },
    ]);
    // Same values, or fields the import leaves empty (number, signer): no question.
    expect(conflicts(draft, { ...draft, number: '', signer: '' }, fmt)).toEqual([]);
  });

  it('keeps the draft where the official kept it, takes the import where they took it', () => {
    const out = merged(draft, imported, {
      title: false,
      issued: true,
      'dossiers.received': false,
      body: true,
    });
    expect(out).toEqual({
      title: draft.title,
      number: '12/BC-UBND',
      issued: '2025-07-10',
      signer: 'Nguyễn Văn Đức',
      // Kept 1.164; the figure the draft lacked comes in.
      metrics: {
        'dossiers.received': 1164,
        'dossiers.resolved': 1150,
        'dossiers.received_online': 1145,
      },
      targets: draft.targets,
      statedShares: {},
      explanations: draft.explanations,
      body: imported.body,
    });
    // Taken: the import's value replaces the draft's.
    expect(
      merged(draft, imported, { 'dossiers.received': true }).metrics['dossiers.received'],
    ).toBe(1170);
  });
});
