/** A real editor server on a temporary libsql file database, and tRPC clients with their own cookie jars. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import { TRPCClientError } from '@trpc/client';
import { cookieClient } from './client.ts';
import type { AccountOptions } from '../src/server/accounts.ts';
import { openDatabase } from '../src/server/db.ts';
import { readEnv, type EditorEnv } from '../src/server/env.ts';
import { editorHandler, listen } from '../src/server/http.ts';
import { hashPassword } from '../src/server/password.ts';
import { describeRequest, type Publisher } from '@congkhai/publisher';
import { sitePublisher } from '../src/server/rebuild.ts';
import { loadContent } from '../src/server/seed.ts';
import { createUser, type Role } from '../src/server/store/users.ts';

export interface Harness {
  readonly url: string;
  readonly db: Client;
  readonly contentDir: string;
  readonly env: EditorEnv;
  readonly changes: string[];
  /** The public site's publisher (the real renderer, releases under a temporary site root), when asked for with `site`. */
  readonly publisher: Publisher | undefined;
  client(opts?: { origin?: string | null }): ReturnType<typeof cookieClient>;
  /** A client logged in as a user made by `user` (they all have PASSWORD). */
  login(username: string): Promise<ReturnType<typeof cookieClient>>;
  user(
    username: string,
    role: Role,
    scope: { units?: string[]; provinces?: string[] },
  ): Promise<void>;
  stop(): Promise<void>;
}

export const PASSWORD = 'mật-khẩu-đủ-dài-123';

/**
 * `accounts`: login throttling and the clock of account rules, for tests that move time;
 * `env`: settings over the test's own (SMTP_URL's parsed form, the editor's address);
 * `site`: a real publisher as the editor runs it (main.ts), its releases in the test's folder.
 */
export async function startEditor(
  opts: { accounts?: AccountOptions; env?: Partial<EditorEnv>; site?: boolean } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'congkhai-editor-'));
  mkdirSync(join(dir, 'client'));
  writeFileSync(join(dir, 'client', 'index.html'), '<!doctype html><title>editor</title>');
  const contentDir = join(dir, 'content');
  mkdirSync(join(contentDir, 'reports'), { recursive: true });
  writeFileSync(
    join(contentDir, 'units.yaml'),
    `schema: 1
units:
  - id: an-binh-tay-son-nghe-an
    kind: xa
    name: An Bình
    district: Tây Sơn
    province: Nghệ An
  - id: kim-tan-kim-thanh-hai-duong
    kind: xa
    name: Kim Tân
    district: Kim Thành
    province: Hải Dương
`,
  );
  const env = {
    ...readEnv({}),
    databaseUrl: `file:${join(dir, 'test.db')}`,
    contentDir,
    clientDir: join(dir, 'client'),
    ...opts.env,
  };
  const db = await openDatabase(env.databaseUrl);
  await loadContent(db, contentDir);
  const changes: string[] = [];
  const publisher = opts.site
    ? sitePublisher({
        db,
        siteRoot: join(dir, 'site'),
        contentDir,
        published: () => Promise.resolve([]),
      })
    : undefined;
  const server: Server = await listen(
    editorHandler({
      db,
      env,
      onContentChanged: (r) => {
        changes.push(describeRequest(r));
        void publisher?.request(r);
      },
      ...(publisher
        ? {
            releases: publisher,
            buildProgress: () => publisher.progress,
            buildEvents: publisher.changes,
          }
        : {}),
      ...(opts.accounts ? { accounts: opts.accounts } : {}),
    }),
    0,
    '127.0.0.1',
  );
  const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  const hash = await hashPassword(PASSWORD);
  return {
    url,
    db,
    contentDir,
    env,
    changes,
    publisher,
    client: (opts = {}) => cookieClient(url, opts.origin === undefined ? url : opts.origin),
    login: async (username) => {
      const c = cookieClient(url, url);
      await c.auth.login.mutate({ username, password: PASSWORD });
      return c;
    },
    user: async (username, role, scope) => {
      await createUser(db, { username, displayName: username, passwordHash: hash, role, ...scope });
    },
    stop: async () => {
      await publisher?.settled();
      publisher?.close();
      await new Promise<void>((resolve) => {
        server.close(() => {
          db.close();
          resolve();
        });
      });
    },
  };
}

/** What a call that must fail was refused with: its tRPC code, message and payload. */
export async function failure(
  p: Promise<unknown>,
): Promise<{ code: string | undefined; message: string; payload: unknown }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCClientError) {
      const data = e.data as { code?: string; payload?: unknown } | undefined;
      return { code: data?.code, message: e.message, payload: data?.payload };
    }
    throw e;
  }
  throw new Error('expected the call to fail');
}
