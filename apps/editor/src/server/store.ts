/** Database access by domain: users and their scopes, units, reports with their revisions. */
import type { Client, InValue, Transaction } from '@libsql/client';
import type { Unit, UnitKind } from '@congkhai/indicators';
import type { Report } from '@congkhai/report';
import { REPORT_LIST_LIMIT } from './limits.ts';

export type Role = 'admin' | 'editor' | 'reviewer';
export type Status = 'draft' | 'in_review' | 'published' | 'withdrawn';

export interface User {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly units: readonly string[];
  readonly provinces: readonly string[];
}

type Db = Client | Transaction;

/** A libsql value as text (rows type every column as a union of value kinds). */
export const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? v.toString() : '';

const now = () => new Date().toISOString();

export async function audit(
  db: Db,
  userId: number | undefined,
  action: string,
  subject: string,
  detail?: unknown,
): Promise<void> {
  await db.execute({
    sql: 'INSERT INTO audit_log (at, user_id, action, subject, detail) VALUES (?, ?, ?, ?, ?)',
    args: [
      now(),
      userId ?? null,
      action,
      subject,
      detail === undefined ? null : JSON.stringify(detail),
    ],
  });
}

export async function getUser(db: Db, id: number): Promise<User | undefined> {
  const row = (
    await db.execute({
      sql: 'SELECT id, username, display_name, role FROM users WHERE id = ? AND disabled = 0',
      args: [id],
    })
  ).rows[0];
  if (!row) return undefined;
  const scopes = (
    await db.execute({
      sql: 'SELECT unit_id, province FROM user_scopes WHERE user_id = ?',
      args: [id],
    })
  ).rows;
  return {
    id: Number(row.id),
    username: text(row.username),
    displayName: text(row.display_name),
    role: text(row.role) as Role,
    units: scopes.filter((s) => s.unit_id !== null).map((s) => text(s.unit_id)),
    provinces: scopes.filter((s) => s.province !== null).map((s) => text(s.province)),
  };
}

export async function findUserByName(
  db: Db,
  username: string,
): Promise<{ id: number; passwordHash: string } | undefined> {
  const row = (
    await db.execute({
      sql: 'SELECT id, password_hash FROM users WHERE username = ? AND disabled = 0',
      args: [username.toLowerCase()],
    })
  ).rows[0];
  return row ? { id: Number(row.id), passwordHash: text(row.password_hash) } : undefined;
}

export async function createUser(
  db: Db,
  u: {
    username: string;
    displayName: string;
    passwordHash: string;
    role: Role;
    units?: readonly string[];
    provinces?: readonly string[];
  },
): Promise<number> {
  const r = await db.execute({
    sql: 'INSERT INTO users (username, display_name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)',
    args: [u.username.toLowerCase(), u.displayName, u.passwordHash, u.role, now()],
  });
  const id = Number(r.lastInsertRowid);
  for (const unit of u.units ?? [])
    await db.execute({
      sql: 'INSERT INTO user_scopes (user_id, unit_id) VALUES (?, ?)',
      args: [id, unit],
    });
  for (const p of u.provinces ?? [])
    await db.execute({
      sql: 'INSERT INTO user_scopes (user_id, province) VALUES (?, ?)',
      args: [id, p],
    });
  return id;
}

export async function countUsers(db: Db): Promise<number> {
  return Number((await db.execute('SELECT COUNT(*) AS n FROM users')).rows[0]?.n ?? 0);
}

function rowToUnit(
  r: Record<string, unknown>,
  lineage: Map<string, { unit: string; whole: boolean }[]>,
): Unit {
  const id = text(r.id);
  return {
    id,
    ...(r.code ? { code: text(r.code) } : {}),
    kind: text(r.kind) as UnitKind,
    name: text(r.name),
    ...(r.district ? { district: text(r.district) } : {}),
    province: text(r.province),
    ...(r.valid_from ? { validFrom: text(r.valid_from) } : {}),
    ...(r.valid_to ? { validTo: text(r.valid_to) } : {}),
    formedFrom: lineage.get(id) ?? [],
  };
}

/**
 * Units change rarely (an admin edits them) and every procedure checks
 * access against them: they are read once and kept until a unit changes.
 */
let unitCache = new WeakMap<Db, Promise<Unit[]>>();

export function listUnits(db: Db): Promise<Unit[]> {
  let units = unitCache.get(db);
  if (!units) {
    units = readUnits(db).catch((e: unknown) => {
      unitCache.delete(db);
      throw e;
    });
    unitCache.set(db, units);
  }
  return units;
}

