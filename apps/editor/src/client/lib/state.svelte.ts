/** The signed-in user and the language, shared by the views. */
import type { Locale } from '@congkhai/indicators';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: 'admin' | 'editor' | 'reviewer';
  units: readonly string[];
  provinces: readonly string[];
  /** Signed in with a one-time password: nothing opens until it is changed. */
  mustChangePassword: boolean;
}

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
