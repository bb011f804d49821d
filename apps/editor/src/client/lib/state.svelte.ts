/** The signed-in user and the language, shared by the views. */
import type { Locale } from '@congkhai/indicators';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: 'admin' | 'editor' | 'reviewer';
  units: readonly string[];
  provinces: readonly string[];
}

export const session = $state<{ me: Me | null; loaded: boolean; locale: Locale }>({
  me: null,
  loaded: false,
  locale: (localStorage.getItem('ck-locale') as Locale | null) ?? 'vi',
});

export function setLocale(l: Locale) {
  session.locale = l;
  localStorage.setItem('ck-locale', l);
  document.documentElement.lang = l;
}
