/**
 * A small SITE_ROOT laid out as the build runner lays it out: two releases,
 * a search index beside them linked from each, one linking to a folder of
 * the other, `current` pointing at one;
 * plus what an attacker would look for: dotfiles, a symlink planted to
 * /etc, a secret beside SITE_ROOT. And a raw HTTP client, for requests no
 * well-behaved client library would send.
 */
import {
  chmodSync,
  lchownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** 100 bytes whose ranges are easy to check. */
export const DATA = Array.from({ length: 100 }, (_, i) => String.fromCharCode(48 + (i % 43))).join(
  '',
);
export const PAGE_404 =
  '<!doctype html><title>Không tìm thấy / Not found</title><p>Không tìm thấy trang / Page not found';
export const SECRET = 'SECRET-DO-NOT-SERVE';

export interface SiteRoot {
  /** Holds root/ (SITE_ROOT) and outside.txt beside it. */
  readonly dir: string;
  readonly root: string;
  /** Points `current` at releases/<id> by an atomic rename, as the build runner does. */
  switchTo(release: 'r1' | 'r2'): void;
}

function write(file: string, text: string) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function release(root: string, id: string) {
  const r = join(root, 'releases', id);
  write(join(r, 'index.html'), `<!doctype html><title>Công khai</title><p>release ${id}</p>`);
  write(join(r, '404.html'), PAGE_404);
  write(join(r, 'data.csv'), DATA);
  write(join(r, 'xa', 'an-binh', '2025-H1.md'), '---\nschema: 1\n---\n# Báo cáo\n');
  write(join(r, 'du-lieu', 'datapackage.json'), '{"name":"congkhai"}');
  write(join(r, '_astro', 'app.Ab12Cd.js'), 'console.log(1);\n');
  write(join(r, 'xa', 'an-binh', 'index.html'), `<!doctype html><p>An Bình ${id}</p>`);
  write(join(r, 'empty-folder', 'nothing.txt'), 'x');
  write(join(r, '.env'), SECRET);
  write(join(r, '.git', 'config'), SECRET);
  write(join(r, 'xa', '.hidden'), SECRET);
  symlinkSync(join('..', '..', 'search', 's1', 'pagefind'), join(r, 'pagefind'));
  // Planted: links out of SITE_ROOT, to a file and to a folder.
  symlinkSync('/etc/passwd', join(r, 'passwd'));
  symlinkSync('/etc', join(r, 'etc'));
  symlinkSync(join('..', '..', '..', 'outside.txt'), join(r, 'outside.txt'));
}

/** The uid nginx's workers run as when started by root, and that owns the site. */
export const NOBODY = 65534;

function chownTree(path: string, uid: number) {
  lchownSync(path, uid, uid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, entry.name);
    if (entry.isDirectory()) chownTree(p, uid);
    else lchownSync(p, uid, uid);
  }
}

export function makeSiteRoot(): SiteRoot {
  const dir = mkdtempSync(join(tmpdir(), 'congkhai-serve-'));
  // nginx's workers must reach the files.
  chmodSync(dir, 0o755);
  const root = join(dir, 'root');
  writeFileSync(join(dir, 'outside.txt'), SECRET);
  write(join(root, 'search', 's1', 'pagefind', 'pagefind.js'), 'export const search = 1;\n');
  release(root, 'r1');
  release(root, 'r2');
  // A release's folder that the publish did not change is a link to the real folder of the
  // release that holds it (packages/publisher releases.ts): served as the release's own.
  write(join(root, 'releases', 'r2', 'xa', 'an-phu', 'index.html'), '<!doctype html><p>An Phú</p>');
  symlinkSync(join('..', '..', 'r2', 'xa', 'an-phu'), join(root, 'releases', 'r1', 'xa', 'an-phu'));
  symlinkSync(join('releases', 'r1'), join(root, 'current'));
  // As in production, the site belongs to the user that builds it, not to root:
  // so nginx's "same owner" rule for symlinks refuses the links to /etc.
  if (process.getuid?.() === 0) chownTree(root, NOBODY);
  const switchTo = (id: string) => {
    const tmp = join(root, `.current-${String(Math.random()).slice(2)}`);
    symlinkSync(join('releases', id), tmp);
    if (process.getuid?.() === 0) lchownSync(tmp, NOBODY, NOBODY);
    renameSync(tmp, join(root, 'current'));
  };
  return { dir, root, switchTo };
}

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A well-formed request (node:http sends the path as given, encodings and all). */
export function get(
  base: string,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers))
          if (v !== undefined) h[k] = Array.isArray(v) ? v.join(', ') : v;
        resolve({
          status: res.statusCode ?? 0,
          headers: h,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout ${method} ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * Bytes as given, then whatever comes back until the server closes or falls
 * silent: the status of the first response, or 0 when there was none.
 */
export function raw(
  port: number,
  bytes: Buffer | string,
  ms = 5000,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let idle: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(timer);
      clearTimeout(idle);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), text });
    };
    const timer = setTimeout(done, ms);
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      clearTimeout(idle);
      idle = setTimeout(done, 300);
    });
    socket.on('error', () => undefined);
    socket.on('close', done);
    socket.write(bytes);
  });
}
