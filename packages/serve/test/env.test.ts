/** The site server's configuration: what it accepts, and a clear refusal of what it cannot use. */
import { describe, expect, it } from 'vitest';
import { readSiteEnv } from '../src/index.ts';

describe('readSiteEnv', () => {
  it('defaults to data/site on 127.0.0.1:4001, and takes an absolute SITE_ROOT as it is', () => {
    const env = readSiteEnv({});
    expect(env.port).toBe(4001);
    expect(env.host).toBe('127.0.0.1');
    expect(env.siteRoot).toMatch(/\/data\/site$/);
    expect(readSiteEnv({ SITE_ROOT: '/srv/site', PORT: '0' })).toMatchObject({
      siteRoot: '/srv/site',
      port: 0,
    });
  });

  it('refuses a port that is no port, an empty host or site root', () => {
    for (const PORT of ['abc', '-1', '65536', '80.5', ''])
      expect(() => readSiteEnv({ PORT })).toThrow(/PORT/);
    expect(() => readSiteEnv({ HOST: ' ' })).toThrow(/HOST/);
    expect(() => readSiteEnv({ SITE_ROOT: '' })).toThrow(/SITE_ROOT/);
  });
});
