/**
 * The real product for browser tests: the editor's app built by Vite, the
 * server started as `npm start` starts it (start.ts: editor and public
 * site in their own processes, or main.ts alone) on a temporary embedded
 * database, and Chromium in front. One place for what every browser test
 * of the editor needs: start, stop, the printed one-time passwords, and a
 * login that goes through the forced password change.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const editorDir = fileURLToPath(new URL('..', import.meta.url));

export interface ProductOptions {
  /** Names the temporary folder and the database. */
  readonly name: string;
  /** start.ts with demo content (the default), or main.ts on an empty database. */
  readonly entry?: 'start.ts --demo' | 'main.ts';
  /** More environment for the server (SMTP_URL…). */
  readonly env?: () => Record<string, string>;
}

export interface Product {
  readonly editor: string;
  /** The public site (the editor's port + 1). */
  readonly site: string;
  /** The temporary folder of the database, content and site. */
  readonly dir: string;
  readonly browser: Browser;
  /** What the server printed so far. */
  output(): string;
  /** A user's password: the one chosen at the forced change, or the one-time one printed at start. */
  password(user: string): string;
  /** A page logged in as the user (1280 px wide), through the forced password change if it is the first login. */
  login(user: string): Promise<Page>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Waits until `check` holds, or fails saying what it waited for (and, given, the end of the server's output). */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  ms: number,
  what: string,
  output: () => string = () => '',
) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}\n${output().slice(-3000)}`);
}

export function productUnderTest(opts: ProductOptions): Product {
  const port = 44000 + Math.floor(Math.random() * 4000);
  const editor = `http://127.0.0.1:${String(port)}`;
  const dir = mkdtempSync(join(tmpdir(), `congkhai-${opts.name}-`));
  const chosen = new Map<string, string>();
  let out = '';
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const output = () => out;
  // The start prints "role  username  password   (scope)": the password is the word before the scope.
  const password = (user: string) =>
    chosen.get(user) ?? new RegExp(`\\s${user}\\s+(\\S+)\\s+\\(`).exec(out)?.[1] ?? '';

  return {
    editor,
    site: `http://127.0.0.1:${String(port + 1)}`,
    dir,
    get browser() {
      if (!browser) throw new Error('the product is not started');
      return browser;
    },
    output,
    password,

    async login(user) {
      const page = await (
        await this.browser.newContext({ viewport: { width: 1280, height: 900 } })
      ).newPage();
      await page.goto(editor);
      await page.getByLabel('Tên đăng nhập').fill(user);
      await page.getByLabel('Mật khẩu').fill(password(user));
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      // The printed password is a one-time one: the first login sets the user's own.
      const choose = page.getByRole('heading', { name: 'Đặt mật khẩu của bạn' });
      const reports = page.getByRole('heading', { name: 'Báo cáo', exact: true });
      await choose.or(reports).waitFor();
      if (await choose.isVisible()) {
        const own = `Mật khẩu riêng của ${user} 2025`;
        await page.getByLabel('Mật khẩu một lần').fill(password(user));
        await page.getByLabel('Mật khẩu mới', { exact: true }).fill(own);
        await page.getByLabel('Nhập lại mật khẩu mới').fill(own);
        await page.getByRole('button', { name: 'Lưu mật khẩu và tiếp tục' }).click();
        chosen.set(user, own);
      }
      await reports.waitFor();
      return page;
    },

    async start() {
      const build = spawnSync(
        process.execPath,
        [join(editorDir, 'node_modules/vite/bin/vite.js'), 'build'],
        { cwd: editorDir, encoding: 'utf8' },
      );
      if (build.status !== 0) throw new Error(build.stderr);
      const [file = 'start.ts', ...args] = (opts.entry ?? 'start.ts --demo').split(' ');
      server = spawn(
        process.execPath,
        ['--import', 'tsx', join(editorDir, 'src/server', file), ...args],
        {
          cwd: editorDir,
          env: {
            ...process.env,
            PORT: String(port),
            DATABASE_URL: `file:${join(dir, `${opts.name}.db`)}`,
            CONTENT_DIR: join(dir, 'content'),
            SITE_ROOT: join(dir, 'site'),
            ...opts.env?.(),
          },
        },
      );
      server.stdout?.on('data', (b: Buffer) => (out += b.toString()));
      server.stderr?.on('data', (b: Buffer) => (out += b.toString()));
      await waitFor(() => out.includes('Ctrl+C'), 150_000, 'the product to start', output);
      browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
    },

    async stop() {
      await browser?.close();
      server?.kill('SIGTERM');
    },
  };
}
