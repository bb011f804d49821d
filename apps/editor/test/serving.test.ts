/**
 * `npm start`'s processes as they run: start.ts with the editor and the
 * public site's server, over a small release. The editor's static files
 * answer any Range; the site keeps serving while the editor hashes
 * passwords, and while it is dead; a dead process is started again; Ctrl+C
 * stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const editorDir = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'congkhai-serving-'));
let supervisor: ChildProcess;
let output = '';
let port = 0;
let editor = '';
let site = '';

function freePair(): Promise<number> {
  return new Promise((resolve, reject) => {
    const a = createServer();
    a.once('error', reject);
    a.listen(0, '127.0.0.1', () => {
      const p = (a.address() as { port: number }).port;
      const b = createServer();
      b.once('error', () => {
        a.close();
        resolve(freePair());
      });
      b.listen(p + 1, '127.0.0.1', () => {
        a.close();
        b.close(() => {
          resolve(p);
        });
      });
    });
  });
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function http(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: opts.method ?? 'GET', headers: opts.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          });
        });
      },
    );
    req.setTimeout(20_000, () => req.destroy(new Error(`timeout ${url}`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

const alive = (url: string) =>
  http(url).then(
    (r) => r.status,
    () => 0,
  );

async function waitFor(check: () => Promise<boolean> | boolean, ms: number, what: string) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}\n${output.slice(-3000)}`);
}

const pidOf = (name: string) =>
  Number([...output.matchAll(new RegExp(`${name}: pid (\\d+)`, 'g'))].pop()?.[1] ?? 0);

/** Bytes as given; the status of the answer, or 0 when the server closed without one. */
function raw(bytes: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const done = () => {
      socket.destroy();
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0));
    };
    const timer = setTimeout(done, 3000);
    socket.on('data', (c: Buffer) => {
      text += c.toString('latin1');
      if (text.includes('\r\n\r\n')) {
        clearTimeout(timer);
        setTimeout(done, 50);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      done();
    });
    socket.write(Buffer.from(bytes, 'latin1'));
  });
}

beforeAll(async () => {
  port = await freePair();
  editor = `http://127.0.0.1:${String(port)}`;
  site = `http://127.0.0.1:${String(port + 1)}`;
  const client = join(dir, 'client');
  mkdirSync(join(client, 'assets'), { recursive: true });
  writeFileSync(
    join(client, 'index.html'),
    '<!doctype html><title>biên tập</title><p>0123456789</p>',
  );
  writeFileSync(join(client, 'assets', 'app.Xy12.js'), 'console.log("editor");\n');
  const release = join(dir, 'site', 'releases', 'r1');
  mkdirSync(release, { recursive: true });
  writeFileSync(join(release, 'index.html'), '<!doctype html><p>Công khai</p>');
  writeFileSync(join(release, '404.html'), '<!doctype html><p>Không tìm thấy / Not found</p>');
  symlinkSync(join('releases', 'r1'), join(dir, 'site', 'current'));
  supervisor = spawn(
    process.execPath,
    ['--import', 'tsx', join(editorDir, 'src/server/start.ts')],
    {
      cwd: editorDir,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: `file:${join(dir, 'editor.db')}`,
        // No content: the editor builds nothing and serves at once.
        CONTENT_DIR: join(dir, 'no-content'),
        SITE_ROOT: join(dir, 'site'),
        EDITOR_CLIENT_DIR: client,
      },
    },
  );
  supervisor.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  supervisor.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  await waitFor(() => output.includes('Ctrl+C'), 60_000, 'the editor to start');
  await waitFor(async () => (await alive(site)) === 200, 20_000, 'the site');
});

afterAll(() => {
  if (supervisor.exitCode === null) supervisor.kill('SIGKILL');
});

