/**
 * The editor's publisher: @congkhai/publisher rendering with the site's
 * renderer, its builds recorded in the `builds` table. Everything about
 * releases, the search index and the renderer is the publisher's or the
 * site's; the editor asks for builds and lists them.
 */
import type { Client } from '@libsql/client';
import { Publisher, describeRequest, type BuildLog } from '@congkhai/publisher';
import { RendererProcess } from '@congkhai/site/renderer';
import { inheritedEnv } from './env.ts';

/** Builds as rows of the `builds` table, which the editor lists (routers/site.ts). */
export function buildsTable(db: Client): BuildLog {
  return {
    async started(release, requests) {
      const row = await db.execute({
        sql: "INSERT INTO builds (release, reason, requests, started_at, status) VALUES (?, ?, ?, ?, 'running')",
        args: [
          release,
          requests.map(describeRequest).join('; '),
          JSON.stringify(requests),
          new Date().toISOString(),
        ],
      });
      return Number(row.lastInsertRowid);
    },
    async finished(id, status, pages, log) {
      await db.execute({
        sql: 'UPDATE builds SET finished_at = ?, status = ?, pages = ?, log = ? WHERE id = ?',
        args: [new Date().toISOString(), status, pages, log.slice(-20_000), id],
      });
    },
  };
}

export interface SitePublisherOptions {
  readonly db: Client;
  /** Where the releases are kept and served from (SITE_ROOT). */
  readonly siteRoot: string;
  readonly contentDir: string;
  /** Reports the database holds published (`<unit>/<period>`), compared with each build that goes live. */
  readonly published: () => Promise<string[]>;
  readonly keep?: number;
  readonly log?: (line: string) => void;
}

export function sitePublisher(opts: SitePublisherOptions): Publisher {
  return new Publisher({
    siteRoot: opts.siteRoot,
    renderer: () => new RendererProcess(opts.contentDir, inheritedEnv()),
    record: buildsTable(opts.db),
    published: opts.published,
    ...(opts.keep === undefined ? {} : { keep: opts.keep }),
    ...(opts.log ? { log: opts.log } : {}),
  });
}
