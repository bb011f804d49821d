/**
 * Correcting a published report over real HTTP on a temporary libsql
 * database: reopened as a draft while the public file stays as it was,
 * then published again with the reason the correction log needs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '@congkhai/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '../src/server/store/values.ts';
import { failure, startEditor, type Harness } from './harness.ts';

let h: Harness;
const A = 'an-binh-tay-son-nghe-an';
const B = 'kim-tan-kim-thanh-hai-duong';

const content = (received: number) => ({
  title: 'Báo cáo kết quả cải cách hành chính',
  metrics: { 'dossiers.received': received },
  targets: {},
  statedShares: {},
  explanations: {},
  body: '## I. Kết quả\n\nĐã thực hiện.\n',
});

beforeAll(async () => {
  h = await startEditor();
  await h.user('bientap-a', 'editor', { units: [A] });
  await h.user('bientap-b', 'editor', { units: [B] });
  await h.user('duyet-nghe-an', 'reviewer', { provinces: ['Nghệ An'] });
  await h.user('duyet-hai-duong', 'reviewer', { provinces: ['Hải Dương'] });
  await h.user('quantri-c', 'admin', {});
});

afterAll(async () => {
  await h.stop();
});

describe('correcting a published report', () => {
  it('reopens it as a draft with the public file untouched, and republishes it with the reason', async () => {
    const ed = await h.login('bientap-a');
    const rv = await h.login('duyet-nghe-an');
    const id = await ed.reports.create.mutate({ unit: A, period: '2024-H1' });
    await ed.reports.save.mutate({ id, baseVersion: 1, content: content(1200) });
    // Only a published report is corrected.
    expect(await failure(ed.reports.reopenForCorrection.mutate({ id }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Chỉ đính chính được báo cáo đã công bố.',
    });
    await ed.reports.submit.mutate({ id });
    await rv.reports.publish.mutate({ id });
    const file = join(h.contentDir, 'reports', A, '2024-H1.md');
    const published = readFileSync(file, 'utf8');
    expect(await ed.reports.publicPage.query({ id })).toEqual({
      live: true,
      path: `/xa/${A}/2024-H1/`,
    });

    // Outside the unit it is not found; an admin neither writes nor reviews reports.
    for (const who of ['bientap-b', 'duyet-hai-duong'])
      expect(
        (await failure((await h.login(who)).reports.reopenForCorrection.mutate({ id }))).code,
      ).toBe('NOT_FOUND');
    expect(
      (await failure((await h.login('quantri-c')).reports.reopenForCorrection.mutate({ id }))).code,
    ).toBe('FORBIDDEN');
    // A hostile input is refused with a message, never a crash.
    expect(
      await failure(ed.reports.reopenForCorrection.mutate({ id, comment: 'x'.repeat(2001) })),
    ).toMatchObject({ code: 'BAD_REQUEST' });

    const changes = h.changes.length;
    expect(await ed.reports.reopenForCorrection.mutate({ id, comment: 'Sửa số tiếp nhận' })).toBe(
      true,
    );
    const reopened = await ed.reports.get.query({ id });
    expect(reopened.status).toBe('draft');
    expect(reopened.canEdit).toBe(true);
    expect(reopened.comments.map((c) => c.body)).toEqual(['Sửa số tiếp nhận']);
    // The published version stays live: the file is as it was and no rebuild was asked.
    expect(readFileSync(file, 'utf8')).toBe(published);
    expect(h.changes.length).toBe(changes);
    expect((await ed.reports.publicPage.query({ id })).live).toBe(true);
    const audit = (
      await h.db.execute({
        sql: "SELECT detail FROM audit_log WHERE action = 'report_reopen_correction' AND subject = ?",
        args: [String(id)],
      })
    ).rows;
    expect(audit.length).toBe(1);
    expect(text(audit[0]?.detail)).toContain('"version":2');
    // Once reopened it is a draft: a second reopen is refused.
    expect((await failure(rv.reports.reopenForCorrection.mutate({ id }))).code).toBe(
      'PRECONDITION_FAILED',
    );

    await ed.reports.save.mutate({ id, baseVersion: 2, content: content(1210) });
    await ed.reports.submit.mutate({ id });
    const ask = await failure(rv.reports.publish.mutate({ id }));
    expect(ask).toMatchObject({ code: 'PRECONDITION_FAILED', payload: { reasonRequired: true } });
    expect(readFileSync(file, 'utf8')).toBe(published);
    await rv.reports.publish.mutate({ id, reason: 'Sửa số hồ sơ tiếp nhận theo sổ.' });
    const after = parseReport(readFileSync(file, 'utf8'));
    expect(after.ok && after.value.corrections).toEqual([
      expect.objectContaining({
        reason: 'Sửa số hồ sơ tiếp nhận theo sổ.',
        changes: [{ metric: 'dossiers.received', before: 1200, after: 1210 }],
      }),
    ]);
    expect(existsSync(join(h.contentDir, 'versions', A, '2024-H1', '1.md'))).toBe(true);
  });

  it('lets the reviewer reopen it too, and undoes the approvals given to the published version', async () => {
    const admin = await h.login('quantri-c');
    await admin.units.setProvinceApproval.mutate({ province: 'Nghệ An', required: true });
    try {
      const ed = await h.login('bientap-a');
      const rv = await h.login('duyet-nghe-an');
      const id = await ed.reports.create.mutate({ unit: A, period: '2024-H2' });
      await ed.reports.save.mutate({ id, baseVersion: 1, content: content(1205) });
      await ed.reports.submit.mutate({ id });
      await rv.approvals.approve.mutate({ id, level: 'district' });
      await rv.approvals.approve.mutate({ id, level: 'province' });
      await rv.reports.publish.mutate({ id });
      expect(await rv.reports.reopenForCorrection.mutate({ id })).toBe(true);
      expect((await ed.reports.get.query({ id })).status).toBe('draft');
      expect((await rv.approvals.of.query({ id })).approvals).toEqual([]);
    } finally {
      await admin.units.setProvinceApproval.mutate({ province: 'Nghệ An', required: false });
    }
  });
});
