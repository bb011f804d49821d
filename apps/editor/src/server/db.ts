/**
 * libsql: an embedded file database by default, the same code against a
 * libsql server (sqld, Turso) when DATABASE_URL says so. Versioned
 * migrations run in one transaction at start; a database newer than this
 * code is refused.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';

interface Migration {
  readonly version: number;
  readonly statements: readonly string[];
  /** Data moved by code after the statements (in the same start-up, before anything is served). */
  readonly after?: (db: Client) => Promise<void>;
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    statements: [
      // The CHECKs on users.role and reports.status list store/users.ts's USER_ROLES and
      // store/reports.ts's REPORT_STATUSES as they were then; test/schema.test.ts holds
      // the migrated database to the constants, so a new one comes with a migration.
      `CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'reviewer')),
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      )`,
      // An editor or reviewer works on given units, or (reviewers) a whole province.
      `CREATE TABLE user_scopes (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        unit_id TEXT,
        province TEXT,
        CHECK ((unit_id IS NULL) <> (province IS NULL))
      )`,
      `CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        last_seen INTEGER NOT NULL
      )`,
      `CREATE TABLE login_attempts (key TEXT PRIMARY KEY, failures INTEGER NOT NULL, locked_until INTEGER)`,
      `CREATE TABLE units (
        id TEXT PRIMARY KEY,
        code TEXT,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        district TEXT,
        province TEXT NOT NULL,
        valid_from TEXT,
        valid_to TEXT
      )`,
      `CREATE TABLE unit_lineage (
        unit_id TEXT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        predecessor_id TEXT NOT NULL REFERENCES units(id),
        whole INTEGER NOT NULL,
        PRIMARY KEY (unit_id, predecessor_id)
      )`,
      `CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        unit_id TEXT NOT NULL REFERENCES units(id),
        period TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'withdrawn')),
        version INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id),
        UNIQUE (unit_id, period)
      )`,
      `CREATE TABLE revisions (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        content TEXT NOT NULL,
        author_id INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        note TEXT,
        PRIMARY KEY (report_id, version)
      )`,
      `CREATE TABLE review_comments (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        author_id INTEGER REFERENCES users(id),
        body TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER,
        action TEXT NOT NULL,
        subject TEXT,
        detail TEXT
      )`,
      `CREATE TABLE presence (
        report_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        since TEXT NOT NULL,
        seen INTEGER NOT NULL,
        PRIMARY KEY (report_id, user_id)
      )`,
    ],
  },
  {
    version: 2,
    statements: [
      // The CHECK lists store/builds.ts's BUILD_STATUSES (held to it by test/schema.test.ts).
      `CREATE TABLE builds (
        id INTEGER PRIMARY KEY,
        release TEXT NOT NULL,
        reason TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'live', 'failed')),
        pages INTEGER,
        log TEXT
      )`,
    ],
  },
  {
    version: 3,
    statements: [
      // When each period's reports are due, for the reporting cycle.
      `CREATE TABLE period_due (period TEXT PRIMARY KEY, due TEXT NOT NULL)`,
    ],
  },
  {
    version: 4,
    statements: [
      // Account lifecycle: a password someone else handed out (a one-time
      // password) must be changed at the first login and expires unused.
      `ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0`,
      `ALTER TABLE users ADD COLUMN password_expires_at INTEGER`,
      `ALTER TABLE users ADD COLUMN password_changed_at TEXT`,
      // Until now nobody could choose a password: every one was handed out.
      // They must be changed at the next login; none expires here, so an
      // upgrade locks nobody out.
      `UPDATE users SET must_change_password = 1`,
      `CREATE INDEX sessions_by_user ON sessions (user_id)`,
      // Login throttling (login-throttle.ts) replaces the name|address lock.
      `DROP TABLE login_attempts`,
      `CREATE TABLE login_account_failures (
        account TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failure INTEGER NOT NULL,
        next_attempt INTEGER NOT NULL
      )`,
      `CREATE TABLE login_address_failures (
        address TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        window_start INTEGER NOT NULL
      )`,
    ],
  },
  {
    version: 5,
    statements: [
      // The report list read titles with json_extract(content, '$.title'),
      // which made libsql panic (and the process end) on a title holding a
      // lone surrogate: the title is a column of its own, read as stored.
      `ALTER TABLE reports ADD COLUMN title TEXT NOT NULL DEFAULT ''`,
      // Due dates per province as well as for the whole country (province '').
      `CREATE TABLE period_due_scoped (
        period TEXT NOT NULL,
        province TEXT NOT NULL DEFAULT '',
        due TEXT NOT NULL,
        PRIMARY KEY (period, province)
      )`,
      `INSERT INTO period_due_scoped (period, province, due) SELECT period, '', due FROM period_due`,
      `DROP TABLE period_due`,
      `ALTER TABLE period_due_scoped RENAME TO period_due`,
      // Who a build was for: its requests, each with the unit it concerns (if any).
      `ALTER TABLE builds ADD COLUMN requests TEXT`,
    ],
    after: backfillTitles,
  },
  {
    // 6 is the form's (another branch); numbers only need to grow.
    version: 7,
    statements: [
      // Where a user's notifications are e-mailed, if anywhere.
      `ALTER TABLE users ADD COLUMN email TEXT`,
      // A province may require its own approval after the district's before publishing.
      `CREATE TABLE province_settings (
        province TEXT PRIMARY KEY,
        province_approval INTEGER NOT NULL DEFAULT 0
      )`,
      // Approvals of a report in review, one per level; they lock the figures until undone.
      // The CHECK lists approvals.ts's APPROVAL_LEVELS (held to it by test/schema.test.ts).
      `CREATE TABLE report_approvals (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        level TEXT NOT NULL CHECK (level IN ('district', 'province')),
        user_id INTEGER REFERENCES users(id),
        at TEXT NOT NULL,
        PRIMARY KEY (report_id, level)
      )`,
      // What a user was told, in the editor (and by e-mail when emailed_at is set).
      // key makes a reminder once per recipient and day, however often the scheduler runs.
      `CREATE TABLE notifications (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        link TEXT,
        created_at TEXT NOT NULL,
        read_at TEXT,
        emailed_at TEXT,
        UNIQUE (user_id, key)
      )`,
      `CREATE INDEX notifications_unread ON notifications (user_id, read_at)`,
    ],
  },
];

