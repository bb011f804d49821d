/**
 * Publishing the public site: request a build with a reason, follow its
 * progress, roll back; builds are recorded through a BuildLog the caller
 * keeps (and lists). The rendering is the site's, behind `Renderer`.
 */
export { Publisher, type PublisherOptions } from './publisher.ts';
export {
  describeRequest,
  type BuildLog,
  type BuildRequest,
  type FinishedStatus,
} from './build-log.ts';
export {
  SEARCH_INDEX,
  type Progress,
  type RenderJob,
  type RenderResult,
  type Renderer,
} from './renderer.ts';
export { composeTree, countPages, runCommand } from './files.ts';
