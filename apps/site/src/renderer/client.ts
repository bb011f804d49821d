/**
 * The editor's handle on the site renderer: a child process running
 * worker.ts, asked for builds over IPC. Jobs may run at once (a search
 * index is written while pages render); a renderer that dies fails every
 * job it had.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Progress, RenderJob, RenderResult, Renderer } from '@congkhai/publisher';
import type { WorkerReply } from './worker.ts';
import { RENDERER_EXEC_ARGV } from './exec-argv.ts';

/** apps/site: the renderer runs here, so its dependencies resolve. */
const SITE_DIR = fileURLToPath(new URL('../../', import.meta.url));

type Result = RenderResult | undefined;

/** The renderer (worker.ts) as a child process, and the jobs it is working on. */
export class RendererProcess implements Renderer {
  private readonly pending = new Map<
    number,
    { ok: (r: Result) => void; fail: (e: Error) => void; progress?: (d: number, t: number) => void }
  >();
  private next = 1;
  readonly ready: Promise<void>;
  exited = false;
  /** The folders of a release with the most files, largest first (a release copy starts with them). */
  readonly largestFolders = ['xa', 'pagefind', 'en', 'du-lieu', 'chi-so'];
  private stderr = '';

  private readonly child: ChildProcess;

  /** `env`: the environment the renderer runs with; CONTENT_DIR is set from `contentDir`. */
  constructor(contentDir: string, env: NodeJS.ProcessEnv) {
    const child = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [], {
      cwd: SITE_DIR,
      execArgv: RENDERER_EXEC_ARGV,
      env: { ...env, CONTENT_DIR: contentDir },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    this.ready = new Promise((ok, fail) => {
      child.once('message', (m: { kind?: string }) => {
        if (m.kind === 'ready') ok();
      });
      child.once('exit', (code) => {
        fail(new Error(`renderer exited (${String(code)}): ${this.stderr.slice(-4000)}`));
      });
    });
    this.ready.catch(() => undefined); // a renderer that never starts fails the job that waits for it
    child.stderr?.on('data', (b: Buffer) => {
      this.stderr = (this.stderr + b.toString()).slice(-20_000);
    });
    child.on('message', (m: WorkerReply | { kind: 'ready' }) => {
      if (m.kind === 'ready') return;
      const job = this.pending.get(m.id);
      if (!job) return;
      if (m.kind === 'progress') job.progress?.(m.done, m.total);
      else {
        this.pending.delete(m.id);
        if (m.kind === 'done') job.ok(m.result);
        else job.fail(new Error(m.message));
      }
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      const why = new Error(
        `renderer stopped (${signal ?? String(code)})${this.stderr ? `: ${this.stderr.slice(-4000)}` : ''}`,
      );
      for (const job of this.pending.values()) job.fail(why);
      this.pending.clear();
    });
  }

  /** Stops the renderer at once (a test of a killed build). */
  kill(): boolean {
    return !this.exited && this.child.kill('SIGKILL');
  }

  /** Ends the renderer when it has nothing left to do. */
  close(): void {
    if (!this.exited) this.child.disconnect();
  }

  async run(job: RenderJob, progress?: Progress): Promise<Result> {
    await this.ready;
    const id = this.next++;
    return new Promise((ok, fail) => {
      this.pending.set(id, { ok, fail, ...(progress ? { progress } : {}) });
      this.child.send({ ...job, id });
    });
  }
}
