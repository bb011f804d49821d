/**
 * The editor's publisher: @congkhai/publisher rendering with the site's
 * renderer, its builds recorded in the `builds` table. Everything about
 * releases, the search index and the renderer is the publisher's or the
 * site's; the editor asks for builds and lists them.
 */
import type { Client } from '@libsql/client';
import { Publisher } from '@congkhai/publisher';
import { RendererProcess } from '@congkhai/site/renderer';
import { inheritedEnv } from './env.ts';
import { buildsTable } from './store/builds.ts';

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
