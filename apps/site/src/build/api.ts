/** What the editor's build runner uses of the site: the renderer process and release files. */
export { RendererProcess } from './client.ts';
export { linkCopy, mergeInto, removeTree } from './release.ts';
export type { BuildResult } from './build.ts';