async function readUnits(db: Db): Promise<Unit[]> {
  const lineage = new Map<string, { unit: string; whole: boolean }[]>();
  for (const l of (await db.execute('SELECT unit_id, predecessor_id, whole FROM unit_lineage'))
    .rows) {
    const list = lineage.get(text(l.unit_id)) ?? [];
    list.push({ unit: text(l.predecessor_id), whole: Number(l.whole) === 1 });
    lineage.set(text(l.unit_id), list);
  }
  const rows = (await db.execute('SELECT * FROM units')).rows;
  const collator = new Intl.Collator('vi');
  return rows
    .map((r) => rowToUnit(r as unknown as Record<string, unknown>, lineage))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export async function upsertUnit(db: Db, u: Unit): Promise<void> {
  unitCache = new WeakMap();
  await db.execute({
    sql: `INSERT INTO units (id, code, kind, name, district, province, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET code = excluded.code, kind = excluded.kind, name = excluded.name,
            district = excluded.district, province = excluded.province, valid_from = excluded.valid_from, valid_to = excluded.valid_to`,
    args: [
      u.id,
      u.code ?? null,
      u.kind,
      u.name,
      u.district ?? null,
      u.province,
      u.validFrom ?? null,
      u.validTo ?? null,
    ],
  });
  await db.execute({ sql: 'DELETE FROM unit_lineage WHERE unit_id = ?', args: [u.id] });
  for (const p of u.formedFrom) {
    await db.execute({
      sql: 'INSERT INTO unit_lineage (unit_id, predecessor_id, whole) VALUES (?, ?, ?)',
      args: [u.id, p.unit, p.whole ? 1 : 0],
    });
  }
}

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
  db: Db,
  content: Report,
  status: Status,
  userId: number | null,
  note?: string,
): Promise<number> {
  const at = now();
  const r = await db.execute({
    sql: 'INSERT INTO reports (unit_id, period, status, version, updated_at, updated_by, title) VALUES (?, ?, ?, 1, ?, ?, ?)',
    args: [content.unit, content.period, status, at, userId, content.title],
  });
  const id = Number(r.lastInsertRowid);
  await db.execute({
    sql: 'INSERT INTO revisions (report_id, version, content, author_id, created_at, note) VALUES (?, 1, ?, ?, ?, ?)',
    args: [id, JSON.stringify(content), userId, at, note ?? null],
  });
  return id;
}

/** A new revision on top of `version`; the caller checked that `version` is the current one, in the same transaction. */
export async function addRevision(
  db: Db,
  id: number,
  version: number,
  content: Report,
  userId: number,
  note?: string,
): Promise<number> {
  const at = now();
  const next = version + 1;
  await db.execute({
    sql: 'INSERT INTO revisions (report_id, version, content, author_id, created_at, note) VALUES (?, ?, ?, ?, ?, ?)',
    args: [id, next, JSON.stringify(content), userId, at, note ?? null],
  });
  await db.execute({
    sql: 'UPDATE reports SET version = ?, updated_at = ?, updated_by = ?, title = ? WHERE id = ?',
    args: [next, at, userId, content.title, id],
  });
  return next;
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

export async function addComment(
  db: Db,
  reportId: number,
  userId: number,
  body: string,
): Promise<void> {
  await db.execute({
    sql: 'INSERT INTO review_comments (report_id, author_id, body, created_at) VALUES (?, ?, ?, ?)',
    args: [reportId, userId, body, now()],
  });
}

export async function comments(
  db: Db,
  reportId: number,
): Promise<{ author: string; body: string; at: string }[]> {
  const rows = (
    await db.execute({
      sql: 'SELECT u.display_name AS author, c.body, c.created_at FROM review_comments c JOIN users u ON u.id = c.author_id WHERE c.report_id = ? ORDER BY c.id',
      args: [reportId],
    })
  ).rows;
  return rows.map((r) => ({ author: text(r.author), body: text(r.body), at: text(r.created_at) }));
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

export type WorkflowEventKind = 'submitted' | 'returned' | 'published' | 'withdrawn';
const EVENT_ACTIONS: Record<string, WorkflowEventKind> = {
  report_submit: 'submitted',
  report_return: 'returned',
  report_publish: 'published',
  report_withdraw: 'withdrawn',
};

/**
 * The workflow of a report as it happened, from the audit log: who
 * submitted, returned, published or withdrew it, when, with the comment
 * they wrote then, and the version it was at (the last revision before).
 */
export async function workflowEvents(
  db: Db,
  reportId: number,
): Promise<
  {
    kind: WorkflowEventKind;
    at: string;
    by: string | null;
    version: number;
    comment: string | null;
  }[]
> {
  const actions = Object.keys(EVENT_ACTIONS);
  const rows = (
    await db.execute({
      sql: `SELECT a.action, a.at, a.user_id, u.display_name,
              (SELECT MAX(v.version) FROM revisions v WHERE v.report_id = ? AND v.created_at <= a.at) AS version
            FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
            WHERE a.subject = ? AND a.action IN (${actions.map(() => '?').join(',')}) ORDER BY a.id`,
      args: [reportId, String(reportId), ...actions],
    })
  ).rows;
  const notes = (
    await db.execute({
      sql: 'SELECT author_id, body, created_at FROM review_comments WHERE report_id = ? ORDER BY id',
      args: [reportId],
    })
  ).rows.map((c) => ({
    by: Number(c.author_id),
    body: text(c.body),
    at: Date.parse(text(c.created_at)),
  }));
  return rows.map((r) => {
    const at = text(r.at);
    // The comment written with the step: same person, within a few seconds.
    const note = notes.find(
      (c) => c.by === Number(r.user_id) && Math.abs(c.at - Date.parse(at)) < 5000,
    );
    return {
      kind: EVENT_ACTIONS[text(r.action)] ?? 'submitted',
      at,
      by: r.display_name === null ? null : text(r.display_name),
      version: Number(r.version ?? 1),
      comment: note?.body ?? null,
    };
  });
}
