/**
 * From a request's path to a file that may be served, or why not. The
 * file's real path (every symlink followed) must lie inside the root: the
 * live release's link into SITE_ROOT/search is served, a link planted to
 * /etc is not. Dotfiles and dot segments are refused before the disk is
 * touched.
 */
import { realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export type Resolved =
  | { readonly kind: 'file'; readonly root: string; readonly file: string; readonly size: number }
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'bad-request' };

/** The decoded segments of a request target's path, or undefined when it is malformed. */
export function pathSegments(url: string): { segments: string[]; slash: boolean } | undefined {
  const q = url.indexOf('?');
  const raw = q === -1 ? url : url.slice(0, q);
  if (!raw.startsWith('/')) return undefined;
  let path: string;
  try {
    // Throws on a stray % and on invalid or overlong UTF-8.
    path = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  return { segments: path.split('/').filter((s) => s !== ''), slash: path.endsWith('/') };
}

const isInside = (root: string, file: string) => file === root || file.startsWith(root + sep);

async function real(path: string): Promise<string | undefined> {
  try {
    return await realpath(path);
  } catch {
    return undefined;
  }
}

/**
 * Resolves `url` under `root/dir`; `dir` (e.g. the `current` symlink) is
 * followed on every call, so a switch is seen by the next request.
 */
export async function resolveFile(root: string, dir: string, url: string): Promise<Resolved> {
  const parsed = pathSegments(url);
  if (!parsed) return { kind: 'bad-request' };
  const { segments, slash } = parsed;
  // ".", ".." and hidden files alike: nothing the site serves starts with a dot.
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'missing' };
  const rootReal = await real(root);
  if (!rootReal) return { kind: 'missing' };
  let file = await real(join(root, dir, ...segments));
  if (!file || !isInside(rootReal, file)) return { kind: 'missing' };
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    if (!slash) {
      // Built from the segments, never the raw target: "//evil.example" stays on this site.
      const q = url.indexOf('?');
      const query = q === -1 ? '' : url.slice(q);
      const location = `/${segments.map(encodeURIComponent).join('/')}/${query}`;
      return { kind: 'redirect', location };
    }
    file = await real(join(file, 'index.html'));
    if (!file || !isInside(rootReal, file)) return { kind: 'missing' };
    info = await stat(file).catch(() => undefined);
  } else if (slash) {
    return { kind: 'missing' };
  }
  if (!info?.isFile()) return { kind: 'missing' };
  return { kind: 'file', root: rootReal, file, size: info.size };
}

/** The path `send` is given: the file relative to the root, URL-encoded. */
export function sendPath(resolved: { root: string; file: string }): string {
  return '/' + relative(resolved.root, resolved.file).split(sep).map(encodeURIComponent).join('/');
}
