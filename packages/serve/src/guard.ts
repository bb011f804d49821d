/**
 * No request of any shape ends the process: a handler that throws or
 * rejects answers 500 with no detail (the server's log has it), a
 * malformed request is answered 400 by Node's parser and its socket closed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export type Log = (line: string) => void;

const logError: Log = (line) => {
  console.error(line);
};

function fail(req: IncomingMessage, res: ServerResponse, err: unknown, log: Log): void {
  log(
    `[http] ${req.method ?? '?'} ${(req.url ?? '').slice(0, 200)}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
  );
  if (res.headersSent) {
    res.destroy();
    return;
  }
  try {
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.statusCode = 500;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Lỗi máy chủ / Server error');
  } catch {
    res.destroy();
  }
}

export function guard(
  handler: Handler,
  log: Log = logError,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    try {
      const done = handler(req, res);
      if (done instanceof Promise)
        done.catch((err: unknown) => {
          fail(req, res, err, log);
        });
    } catch (err) {
      fail(req, res, err, log);
    }
  };
}

/** An HTTP server whose handler is guarded and whose bad clients are answered, never thrown. */
export function createSafeServer(handler: Handler, log: Log = logError): Server {
  const server = createServer(guard(handler, log));
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  return server;
}

export function listen(
  handler: Handler,
  port: number,
  host: string,
  log: Log = logError,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createSafeServer(handler, log);
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      // An error after listening (EMFILE on accept…) is logged; the server goes on.
      server.on('error', (err) => {
        log(`[http] ${String(err)}`);
      });
      resolve(server);
    });
  });
}
