/**
 * pnpm bench:editor — N simulated editors over HTTP against a real server
 * on a file database: log in, then load and save their report with new
 * figures, again and again, for T seconds. Prints save latency (p50, p95,
 * p99), throughput and errors. Asserts nothing.
 *   --editors 50 --seconds 20
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/server/db.ts';
import { readEnv } from '../src/server/env.ts';
import { editorHandler, listen } from '../src/server/http.ts';
import { hashPassword } from '../src/server/password.ts';
import { upsertUnit } from '../src/server/store/units.ts';
import { createUser } from '../src/server/store/users.ts';
import { cookieClient } from '../test/client.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const editors = arg('editors', 50);
const seconds = arg('seconds', 20);

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
  editorHandler({ db, env, onContentChanged: () => undefined }),
  0,
  '127.0.0.1',
);
const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;

const client = () => cookieClient(url);

const latencies: number[] = [];
let errors = 0;
let loads = 0;
const body = `## I. Kết quả\n\n${'Bộ phận Một cửa tiếp nhận và giải quyết hồ sơ đúng quy định. '.repeat(40)}\n`;

async function prepare(i: number) {
  const c = client();
  await c.auth.login.mutate({ username: `editor${String(i)}`, password: 'bench-password' });
  const id = await c.reports.create.mutate({ unit: `xa-${String(i)}-bench`, period: '2025-H2' });
  return { c, id };
}

async function editor({ c, id }: Awaited<ReturnType<typeof prepare>>, until: number) {
  let n = 0;
  while (Date.now() < until) {
    try {
      const r = await c.reports.get.query({ id });
      loads++;
      n++;
      const received = 1000 + n;
      const started = performance.now();
      await c.reports.save.mutate({
        id,
        baseVersion: r.version,
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
    } catch {
      errors++;
    }
  }
}

console.log(
  `Editor benchmark: ${String(editors)} editors, ${String(seconds)} s, file database ${env.databaseUrl}`,
);
// Logins (scrypt, half a second each) happen first, two at a time as the
// server hashes them (more would be told it is busy); the measured window
// starts once all are in.
const sessions: Awaited<ReturnType<typeof prepare>>[] = [];
for (let i = 0; i < editors; i += 2)
  sessions.push(...(await Promise.all([i, i + 1].filter((j) => j < editors).map(prepare))));
const started = Date.now();
await Promise.all(sessions.map((s) => editor(s, started + seconds * 1000)));
const elapsed = (Date.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
console.log(
  `saves: ${String(latencies.length)}, loads: ${String(loads)}, errors: ${String(errors)}`,
);
console.log(
  `save latency: p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`,
);
console.log(
  `throughput: ${(latencies.length / elapsed).toFixed(0)} saves/s over ${elapsed.toFixed(1)} s`,
);
server.close();
db.close();
