/**
 * Starts the editor on the embedded database (created and migrated on
 * start) and builds the public site into a release; every publish rebuilds
 * it. The site itself is served by a process of its own: start.ts runs both.
 *   tsx src/server/main.ts [--demo]
 */
import { existsSync } from 'node:fs';
import { openDatabase } from './db.ts';
import { readEnvOrExit, REPO_CONTENT } from './env.ts';
import { editorHandler, listen } from './http.ts';
import { closeImports } from './import-pool.ts';
import { sitePublisher } from './rebuild.ts';
import { scheduleReminders } from './reminders.ts';
import { text } from './store/values.ts';
import {
  demoUsers,
  ensureFirstAdmin,
  loadContent,
  prepareDemoContent,
  type Credential,
} from './seed.ts';

const env = readEnvOrExit();
const demo = process.argv.includes('--demo');
const db = await openDatabase(env.databaseUrl, env.databaseAuthToken);

if (demo && (await prepareDemoContent(env.contentDir, REPO_CONTENT))) {
  console.log(`Đã tạo nội dung mẫu / demo content written to ${env.contentDir}`);
}
const credentials: Credential[] = [];
const admin = await ensureFirstAdmin(db);
if (admin) credentials.push(admin);
if (demo && existsSync(env.contentDir)) {
  const loaded = await loadContent(db, env.contentDir);
  console.log(
    `Đã nạp ${String(loaded.units)} đơn vị, ${String(loaded.reports)} báo cáo đã công bố / units and published reports loaded`,
  );
  if (admin) credentials.push(...(await demoUsers(db)));
}

const runner = sitePublisher({
  db,
  siteRoot: env.siteRoot,
  contentDir: env.contentDir,
  published: async () =>
    (await db.execute("SELECT unit_id, period FROM reports WHERE status = 'published'")).rows.map(
      (r) => `${text(r.unit_id)}/${text(r.period)}`,
    ),
  log: (line) => {
    console.log(line);
  },
});
if (existsSync(env.contentDir)) await runner.request('khởi động / start');

const server = await listen(
  editorHandler({
    db,
    env,
    onContentChanged: (request) => void runner.request(request),
    buildProgress: () => runner.progress,
    buildEvents: runner.changes,
    releases: runner,
  }),
  env.port,
  env.host,
);

// Reminders and the reviewers' digest, once a day (Vietnamese time).
const reminders = scheduleReminders(
  { db, env },
  {
    log: (line) => {
      console.log(line);
    },
  },
);

console.log(`\nTrang biên tập / Editor:        http://${env.host}:${String(env.port)}/`);
console.log(`Trang công khai / Public site:  http://${env.host}:${String(env.port + 1)}/`);
if (credentials.length > 0) {
  console.log('\nTài khoản (mật khẩu chỉ in một lần) / Accounts (passwords are printed once):');
  for (const c of credentials)
    console.log(`  ${c.role.padEnd(9)} ${c.username.padEnd(9)} ${c.password}   (${c.scope})`);
}
console.log('\nCtrl+C để dừng / to stop.');

// start.ts says 'Đã dừng / stopped.' once both processes have ended.
function stop() {
  runner.close();
  reminders.stop();
  void closeImports();
  server.close();
  db.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Run by start.ts over an IPC channel: when it is gone, so is the editor.
if (process.send) process.on('disconnect', stop);
