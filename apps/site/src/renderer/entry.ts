/**
 * The built server's entry (see adapter.ts): render one address, plan
 * what to render, and the search index's records. All run in the one
 * bundle, so the plan reads the content into the same memory the pages
 * and the records are made from.
 */
import { createApp } from 'astro/app/entrypoint';
import { ContentError } from '../lib/content.ts';
import { renderPlan, type RenderPlan } from '../lib/render-plan.ts';

export { searchRecords } from '../lib/search-records.ts';

const app = createApp();

export function render(url: string, init?: RequestInit): Promise<Response> {
  const request = new Request(url, init);
  return app.render(request, { routeData: app.match(request) });
}

/** The plan, or the content error's message (an error's class does not cross into the renderer). */
export async function plan(full: boolean): Promise<RenderPlan | { error: string }> {
  try {
    return await renderPlan(full);
  } catch (e) {
    if (e instanceof ContentError) return { error: e.message };
    throw e;
  }
}
