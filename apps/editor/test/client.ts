/** A tRPC client over real HTTP with its own cookie jar, sending the editor's Origin like a browser does. */
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../src/server/app.ts';

export function cookieClient(
  url: string,
  origin: string | null = url,
  onResponse?: (res: Response) => void,
) {
  let cookie = '';
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${url}/trpc`,
        fetch: async (input, init) => {
          const headers = new Headers(init?.headers);
          if (cookie) headers.set('cookie', cookie);
          if (origin) headers.set('origin', origin);
          const res = await fetch(input, { ...init, headers });
          const set = res.headers.get('set-cookie');
          if (set) cookie = set.split(';')[0] ?? '';
          onResponse?.(res);
          return res;
        },
      }),
    ],
  });
}
