/**
 * Commune-level units. On 1 July 2025 districts were abolished and about
 * 10,000 communes became 3,321, so a unit has a validity range and may have
 * been formed from older units, whole or in part.
 */
import type { Text } from './catalog.ts';
import { foldVietnamese } from './format.ts';

export const UNIT_KINDS = [
  { id: 'xa', label: { vi: 'Xã', en: 'Commune' } },
  { id: 'phuong', label: { vi: 'Phường', en: 'Ward' } },
  { id: 'thi_tran', label: { vi: 'Thị trấn', en: 'Township' } },
  { id: 'dac_khu', label: { vi: 'Đặc khu', en: 'Special zone' } },
] as const satisfies readonly { id: string; label: Text }[];

export type UnitKind = (typeof UNIT_KINDS)[number]['id'];

export interface Predecessor {
  readonly unit: string;
  /** Whether all of the old unit went into this one (its counts may then be added up). */
  readonly whole: boolean;
}

export interface Unit {
  readonly id: string;
  /** Official code (5 digits since Decision 19/2025/QĐ-TTg), when known. */
  readonly code?: string;
  readonly kind: UnitKind;
  readonly name: string;
  /** Absent for units created after districts were abolished. */
  readonly district?: string;
  readonly province: string;
  readonly validFrom?: string;
  readonly validTo?: string;
  readonly formedFrom: readonly Predecessor[];
}

export function unitKindLabel(kind: UnitKind): Text {
  return UNIT_KINDS.find((k) => k.id === kind)?.label ?? { vi: kind, en: kind };
}

/** "Xã Kim Tân" */
export function unitTitle(unit: Unit, locale: 'vi' | 'en' = 'vi'): string {
  const kind = unitKindLabel(unit.kind)[locale];
  return locale === 'vi' ? `${kind} ${unit.name}` : `${unit.name} ${kind.toLowerCase()}`;
}

/** A unit as a text names it: its name, and its district and province when the text gives them. */
export interface NamedUnit {
  /** null for a unit above commune level (a district, a provincial centre). */
  readonly kind: UnitKind | null;
  readonly name: string;
  readonly district: string | null;
  readonly province: string | null;
}

/**
 * The units of a list that a text's named units can be: same name, and the
 * same district and province where the text gives them, compared with
 * diacritics and Đ folded. Several or none means a person decides: a
 * caller never picks one itself.
 */
export function matchUnits(named: readonly NamedUnit[], units: readonly Unit[]): Unit[] {
  const same = (a: string | null | undefined, b: string | null | undefined) =>
    !a || !b || foldVietnamese(a) === foldVietnamese(b);
  const found = new Map<string, Unit>();
  for (const n of named) {
    if (n.kind === null) continue;
    for (const u of units)
      if (
        foldVietnamese(u.name) === foldVietnamese(n.name) &&
        same(u.district, n.district) &&
        same(u.province, n.province)
      )
        found.set(u.id, u);
  }
  return [...found.values()];
}
