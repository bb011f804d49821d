/**
 * First run: a first admin with a one-time password, printed once (it must
 * be changed at the first login and expires after 7 days; should it expire
 * unused while no admin has a password of their own, the next start prints
 * a new one). Demo mode also loads the units and published reports of the
 * content directory and creates an editor and a reviewer, printing their
 * one-time passwords.
 */
import { cp, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { UNITS_FILE, readContent, writeContent } from '@congkhai/content';
import { generateDemo } from '@congkhai/demo';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import { markOneTime, resetPassword } from './accounts.ts';
import { generatePassword, hashPassword } from './password.ts';
import { findReport, insertReport } from './store/reports.ts';
import { listUnits, upsertUnit } from './store/units.ts';
import { countUsers, createUser } from './store/users.ts';
import { text } from './store/values.ts';

export interface Credential {
  readonly username: string;
  readonly password: string;
  readonly role: string;
  readonly scope: string;
}

export async function ensureFirstAdmin(
  db: Client,
  now = Date.now(),
): Promise<Credential | undefined> {
  if ((await countUsers(db)) > 0) {
    // Nobody could reset an admin's one-time password that expired unused but whoever starts the server.
    const admins = (
      await db.execute(
        `SELECT id, username, must_change_password, password_expires_at FROM users
         WHERE role = 'admin' AND disabled = 0 ORDER BY id`,
      )
    ).rows;
    const usable = admins.some(
      (a) =>
        Number(a.must_change_password) === 0 ||
        a.password_expires_at === null ||
        Number(a.password_expires_at) > now,
    );
    const first = admins[0];
    if (usable || !first) return undefined;
    const username = text(first.username);
    const password = await resetPassword(
      { db, accounts: { now: () => now } },
      Number(first.id),
      username,
    );
    return { username, password, role: 'admin', scope: 'toàn hệ thống (mật khẩu cũ đã hết hạn)' };
  }
  const password = generatePassword();
  const id = await createUser(db, {
    username: 'admin',
    displayName: 'Quản trị viên',
    passwordHash: await hashPassword(password),
    role: 'admin',
  });
  await markOneTime(db, id, now);
  return { username: 'admin', password, role: 'admin', scope: 'toàn hệ thống' };
}

export async function loadContent(
  db: Client,
  contentDir: string,
): Promise<{ units: number; reports: number }> {
  const content = await readContent(contentDir);
  // Predecessors first, so lineage rows find their units.
  const sorted = [...content.units].sort((a, b) => a.formedFrom.length - b.formedFrom.length);
  for (const u of sorted) await upsertUnit(db, u);
  let reports = 0;
  for (const r of content.reports) {
    if ((await findReport(db, r.unit, r.period)) !== undefined) continue;
    await insertReport(db, r, 'published', null, 'Nạp từ nội dung đã công bố');
    reports++;
  }
  return { units: content.units.length, reports };
}

export async function demoUsers(db: Client): Promise<Credential[]> {
  const units = await listUnits(db);
  // The editor writes for the real reports' communes and one demo commune; the reviewer covers their provinces.
  const editorUnits = units
    .filter(
      (u) =>
        ['quang-hai-tu-ky-hai-duong', 'kim-tan-kim-thanh-hai-duong'].includes(u.id) ||
        u === units[0],
    )
    .map((u) => u.id);
  const provinces = [
    ...new Set(units.filter((u) => editorUnits.includes(u.id)).map((u) => u.province)),
  ];
  const out: Credential[] = [];
  for (const [username, displayName, role] of [
    ['bientap', 'Nguyễn Văn Biên', 'editor'],
    ['duyet', 'Trần Thị Duyệt', 'reviewer'],
  ] as const) {
    // Once made, a demo user keeps the password they chose (a restart after an admin's password expired calls this again).
    const exists = await db.execute({
      sql: 'SELECT 1 FROM users WHERE username = ?',
      args: [username],
    });
    if (exists.rows.length > 0) continue;
    const password = generatePassword();
    const id = await createUser(db, {
      username,
      displayName,
      passwordHash: await hashPassword(password),
      role,
      ...(role === 'editor' ? { units: editorUnits } : { provinces }),
    });
    await markOneTime(db, id, Date.now());
    out.push({
      username,
      password,
      role,
      scope: role === 'editor' ? editorUnits.join(', ') : provinces.join(', '),
    });
  }
  return out;
}

/**
 * A content directory to start from: the repository's real reports plus
 * generated demo units and reports. Left alone when it already exists, so
 * what was published survives a restart.
 */
export async function prepareDemoContent(
  contentDir: string,
  repoContent: string,
  units = 100,
): Promise<boolean> {
  if (existsSync(join(contentDir, UNITS_FILE))) return false;
  const demo = generateDemo({ units, periods: 8, seed: 1 });
  const real = await readContent(repoContent);
  // The real reports as they are in the repository, byte for byte; writeContent
  // writes units.yaml last, and its presence says the content is complete.
  await mkdir(join(contentDir, 'reports'), { recursive: true });
  await cp(join(repoContent, 'reports'), join(contentDir, 'reports'), { recursive: true });
  await writeContent(contentDir, { ...demo, units: [...demo.units, ...real.units] });
  return true;
}
