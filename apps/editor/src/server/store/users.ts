/** Users and their scopes (the units they edit, the provinces they review). */
import { now, text, type Db } from './values.ts';

/**
 * What a user may do: admin (everything), editor (reports of given units),
 * reviewer (review and publish for given units or provinces). The one list
 * of roles: the type, the API's enum and the client's names come from it;
 * the database's CHECK is tested against it (test/schema.test.ts).
 */
export const USER_ROLES = ['admin', 'editor', 'reviewer'] as const;
export type Role = (typeof USER_ROLES)[number];

export interface User {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly units: readonly string[];
  readonly provinces: readonly string[];
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
