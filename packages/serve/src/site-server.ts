/**
 * The public site in a process of its own, so that an editor that crashed,
 * restarts or is busy hashing passwords never stops citizens reading it.
 *   SITE_ROOT=data/site PORT=4001 HOST=127.0.0.1 tsx src/site-server.ts
 * Run by the editor's supervisor (apps/editor/src/server/start.ts) with an
 * IPC channel: when the supervisor is gone, this process ends too.
 */
import type { AddressInfo } from 'node:net';
import { readSiteEnv } from './env.ts';
import { listen } from './guard.ts';
import { siteHandler } from './site.ts';

function configuration() {
  try {
    return readSiteEnv();
  } catch (e) {
    console.error(`[site] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
}
const env = configuration();
const server = await listen(siteHandler({ root: env.siteRoot }), env.port, env.host);
const { port } = server.address() as AddressInfo;
console.log(
  `[site] http://${env.host}:${String(port)}/ ← ${env.siteRoot}/current (pid ${String(process.pid)})`,
);

function stop() {
  server.close();
  server.closeAllConnections();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
if (process.send) process.on('disconnect', stop);
