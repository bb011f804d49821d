/**
 * Writes that must be whole: a report is never stored without its first
 * revision, even when the second of its two rows cannot be written (a full
 * disk, a constraint), since every screen reads a report through it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import type { Report } from '@congkhai/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/db.ts';
import { findReport, insertReport } from '../src/server/store/reports.ts';
import { upsertUnit } from '../src/server/store/units.ts';

let dir: string;
let db: Client;

const report: Report = {
  schema: 1,
  unit: 'dong-thuan-thu',
  period: '2025-H1',
  title: 'Báo cáo cải cách hành chính 6 tháng đầu năm 2025 của xã Đồng Thuận',
  metrics: {},
  targets: {},
  statedShares: {},
  explanations: {},
  body: '',
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'congkhai-store-'));
  db = await openDatabase(`file:${join(dir, 'store.db')}`);
  await upsertUnit(db, {
    id: report.unit,
    kind: 'xa',
    name: 'Đồng Thuận',
    district: 'Huyện Thử',
    province: 'Tỉnh Thử',
    formedFrom: [],
  });
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (table: string) =>
  Number((await db.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

describe('a new report', () => {
  it('is not stored at all when its first revision cannot be written', async () => {
    await db.execute(
      "CREATE TRIGGER refuse_revision BEFORE INSERT ON revisions BEGIN SELECT RAISE(ABORT, 'no room'); END",
    );
    await expect(insertReport(db, report, 'draft', null)).rejects.toThrow(/no room/);
    expect(await count('reports')).toBe(0);
    expect(await findReport(db, report.unit, report.period)).toBeUndefined();
    await db.execute('DROP TRIGGER refuse_revision');
  });

  it('is stored with its first revision, which holds its content', async () => {
    const id = await insertReport(db, report, 'draft', null, 'đầu tiên');
    const rev = (
      await db.execute({
        sql: 'SELECT version, content, note FROM revisions WHERE report_id = ?',
        args: [id],
      })
    ).rows;
    expect(rev).toHaveLength(1);
    expect(rev[0]?.version).toBe(1);
    expect(JSON.parse(rev[0]?.content as string)).toEqual(report);
    expect(rev[0]?.note).toBe('đầu tiên');
  });
});
