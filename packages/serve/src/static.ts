/**
 * Static files over HTTP with `send` (the express project's file server):
 * conditional GET, HEAD, and Range by `range-parser` (a suffix range is the
 * last bytes, an unsatisfiable range is 416 with `Content-Range: bytes
 * *\/size`, several ranges are answered with the whole file). Which file a
 * path names is decided in files.ts, never by `send`.
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import send from 'send';
import { resolveFile, sendPath } from './files.ts';
import type { Handler } from './guard.ts';

export interface StaticOptions {
  /** Nothing whose real path is outside it is ever served. */
  readonly root: string;
  /** The folder served, relative to root, followed on every request (`current`, or `.`). */
  readonly dir: string;
  /** Headers of every response, set first (security headers). */
  readonly always: (path: string) => readonly (readonly [string, string])[];
  /** Cache-Control of a file that is served. */
  readonly cacheControl: (path: string) => string;
  /** What a path that names no file gets. */
  readonly notFound: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

const ALLOW = 'GET, HEAD';

export function plain(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
): void {
  for (const h of ['Content-Type', 'Content-Length', 'ETag', 'Last-Modified', 'Content-Range'])
    if (status !== 416 || h !== 'Content-Range') res.removeHeader(h);
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** Sends a file found by resolveFile with the given status (200, or 404 for a not-found page). */
export function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  found: { root: string; file: string },
  headers: (res: ServerResponse) => void,
): Promise<void> {
  return new Promise((resolve) => {
    res.on('close', resolve);
    send(req, sendPath(found), {
      root: found.root,
      index: false,
      cacheControl: false,
      etag: true,
      lastModified: true,
      dotfiles: 'allow', // refused in files.ts already, for the request's path only
    })
      .on('headers', headers)
      .on('directory', () => {
        plain(res, 404, 'Not found');
      })
      .on(
        'error',
        (err: { status?: number; statusCode?: number; headers?: Record<string, string> }) => {
          if (res.headersSent) {
            res.destroy();
            return;
          }
          const status = err.status ?? err.statusCode ?? 500;
          for (const [k, v] of Object.entries(err.headers ?? {})) res.setHeader(k, v);
          plain(res, status, status === 416 ? 'Range not satisfiable' : String(status));
        },
      )
      .pipe(res);
  });
}

/** A not-found page from a file, with status 404 (no Range, no conditional GET). */
export function sendPage(
  res: ServerResponse,
  status: number,
  file: string,
  size: number,
): Promise<void> {
  return new Promise((resolve) => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Length', size);
    if (res.req.method === 'HEAD') {
      res.end();
      resolve();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}

export function staticHandler(options: StaticOptions): Handler {
  return async (req, res) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    for (const [k, v] of options.always(path)) res.setHeader(k, v);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', ALLOW);
      plain(res, 405, 'Method not allowed');
      return;
    }
    const found = await resolveFile(options.root, options.dir, url);
    switch (found.kind) {
      case 'bad-request':
        plain(res, 400, 'Bad request');
        return;
      case 'redirect':
        res.statusCode = 301;
        res.setHeader('Location', found.location);
        plain(res, 301, `Moved to ${found.location}`);
        return;
      case 'missing':
        await options.notFound(req, res);
        return;
      case 'file':
        await sendFile(req, res, found, (r) => {
          r.setHeader('Cache-Control', options.cacheControl(path));
        });
    }
  };
}
