/** The site's environment, read by one schema: a variable it cannot use is an error naming it. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SiteEnvError, readBuildEnv, readRenderEnv } from '../src/env.ts';
import { renderSite } from '../src/renderer/commands.ts';

const NEEDS_URL =
  'cần một địa chỉ http(s) đầy đủ, như https://congkhai.example.vn / needs a full http(s) address, such as https://congkhai.example.vn';

describe('readRenderEnv', () => {
  it('gives the defaults for astro dev when nothing is set', () => {
    const env = readRenderEnv({});
    expect(env.contentDir).toBe(resolve('../../content'));
    expect(env.siteUrl.href).toBe('http://localhost:4321/');
  });

  it('reads what is set', () => {
    const env = readRenderEnv({
      CONTENT_DIR: '/srv/content',
      SITE_URL: 'https://congkhai.example.vn',
    });
    expect(env.contentDir).toBe('/srv/content');
    expect(env.siteUrl.href).toBe('https://congkhai.example.vn/');
  });

  it.each(['congkhai.example.vn', 'ftp://congkhai.example.vn', 'https://', ''])(
    'refuses SITE_URL=%j, naming it',
    (url) => {
      expect(() => readRenderEnv({ SITE_URL: url })).toThrow(SiteEnvError);
      expect(() => readRenderEnv({ SITE_URL: url })).toThrow(
        `SITE_URL ${JSON.stringify(url)}: ${NEEDS_URL}`,
      );
    },
  );

  it('refuses an empty CONTENT_DIR, naming it', () => {
    expect(() => readRenderEnv({ CONTENT_DIR: ' ' })).toThrow(
      'CONTENT_DIR " ": không được để trống / must not be empty',
    );
  });
});

describe('readBuildEnv', () => {
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

  it('gives the repository content and apps/site/dist/site when nothing is set', () => {
    expect(readBuildEnv({})).toEqual({
      contentDir: join(repoRoot, 'content'),
      out: join(repoRoot, 'apps/site/dist/site'),
    });
  });

  it('reads paths relative to the repository root', () => {
    expect(readBuildEnv({ CONTENT_DIR: 'data/content', SITE_OUT_DIR: '/srv/site' })).toEqual({
      contentDir: join(repoRoot, 'data/content'),
      out: '/srv/site',
    });
  });

  it('reads how many processes render, 1 or 2, and refuses another number naming it', () => {
    expect(readBuildEnv({ SITE_RENDER_PROCESSES: '2' }).processes).toBe(2);
    expect(readBuildEnv({ SITE_RENDER_PROCESSES: '1' }).processes).toBe(1);
    expect(() => readBuildEnv({ SITE_RENDER_PROCESSES: '3' })).toThrow(
      new SiteEnvError('SITE_RENDER_PROCESSES "3": là 1 hoặc 2 / is 1 or 2'),
    );
  });

  it('refuses a blank SITE_OUT_DIR and a bad SITE_URL, one line each, naming them', () => {
    expect(() => readBuildEnv({ SITE_OUT_DIR: '', SITE_URL: 'congkhai.example.vn' })).toThrow(
      new SiteEnvError(
        `SITE_URL "congkhai.example.vn": ${NEEDS_URL}\n` +
          'SITE_OUT_DIR "": không được để trống / must not be empty',
      ),
    );
  });
});

describe('the command line build with a bad variable', () => {
  // A real build process (src/renderer/cli.ts), as `pnpm --filter @congkhai/site build` runs it.
  const content = fileURLToPath(new URL('../../../content/', import.meta.url));

  it('stops before rendering, with exit 2 and the line naming the variable', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'congkhai-site-env-')), 'site');
    const built = renderSite(content, out, { SITE_URL: 'ftp://congkhai.example.vn' });
    expect(built.code).toBe(2);
    expect(built.output.trim()).toBe(`SITE_URL "ftp://congkhai.example.vn": ${NEEDS_URL}`);
    expect(existsSync(out)).toBe(false);
  });

  it('names a blank SITE_OUT_DIR', () => {
    const built = renderSite(content, ' ');
    expect(built.code).toBe(2);
    expect(built.output.trim()).toBe('SITE_OUT_DIR " ": không được để trống / must not be empty');
  });
});
