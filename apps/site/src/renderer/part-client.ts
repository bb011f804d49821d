/**
 * The second renderer of a full build (part.ts) as a child process: it
 * loads the built site and reads the content itself, then renders and
 * writes the pages it is handed, a batch at a time from the queue the
 * build's own workers take from, so the two processes finish together
 * whatever the pages cost. It is checked to have read the content the
 * build planned from.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { commandEnv } from '../env.ts';
import type { RenderPlan } from '../lib/render-plan.ts';
import { RENDERER_EXEC_ARGV } from './exec-argv.ts';
import { BuildError } from './renderer.ts';

/** What the build sends the part: pages to render. */
export type PartRequest = { readonly kind: 'pages'; readonly pages: readonly string[] };

/** What the part answers: what it read, a batch done, or why it failed. */
export type PartReply =
  | { readonly kind: 'ready'; readonly reports: number; readonly render: number }
  | { readonly kind: 'done'; readonly done: number }
  | { readonly kind: 'error'; readonly message: string };

/** apps/site: the renderer runs here, so its dependencies resolve. */
const SITE_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** Pages handed at a time: enough to keep the part busy between messages, few enough to end together. */
const BATCH = 24;

export interface Part {
  /** The part has read the content: how many reports it found and pages it would render. */
  readonly ready: Promise<{ readonly reports: number; readonly render: number }>;
  /** Takes batches from `queue` until it is empty; `count` is told each batch done. */
  render(plan: RenderPlan, queue: string[], count: (n: number) => void): Promise<void>;
  /** Ends the part (at once, whatever it is doing). */
  stop(): void;
}

export function startPart(contentDir: string, out: string): Part {
  const child = fork(fileURLToPath(new URL('./part.ts', import.meta.url)), [out], {
    cwd: SITE_DIR,
    execArgv: RENDERER_EXEC_ARGV,
    env: commandEnv({ CONTENT_DIR: contentDir }),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4000);
  });
  let stopped = false;
  /** Whoever waits on the part now: told of an error, an exit, or a batch done. */
  let waiting: { ok: (done: number) => void; fail: (e: Error) => void } | undefined;
  let failure: Error | undefined;
  const failed = (e: Error) => {
    failure ??= e;
    waiting?.fail(failure);
  };
  const ready = new Promise<{ reports: number; render: number }>((ok, fail) => {
    waiting = { ok: () => undefined, fail };
    child.on('message', (m: PartReply) => {
      if (m.kind === 'ready') ok(m);
      else if (m.kind === 'error') failed(new BuildError(m.message));
      else waiting?.ok(m.done);
    });
  });
  ready.catch(() => undefined); // awaited by render
  child.once('exit', (code, signal) => {
    failed(new BuildError(`second renderer stopped (${signal ?? String(code)}): ${stderr.trim()}`));
  });
  /** Sends a batch and waits for it to be done. */
  const batch = (pages: string[]) =>
    new Promise<number>((ok, fail) => {
      if (failure) {
        fail(failure);
        return;
      }
      waiting = { ok, fail };
      child.send({ kind: 'pages', pages } satisfies PartRequest);
    });
  return {
    ready,
    render: async (plan, queue, count) => {
      const found = await ready;
      // Read at another moment than the plan: the same content, or the build is not one site.
      if (found.reports !== plan.reports || found.render !== plan.render.length)
        throw new BuildError('the content changed while the site was being built');
      for (let pages = queue.splice(0, BATCH); pages.length > 0; pages = queue.splice(0, BATCH))
        count(await batch(pages));
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      failure ??= new BuildError('second renderer stopped');
      child.kill('SIGKILL');
    },
  };
}
