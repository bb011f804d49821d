/** The tRPC client (no maintained Svelte binding exists; the vanilla client is enough). */
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../server/app.ts';

export const api = createTRPCClient<AppRouter>({ links: [httpLink({ url: '/trpc' })] });

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
