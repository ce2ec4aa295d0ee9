import type { Db } from '../sql'
import { beginStaging, type IssueSink } from './import-staging-support'

/** What the staging needs of a `suppliers` record (src/main/import/records.ts). */
export interface StagedSupplier {
  row: number
  code: string
  name: string
  gln: string | null
}

/** What the staging needs of a `locations` record. */
export interface StagedLocation {
  row: number
  code: string
  name: string
  kind: string
  parent: string | null
  gln: string | null
  active: boolean
  /** null or absent: an existing location keeps its hold flag; a new one is not a hold location. */
  hold?: boolean | null
}

/** A parent chain longer than this is refused as a loop (a site → zone → aisle → shelf → bin tree is 5 deep). */
export const MAX_LOCATION_DEPTH = 64

/** A `suppliers` import staged in a TEMP table: duplicates and the summary are SQL, the apply one INSERT … SELECT. */
export function createSupplierStaging(db: Db) {
  const staging = beginStaging(db, ['import_supplier_stage'])
  db.exec('CREATE TEMP TABLE import_supplier_stage (row INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, gln TEXT)')
  const insert = db.prepare('INSERT INTO temp.import_supplier_stage (row, code, name, gln) VALUES (?, ?, ?, ?)')
  const writer = staging.writer<StagedSupplier>((r) => insert.run(r.row, r.code, r.name, r.gln))
  return {
    add: writer.add,
    count: writer.count,
    check(issues: IssueSink): Record<string, number> | null {
      writer.flush()
      const before = issues.length
      db.exec('CREATE INDEX temp.import_supplier_stage_code ON import_supplier_stage (code, row)')
      const dups = db.prepare('SELECT s.row, s.code, (SELECT min(x.row) FROM temp.import_supplier_stage x WHERE x.code = s.code) AS first FROM temp.import_supplier_stage s WHERE first < s.row')
      for (const d of dups.iterate() as Iterable<{ row: number; code: string; first: number }>) issues.push({ row: d.row, column: 'code', rule: 'unique', message: `This supplier code already appears in row ${d.first}.`, value: d.code })
      if (issues.length > before) return null
      const updated = db.prepare('SELECT count(*) FROM temp.import_supplier_stage s WHERE EXISTS (SELECT 1 FROM main.suppliers x WHERE x.code = s.code)').pluck().get() as number
      const summary: Record<string, number> = {}
      if (writer.count() - updated > 0) summary.suppliersCreated = writer.count() - updated
      if (updated > 0) summary.suppliersUpdated = updated
      return summary
    },
    apply(): void {
      db.prepare(
        'INSERT INTO main.suppliers (code, name, gln) SELECT code, name, gln FROM temp.import_supplier_stage WHERE true ORDER BY row ON CONFLICT (code) DO UPDATE SET name = excluded.name, gln = excluded.gln'
      ).run()
    },
    drop: staging.drop
  }
}

/**
 * A `locations` import staged in a TEMP table: duplicates, parent references and parent loops are SQL;
 * the apply writes every location without its parent, then sets each parent (so order never matters).
 * Codes match without case, as everywhere.
 */
