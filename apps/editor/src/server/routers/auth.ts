import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { verifyPassword } from '../password.ts';
import {
  clearCookie,
  clearFailures,
  createSession,
  endSession,
  lockedUntil,
  recordFailure,
  sessionCookie,
} from '../sessions.ts';
import { audit, findUserByName, getUser } from '../store.ts';
import { authed, publicProcedure, router } from '../trpc.ts';

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => ctx.user ?? null),

  login: publicProcedure
    .input(
      z.object({
        username: z.string().trim().min(1).max(100),
        password: z.string().min(1).max(1000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const key = `${input.username.toLowerCase()}|${ctx.req.socket.remoteAddress ?? ''}`;
      const locked = await lockedUntil(ctx.db, key);
      if (locked) {
        const minutes = Math.ceil((locked - Date.now()) / 60_000);
        throw new TRPCError({
          code: 'TOO_MANY_REQUESTS',
          message: `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${String(minutes)} phút.`,
        });
      }
      const found = await findUserByName(ctx.db, input.username);
      // The hash is computed either way, so a wrong name takes as long as a wrong password.
      const ok = await verifyPassword(
        input.password,
        found?.passwordHash ??
          'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      );
      if (!found || !ok) {
        await recordFailure(ctx.db, key);
        await audit(ctx.db, undefined, 'login_failed', input.username);
        throw new TRPCError({
          code: 'UNAUTHORIZED',
          message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
        });
      }
      await clearFailures(ctx.db, key);
      // A new session at every login: a token known before login is worth nothing after it.
      if (ctx.token) await endSession(ctx.db, ctx.token);
      const token = await createSession(ctx.db, found.id);
      ctx.res.setHeader('Set-Cookie', sessionCookie(token, ctx.env.secureCookies));
      await audit(ctx.db, found.id, 'login', input.username);
      return getUser(ctx.db, found.id);
    }),

  logout: authed.mutation(async ({ ctx }) => {
    if (ctx.token) await endSession(ctx.db, ctx.token);
    ctx.res.setHeader('Set-Cookie', clearCookie(ctx.env.secureCookies));
    await audit(ctx.db, ctx.user.id, 'logout', ctx.user.username);
    return true;
  }),
});
