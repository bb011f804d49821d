/**
 * pnpm bench:editor — N simulated editors over HTTP against a real server
 * on a file database: log in, open their report, then save it with new
 * figures again and again for T seconds, each save on the version the last
 * one returned, as the editor's form does (it loads a report once; after a
 * conflict the bench loads it again). No pause between saves: a worst case,
 * since a person's autosave waits 2 s after typing stops. Prints save
 * latency (p50, p95, p99), throughput, errors, and where a save's time goes
 * (the server's Server-Timing phases). Asserts nothing.
 *   --editors 50 --seconds 20
 *   --reload      load the report again before every save (the bench's
 *                 workload before it followed the form: twice the requests)
 *   --pause 2000  wait this many ms after each save (the form's autosave
 *                 waits 2 s after the last keystroke), for people rather
 *                 than a worst case. People do not type in step: editor i
 *                 starts i/N of a pause late, so the saves are spread over
 *                 the pause rather than all 50 arriving in the same
 *                 millisecond every 2 s (a burst no office makes, which
 *                 measured the queue of 50 saves, not a save)
 *   --profile     run the server under `node --cpu-prof` and print its CPU
 *                 by who spent it (libsql, tRPC, zod, yaml, Node's HTTP,
 *                 GC), its whole life (start and logins included); the
 *                 profiler slows the server, so quote latency without it
 *   --burst       with --pause, start every editor at once anyway (the
 *                 bench's workload before the stagger: the worst case of
 *                 everyone saving at the same instant)
 *
 * The server runs in a process of its own, as in production: the editors'
 * HTTP clients are browsers elsewhere, not code sharing the server's event
 * loop. On a machine others use, the figures move with their load: say so
 * when quoting them.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { openDatabase } from '../src/server/db.ts';
import { readEnv } from '../src/server/env.ts';
import { editorHandler, listen } from '../src/server/http.ts';
import { hashPassword } from '../src/server/password.ts';
import { upsertUnit } from '../src/server/store/units.ts';
import { createUser } from '../src/server/store/users.ts';
import { parseServerTiming } from '../src/server/timing.ts';
import { cookieClient } from '../test/client.ts';
import { profileBreakdown } from './profile.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const editors = arg('editors', 50);
const seconds = arg('seconds', 20);
const reload = process.argv.includes('--reload');
const pause = arg('pause', 0);
const burst = process.argv.includes('--burst');
const profile = process.argv.includes('--profile');

/** The server's side: a fresh file database with one unit and editor per simulated editor. */
async function serve(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'congkhai-bench-editor-'));
  const env = {
    ...readEnv({}),
    databaseUrl: `file:${join(dir, 'bench.db')}`,
    contentDir: join(dir, 'content'),
    clientDir: dir,
  };
  const db = await openDatabase(env.databaseUrl);
  const hash = await hashPassword('bench-password');
  for (let i = 0; i < editors; i++) {
    const unit = `xa-${String(i)}-bench`;
    await upsertUnit(db, {
      id: unit,
      kind: 'xa',
      name: `Xã ${String(i)}`,
      district: 'Huyện Thử',
      province: 'Tỉnh Thử',
      formedFrom: [],
    });
    await createUser(db, {
      username: `editor${String(i)}`,
      displayName: `Biên tập ${String(i)}`,
      passwordHash: hash,
      role: 'editor',
      units: [unit],
    });
  }
  const server = await listen(
    editorHandler({ db, env, onContentChanged: () => undefined, serverTiming: true }),
    0,
    '127.0.0.1',
  );
  const port = (server.address() as AddressInfo).port;
  process.send?.({ url: `http://127.0.0.1:${String(port)}`, database: env.databaseUrl });
  // The measured window, from the server's side: CPU time it spent and how
  // busy its event loop was. CPU per save moves less with other people's
  // load on the machine than latency does.
  let cpu = process.cpuUsage();
  let loop = performance.eventLoopUtilization();
  process.on('message', (m) => {
    if (m === 'start') {
      cpu = process.cpuUsage();
      loop = performance.eventLoopUtilization();
      return;
    }
    const used = process.cpuUsage(cpu);
    const busy = performance.eventLoopUtilization(loop).utilization;
    process.send?.({ cpuMs: (used.user + used.system) / 1000, busy }, () => {
      server.close();
      db.close();
      process.exit(0);
    });
  });
}

