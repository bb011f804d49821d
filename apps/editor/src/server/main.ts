/**
 * Starts the editor on the embedded database (created and migrated on
 * start) and, when SITE_DIR is set, serves the public site beside it.
 *   tsx src/server/main.ts [--demo]
 */
import { realpathSync } from 'node:fs';
import { openDatabase } from './db.ts';
import { readEnv } from './env.ts';
import { editorHandler, listen, siteHandler } from './http.ts';
import { demoUsers, ensureFirstAdmin, loadContent, type Credential } from './seed.ts';

const env = readEnv();
const demo = process.argv.includes('--demo');
const db = await openDatabase(env.databaseUrl, env.databaseAuthToken);

const credentials: Credential[] = [];
const admin = await ensureFirstAdmin(db);
if (admin) credentials.push(admin);
if (demo) {
  const loaded = await loadContent(db, env.contentDir);
  console.log(
    `Đã nạp ${String(loaded.units)} đơn vị và ${String(loaded.reports)} báo cáo đã công bố từ ${env.contentDir}`,
  );
  if (admin) credentials.push(...(await demoUsers(db)));
}

const server = await listen(
  editorHandler({
    db,
    env,
    onContentChanged: (reason) => {
      console.log(`Nội dung thay đổi (${reason}): trang công khai cần dựng lại.`);
    },
  }),
  env.port,
  env.host,
);
const siteDir = env.siteDir;
const site = siteDir
  ? await listen(
      siteHandler(() => realpathSync(siteDir)),
      env.port + 1,
      env.host,
    )
  : undefined;

console.log(`\nTrang biên tập / Editor:        http://${env.host}:${String(env.port)}/`);
if (site)
  console.log(`Trang công khai / Public site:  http://${env.host}:${String(env.port + 1)}/`);
if (credentials.length > 0) {
  console.log('\nTài khoản (mật khẩu chỉ in một lần) / Accounts (passwords are printed once):');
  for (const c of credentials)
    console.log(`  ${c.role.padEnd(9)} ${c.username.padEnd(9)} ${c.password}   (${c.scope})`);
}
console.log('\nCtrl+C để dừng / to stop.');

function stop() {
  server.close();
  site?.close();
  db.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
