/** The frame policy: only the public site's embeddable pages may be framed, on both servers. */
import { describe, expect, it } from 'vitest';
import { nginxConfig, siteSecurityHeaders } from '../src/index.ts';

const header = (path: string, name: string, embeds?: string[]) =>
  new Map(siteSecurityHeaders(path, embeds)).get(name);

describe('the frame policy', () => {
  it('lets no site frame a page but the embeddable comparison, in both languages', () => {
    expect(header('/', 'Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(header('/', 'X-Frame-Options')).toBe('DENY');
    expect(header('/so-sanh/', 'X-Frame-Options')).toBe('DENY');
    for (const path of ['/nhung/so-sanh/', '/en/nhung/so-sanh/']) {
      expect(header(path, 'Content-Security-Policy')).toContain('frame-ancestors *');
      expect(header(path, 'X-Frame-Options')).toBeUndefined();
    }
    const config = nginxConfig('/srv', '80');
    expect(/location \/en\/nhung\/ \{[^}]*\}/.exec(config)?.[0]).toContain('frame-ancestors *');
  });

  it('lets any site frame a page under an embed prefix, and only there', () => {
    const embeds = ['/nhung/'];
    expect(header('/nhung/bieu-do/', 'Content-Security-Policy', embeds)).toContain(
      'frame-ancestors *',
    );
    expect(header('/nhung/bieu-do/', 'X-Frame-Options', embeds)).toBeUndefined();
    expect(header('/xa/', 'X-Frame-Options', embeds)).toBe('DENY');
    const block = /location \/nhung\/ \{[^}]*\}/.exec(nginxConfig('/srv', '80', embeds))?.[0];
    expect(block).toContain('frame-ancestors *');
    expect(block).not.toContain('X-Frame-Options');
  });
});