/** Titles from each report's current revision, made well-formed (the JSON text escapes a lone surrogate, so reading it is safe). */
async function backfillTitles(db: Client): Promise<void> {
  const rows = (
    await db.execute(
      'SELECT r.id, v.content FROM reports r JOIN revisions v ON v.report_id = r.id AND v.version = r.version',
    )
  ).rows;
  const updates = rows.map((r) => {
    const content = JSON.parse(typeof r.content === 'string' ? r.content : '{}') as {
      title?: unknown;
    };
    const title = typeof content.title === 'string' ? content.title.toWellFormed() : '';
    return { sql: 'UPDATE reports SET title = ? WHERE id = ?', args: [title, Number(r.id)] };
  });
  if (updates.length > 0) await db.batch(updates, 'write');
}

export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

export class NewerSchemaError extends Error {
  override name = 'NewerSchemaError';
}

/** How long a writer waits for another process's write lock (the CLI, a migration) before it fails. */
const BUSY_TIMEOUT_MS = 5000;

export async function openDatabase(url: string, authToken?: string): Promise<Client> {
  if (url.startsWith('file:'))
    mkdirSync(dirname(fileURLToPath(new URL(url.replace(/^file:(?!\/\/)/, 'file://')))), {
      recursive: true,
    });
  const local = url.startsWith('file:') || url === ':memory:';
  // One connection to a local file. @libsql/client keeps a pool of them
  // (20 by default) and opens another whenever one is busy, but a PRAGMA
  // holds for the connection it ran on only: the pooled ones ran without
  // the busy timeout, without foreign keys, and at synchronous = FULL. One
  // connection has every setting below for every statement, and costs no
  // concurrency: SQLite has one writer, and every statement of this client
  // is a synchronous call, so none waits for another. It does forbid
  // interactive transactions (`db.transaction()`), which would hold the
  // one connection across awaits: write what must be atomic as one
  // `db.batch` (store/reports.ts's addRevision checks and writes that way).
  const db = createClient({
    url,
    ...(authToken ? { authToken } : {}),
    ...(local ? { concurrency: 1, timeout: BUSY_TIMEOUT_MS } : {}),
  });
  if (local) {
    // WAL lets another process (the CLI, a backup) read while a save
    // writes; the busy timeout makes a writer wait its turn rather than
    // fail at once.
    await db.execute('PRAGMA journal_mode = WAL');
    await db.execute(`PRAGMA busy_timeout = ${String(BUSY_TIMEOUT_MS)}`);
    // Durability, chosen: in WAL mode NORMAL never corrupts the database
    // and an acknowledged save survives the process ending (killed, out of
    // memory, crashed): it is in the WAL, handed to the OS, before COMMIT
    // returns. What NORMAL gives up is the OS crashing or the power going
    // before the next checkpoint's fsync, which may lose the last commits.
    // FULL would fsync at every commit, inside the synchronous call, so
    // every save would hold the event loop (and every other editor) for a
    // disk flush: milliseconds each on ordinary disks. For that case run the
    // database on storage that survives a power cut (a VM's replicated
    // disk, a UPS), or a libsql server (DATABASE_URL).
    await db.execute('PRAGMA synchronous = NORMAL');
  }
  await db.execute('PRAGMA foreign_keys = ON');
  await migrate(db);
  return db;
}

/** Brings the schema up to `target` (tests stop at an older version to test an upgrade). */
export async function migrate(db: Client, target = SCHEMA_VERSION): Promise<void> {
  await db.execute(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const row = (await db.execute('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations'))
    .rows[0];
  const current = Number(row?.v ?? 0);
  if (current > SCHEMA_VERSION) {
    throw new NewerSchemaError(
      `Cơ sở dữ liệu ở phiên bản ${String(current)}, mới hơn phiên bản ${String(SCHEMA_VERSION)} mà mã nguồn này biết: hãy cập nhật ứng dụng. / The database schema (${String(current)}) is newer than this code knows (${String(SCHEMA_VERSION)}).`,
    );
  }
  for (const m of MIGRATIONS.filter((x) => x.version > current && x.version <= target)) {
    await db.batch(
      [
        ...m.statements,
        {
          sql: 'INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)',
          args: [m.version, new Date().toISOString()],
        },
      ],
      'write',
    );
    await m.after?.(db);
  }
}
