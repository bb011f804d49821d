/**
 * The public site: the live release (`SITE_ROOT/current`, followed on every
 * request so an atomic switch is seen at once), with the site's security
 * and cache headers and its bilingual 404 page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveFile } from './files.ts';
import type { Handler } from './guard.ts';
import { CACHE_REVALIDATE, siteCacheControl, siteSecurityHeaders } from './headers.ts';
import { plain, sendPage, staticHandler } from './static.ts';

export interface SiteOptions {
  /** SITE_ROOT: no file whose real path is outside it is served. */
  readonly root: string;
  /** The served folder, relative to root: `current` (the default), or `.` for a plain build folder. */
  readonly live?: string;
}

/** When the release has no 404.html (or there is no release yet). */
const FALLBACK_404 =
  '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Không tìm thấy / Not found</title>' +
  '<p>Không tìm thấy trang. <a href="/">Về trang chủ</a></p><p lang="en">Page not found. <a href="/en/">Home</a></p></html>';

export function siteHandler(options: SiteOptions): Handler {
  const live = options.live ?? 'current';
  const notFound = async (_req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('Cache-Control', CACHE_REVALIDATE);
    const page = await resolveFile(options.root, live, '/404.html');
    if (page.kind === 'file') {
      await sendPage(res, 404, page.file, page.size);
      return;
    }
    plain(res, 404, FALLBACK_404, 'text/html; charset=utf-8');
  };
  return staticHandler({
    root: options.root,
    dir: live,
    always: siteSecurityHeaders,
    cacheControl: siteCacheControl,
    notFound,
  });
}
