/**
 * Rolling the public site back through the API, with the real publisher
 * (the site's renderer, releases on a temporary site root): an admin puts
 * the kept release before the live one live again, and sees it in the list
 * of builds; nobody else may, and there is nothing to go back to before a
 * second release.
 */
import { readdirSync, readlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startEditor, type Harness } from './harness.ts';

let h: Harness;
const A = 'an-binh-tay-son-nghe-an';
const live = () => readlinkSync(join(dirname(h.contentDir), 'site', 'current'));
const kept = () => readdirSync(join(dirname(h.contentDir), 'site', 'releases')).sort();
const build = async (reason: string) => {
  await h.publisher?.request(reason);
  await h.publisher?.settled();
};

beforeAll(async () => {
  h = await startEditor({ site: true });
  await h.user('quantri-rb', 'admin', {});
  await h.user('bientap-rb', 'editor', { units: [A] });
  await h.user('duyet-rb', 'reviewer', { provinces: ['Nghệ An'] });
});

afterAll(async () => {
  await h.stop();
});

describe('rolling the public site back', () => {
  it('has nothing to go back to while one release is kept', async () => {
    await build('first');
    expect(kept()).toHaveLength(1);
    const admin = await h.login('quantri-rb');
    expect((await admin.site.builds.query({ limit: 10 })).previousRelease).toBeNull();
    const refused = await failure(admin.site.rollBack.mutate());
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(refused.message).toBe('Không còn bản trước nào được giữ để quay lại.');
    expect(live()).toBe(`releases/${kept()[0] ?? ''}`);
  });

  it('is refused to editors and reviewers, and leaves the live release as it was', async () => {
    await build('second');
    const current = live();
    for (const user of ['bientap-rb', 'duyet-rb']) {
      const c = await h.login(user);
      expect((await failure(c.site.rollBack.mutate())).code).toBe('FORBIDDEN');
      expect((await c.site.builds.query({ limit: 10 })).previousRelease).toBeNull();
    }
    expect(live()).toBe(current);
  });

  it('puts the release before the live one live again, and lists it as a build by the admin', async () => {
    // The second build's release, and maybe one more with its search index (it follows the pages).
    const current = basename(live());
    const before = (release: string) => kept().filter((r) => r < release);
    const previous = before(current).at(-1);
    expect(previous).toBeDefined();
    const admin = await h.login('quantri-rb');
    const list = await admin.site.builds.query({ limit: 10 });
    // Told with when the build that made it started, one of the builds listed.
    const made = (
      await h.db.execute({
        sql: 'SELECT started_at FROM builds WHERE release = ? ORDER BY id LIMIT 1',
        args: [previous ?? ''],
      })
    ).rows[0]?.started_at;
    expect(list.previousRelease).toEqual({ id: previous, builtAt: made });
    expect(list.builds.map((b) => b.startedAt)).toContain(made);

    expect(await admin.site.rollBack.mutate()).toEqual({ release: previous });
    expect(live()).toBe(`releases/${previous ?? ''}`);
    const after = await admin.site.builds.query({ limit: 10 });
    expect(after.builds[0]).toMatchObject({
      status: 'live',
      reason: 'quay lại bản trước / roll back (quantri-rb)',
      log: `rolled back to ${previous ?? ''}`,
    });
    // What a second rollback would go back to: the release before this one, if one is kept.
    expect(after.previousRelease?.id ?? null).toBe(before(previous ?? '').at(-1) ?? null);
    const audit = (
      await h.db.execute("SELECT subject FROM audit_log WHERE action = 'site_rollback'")
    ).rows;
    expect(audit.map((r) => r.subject)).toEqual([previous]);
  });
});
