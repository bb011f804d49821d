import { nameIn, type Names } from './names.ts';

/** Names of the editor's roles, in Vietnamese and English (the header, the users table, the new-user form). */
export const ROLES = {
  editor: ['Biên tập', 'Editor'],
  reviewer: ['Duyệt', 'Reviewer'],
  admin: ['Quản trị', 'Admin'],
} as const satisfies Names;

export type Role = keyof typeof ROLES;

export const roleText = (role: string, vi: boolean): string => nameIn(ROLES, role, vi);
