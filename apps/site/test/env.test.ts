/** The site's environment, read by one schema: a variable it cannot use is an error naming it. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SiteEnvError, readRenderEnv } from '../src/env.ts';

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
