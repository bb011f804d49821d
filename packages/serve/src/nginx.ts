/**
 * The production nginx configuration of the public site, generated from the
 * same header list the embedded server sends (headers.ts), so the two cannot
 * drift: deploy/nginx/congkhai-site.conf is this function's output, and a
 * test holds that it is (`pnpm --filter @congkhai/serve nginx-config` writes it).
 */
import {
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  EMBED_PATH_PREFIXES,
  IMMUTABLE_PREFIX,
  siteSecurityHeaders,
} from './headers.ts';

export const SITE_ROOT_PLACEHOLDER = '__SITE_ROOT__';
export const LISTEN_PLACEHOLDER = '__LISTEN__';

function addHeaders(
  path: string,
  embeds: readonly string[],
  cacheControl: string,
  cacheAlways: boolean,
): string[] {
  const lines = siteSecurityHeaders(path, embeds).map(([name, value]) => {
    if (/["$\\]/.test(value)) throw new Error(`header ${name} cannot be written for nginx`);
    return `add_header ${name} "${value}" always;`;
  });
  lines.push(`add_header Cache-Control "${cacheControl}"${cacheAlways ? ' always' : ''};`);
  return lines;
}

const indent = (lines: readonly string[], n: number) => lines.map((l) => ' '.repeat(n) + l);

function location(match: string, body: readonly string[]): string[] {
  return [`location ${match} {`, ...indent(body, 4), '}'];
}

export function nginxConfig(
  siteRoot: string = SITE_ROOT_PLACEHOLDER,
  listen: string = LISTEN_PLACEHOLDER,
  embeds: readonly string[] = EMBED_PATH_PREFIXES,
): string {
  const server = [
    `listen ${listen};`,
    'server_name _;',
    '',
    '# Each request opens its path through the `current` symlink (no open_file_cache here),',
    '# so the atomic rename that puts a release live is seen by the next request. Nothing is',
    '# handed to a backend, so $realpath_root (a path resolved once per request) is not needed.',
    `root ${siteRoot}/current;`,
    'index index.html;',
    'autoindex off;',
    'server_tokens off;',
    '# "Location: /xa/…/" as the embedded server sends it, right behind a proxy too.',
    'absolute_redirect off;',
    '# The types the embedded server sends (mime-types) for the open data and report sources,',
    "# beside Debian's list; the http { } level's list stays as it is.",
    'include /etc/nginx/mime.types;',
    'types {',
    '    text/csv csv;',
    '    text/markdown md;',
    '}',
    'charset utf-8;',
    'charset_types text/css text/plain text/xml text/csv text/markdown application/javascript application/json application/xml application/rss+xml application/atom+xml image/svg+xml;',
    'default_type application/octet-stream;',
    '',
    '# A symlink below the release is followed only when the link and what it points to have',
    '# one owner: the release\'s "pagefind" link into SITE_ROOT/search and its links to the',
    "# folders of earlier releases (all written by the site's builder) are served; a link",
    "# planted to /etc (root's) is refused. Run the builder as a user of its own, owning",
    '# nothing that must not be published.',
    'disable_symlinks if_not_owner from=$document_root;',
    '',
    '# The bilingual not-found page, also for what nginx refuses (403: a refused symlink, a',
    '# folder with no index), as the embedded server does.',
    'error_page 403 =404 /404.html;',
    'error_page 404 /404.html;',
    '',
    ...location('/', addHeaders('/', embeds, CACHE_REVALIDATE, true)),
    '',
    "# Astro's hashed bundles never change under one name.",
    ...location(IMMUTABLE_PREFIX, addHeaders(IMMUTABLE_PREFIX, embeds, CACHE_IMMUTABLE, false)),
    // Pages other sites may frame (none yet).
    ...embeds.flatMap((p) => ['', ...location(p, addHeaders(p, embeds, CACHE_REVALIDATE, true))]),
    '',
    '# Dotfiles and dot folders, anywhere (a regex location wins over the prefixes above).',
    ...location('~ /\\.', ['return 404;']),
  ];
  return [
    "# Công khai: the public site, served from the live release by Debian's nginx.",
    '# Generated from packages/serve/src/headers.ts by `pnpm --filter @congkhai/serve nginx-config`;',
    '# do not edit by hand. Replace __SITE_ROOT__ (the absolute SITE_ROOT) and __LISTEN__',
    '# (e.g. 127.0.0.1:8080 behind the TLS proxy), then include this file inside http { }',
    "# (after mime.types, as Debian's /etc/nginx/nginx.conf does).",
    'server {',
    ...indent(server, 4).map((l) => l.trimEnd()),
    '}',
    '',
  ].join('\n');
}
