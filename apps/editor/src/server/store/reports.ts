/** Reports with their revisions: the list and its pages, one report, its history, new versions, its status. */
import type { Client, InValue } from '@libsql/client';
import type { Report } from '@congkhai/report';
import { REPORT_LIST_LIMIT } from '../limits.ts';
import { now, text, type Db } from './values.ts';

/**
 * A report's workflow: draft → in review → published (→ withdrawn). The one
 * list of statuses: the type, the API's enums and the client's names come
 * from it; the database's CHECK is tested against it (test/schema.test.ts).
 */
export const REPORT_STATUSES = ['draft', 'in_review', 'published', 'withdrawn'] as const;
export type Status = (typeof REPORT_STATUSES)[number];

export interface ReportRow {
  readonly id: number;
  readonly unit: string;
  readonly period: string;
  readonly status: Status;
  readonly version: number;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
  readonly title: string;
}

// No JSON functions over stored content in SQL: libsql panics (ending the
// process) when json_extract decodes an escaped lone surrogate. The title
// has a column of its own; content is parsed in JavaScript.
const REPORT_COLUMNS = `r.id, r.unit_id, r.period, r.status, r.version, r.updated_at, u.display_name AS updated_by, r.title`;
const REPORT_FROM = `reports r LEFT JOIN users u ON u.id = r.updated_by`;

function toRow(r: Record<string, unknown>): ReportRow {
  return {
    id: Number(r.id),
    unit: text(r.unit_id),
    period: text(r.period),
    status: text(r.status) as Status,
    version: Number(r.version),
    updatedAt: text(r.updated_at),
    updatedBy: r.updated_by === null ? null : text(r.updated_by),
    title: text(r.title),
  };
}

/** Which reports a list asks for, as SQL: one reading of the filters for the list and its pages. */
function reportFilter(where: {
  units?: readonly string[];
  status?: Status;
  period?: string;
  text?: string;
}): { clauses: string[]; args: InValue[] } {
  const clauses: string[] = [];
  const args: InValue[] = [];
  if (where.units) {
    clauses.push(`r.unit_id IN (${where.units.map(() => '?').join(',')})`);
    args.push(...where.units);
  }
  if (where.status) {
    clauses.push('r.status = ?');
    args.push(where.status);
  }
  if (where.period) {
    clauses.push('r.period = ?');
    args.push(where.period);
  }
  if (where.text) {
    clauses.push('(lower(r.title) LIKE ? OR lower(r.unit_id) LIKE ?)');
    args.push(`%${where.text.toLowerCase()}%`, `%${where.text.toLowerCase()}%`);
  }
  return { clauses, args };
}

export async function listReports(
  db: Db,
  where: { units?: readonly string[]; status?: Status; period?: string; text?: string },
): Promise<ReportRow[]> {
  if (where.units?.length === 0) return [];
  const { clauses, args } = reportFilter(where);
  const sql = `SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM} ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY r.updated_at DESC LIMIT ${String(REPORT_LIST_LIMIT)}`;
  return (await db.execute({ sql, args })).rows.map((r) =>
    toRow(r as unknown as Record<string, unknown>),
  );
}

export async function getReport(
  db: Db,
  id: number,
): Promise<(ReportRow & { content: Report }) | undefined> {
  const row = (
    await db.execute({
      sql: `SELECT ${REPORT_COLUMNS}, v.content FROM ${REPORT_FROM} JOIN revisions v ON v.report_id = r.id AND v.version = r.version WHERE r.id = ?`,
      args: [id],
    })
  ).rows[0];
  if (!row) return undefined;
  return { ...toRow(row), content: JSON.parse(text(row.content)) as Report };
}

export async function findReport(
  db: Db,
  unit: string,
  period: string,
): Promise<number | undefined> {
  const row = (
    await db.execute({
      sql: 'SELECT id FROM reports WHERE unit_id = ? AND period = ?',
      args: [unit, period],
    })
  ).rows[0];
  return row ? Number(row.id) : undefined;
}