describe("the editor's own files", () => {
  it('answer any Range, and the editor goes on', async () => {
    const backwards = await http(`${editor}/index.html`, { headers: { Range: 'bytes=10-5' } });
    expect([200, 416]).toContain(backwards.status);
    const asset = await http(`${editor}/assets/app.Xy12.js`, { headers: { Range: 'bytes=10-5' } });
    expect([200, 416]).toContain(asset.status);
    const suffix = await http(`${editor}/assets/app.Xy12.js`, { headers: { Range: 'bytes=-5' } });
    expect(suffix.status).toBe(206);
    expect(suffix.body).toBe('r");\n');
    const beyond = await http(`${editor}/index.html`, { headers: { Range: 'bytes=5000-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toMatch(/^bytes \*\/\d+$/);
    // The editor's security headers on its files.
    expect(asset.headers['x-frame-options']).toBe('DENY');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The app answers any page address; a missing asset is a 404, not the app.
    expect((await http(`${editor}/bao-cao/12`)).body).toContain('biên tập');
    expect((await http(`${editor}/assets/missing.js`)).status).toBe(404);
    expect((await http(`${editor}/.env`)).status).toBe(404);
    expect((await http(`${editor}/healthz`)).status).toBe(200);
  });

  it('survive a bounded fuzz of odd requests, API included', async () => {
    const paths = [
      '/',
      '/index.html',
      '/assets/app.Xy12.js',
      '/trpc/auth.login',
      '/trpc/auth.me',
      '/trpc/%2e%2e/x',
      '/%00',
      '/%c0%ae%c0%ae/etc/passwd',
      `/${'a'.repeat(6000)}`,
      '/healthz?%ff',
    ];
    const headers = [
      'Range: bytes=10-5',
      'Range: bytes=-5',
      'Range: bytes=0-1,3-4',
      'Origin: null',
      'Origin: http://evil.example',
      'Content-Type: application/json',
      'Content-Type: text/plain',
      'Content-Length: 3',
      'Content-Length: -1',
      'Content-Length: 1e9',
      'Transfer-Encoding: chunked',
      'Host: \u00e9vil',
      'Host: ',
    ];
    const methods = ['GET', 'POST', 'HEAD', 'PUT', 'OPTIONS', 'TRACE', 'BREW'];
    const bodies = [
      '',
      '{"username":"a","password":"b"}',
      '{',
      '\u0000\u00ff',
      '{"username":"\\ud800","password":1}',
    ];
    let answered = 0;
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 80; i++) {
      const lines = [
        `${methods[next(methods.length)] ?? 'GET'} ${paths[next(paths.length)] ?? '/'} HTTP/1.1`,
        'Host: 127.0.0.1',
      ];
      for (let k = next(3); k > 0; k--) lines.push(headers[next(headers.length)] ?? '');
      lines.push('Connection: close');
      const status = await raw(`${lines.join('\r\n')}\r\n\r\n${bodies[next(bodies.length)] ?? ''}`);
      if (status > 0) answered++;
      expect(status === 0 || status < 500 || status === 503, lines.join(' | ')).toBe(true);
    }
    expect(answered).toBeGreaterThan(40);
    expect((await http(`${editor}/healthz`)).status).toBe(200);
    expect((await http(site)).status).toBe(200);
  });
});

describe('the public site in a process of its own', () => {
  it('answers at once while the editor hashes 32 logins', async () => {
    const logins = Array.from({ length: 32 }, (_, i) =>
      http(`${editor}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: editor },
        body: JSON.stringify({
          username: `khach-${String(i)}-${String(Math.random())}`,
          password: 'sai-mat-khau',
        }),
      }).catch(() => undefined),
    );
    // Give the hashing a head start, then read the site while it runs.
    await new Promise((r) => setTimeout(r, 200));
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      expect((await http(site)).status).toBe(200);
      times.push(performance.now() - t);
    }
    await Promise.all(logins);
    expect(Math.max(...times)).toBeLessThan(500);
  });

  it('keeps serving while the editor is dead, and the editor is started again', async () => {
    const pid = pidOf('editor');
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');
    await waitFor(() => output.includes('editor ended (SIGKILL)'), 10_000, 'the editor to die');
    for (let i = 0; i < 5; i++) expect(await alive(site)).toBe(200);
    await waitFor(
      async () => (await alive(`${editor}/healthz`)) === 200 && pidOf('editor') !== pid,
      60_000,
      'the editor to be started again',
    );
  });

  it('is started again when it dies', async () => {
    const pid = pidOf('public site');
    process.kill(pid, 'SIGKILL');
    await waitFor(
      async () => pidOf('public site') !== pid && (await alive(site)) === 200,
      30_000,
      'the site to be started again',
    );
    expect((await http(`${site}/khong-co`)).body).toContain('Không tìm thấy');
  });
});

describe('Ctrl+C', () => {
  it('stops both, saying so once', async () => {
    const exited = new Promise<number | null>((r) => supervisor.once('exit', r));
    supervisor.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output.match(/Đã dừng \/ stopped\./g)).toHaveLength(1);
    expect(await alive(`${editor}/healthz`)).toBe(0);
    expect(await alive(site)).toBe(0);
  });
});
