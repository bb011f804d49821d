import type { Locale } from '@congkhai/indicators';
import type { Role } from '~/server/store/users.ts';
import { nameIn, type Name } from './names.ts';

export type { Role };

/** Names of the editor's roles, in Vietnamese and English (the header, the users table, the new-user form), in the order the form offers them; one for each of the server's roles. */
export const ROLES = {
  editor: ['Biên tập', 'Editor'],
  reviewer: ['Duyệt', 'Reviewer'],
  admin: ['Quản trị', 'Admin'],
} as const satisfies Record<Role, Name>;

export const roleText = (role: string, locale: Locale): string => nameIn(ROLES, role, locale);
