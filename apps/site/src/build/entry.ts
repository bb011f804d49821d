/** The built server's entry (see adapter.ts): render one address. */
import { createApp } from 'astro/app/entrypoint';

const app = createApp();

export function render(url: string, init?: RequestInit): Promise<Response> {
  const request = new Request(url, init);
  return app.render(request, { routeData: app.match(request) });
}
