/**
 * How a renderer process is started (worker.ts, part.ts, cli.ts, the
 * bench's build): with young-generation semi-spaces of 32 MB, so that the
 * garbage of a page (its strings and trees) dies young rather than being
 * promoted and swelling the old generation (see heapGrowing in
 * renderer.ts, the other half). Its own module: the editor's process
 * imports it without the renderer.
 */
export const RENDERER_EXEC_ARGV = ['--max-semi-space-size=32', '--import', 'tsx'];
