/** The tRPC client (no maintained Svelte binding exists; the vanilla client is enough). */
import {
  createTRPCClient,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '~/server/app.ts';

/** What each procedure answers, as the server declares it: the client copies no server type by hand. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Subscriptions (a publish's build, followed live) over server-sent events; everything else over plain HTTP. */
export const api = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url: '/trpc' }),
      false: httpLink({ url: '/trpc' }),
    }),
  ],
});

export interface ApiFailure {
  code: string;
  message: string;
  payload: unknown;
}

export function failureOf(e: unknown): ApiFailure {
  if (e instanceof TRPCClientError) {
    const data = e.data as { code?: string; payload?: unknown } | undefined;
    return { code: data?.code ?? 'ERROR', message: e.message, payload: data?.payload };
  }
  return {
    code: 'NETWORK',
    message: 'Không kết nối được máy chủ. Nội dung vẫn được giữ trên máy này; hãy thử lại.',
    payload: undefined,
  };
}
