/** Names of the editor's roles, in Vietnamese and English (the header, the users table, the new-user form). */
export const ROLES = {
  editor: ['Biên tập', 'Editor'],
  reviewer: ['Duyệt', 'Reviewer'],
  admin: ['Quản trị', 'Admin'],
} as const satisfies Record<string, readonly [string, string]>;

export type Role = keyof typeof ROLES;

export function roleText(role: string, vi: boolean): string {
  const names = (ROLES as Record<string, readonly [string, string]>)[role];
  return names ? names[vi ? 0 : 1] : role;
}
