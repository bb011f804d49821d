/** Units and their lineage, read once and kept until a unit changes. */
import type { Unit, UnitKind } from '@congkhai/indicators';
import { text, type Db } from './values.ts';

function rowToUnit(
  r: Record<string, unknown>,
  lineage: Map<string, { unit: string; whole: boolean }[]>,
): Unit {
  const id = text(r.id);
  return {
    id,
    ...(r.code ? { code: text(r.code) } : {}),
    kind: text(r.kind) as UnitKind,
    name: text(r.name),
    ...(r.district ? { district: text(r.district) } : {}),
    province: text(r.province),
    ...(r.valid_from ? { validFrom: text(r.valid_from) } : {}),
    ...(r.valid_to ? { validTo: text(r.valid_to) } : {}),
    formedFrom: lineage.get(id) ?? [],
  };
}

/**
 * Units change rarely (an admin edits them) and every procedure checks
 * access against them: they are read once and kept until a unit changes.
 */
let unitCache = new WeakMap<Db, Promise<Unit[]>>();

export function listUnits(db: Db): Promise<Unit[]> {
  let units = unitCache.get(db);
  if (!units) {
    units = selectUnits(db).catch((e: unknown) => {
      unitCache.delete(db);
      throw e;
    });
    unitCache.set(db, units);
  }
  return units;
}

async function selectUnits(db: Db): Promise<Unit[]> {
  const lineage = new Map<string, { unit: string; whole: boolean }[]>();
  for (const l of (await db.execute('SELECT unit_id, predecessor_id, whole FROM unit_lineage'))
    .rows) {
    const list = lineage.get(text(l.unit_id)) ?? [];
    list.push({ unit: text(l.predecessor_id), whole: Number(l.whole) === 1 });
    lineage.set(text(l.unit_id), list);
  }
  const rows = (await db.execute('SELECT * FROM units')).rows;
  const collator = new Intl.Collator('vi');
  return rows
    .map((r) => rowToUnit(r as unknown as Record<string, unknown>, lineage))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export async function upsertUnit(db: Db, u: Unit): Promise<void> {
  unitCache = new WeakMap();
  await db.execute({
    sql: `INSERT INTO units (id, code, kind, name, district, province, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET code = excluded.code, kind = excluded.kind, name = excluded.name,
            district = excluded.district, province = excluded.province, valid_from = excluded.valid_from, valid_to = excluded.valid_to`,
    args: [
      u.id,
      u.code ?? null,
      u.kind,
      u.name,
      u.district ?? null,
      u.province,
      u.validFrom ?? null,
      u.validTo ?? null,
    ],
  });
  await db.execute({ sql: 'DELETE FROM unit_lineage WHERE unit_id = ?', args: [u.id] });
  for (const p of u.formedFrom) {
    await db.execute({
      sql: 'INSERT INTO unit_lineage (unit_id, predecessor_id, whole) VALUES (?, ?, ?)',
      args: [u.id, p.unit, p.whole ? 1 : 0],
    });
  }
}
