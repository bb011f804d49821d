/** Logging in and out, and a user's own password (accounts.ts holds the rules). */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  checkPassword,
  EXPIRED_MESSAGE,
  nowOf,
  oneTimePasswordExpired,
  setOwnPassword,
  unlessBusy,
} from '../accounts.ts';
import { deviceCookie, deviceToken } from '../device-cookie.ts';
import { accountKey } from '../login-throttle.ts';
import { passwordProblem } from '../password-policy.ts';
import {
  clearCookie,
  createSession,
  endSession,
  endUserSessions,
  sessionCookie,
} from '../sessions.ts';
import { audit } from '../store/audit.ts';
import { getUser, type User } from '../store/users.ts';
import { publicProcedure, router, signedIn, type Context } from '../trpc.ts';

/** The signed-in user as the app sees them: who, what they may do, and whether a one-time password waits to be changed. */
export type Me = User & { readonly mustChangePassword: boolean };

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng.';

/**
 * A new session for the user on this client (a token known before is worth
 * nothing after), and a new device cookie: this browser is now one the user
 * logs in from.
 */
async function openSession(
  ctx: Context,
  user: { readonly id: number; readonly username: string },
  passwordStamp: string,
): Promise<void> {
  if (ctx.token) await endSession(ctx.db, ctx.token);
  const token = await createSession(ctx.db, user.id);
  ctx.res.setHeader('Set-Cookie', [
    sessionCookie(token, ctx.env.secureCookies),
    deviceCookie(deviceToken(accountKey(user.username), passwordStamp), ctx.env.secureCookies),
  ]);
}

async function me(ctx: Context, userId: number, mustChangePassword: boolean): Promise<Me> {
  const user = await getUser(ctx.db, userId);
  if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: WRONG });
  return { ...user, mustChangePassword };
}

export const authRouter = router({
  me: publicProcedure.query(({ ctx }): Me | null =>
    ctx.user ? { ...ctx.user, mustChangePassword: ctx.mustChangePassword } : null,
  ),

  login: publicProcedure
    .input(
      z.object({
        username: z.string().trim().min(1).max(100),
        password: z.string().min(1).max(1000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const account = await checkPassword(ctx, input.username, input.password);
      if (!account) {
        await audit(ctx.db, undefined, 'login_failed', input.username);
        throw new TRPCError({ code: 'UNAUTHORIZED', message: WRONG });
      }
      if (oneTimePasswordExpired(account, nowOf(ctx))) {
        await audit(ctx.db, account.id, 'login_expired', account.username);
        throw new TRPCError({ code: 'UNAUTHORIZED', message: EXPIRED_MESSAGE });
      }
      await openSession(ctx, account, account.passwordStamp);
      await audit(ctx.db, account.id, 'login', account.username);
      return me(ctx, account.id, account.mustChangePassword);
    }),

  logout: signedIn.mutation(async ({ ctx }) => {
    if (ctx.token) await endSession(ctx.db, ctx.token);
    ctx.res.setHeader('Set-Cookie', clearCookie(ctx.env.secureCookies));
    await audit(ctx.db, ctx.user.id, 'logout', ctx.user.username);
    return true;
  }),

  /** Ends every session of the user, this one too: a lost phone, a shared computer. */
  logoutEverywhere: signedIn.mutation(async ({ ctx }) => {
    const ended = await endUserSessions(ctx.db, ctx.user.id);
    ctx.res.setHeader('Set-Cookie', clearCookie(ctx.env.secureCookies));
    await audit(ctx.db, ctx.user.id, 'logout_everywhere', ctx.user.username, { sessions: ended });
    return { sessions: ended };
  }),

  /**
   * The user's own password, with the current one (a one-time password
   * too). The new one follows the policy; every other session ends and this
   * one is renewed.
   */
  changePassword: signedIn
    .input(
      z.object({
        currentPassword: z.string().min(1).max(1000),
        newPassword: z.string().max(1000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const problem = passwordProblem(input.newPassword, ctx.user.username);
      if (problem)
        throw new TRPCError({ code: 'BAD_REQUEST', message: `Mật khẩu mới: ${problem}` });
      if (input.newPassword.normalize('NFC') === input.currentPassword.normalize('NFC'))
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'Mật khẩu mới: phải khác mật khẩu hiện tại.',
        });
      const account = await checkPassword(ctx, ctx.user.username, input.currentPassword);
      if (!account) {
        await audit(ctx.db, ctx.user.id, 'password_change_failed', ctx.user.username);
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'Mật khẩu hiện tại: không đúng.',
        });
      }
      if (oneTimePasswordExpired(account, nowOf(ctx)))
        throw new TRPCError({ code: 'UNAUTHORIZED', message: EXPIRED_MESSAGE });
      const { ended, passwordStamp } = await unlessBusy(
        ctx,
        setOwnPassword(ctx, ctx.user.id, input.newPassword),
      );
      await openSession(ctx, ctx.user, passwordStamp);
      await audit(ctx.db, ctx.user.id, 'password_change', ctx.user.username, {
        otherSessionsEnded: Math.max(0, ended - 1),
      });
      return {
        me: await me(ctx, ctx.user.id, false),
        otherSessionsEnded: Math.max(0, ended - 1),
      };
    }),
});
