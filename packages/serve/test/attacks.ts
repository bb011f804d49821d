/**
 * What a citizen and an attacker do to the public site, as one list run
 * against every server that serves it (the embedded Node server and nginx):
 * the same answers, or the same limits, from both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteSecurityHeaders } from '../src/index.ts';
import {
  DATA,
  PAGE_404,
  SECRET,
  get,
  makeSiteRoot,
  raw,
  type Reply,
  type SiteRoot,
} from './fixture.ts';

export interface Running {
  readonly base: string;
  readonly port: number;
  stop(): Promise<void>;
}

const leaks = (r: { body?: string; text?: string }) => {
  const t = r.body ?? r.text ?? '';
  return t.includes(SECRET) || t.includes('root:x:0:0');
};

/**
 * Each security header, once; nginx sends them twice on its own 416 (its range
 * filter finalizes the request again, running add_header a second time):
 * identical copies, which browsers apply as one.
 */
function expectSecurityHeaders(r: Reply, path: string) {
  for (const [name, value] of siteSecurityHeaders(path)) {
    const got = r.headers[name.toLowerCase()] ?? '';
    expect([...new Set(got.split(', '))], `${name} of ${path}`).toEqual([value]);
  }
}

/** A seeded generator, so a failing fuzz case can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function siteServerSuite(name: string, start: (site: SiteRoot) => Promise<Running>): void {
  describe(name, () => {
    let site: SiteRoot;
    let server: Running;
    let base = '';

    beforeAll(async () => {
      site = makeSiteRoot();
      server = await start(site);
      base = server.base;
    });
    afterAll(async () => {
      await server.stop();
    });

    it('serves a page with the security headers, revalidated on every visit', async () => {
      const r = await get(base, '/');
      expect(r.status).toBe(200);
      expect(r.body).toContain('release r1');
      expect(r.headers['content-type']).toMatch(/^text\/html/);
      expect(r.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
      expect(r.headers.etag).toBeTruthy();
      expectSecurityHeaders(r, '/');
      const again = await get(base, '/', { 'If-None-Match': r.headers.etag ?? '' });
      expect(again.status).toBe(304);
    });

    it('names the type of the open data and the report sources, in UTF-8', async () => {
      const types = {
        '/data.csv': 'text/csv; charset=utf-8',
        '/xa/an-binh/2025-H1.md': 'text/markdown; charset=utf-8',
        '/du-lieu/datapackage.json': 'application/json; charset=utf-8',
        '/': 'text/html; charset=utf-8',
      };
      for (const [path, type] of Object.entries(types)) {
        expect((await get(base, path)).headers['content-type'], path).toBe(type);
      }
    });

    it("keeps Astro's hashed bundles for a year", async () => {
      const r = await get(base, '/_astro/app.Ab12Cd.js');
      expect(r.status).toBe(200);
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expectSecurityHeaders(r, '/_astro/app.Ab12Cd.js');
    });

    it("sends a folder's address to its slash, on this site", async () => {
      const r = await get(base, '/xa/an-binh?lang=vi');
      expect(r.status).toBe(301);
      expect(r.headers.location).toMatch(/^\/xa\/an-binh\/(\?lang=vi)?$/);
      expect((await get(base, '/xa/an-binh/')).body).toContain('An Bình r1');
      // A protocol-relative target never becomes a redirect to another host.
      const evil = await get(base, '//xa//an-binh');
      expect(evil.status).toBe(301);
      expect(evil.headers.location).toMatch(/^\/xa\/+an-binh\/$/);
    });

    it('answers an unknown address with the bilingual 404 page and the same headers', async () => {
      for (const path of ['/khong-co', '/_astro/missing.js', '/empty-folder/']) {
        const r = await get(base, path);
        expect(r.status, path).toBe(404);
        expect(r.body, path).toContain(PAGE_404);
        expect(r.headers['cache-control'], path).toBe('public, max-age=0, must-revalidate');
        expectSecurityHeaders(r, path);
      }
    });

    it('answers ranges: a first-last range, a suffix range, an unsatisfiable one', async () => {
      const first = await get(base, '/data.csv', { Range: 'bytes=0-9' });
      expect(first.status).toBe(206);
      expect(first.headers['content-range']).toBe('bytes 0-9/100');
      expect(first.body).toBe(DATA.slice(0, 10));

      const suffix = await get(base, '/data.csv', { Range: 'bytes=-5' });
      expect(suffix.status).toBe(206);
      expect(suffix.headers['content-range']).toBe('bytes 95-99/100');
      expect(suffix.body).toBe(DATA.slice(95));

      const open = await get(base, '/data.csv', { Range: 'bytes=90-' });
      expect(open.body).toBe(DATA.slice(90));

      const beyond = await get(base, '/data.csv', { Range: 'bytes=1000-2000' });
      expect(beyond.status).toBe(416);
      expect(beyond.headers['content-range']).toBe('bytes */100');
      expectSecurityHeaders(beyond, '/data.csv');

      // Last before first: no satisfiable range, on both servers (and no crash).
      const backwards = await get(base, '/index.html', { Range: 'bytes=10-5' });
      expect(backwards.status).toBe(416);
      expect(backwards.headers['content-range']).toMatch(/^bytes \*\/\d+$/);

      // Several ranges: in one multipart answer, or the whole file.
      const several = await get(base, '/data.csv', { Range: 'bytes=0-1,50-51' });
      if (several.status === 206) {
        expect(several.headers['content-type']).toMatch(/^multipart\/byteranges/);
        expect(several.body).toContain(DATA.slice(0, 2));
        expect(several.body).toContain(DATA.slice(50, 52));
      } else {
        expect(several.status).toBe(200);
        expect(several.body).toBe(DATA);
      }
      expect((await get(base, '/')).status).toBe(200);
    });

    it('refuses dotfiles, however they are spelled', async () => {
      for (const path of [
        '/.env',
        '/.git/config',
        '/xa/.hidden',
        '/%2eenv',
        '/%2Egit/config',
        '/xa/%2ehidden',
      ]) {
        const r = await get(base, path);
        expect(r.status, path).toBe(404);
        expect(leaks(r), path).toBe(false);
      }
    });

    it('follows the search index link into SITE_ROOT, and no link out of it', async () => {
      const index = await get(base, '/pagefind/pagefind.js');
      expect(index.status).toBe(200);
      expect(index.body).toContain('search');
      for (const path of ['/passwd', '/etc/passwd', '/etc/hostname', '/outside.txt']) {
        const r = await get(base, path);
        expect(r.status, path).toBe(404);
        expect(leaks(r), path).toBe(false);
      }
    });

    it("serves a folder the live release links to in another release's folder", async () => {
      const page = await get(base, '/xa/an-phu/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('An Phú');
      const folder = await get(base, '/xa/an-phu');
      expect(folder.status).toBe(301);
      expect(folder.headers.location).toBe('/xa/an-phu/');
    });

    it('never climbs out of the release, whatever the encoding', async () => {
      const paths = [
        '/../../../etc/passwd',
        '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
        '/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
        '/..%2f..%2f..%2foutside.txt',
        '/xa/..%5c..%5c..%5coutside.txt',
        '/index.html%00.txt',
        '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
        '/%e0%80%ae%e0%80%ae/etc/passwd',
        '/%ff',
        '/%',
        `/${'a'.repeat(5000)}`,
        `/${'x/'.repeat(2000)}`,
      ];
      for (const path of paths) {
        const r = await raw(
          server.port,
          `GET ${path} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`,
        );
        expect(r.status, path).toBeGreaterThanOrEqual(400);
        expect(leaks(r), path).toBe(false);
      }
      expect((await get(base, '/')).status).toBe(200);
    });

    it('serves GET and HEAD only', async () => {
      const head = await get(base, '/data.csv', {}, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.headers['content-length']).toBe('100');
      expect(head.body).toBe('');
      for (const method of ['POST', 'PUT', 'DELETE']) {
        expect((await get(base, '/index.html', {}, method)).status, method).toBe(405);
      }
      for (const method of ['OPTIONS', 'TRACE', 'PROPFIND', 'BREW']) {
        const r = await raw(
          server.port,
          `${method} / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`,
        );
        expect(r.status, method).toBeGreaterThanOrEqual(400);
      }
    });

    it('serves every request while `current` switches between releases', async () => {
      let switches = 0;
      const state = { running: true };
      const switcher = (async () => {
        while (state.running && switches < 400) {
          site.switchTo(switches % 2 === 0 ? 'r2' : 'r1');
          switches++;
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
      const seen = new Set<string>();
      const failures: string[] = [];
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let i = 0; i < 100; i++) {
            const r = await get(base, '/xa/an-binh/');
            const release = /An Bình (r\d)/.exec(r.body)?.[1];
            if (r.status !== 200 || !release)
              failures.push(`${String(r.status)} ${r.body.slice(0, 80)}`);
            else seen.add(release);
          }
        }),
      );
      state.running = false;
      await switcher;
      site.switchTo('r1');
      expect(failures).toEqual([]);
      expect(switches).toBeGreaterThan(10);
      expect([...seen].sort()).toEqual(['r1', 'r2']);
    });

    it('survives a bounded fuzz of odd requests, and still answers', async () => {
      const rand = prng(20_251_202);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
      const methods = [
        'GET',
        'HEAD',
        'POST',
        'PUT',
        'OPTIONS',
        'TRACE',
        'CONNECT',
        'G\u00e9T',
        '',
        'GET GET',
      ];
      const paths = [
        '/',
        '/index.html',
        '/data.csv',
        '/_astro/app.Ab12Cd.js',
        '/pagefind/pagefind.js',
        '/%2e%2e/%2e%2e/etc/passwd',
        '/%00',
        '/%c0%af',
        '/\u00ff\u00fe',
        '/.env',
        '*',
        'http://evil.example/',
        '/?' + 'q'.repeat(3000),
        '/xa/an-binh',
        '//',
        '/%25%32%65%25%32%65/',
        `/${'%2e'.repeat(300)}`,
      ];
      const ranges = [
        'bytes=10-5',
        'bytes=-5',
        'bytes=-0',
        'bytes=0-',
        'bytes=99999999999999999999-',
        'bytes=-99999999999999999999',
        'bytes=0-1,2-3,4-5,6-7,8-9,10-11',
        'bytes=1-2,1-2',
        'items=0-5',
        'bytes=a-b',
        'bytes=',
        'bytes=5-5',
        '=',
        'bytes=0-0,-1',
      ];
      const extras = [
        'Origin: null',
        'Origin: http://evil.example',
        'Content-Type: application/json',
        'Content-Type: ;;;',
        'Content-Length: 5',
        'Content-Length: -1',
        'Content-Length: 99999999999999999999',
        'Content-Length: 1, 2',
        'Transfer-Encoding: chunked',
        'Transfer-Encoding: gzip, chunked',
        'If-Range: "x"',
        'If-Range: Mon, 01 Jan 1990 00:00:00 GMT',
        'If-None-Match: *',
        'If-Modified-Since: garbage',
        'Expect: 100-continue',
        `X-Long: ${'y'.repeat(20_000)}`,
        'Accept-Encoding: gzip',
        'Host: \u00e9vil',
        'Host: a\r\nHost: b',
      ];
      let answered = 0;
      for (let i = 0; i < 120; i++) {
        const lines = [`${pick(methods)} ${pick(paths)} HTTP/1.1`];
        if (rand() < 0.9)
          lines.push(
            rand() < 0.5
              ? 'Host: 127.0.0.1'
              : `Host: ${pick(['', 'evil.example', 'a'.repeat(300), '[::1]', '127.0.0.1:99999'])}`,
          );
        if (rand() < 0.7) lines.push(`Range: ${pick(ranges)}`);
        for (let k = Math.floor(rand() * 3); k > 0; k--) lines.push(pick(extras));
        lines.push('Connection: close');
        const body = rand() < 0.3 ? 'hello world' : '';
        const r = await raw(
          server.port,
          Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`, 'latin1'),
          3000,
        );
        if (r.status > 0) answered++;
        expect(leaks(r), lines.join(' | ')).toBe(false);
        if (r.status === 206) expect(r.text).toMatch(/Content-Range: bytes \d+-\d+\/\d+/i);
      }
      expect(answered).toBeGreaterThan(60);
      const after = await get(base, '/');
      expect(after.status).toBe(200);
      expect(after.body).toContain('release r1');
    });
  });
}
