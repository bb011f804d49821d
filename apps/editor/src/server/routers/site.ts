/** The public site's builds: for editors to follow a publish until it is live, and their history. */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { readableUnits } from '../access.ts';
import { describeRequest, type BuildRequest } from '@congkhai/publisher';
import { audit } from '../store/audit.ts';
import { buildStatus } from '../store/builds.ts';
import { listUnits } from '../store/units.ts';
import { text } from '../store/values.ts';
import { adminOnly, authed, router, type Context } from '../trpc.ts';

/** The requests a build was for, from its row (builds before requests were kept: one of its reason). */
function requestsOf(row: Record<string, unknown>): BuildRequest[] {
  if (typeof row.requests === 'string') {
    try {
      return JSON.parse(row.requests) as BuildRequest[];
    } catch {
      // fall through: told as its reason, to admins only (below)
    }
  }
  return [{ reason: text(row.reason), unit: '?' }];
}

/** The address of the public site: the port after the editor's, on the host the editor was reached at. */
const siteUrlOf = (ctx: Context) =>
  `http://${(ctx.req.headers.host ?? `127.0.0.1:${String(ctx.env.port)}`).replace(/:\d+$/, '')}:${String(ctx.env.port + 1)}`;

/** The next build event, or a few seconds (a build the runner of another process ran is seen too), or the end of the stream. */
function nextChange(ctx: Context, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      ctx.buildEvents?.off('change', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, 3000);
    ctx.buildEvents?.once('change', done);
    signal?.addEventListener('abort', done);
  });
}

/** The kept release a rollback would put live, with when its build started (null for a release no build recorded). */
async function previousRelease(
  ctx: Context,
): Promise<{ id: string; builtAt: string | null } | null> {
  const id = await ctx.releases?.previousRelease();
  if (id === undefined) return null;
  const row = (
    await ctx.db.execute({
      sql: 'SELECT started_at FROM builds WHERE release = ? ORDER BY id LIMIT 1',
      args: [id],
    })
  ).rows[0];
  return { id, builtAt: row ? text(row.started_at) : null };
}

export const siteRouter = router({
  /**
   * After a publish or withdraw: the first page build that started since
   * `since`, as it goes (pages rendered), until it is live or failed. A
   * subscription over server-sent events: the client is told, it does not ask.
   */
  follow: authed.input(z.object({ since: z.string().max(40) })).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    const mine = new Set(readableUnits(ctx.user, await listUnits(ctx.db)));
    let last = '';
    // At most about ten minutes; a build takes seconds.
    for (let i = 0; i < 600 && !signal?.aborted; i++) {
      const row = (
        await ctx.db.execute({
          sql: `SELECT id, requests, reason, started_at, finished_at, status, log FROM builds
                  WHERE started_at >= ? AND reason NOT LIKE '%search index%' ORDER BY id LIMIT 1`,
          args: [input.since],
        })
      ).rows[0];
      if (row && row.finished_at !== null) {
        const others = requestsOf(row).some((q) => q.unit !== undefined && !mine.has(q.unit));
        const failed = buildStatus(row.status) !== 'live';
        yield {
          state: failed ? ('failed' as const) : ('live' as const),
          siteUrl: siteUrlOf(ctx),
          progress: null,
          log: failed && (ctx.user.role === 'admin' || !others) ? text(row.log).slice(-4000) : null,
        };
        return;
      }
      const event = {
        state: 'waiting' as const,
        siteUrl: siteUrlOf(ctx),
        progress: row ? (ctx.buildProgress?.() ?? null) : null,
        log: null,
      };
      const key = JSON.stringify(event);
      if (key !== last) yield event;
      last = key;
      await nextChange(ctx, signal);
    }
  }),

  /**
   * Everyone follows the site's builds, but learns of other units' work
   * nothing more than that there was some: an admin sees every request and
   * who made it; others see the requests of the units they may read, those
   * that concern no unit (a start, a retry, the search index, a unit
   * list edit) without a name, and a count of the rest. The log of a build
   * that was also for others' units is for admins.
   */
  builds: authed
    .input(z.object({ limit: z.number().int().min(1).max(100).default(5) }).optional())
    .query(async ({ ctx, input }) => {
      const rows = (
        await ctx.db.execute({
          sql: 'SELECT id, reason, requests, started_at, finished_at, status, pages, log FROM builds ORDER BY id DESC LIMIT ?',
          args: [input?.limit ?? 5],
        })
      ).rows;
      const admin = ctx.user.role === 'admin';
      const mine = new Set(readableUnits(ctx.user, await listUnits(ctx.db)));
      return {
        // The site is served on the port after the editor's, on the same host the editor was reached at.
        siteUrl: siteUrlOf(ctx),
        builds: rows.map((r) => {
          const requests = requestsOf(r);
          const shown = admin
            ? requests.map(describeRequest)
            : requests
                .filter((q) => q.unit === undefined || mine.has(q.unit))
                .map((q) => (q.unit === undefined ? q.reason : describeRequest(q)));
          const others = requests.length - shown.length;
          return {
            id: Number(r.id),
            reason: [
              ...shown,
              ...(others > 0 ? [`${String(others)} yêu cầu khác / other requests`] : []),
            ].join('; '),
            startedAt: text(r.started_at),
            finishedAt: r.finished_at === null ? null : text(r.finished_at),
            status: buildStatus(r.status),
            pages: r.pages === null ? null : Number(r.pages),
            // What went wrong, or for a build that went live what it rendered and how long each step took.
            log: r.log === null || others > 0 ? null : text(r.log).slice(-4000),
          };
        }),
        progress: ctx.buildProgress?.() ?? null,
        // For admins, who may roll back: the kept release a rollback would put live (none: nothing to go back to).
        previousRelease: admin ? await previousRelease(ctx) : null,
      };
    }),

  /**
   * Puts the kept release before the live one live again (an admin's
   * remedy for a bad build), once the build in progress is over; it shows
   * in the list as a build. The next publish renders the content in full.
   */
  rollBack: adminOnly.mutation(async ({ ctx }) => {
    const release = await ctx.releases?.rollBack(ctx.user.username);
    if (release === undefined)
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: 'Không còn bản trước nào được giữ để quay lại.',
      });
    await audit(ctx.db, ctx.user.id, 'site_rollback', release);
    return { release };
  }),
});
