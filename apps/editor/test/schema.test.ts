/**
 * The database's CHECKs on a report's status, a user's role, an
 * approval's level and a build's status hold the same lists as the code's constants. Old
 * migrations are history (a database made by them must stay as it is), so
 * they keep their literal lists: a value added to the code without a
 * migration that widens the CHECK fails here, not at a user's first save.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVAL_LEVELS } from '../src/server/approvals.ts';
import { openDatabase } from '../src/server/db.ts';
import { BUILD_STATUSES } from '../src/server/store/builds.ts';
import { REPORT_STATUSES } from '../src/server/store/reports.ts';
import { USER_ROLES } from '../src/server/store/users.ts';

let dir: string;
let db: Client;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'congkhai-schema-'));
  db = await openDatabase(`file:${join(dir, 'schema.db')}`);
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The values `CHECK (<column> IN (...))` allows in the table as the migrations left it. */
async function checkedValues(table: string, column: string): Promise<string[]> {
  const row = (
    await db.execute({
      sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
      args: [table],
    })
  ).rows[0];
  const sql = typeof row?.sql === 'string' ? row.sql : '';
  const list = new RegExp(`CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(sql)?.[1];
  if (list === undefined) throw new Error(`${table}.${column} has no CHECK … IN (…)`);
  return list.split(',').map((v) => v.trim().replace(/^'|'$/g, ''));
}

describe('the database schema', () => {
  it("allows exactly the code's report statuses", async () => {
    expect((await checkedValues('reports', 'status')).sort()).toEqual([...REPORT_STATUSES].sort());
  });

  it("allows exactly the code's user roles", async () => {
    expect((await checkedValues('users', 'role')).sort()).toEqual([...USER_ROLES].sort());
  });

  it("allows exactly the code's approval levels", async () => {
    expect((await checkedValues('report_approvals', 'level')).sort()).toEqual(
      [...APPROVAL_LEVELS].sort(),
    );
  });

  it("allows exactly the code's build statuses", async () => {
    expect((await checkedValues('builds', 'status')).sort()).toEqual([...BUILD_STATUSES].sort());
  });
});
