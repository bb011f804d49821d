/**
 * The editor's HTTP server: /trpc (the API), /healthz, and the built
 * Svelte app. The public site is served by a process of its own
 * (@congkhai/serve's site server, started by start.ts).
 */
import { spaHandler, type Handler } from '@congkhai/serve';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
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

export function editorHandler(services: Services): Handler {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: ({ req, res }) => createContext(services, req, res),
    responseMeta: ({ ctx }) => {
      const timing = ctx?.timing?.header();
      return timing ? { headers: { 'Server-Timing': timing } } : {};
    },
    // The largest input is a 20 MB .docx in base64.
    maxBodySize: 30 * 1024 * 1024,
  });
  const app = spaHandler(services.env.clientDir);
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
    return app(req, res);
  };
}

/** An HTTP server whose handler errors become a 500 and whose bad clients get a 400, never an exit. */
export { listen } from '@congkhai/serve';