export function createLocationStaging(db: Db) {
  const staging = beginStaging(db, ['import_location_stage'])
  db.exec('CREATE TEMP TABLE import_location_stage (row INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, parent TEXT, gln TEXT, active INTEGER NOT NULL, hold INTEGER)')
  const insert = db.prepare('INSERT INTO temp.import_location_stage (row, code, name, kind, parent, gln, active, hold) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  const flag = (b: boolean | null | undefined) => (b === undefined || b === null ? null : b ? 1 : 0)
  const writer = staging.writer<StagedLocation>((r) => insert.run(r.row, r.code, r.name, r.kind, r.parent, r.gln, r.active ? 1 : 0, flag(r.hold)))
  const STAGE = 'temp.import_location_stage'
  return {
    add: writer.add,
    count: writer.count,
    check(issues: IssueSink): Record<string, number> | null {
      writer.flush()
      const before = issues.length
      db.exec(`CREATE INDEX temp.import_location_stage_code ON import_location_stage (code COLLATE NOCASE, row); CREATE INDEX temp.import_location_stage_exact ON import_location_stage (code)`)
      const dups = db.prepare(`SELECT s.row, upper(s.code) AS code, (SELECT min(x.row) FROM ${STAGE} x WHERE x.code = s.code COLLATE NOCASE) AS first FROM ${STAGE} s WHERE first < s.row`)
      for (const d of dups.iterate() as Iterable<{ row: number; code: string; first: number }>) issues.push({ row: d.row, column: 'code', rule: 'unique', message: `This location code already appears in row ${d.first}.`, value: d.code })
      const loops = db.prepare(
        `WITH RECURSIVE walk(row, code, cur, depth) AS (
           SELECT row, code, parent, 0 FROM ${STAGE} WHERE parent IS NOT NULL
           UNION ALL
           SELECT w.row, w.code, s.parent, w.depth + 1 FROM walk w JOIN ${STAGE} s ON s.code = w.cur WHERE w.cur <> w.code AND s.parent IS NOT NULL AND w.depth < ${MAX_LOCATION_DEPTH})
         SELECT s.row, s.code, s.parent FROM ${STAGE} s WHERE EXISTS (SELECT 1 FROM walk w WHERE w.row = s.row AND (w.cur = w.code OR w.depth >= ${MAX_LOCATION_DEPTH}))`
      )
      for (const d of loops.iterate() as Iterable<{ row: number; code: string; parent: string }>) {
        issues.push({ row: d.row, column: 'parent', rule: 'cycle', message: `Location ${d.code} would be inside itself (parent chain loops).`, value: d.parent })
      }
      const orphans = db.prepare(
        `SELECT s.row, s.parent FROM ${STAGE} s WHERE s.parent IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${STAGE} x WHERE x.code = s.parent COLLATE NOCASE)
           AND NOT EXISTS (SELECT 1 FROM main.locations l WHERE l.code = s.parent COLLATE NOCASE)`
      )
      for (const d of orphans.iterate() as Iterable<{ row: number; parent: string }>) {
        issues.push({ row: d.row, column: 'parent', rule: 'reference', message: `Parent location ${d.parent} is neither in the store nor in this file.`, value: d.parent })
      }
      if (issues.length > before) return null
      const updated = db.prepare(`SELECT count(*) FROM ${STAGE} s WHERE EXISTS (SELECT 1 FROM main.locations l WHERE l.code = s.code COLLATE NOCASE)`).pluck().get() as number
      const summary: Record<string, number> = {}
      if (writer.count() - updated > 0) summary.locationsCreated = writer.count() - updated
      if (updated > 0) summary.locationsUpdated = updated
      const held = db.prepare(`SELECT count(*) FROM ${STAGE} WHERE hold = 1`).pluck().get() as number
      if (held > 0) summary.holdLocations = held
      return summary
    },
    apply(): void {
      db.exec(`UPDATE main.locations SET (name, kind, gln, active, hold) = (SELECT s.name, s.kind, s.gln, s.active, coalesce(s.hold, locations.hold) FROM ${STAGE} s WHERE s.code = locations.code COLLATE NOCASE)
          WHERE EXISTS (SELECT 1 FROM ${STAGE} s WHERE s.code = locations.code COLLATE NOCASE);
        INSERT INTO main.locations (code, name, kind, parent_id, gln, active, hold)
          SELECT code, name, kind, NULL, gln, active, coalesce(hold, 0) FROM ${STAGE} s WHERE NOT EXISTS (SELECT 1 FROM main.locations l WHERE l.code = s.code COLLATE NOCASE) ORDER BY row;
        UPDATE main.locations SET parent_id = (SELECT p.id FROM ${STAGE} s JOIN main.locations p ON p.code = s.parent COLLATE NOCASE WHERE s.code = locations.code COLLATE NOCASE)
          WHERE EXISTS (SELECT 1 FROM ${STAGE} s WHERE s.code = locations.code COLLATE NOCASE)`)
    },
    drop: staging.drop
  }
}