async function drive(): Promise<void> {
  const profileDir = mkdtempSync(join(tmpdir(), 'congkhai-bench-profile-'));
  const server = fork(import.meta.filename, ['--serve', '--editors', String(editors)], {
    stdio: 'inherit',
    execArgv: [
      ...process.execArgv,
      ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
    ],
  });
  const { url, database } = await new Promise<{ url: string; database: string }>((resolve) =>
    server.once('message', (m) => {
      resolve(m as { url: string; database: string });
    }),
  );

  const latencies: number[] = [];
  /** Server-side time of each phase, summed over the measured saves. */
  const phases = new Map<string, number>();
  let errors = 0;
  let loads = 0;
  const body = `## I. Kết quả\n\n${'Bộ phận Một cửa tiếp nhận và giải quyết hồ sơ đúng quy định. '.repeat(40)}\n`;

  async function prepare(i: number) {
    let timing: string | null = null;
    const c = cookieClient(url, url, (res) => {
      timing = res.headers.get('server-timing');
    });
    await c.auth.login.mutate({ username: `editor${String(i)}`, password: 'bench-password' });
    const id = await c.reports.create.mutate({ unit: `xa-${String(i)}-bench`, period: '2025-H2' });
    return { c, id, timing: () => timing };
  }

  async function editor(
    { c, id, timing }: Awaited<ReturnType<typeof prepare>>,
    until: number,
    delay: number,
  ): Promise<void> {
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    let n = 0;
    let version: number | undefined;
    while (Date.now() < until) {
      try {
        if (version === undefined || reload) {
          version = (await c.reports.get.query({ id })).version;
          loads++;
        }
        n++;
        const received = 1000 + n;
        const started = performance.now();
        const saved = await c.reports.save.mutate({
          id,
          baseVersion: version,
          content: {
            title: 'Báo cáo kết quả cải cách hành chính 6 tháng cuối năm 2025',
            metrics: {
              'dossiers.received': received,
              'dossiers.received_online': received - 50,
              'dossiers.received_direct': 50,
            },
            targets: {},
            statedShares: {},
            explanations: {},
            body,
          },
        });
        latencies.push(performance.now() - started);
        version = saved.version;
        if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
        for (const [name, ms] of parseServerTiming(timing()))
          phases.set(name, (phases.get(name) ?? 0) + ms);
      } catch {
        errors++;
        version = undefined;
      }
    }
  }

  console.log(
    `Editor benchmark: ${String(editors)} editors, ${String(seconds)} s, file database ${database}, server in its own process, ${reload ? 'a load before every save' : 'each save on the version the last returned'}, ${pause > 0 ? `${String(pause)} ms between saves, ${burst ? 'every editor starting at once' : 'editors starting spread over one pause'}` : 'no pause between saves'}`,
  );
  // Logins (scrypt, half a second each) happen first, two at a time as the
  // server hashes them (more would be told it is busy); the measured window
  // starts once all are in.
  const sessions: Awaited<ReturnType<typeof prepare>>[] = [];
  for (let i = 0; i < editors; i += 2)
    sessions.push(...(await Promise.all([i, i + 1].filter((j) => j < editors).map(prepare))));
  const load = loadavg()[0] ?? 0;
  server.send('start');
  const started = Date.now();
  await Promise.all(
    sessions.map((s, i) =>
      editor(s, started + seconds * 1000, burst ? 0 : Math.floor((i * pause) / editors)),
    ),
  );
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ??
    Number.NaN;
  console.log(
    `machine load (1 min) before the run: ${load.toFixed(2)} on ${String(navigator.hardwareConcurrency)} cores`,
  );
  console.log(
    `saves: ${String(latencies.length)}, loads: ${String(loads)}, errors: ${String(errors)}`,
  );
  console.log(
    `save latency: p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`,
  );
  console.log(
    `throughput: ${(latencies.length / elapsed).toFixed(0)} saves/s over ${elapsed.toFixed(1)} s`,
  );
  // Where a save's time goes: the server's phases (its Server-Timing), and
  // the rest of what the editor waited for (HTTP, tRPC, JSON, waiting for
  // the server's event loop behind other editors' requests).
  const saves = Math.max(1, latencies.length);
  const mean = latencies.reduce((a, b) => a + b, 0) / saves;
  const serverMs = [...phases.values()].reduce((a, b) => a + b, 0) / saves;
  const PHASE_NAMES: Record<string, string> = {
    session: 'session and user lookup',
    guard: 'input guard (Unicode, NUL, size)',
    validate: 'schema validation (zod)',
    load: 'load report (SQL, JSON parse, access)',
    roundtrip: 'file format round trip (serialise, parse)',
    compare: 'unchanged? (JSON of both)',
    write: 'revision write (JSON, SQL batch, commit)',
    checks: 'checks',
  };
  console.log(`where a save's ${mean.toFixed(1)} ms (mean) go:`);
  for (const [name, total] of phases)
    console.log(
      `  ${(total / saves).toFixed(2).padStart(7)} ms  ${PHASE_NAMES[name] ?? name} [${name}]`,
    );
  console.log(
    `  ${(mean - serverMs).toFixed(2).padStart(7)} ms  the rest: HTTP, tRPC, JSON of request and answer, waiting behind other requests`,
  );
  const serverSide = await new Promise<{ cpuMs: number; busy: number }>((resolve) => {
    server.once('message', (m) => {
      resolve(m as { cpuMs: number; busy: number });
    });
    server.send('stop');
  });
  const cpuPerSave = serverSide.cpuMs / saves;
  console.log(
    `server: ${cpuPerSave.toFixed(2)} ms CPU per save (${(serverSide.cpuMs / 1000).toFixed(1)} s over the run), event loop busy ${(100 * serverSide.busy).toFixed(0)} % of the time`,
  );
  // With no pause between saves, each editor waits for the others' saves
  // ahead of its own (Little's law: latency = editors / throughput), so the
  // latency at N editors is bound by the server's CPU per save.
  console.log(
    `  so one server process saves at most ~${(1000 / cpuPerSave).toFixed(0)} saves/s, and ${String(editors)} editors saving without pause wait ~${(editors * cpuPerSave).toFixed(0)} ms a save at best`,
  );
  if (profile) {
    await new Promise((resolve) => server.once('exit', resolve));
    const buckets = profileBreakdown(profileDir);
    const busy = buckets.reduce((a, [, ms]) => a + ms, 0);
    console.log(
      `server CPU by who spent it (node --cpu-prof, ${(busy / 1000).toFixed(1)} s busy over its whole life, ${(busy / saves).toFixed(2)} ms a save):`,
    );
    for (const [name, ms] of buckets)
      console.log(
        `  ${(ms / saves).toFixed(2).padStart(7)} ms a save  ${(100 * (ms / busy)).toFixed(0).padStart(3)} %  ${name}`,
      );
  }
  rmSync(profileDir, { recursive: true, force: true });
}

if (process.argv.includes('--serve')) await serve();
else await drive();
