/** Debian's Chromium driven by playwright-core, as the project runs it everywhere, and what the site's browser tests ask of a page. */
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface OpenOptions {
  readonly javaScript?: boolean;
  readonly width?: number;
  /** Only for a test's own injected script (axe-core): the site's pages run under its CSP. */
  readonly bypassCSP?: boolean;
}

/** A page at `url` in a context of its own, loaded until the network is quiet; with its status. */
export async function openPage(
  browser: Browser,
  url: string,
  opts: OpenOptions = {},
): Promise<{ page: Page; status: number | undefined }> {
  const context = await browser.newContext({
    javaScriptEnabled: opts.javaScript ?? true,
    bypassCSP: opts.bypassCSP ?? false,
    viewport: { width: opts.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  const res = await page.goto(url, { waitUntil: 'networkidle' });
  return { page, status: res?.status() };
}

/** Every script a page loads once it has been scrolled through (islands load as they come into view), in KB gzipped. */
export async function scriptKb(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') bodies.push(res.body());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 500) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
  });
  await page.waitForLoadState('networkidle');
  const bytes = (await Promise.all(bodies)).reduce((n, b) => n + gzipSync(b).length, 0);
  await context.close();
  return bytes / 1024;
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * axe-core's serious and critical violations on a page, as `id (nodes)`.
 * axe is injected as an inline script: open the page with `bypassCSP`.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    return axe.run();
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${String(v.nodes.length)})`);
}