export async function insertReport(
  db: Client,
  content: Report,
  status: Status,
  userId: number | null,
  note?: string,
): Promise<number> {
  const at = now();
  // One batch, one transaction: a report never exists without its first revision.
  const [row] = await db.batch(
    [
      {
        sql: 'INSERT INTO reports (unit_id, period, status, version, updated_at, updated_by, title) VALUES (?, ?, ?, 1, ?, ?, ?)',
        args: [content.unit, content.period, status, at, userId, content.title],
      },
      {
        sql: 'INSERT INTO revisions (report_id, version, content, author_id, created_at, note) VALUES (last_insert_rowid(), 1, ?, ?, ?, ?)',
        args: [JSON.stringify(content), userId, at, note ?? null],
      },
    ],
    'write',
  );
  return Number(row?.lastInsertRowid);
}

/**
 * A new revision of a draft on top of `base`, written only if `base` is
 * still its current version and it is still a draft: the check and both
 * writes are one batch, one transaction that holds SQLite's write lock from
 * the check to the commit, so two saves on one version cannot both land
 * and no other statement runs in between (an interactive transaction would
 * hold a connection across awaits; see db.ts). Returns the new version, or
 * undefined when the report moved on (a conflict for the caller to tell).
 */
export async function addRevision(
  db: Client,
  id: number,
  base: number,
  content: Report,
  userId: number,
  note?: string,
): Promise<number | undefined> {
  const at = now();
  const [revision] = await db.batch(
    [
      {
        sql: `INSERT INTO revisions (report_id, version, content, author_id, created_at, note)
              SELECT id, version + 1, ?, ?, ?, ? FROM reports WHERE id = ? AND version = ? AND status = 'draft'`,
        args: [JSON.stringify(content), userId, at, note ?? null, id, base],
      },
      {
        sql: `UPDATE reports SET version = version + 1, updated_at = ?, updated_by = ?, title = ?
              WHERE id = ? AND version = ? AND status = 'draft'`,
        args: [at, userId, content.title, id, base],
      },
    ],
    'write',
  );
  return revision?.rowsAffected === 1 ? base + 1 : undefined;
}

export async function setStatus(db: Db, id: number, status: Status, userId: number): Promise<void> {
  await db.execute({
    sql: 'UPDATE reports SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?',
    args: [status, now(), userId, id],
  });
}

export async function history(
  db: Db,
  id: number,
): Promise<
  { version: number; author: string | null; at: string; note: string | null; content: Report }[]
> {
  const rows = (
    await db.execute({
      sql: `SELECT v.version, u.display_name AS author, v.created_at, v.note, v.content FROM revisions v
            LEFT JOIN users u ON u.id = v.author_id WHERE v.report_id = ? ORDER BY v.version DESC`,
      args: [id],
    })
  ).rows;
  return rows.map((r) => ({
    version: Number(r.version),
    author: r.author === null ? null : text(r.author),
    at: text(r.created_at),
    note: r.note === null ? null : text(r.note),
    content: JSON.parse(text(r.content)) as Report,
  }));
}

/** One page of the report list, newest change first, with how many there are in all: the list never stops silently. */
export async function pageReports(
  db: Db,
  where: { units: readonly string[]; status?: Status; period?: string },
  page: { offset: number; limit: number },
): Promise<{ rows: ReportRow[]; total: number }> {
  if (where.units.length === 0) return { rows: [], total: 0 };
  const { clauses, args } = reportFilter(where);
  const w = `WHERE ${clauses.join(' AND ')}`;
  const total = Number(
    (await db.execute({ sql: `SELECT COUNT(*) AS n FROM reports r ${w}`, args })).rows[0]?.n ?? 0,
  );
  const rows = (
    await db.execute({
      sql: `SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM} ${w} ORDER BY r.updated_at DESC, r.id DESC LIMIT ? OFFSET ?`,
      args: [...args, page.limit, page.offset],
    })
  ).rows.map((r) => toRow(r as unknown as Record<string, unknown>));
  return { rows, total };
}
