/**
 * The production configuration (deploy/nginx/congkhai-site.conf) under
 * Debian's nginx, run in the foreground from a temporary prefix on a free
 * port, against the same list as the embedded server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { nginxConfig } from '../src/index.ts';
import { siteServerSuite } from './attacks.ts';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const confFile = fileURLToPath(
  new URL('../../../deploy/nginx/congkhai-site.conf', import.meta.url),
);

it('is the configuration generated from the header list the embedded server sends', () => {
  expect(readFileSync(confFile, 'utf8')).toBe(nginxConfig());
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => {
        resolve(port);
      });
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`nginx exited (${String(child.exitCode)}):\n${log()}`);
    const ok = await fetch(`http://127.0.0.1:${String(port)}/`).then(
      () => true,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not answer:\n${log()}`);
}

siteServerSuite('nginx with deploy/nginx/congkhai-site.conf', async (site) => {
  if (!existsSync(NGINX))
    throw new Error(`${NGINX} is missing: apt-get install nginx (npm test does)`);
  const prefix = join(site.dir, 'nginx');
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  const port = await freePort();
  const server = readFileSync(confFile, 'utf8')
    .replaceAll('__SITE_ROOT__', site.root)
    .replaceAll('__LISTEN__', `127.0.0.1:${String(port)}`);
  writeFileSync(join(prefix, 'site.conf'), server);
  // The smallest main configuration around it, every path inside the prefix.
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path ${prefix}/client_body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
    include ${prefix}/site.conf;
}
`,
  );
  const child = spawn(
    NGINX,
    [
      '-p',
      prefix,
      '-c',
      join(prefix, 'nginx.conf'),
      '-e',
      join(prefix, 'logs', 'error.log'),
      '-g',
      'daemon off;',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  const log = () => {
    const file = join(prefix, 'logs', 'error.log');
    return `${output}\n${existsSync(file) ? readFileSync(file, 'utf8') : ''}`;
  };
  await waitForPort(port, child, log);
  return {
    base: `http://127.0.0.1:${String(port)}`,
    port,
    stop: async () => {
      if (child.exitCode !== null) throw new Error(`nginx died:\n${log()}`);
      child.kill('SIGQUIT');
      await new Promise((r) => child.once('exit', r));
    },
  };
});
