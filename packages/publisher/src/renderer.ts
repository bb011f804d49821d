/**
 * What the publisher needs of a renderer: the site (apps/site) provides
 * one, a long-lived process that keeps the content in memory and renders
 * all pages of a release or only those a change touches. The publisher
 * knows nothing of the pages themselves: the renderer's result says which
 * files a release must hold.
 */

export type RenderJob =
  /** Pages into `out` (and, when full, the search index into `out`/SEARCH_INDEX). */
  | { readonly kind: 'build'; readonly out: string; readonly full: boolean }
  /** The search index alone into `out`/SEARCH_INDEX. */
  | { readonly kind: 'search'; readonly out: string };

export interface RenderResult {
  /** True when every page was rendered (asked for, or the change needed it). */
  readonly full: boolean;
  /** Pages and files written, and report pages removed. */
  readonly written: number;
  readonly removed: number;
  /** The pages removed (a withdrawn report), for a caller that rendered into a staging folder. */
  readonly removedPages: readonly string[];
  /** Reports added, changed or removed since the previous build. */
  readonly changed: readonly string[];
  readonly reports: number;
  /** The reports of the content snapshot this build rendered (`<unit>/<period>`). */
  readonly reportKeys: readonly string[];
  /** Files the release must hold (paths relative to it): the home page, a page per report. */
  readonly required: readonly string[];
  /** HTML pages of the whole site. */
  readonly pages: number;
  /** Seconds the renderer took to plan the build (read the content, decide what to render). */
  readonly planSeconds?: number;
}

export type Progress = (done: number, total: number) => void;

export interface Renderer {
  /** A build job answers its result; a search job answers nothing. */
  run(job: RenderJob, progress?: Progress): Promise<RenderResult | undefined>;
  /** Stops at once, failing the jobs under way (shutdown, or a test of a killed build). */
  kill(): boolean;
  /** Ends when it has nothing left to do. */
  close(): void;
  readonly exited: boolean;
}

/** The folder of a release that holds the search index: the renderer writes it, the publisher moves it. */
export const SEARCH_INDEX = 'pagefind';
