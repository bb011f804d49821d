/**
 * The embedded public-site server, as `npm start` runs it: its own Node
 * process (src/site-server.ts) over a SITE_ROOT, on a free port.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { siteServerSuite } from './attacks.ts';

const entry = fileURLToPath(new URL('../src/site-server.ts', import.meta.url));

siteServerSuite('the embedded site server', async (site) => {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, SITE_ROOT: site.root, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      output += b.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => {
      reject(new Error(`site server exited (${String(code)}):\n${output}`));
    });
  });
  return {
    base: `http://127.0.0.1:${String(port)}`,
    port,
    stop: async () => {
      // Still alive after everything the suite sent it.
      if (child.exitCode !== null) throw new Error(`the site server died:\n${output}`);
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
});
