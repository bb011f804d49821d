/** The signed-in user and the language, shared by the views. */
import type { Locale } from '@congkhai/indicators';
import type { RouterOutputs } from './api.ts';

/** The signed-in user as the server's auth.me answers it (mustChangePassword: nothing opens until a one-time password is changed). */
export type Me = NonNullable<RouterOutputs['auth']['me']>;

export const session = $state<{
  me: Me | null;
  loaded: boolean;
  locale: Locale;
  /** A word for the login screen after the session ended on purpose (log out everywhere). */
  notice: string;
}>({
  me: null,
  loaded: false,
  notice: '',
  locale: (localStorage.getItem('ck-locale') as Locale | null) ?? 'vi',
});

export function setLocale(l: Locale) {
  session.locale = l;
  localStorage.setItem('ck-locale', l);
  document.documentElement.lang = l;
}
