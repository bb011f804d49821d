/**
 * The editor's HTTP server: /trpc (the API), /healthz, and the built
 * Svelte app. A second handler serves the live public site with the cache
 * headers a static site wants: HTML revalidated, hashed assets immutable.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import sirv from 'sirv';
import { SCHEMA_VERSION } from './db.ts';
import { appRouter } from './app.ts';
import { createContext, type Services } from './trpc.ts';

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  // The editor shows report HTML rendered by packages/report only; no inline script runs.
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
};

export function editorHandler(
  services: Services,
): (req: IncomingMessage, res: ServerResponse) => void {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: ({ req, res }) => createContext(services, req, res),
    // The largest input is a 20 MB .docx in base64.
    maxBodySize: 30 * 1024 * 1024,
  });
  const app = sirv(services.env.clientDir, { single: true, etag: true, dev: false });
  return (req, res) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/trpc/')) {
      trpc(req, res);
      return;
    }
    if (path === '/healthz') {
      services.db
        .execute('SELECT MAX(version) AS v FROM schema_migrations')
        .then((r) => {
          const ok = Number(r.rows[0]?.v) === SCHEMA_VERSION;
          res.writeHead(ok ? 200 : 503, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ ok, schema: Number(r.rows[0]?.v) }));
        })
        .catch((e: unknown) => {
          res.writeHead(503, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: String(e) }));
        });
      return;
    }
    app(req, res, () => {
      res.writeHead(404);
      res.end('Not found');
    });
  };
}

/** The public site from a folder (the `current` release symlink), resolved on each request so a swap is seen at once. */
export function siteHandler(
  siteDir: () => string,
): (req: IncomingMessage, res: ServerResponse) => void {
  let served = '';
  let handler: ReturnType<typeof sirv> | undefined;
  return (req, res) => {
    const dir = siteDir();
    if (!handler || dir !== served) {
      served = dir;
      handler = sirv(dir, {
        etag: true,
        // Look files up per request: listing a release of 100,000 files at
        // every switch would delay the first request after a publish.
        dev: true,
        setHeaders: (r, pathname) => {
          r.setHeader(
            'Cache-Control',
            pathname.startsWith('/_astro/')
              ? 'public, max-age=31536000, immutable'
              : 'public, max-age=0, must-revalidate',
          );
        },
      });
    }
    handler(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      // The site's own not-found page, in both languages.
      createReadStream(join(dir, '404.html'))
        .on('error', () =>
          res.end(
            '<!doctype html><meta charset="utf-8"><title>Không tìm thấy</title><p>Không tìm thấy trang. <a href="/">Về trang chủ</a></p>',
          ),
        )
        .pipe(res);
    });
  };
}

export function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  port: number,
  host: string,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(handler);
    server.once('error', reject);
    server.listen(port, host, () => {
      resolve(server);
    });
  });
}
