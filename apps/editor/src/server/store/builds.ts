/** The public site's builds as rows of the `builds` table: the publisher writes them (through a BuildLog), the editor lists them. */
import type { Client } from '@libsql/client';
import { describeRequest, type BuildLog, type FinishedStatus } from '@congkhai/publisher';

/**
 * A build runs, then is live or failed (the publisher's FinishedStatus).
 * The one list of statuses: the type and the client's names come from it;
 * the database's CHECK is tested against it (test/schema.test.ts).
 */
export const BUILD_STATUSES = ['running', 'live', 'failed'] as const satisfies readonly (
  'running' | FinishedStatus
)[];
export type BuildStatus = (typeof BUILD_STATUSES)[number];

/** A status the table holds, as its type; anything else (none is allowed by the CHECK) reads as failed. */
export const buildStatus = (value: unknown): BuildStatus =>
  BUILD_STATUSES.find((s) => s === value) ?? 'failed';

const RUNNING: BuildStatus = 'running';

/** Builds as rows of the `builds` table, which the editor lists (routers/site.ts). */
export function buildsTable(db: Client): BuildLog {
  return {
    async started(release, requests) {
      const row = await db.execute({
        sql: 'INSERT INTO builds (release, reason, requests, started_at, status) VALUES (?, ?, ?, ?, ?)',
        args: [
          release,
          requests.map(describeRequest).join('; '),
          JSON.stringify(requests),
          new Date().toISOString(),
          RUNNING,
        ],
      });
      return Number(row.lastInsertRowid);
    },
    async finished(id, status, pages, log) {
      await db.execute({
        sql: 'UPDATE builds SET finished_at = ?, status = ?, pages = ?, log = ? WHERE id = ?',
        args: [
          new Date().toISOString(),
          status satisfies BuildStatus,
          pages,
          log.slice(-20_000),
          id,
        ],
      });
    },
  };
}
