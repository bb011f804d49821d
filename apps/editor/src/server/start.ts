/**
 * `npm start`: the editor (main.ts) and the public site's server
 * (@congkhai/serve) as two processes, started and kept running by this one.
 *   tsx src/server/start.ts [--demo]
 *
 * Why a supervisor of its own rather than the editor starting the site: the
 * site must outlive the editor (a crash, a native module's panic, a thread
 * pool full of password hashing), and something must then start the editor
 * again. This process only spawns, waits and restarts, so it has nothing that
 * can fail while the others run. A child that ends is started again after a
 * delay that doubles with each quick failure (0.5 s up to 30 s); one that ran
 * for a minute starts again at once. Both children hold an IPC channel to
 * this process and end when it is gone, so nothing outlives `npm start`.
 * Ctrl+C (or SIGTERM) stops both and says 'Đã dừng / stopped.' once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inheritedEnv, readEnvOrExit } from './env.ts';

interface Supervised {
  readonly name: string;
  readonly entry: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  child?: ChildProcess;
  failures: number;
  timer?: NodeJS.Timeout;
}

const env = readEnvOrExit();
const say = (line: string) => {
  console.log(`[start] ${line}`);
};

const children: Supervised[] = [
  {
    name: 'trang công khai / public site',
    entry: fileURLToPath(import.meta.resolve('@congkhai/serve/site-server')),
    args: [],
    env: { SITE_ROOT: env.siteRoot, PORT: String(env.port + 1), HOST: env.host },
    failures: 0,
  },
  {
    name: 'trang biên tập / editor',
    entry: fileURLToPath(new URL('./main.ts', import.meta.url)),
    args: process.argv.slice(2),
    env: {},
    failures: 0,
  },
];

let stopping = false;

function run(p: Supervised) {
  const startedAt = Date.now();
  // The same Node and TypeScript loader (tsx) as this process.
  const child = spawn(process.execPath, [...process.execArgv, p.entry, ...p.args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...inheritedEnv(), ...p.env },
  });
  p.child = child;
  say(`${p.name}: pid ${String(child.pid)}`);
  child.on('exit', (code, signal) => {
    p.child = undefined;
    if (stopping) {
      finish();
      return;
    }
    p.failures = Date.now() - startedAt > 60_000 ? 0 : p.failures + 1;
    const delay = p.failures === 0 ? 0 : Math.min(30_000, 500 * 2 ** (p.failures - 1));
    say(`${p.name} ended (${signal ?? String(code)}); starting it again in ${String(delay)} ms`);
    p.timer = setTimeout(() => {
      run(p);
    }, delay);
  });
}

function finish() {
  if (children.some((p) => p.child)) return;
  console.log('\nĐã dừng / stopped.');
  process.exit(0);
}

function stop() {
  if (stopping) return;
  stopping = true;
  for (const p of children) {
    clearTimeout(p.timer);
    p.child?.kill('SIGTERM');
  }
  // A child that does not end in time is ended.
  setTimeout(() => {
    for (const p of children) p.child?.kill('SIGKILL');
  }, 10_000).unref();
  finish();
}

process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const p of children) run(p);
