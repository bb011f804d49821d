export { createSafeServer, guard, listen, type Handler, type Log } from './guard.ts';
export { siteHandler, type SiteOptions } from './site.ts';
export { spaHandler } from './spa.ts';
export {
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  EMBED_PATH_PREFIXES,
  INLINE_SCRIPT_HASHES,
  siteCacheControl,
  siteSecurityHeaders,
} from './headers.ts';
export { nginxConfig } from './nginx.ts';
export { readSiteEnv, type SiteEnv } from './env.ts';
