/** Who may do what, checked on the server for every procedure. */
import type { Unit } from '@congkhai/indicators';
import type { User } from './store/users.ts';

/** Units whose reports the user may read. */
export function readableUnits(user: User, units: readonly Unit[]): string[] {
  if (user.role === 'admin') return units.map((u) => u.id);
  return units
    .filter(
      (u) =>
        user.units.includes(u.id) ||
        (user.role === 'reviewer' && user.provinces.includes(u.province)),
    )
    .map((u) => u.id);
}

export function canRead(user: User, unit: Unit): boolean {
  return (
    user.role === 'admin' ||
    user.units.includes(unit.id) ||
    (user.role === 'reviewer' && user.provinces.includes(unit.province))
  );
}

/** Editors write the drafts of their own units. */
export function canEdit(user: User, unit: Unit): boolean {
  return user.role === 'editor' && user.units.includes(unit.id);
}

/** Reviewers approve, publish, return and withdraw for their units or province. */
export function canReview(user: User, unit: Unit): boolean {
  return (
    user.role === 'reviewer' &&
    (user.units.includes(unit.id) || user.provinces.includes(unit.province))
  );
}
