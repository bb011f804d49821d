/**
 * Commune-level units. On 1 July 2025 districts were abolished and about
 * 10,000 communes became 3,321, so a unit has a validity range and may have
 * been formed from older units, whole or in part.
 */
import type { Text } from './catalog.ts';

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
