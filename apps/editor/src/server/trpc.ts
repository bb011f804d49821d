/** tRPC setup: the request context, and procedures that require a user and guard mutations against CSRF. */
import type { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Client } from '@libsql/client';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { AccountOptions } from './accounts.ts';
import type { EditorEnv } from './env.ts';
import type { BuildRequest, Publisher } from '@congkhai/publisher';
import { randomUUID } from 'node:crypto';
import { inputErrorMessage } from './input-errors.ts';
import { inputProblem, inputProblemMessage, normalizedInput } from './input-guard.ts';
import { readCookie, sessionUser } from './sessions.ts';
import { getUser, type User } from './store/users.ts';
import { Timing, timed } from './timing.ts';

export interface Services {
  readonly db: Client;
  readonly env: EditorEnv;
  /** Called after a publish or withdraw; the rebuild runner plugs in here. */
  readonly onContentChanged: (request: BuildRequest) => void;
  /** Pages rendered so far of the build in progress, if one runs. */
  readonly buildProgress?: () => { readonly done: number; readonly total: number } | undefined;
  /** Emits 'change' as builds start, progress and finish (the rebuild runner's). */
  readonly buildEvents?: EventEmitter;
  /** The site's releases: which kept one a rollback would put live, and the rollback (the rebuild runner's). */
  readonly releases?: Pick<Publisher, 'previousRelease' | 'rollBack'>;
  /** Login throttling and the clock of the account rules; accounts.ts's defaults when absent. */
  readonly accounts?: AccountOptions;
  /** Tell each response's phases in a Server-Timing header (timing.ts); off unless asked. */
  readonly serverTiming?: boolean;
}

export interface Context extends Services {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly user: User | undefined;
  readonly token: string | undefined;
  /** The user signed in with a one-time password and must change it before anything else. */
  readonly mustChangePassword: boolean;
  /** The request's phases, when the server was asked to time them. */
  readonly timing: Timing | undefined;
}

export async function createContext(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Context> {
  const timing = services.serverTiming ? new Timing() : undefined;
  const token = readCookie(req.headers.cookie);
  const { session, user } = await timed(timing, 'session', async () => {
    const session = await sessionUser(services.db, token);
    const user = session === undefined ? undefined : await getUser(services.db, session.userId);
    return { session, user };
  });
  const mustChangePassword = session?.mustChangePassword ?? false;
  return { ...services, req, res, user, token, mustChangePassword, timing };
}

/** Extra data an error carries to the client: the other version in a conflict, the warnings to confirm. */
export class ErrorData extends Error {
  constructor(
    message: string,
    readonly payload: unknown,
  ) {
    super(message);
  }
}

/**
 * What a caller learns of an error: its code and a message meant for
 * them. A fault of the server (anything not thrown as a TRPCError on
 * purpose) is told as such with a reference, and its detail (message,
 * stack, paths) goes to the server's log only. Never development mode:
 * that would send stack traces to anyone who asks.
 */
const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error, path }) {
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    let message = shape.message;
    if (error.cause instanceof ZodError) message = inputErrorMessage(error.cause);
    else if (internal) {
      const ref = randomUUID().slice(0, 8);
      console.error(`[${ref}] ${path ?? '?'}:`, error.cause ?? error);
      message = `Lỗi máy chủ (mã ${ref}); nội dung đang sửa vẫn được giữ, hãy thử lại sau.`;
    }
    return {
      message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        ...(shape.data.path ? { path: shape.data.path } : {}),
        payload: error.cause instanceof ErrorData ? error.cause.payload : undefined,
      },
    };
  },
});

/**
 * Texts that cannot be stored as they are (see input-guard.ts) are refused
 * before any schema or store sees them; the rest reach them in NFC.
 */
const wellFormedInput = t.middleware(async ({ ctx, getRawInput, next }) => {
  const raw = await getRawInput();
  const problem = timed(ctx.timing, 'guard', () => inputProblem(raw));
  if (problem) throw new TRPCError({ code: 'BAD_REQUEST', message: inputProblemMessage(problem) });
  const input = timed(ctx.timing, 'guard', () => normalizedInput(raw));
  // What runs from here to a procedure that calls `lap('validate')` is its schema's parsing.
  ctx.timing?.mark();
  return next({ getRawInput: () => Promise.resolve(input) });
});

export const router = t.router;
/** Routers of one namespace written in parts; merging refuses a procedure name given twice. */
export const mergeRouters = t.mergeRouters;

/**
 * Mutations must come from this site: the browser's Origin (or
 * Sec-Fetch-Site) says so. A form on another site cannot post here.
 */
const sameOrigin = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation') {
    const origin = ctx.req.headers.origin;
    const site = ctx.req.headers['sec-fetch-site'];
    const host = ctx.req.headers.host;
    const ok = site === 'same-origin' || (host !== undefined && originHost(origin) === host);
    if (!ok)
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'Yêu cầu không đến từ trang biên tập (CSRF).',
      });
  }
  return next();
});

/** The host of an Origin header; undefined for a missing, opaque (`null`) or malformed one. */
function originHost(origin: string | undefined): string | undefined {
  if (!origin || !URL.canParse(origin)) return undefined;
  return new URL(origin).host || undefined;
}

export const publicProcedure = t.procedure.use(sameOrigin).use(wellFormedInput);

/** A signed-in user, even one who must still change a one-time password: for auth's own procedures only. */
export const signedIn = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user)
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'Phiên làm việc đã hết hạn. Hãy đăng nhập lại; nội dung đang sửa vẫn được giữ.',
    });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** A signed-in user with a password of their own: a one-time password opens nothing but its change. */
export const authed = signedIn.use(({ ctx, next }) => {
  if (ctx.mustChangePassword)
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Hãy đổi mật khẩu một lần trước khi làm việc khác.',
    });
  return next();
});

export const adminOnly = authed.use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin')
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Chỉ quản trị viên được làm việc này.' });
  return next();
});
