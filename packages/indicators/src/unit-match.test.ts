import { describe, expect, it } from 'vitest';
import { matchUnits, type Unit } from './unit.ts';

const unit = (id: string, name: string, district: string | undefined, province: string): Unit => ({
  id,
  kind: 'xa',
  name,
  ...(district ? { district } : {}),
  province,
  formedFrom: [],
});
const units = [
  unit('kim-tan-kim-thanh', 'Kim Tân', 'Kim Thành', 'Hải Dương'),
  unit('kim-tan-thach-thanh', 'Kim Tân', 'Thạch Thành', 'Thanh Hóa'),
  unit('dong-hai', 'Đông Hải', 'Tiền Hải', 'Thái Bình'),
];

describe('matchUnits', () => {
  it('tells two communes of one name apart by the district the text gives', () => {
    const m = matchUnits(
      [{ kind: 'xa', name: 'Kim Tân', district: 'Kim Thành', province: null }],
      units,
    );
    expect(m.map((u) => u.id)).toEqual(['kim-tan-kim-thanh']);
  });

  it('gives both when the text names no district: a person decides', () => {
    const m = matchUnits([{ kind: 'xa', name: 'Kim Tân', district: null, province: null }], units);
    expect(m).toHaveLength(2);
  });

  it('folds Đ and diacritics, and never matches a unit above commune level', () => {
    expect(
      matchUnits([{ kind: 'xa', name: 'DONG HAI', district: null, province: null }], units),
    ).toHaveLength(1);
    expect(
      matchUnits([{ kind: null, name: 'Đông Hải', district: null, province: null }], units),
    ).toEqual([]);
    expect(
      matchUnits([{ kind: 'xa', name: 'Đông Hà', district: null, province: null }], units),
    ).toEqual([]);
  });
});
