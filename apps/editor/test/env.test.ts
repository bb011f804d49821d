/**
 * The editor's environment is read once, by one schema: a variable it
 * cannot use stops the start with one line naming it (exit 2), before any
 * database is opened or port taken, never a stack trace or a NaN port.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from '../src/server/env.ts';

const editorDir = fileURLToPath(new URL('..', import.meta.url));

describe('readEnv', () => {
  it('gives the defaults when nothing is set', () => {
    const env = readEnv({});
    expect(env).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      secureCookies: false,
      trustProxy: false,
      smtp: undefined,
      editorUrl: 'http://127.0.0.1:4000',
      reminderDays: 7,
    });
    expect(env.databaseUrl).toMatch(/^file:.*data\/congkhai\.db$/);
  });

  it('reads what is set', () => {
    expect(
      readEnv({
        PORT: '8080',
        HOST: '0.0.0.0',
        SECURE_COOKIES: '1',
        TRUST_PROXY: '1',
        REMINDER_DAYS: '0',
        EDITOR_URL: 'https://bientap.example.vn/',
      }),
    ).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      secureCookies: true,
      trustProxy: true,
      reminderDays: 0,
      editorUrl: 'https://bientap.example.vn',
    });
    expect(readEnv({ PORT: '8080', HOST: 'bientap' }).editorUrl).toBe('http://bientap:8080');
  });

  it.each(['abc', '70000', '0', '-1', '80.5', '', '4000abc'])(
    'refuses PORT=%j, naming it',
    (port) => {
      expect(() => readEnv({ PORT: port })).toThrow(EnvError);
      expect(() => readEnv({ PORT: port })).toThrow(
        `PORT ${JSON.stringify(port)}: cần số cổng từ 1 đến 65535 / needs a port number, 1 to 65535`,
      );
    },
  );

  it('names every bad variable, one line each', () => {
    expect(() => readEnv({ PORT: 'abc', REMINDER_DAYS: '99' })).toThrow(
      'PORT "abc": cần số cổng từ 1 đến 65535 / needs a port number, 1 to 65535\n' +
        'REMINDER_DAYS "99": cần số ngày từ 0 đến 60 / needs a whole number of days, 0 to 60',
    );
  });
});

describe('starting with a bad PORT', () => {
  // Both entries: start.ts (npm start, the editor and the site) and main.ts (the editor alone).
  it.each(['start.ts', 'main.ts'])('%s stops with one line naming PORT', (entry) => {
    const dir = mkdtempSync(join(tmpdir(), 'congkhai-env-'));
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(editorDir, 'src/server', entry)],
      {
        cwd: editorDir,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          PORT: '70000',
          DATABASE_URL: `file:${join(dir, 'editor.db')}`,
          CONTENT_DIR: join(dir, 'content'),
          SITE_ROOT: join(dir, 'site'),
        },
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      'PORT "70000": cần số cổng từ 1 đến 65535 / needs a port number, 1 to 65535',
    );
    expect(run.stdout).toBe('');
  });
});
