/** The public site's builds: for editors to follow a publish until it is live, and their history. */
import { z } from 'zod';
import { readableUnits } from '../access.ts';
import { describeRequest, type BuildRequest } from '../rebuild.ts';
import { listUnits, text } from '../store.ts';
import { authed, router } from '../trpc.ts';

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

export const siteRouter = router({
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
        siteUrl: `http://${(ctx.req.headers.host ?? `127.0.0.1:${String(ctx.env.port)}`).replace(/:\d+$/, '')}:${String(ctx.env.port + 1)}`,
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
            status: text(r.status),
            pages: r.pages === null ? null : Number(r.pages),
            // What went wrong, or for a build that went live what it rendered and how long each step took.
            log: r.log === null || others > 0 ? null : text(r.log).slice(-4000),
          };
        }),
        progress: ctx.buildProgress?.() ?? null,
      };
    }),
});
