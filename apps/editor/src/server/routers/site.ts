/** The public site's builds: for editors to follow a publish until it is live, and their history. */
import { z } from 'zod';
import { text } from '../store.ts';
import { authed, router } from '../trpc.ts';

export const siteRouter = router({
  builds: authed
    .input(z.object({ limit: z.number().int().min(1).max(100).default(5) }).optional())
    .query(async ({ ctx, input }) => {
      const rows = (
        await ctx.db.execute({
          sql: 'SELECT id, reason, started_at, finished_at, status, pages, log FROM builds ORDER BY id DESC LIMIT ?',
          args: [input?.limit ?? 5],
        })
      ).rows;
      return {
        // The site is served on the port after the editor's, on the same host the editor was reached at.
        siteUrl: `http://${(ctx.req.headers.host ?? `127.0.0.1:${String(ctx.env.port)}`).replace(/:\d+$/, '')}:${String(ctx.env.port + 1)}`,
        builds: rows.map((r) => ({
          id: Number(r.id),
          reason: text(r.reason),
          startedAt: text(r.started_at),
          finishedAt: r.finished_at === null ? null : text(r.finished_at),
          status: text(r.status),
          pages: r.pages === null ? null : Number(r.pages),
          // What went wrong, or for a build that went live what it rendered and how long each step took.
          log: r.log === null ? null : text(r.log).slice(-4000),
        })),
        progress: ctx.buildProgress?.() ?? null,
      };
    }),
});
