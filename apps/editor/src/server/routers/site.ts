/** The public site's builds, for editors to follow a publish until it is live. */
import { text } from '../store.ts';
import { authed, router } from '../trpc.ts';

export const siteRouter = router({
  builds: authed.query(async ({ ctx }) => {
    const rows = (
      await ctx.db.execute(
        'SELECT id, reason, started_at, finished_at, status, pages, log FROM builds ORDER BY id DESC LIMIT 5',
      )
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
        log: r.status === 'failed' ? text(r.log).slice(-4000) : null,
      })),
      progress: ctx.buildProgress?.() ?? null,
    };
  }),
});
