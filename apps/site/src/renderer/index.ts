/**
 * The site's face to the publisher (@congkhai/publisher): the renderer
 * process, which meets its `Renderer` interface, and the command that
 * builds the site's code (for the tests of whoever drives it).
 */
export { RendererProcess } from './client.ts';
export { buildSiteCode, renderSite } from './commands.ts';
