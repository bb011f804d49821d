/**
 * The editor's app files (spaHandler) and the guard every handler runs in,
 * over real HTTP on a free port.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, spaHandler } from '../src/index.ts';
import { get, raw, SECRET } from './fixture.ts';

const servers: Server[] = [];
const start = async (handler: Parameters<typeof listen>[0], log?: (line: string) => void) => {
  const server = await listen(handler, 0, '127.0.0.1', log);
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${String(port)}`, port };
};

afterAll(() => {
  for (const s of servers) s.close();
});

describe("the editor's app files", () => {
  let base = '';
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'congkhai-spa-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>biên tập</title>');
    writeFileSync(join(dir, 'assets', 'index.Q1w2.js'), '0123456789abcdef');
    writeFileSync(join(dir, '.env'), SECRET);
    symlinkSync('/etc/passwd', join(dir, 'assets', 'passwd.js'));
    base = (await start(spaHandler(dir))).base;
  });

  it('answers any Range on an asset: a range, a suffix, last before first, beyond the end', async () => {
    const asset = '/assets/index.Q1w2.js';
    expect((await get(base, asset, { Range: 'bytes=2-4' })).body).toBe('234');
    expect((await get(base, asset, { Range: 'bytes=-5' })).body).toBe('bcdef');
    // Last before first: no satisfiable range (range-parser), as nginx answers it too.
    const backwards = await get(base, asset, { Range: 'bytes=10-5' });
    expect(backwards.status).toBe(416);
    expect(backwards.headers['content-range']).toBe('bytes */16');
    const beyond = await get(base, asset, { Range: 'bytes=100-' });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe('bytes */16');
    expect((await get(base, asset)).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
  });

  it('answers a page address with the app, a missing asset with 404', async () => {
    const page = await get(base, '/bao-cao/12');
    expect(page.status).toBe(200);
    expect(page.body).toContain('biên tập');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect((await get(base, '/assets/missing.js')).status).toBe(404);
  });

  it('serves no dotfile and follows no link out of its folder', async () => {
    for (const path of ['/.env', '/%2eenv', '/assets/passwd.js']) {
      const r = await get(base, path);
      // A missing file, or the app for what looks like a page address: never the file.
      expect(r.status === 404 || r.body.includes('biên tập'), path).toBe(true);
      expect(r.body, path).not.toContain(SECRET);
      expect(r.body, path).not.toContain('root:x:0:0');
    }
  });
});

describe('a guarded handler', () => {
  it('answers 500 without detail when it throws or rejects, and goes on', async () => {
    const logged: string[] = [];
    let calls = 0;
    const { base } = await start(
      (req, res) => {
        calls++;
        if (req.url === '/throw') throw new Error('secret detail at /srv/app/handler.ts:12');
        if (req.url === '/reject') return Promise.reject(new Error('secret detail, async'));
        res.end('ok');
        return undefined;
      },
      (line) => logged.push(line),
    );
    for (const path of ['/throw', '/reject']) {
      const r = await get(base, path);
      expect(r.status, path).toBe(500);
      expect(r.body, path).not.toMatch(/secret|\.ts|at /);
    }
    expect((await get(base, '/')).body).toBe('ok');
    expect(calls).toBe(3);
    // The detail is in the server's log.
    expect(logged.join('\n')).toContain('secret detail at /srv/app/handler.ts:12');
  });

  it("answers a request Node's parser refuses with 400 or 431, and goes on", async () => {
    const { base, port } = await start((_req, res) => {
      res.end('ok');
    });
    expect((await raw(port, 'GET / HTTP/1.1\r\nHost: a\r\nContent-Length: x\r\n\r\n')).status).toBe(
      400,
    );
    expect((await raw(port, 'NOT HTTP AT ALL\r\n\r\n')).status).toBe(400);
    expect(
      (await raw(port, `GET / HTTP/1.1\r\nHost: a\r\nX: ${'y'.repeat(20_000)}\r\n\r\n`)).status,
    ).toBe(431);
    expect((await get(base, '/')).body).toBe('ok');
  });
});
