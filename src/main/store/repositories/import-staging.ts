import type { Db } from '../sql'
import { beginStaging, type IssueSink } from './import-staging-support'

/** What the staging repository needs of an items record (src/main/import/formats ItemRecord). */
export interface StagedItem {
  row: number
  sku: string
  gtin: string | null
  description: string
  tracking: string
  serialRule: object | null
  shelfLifeDays: number | null
  defaultBin: string | null
  putawayZone: string | null
}

/**
 * An items import staged in a TEMP table of the importing connection, written to disk (temp_store
 * FILE) while it lives: validated rows stream in, the checks are SQL over the table (duplicates in the
 * file, references and GTIN owners in the store), and the apply is one INSERT … SELECT. Memory stays
 * bounded whatever the number of rows. `drop()` always runs (the connection's temp_store is restored).
 */
export function createItemStaging(db: Db) {
  const staging = beginStaging(db, ['import_items_stage'])
  db.exec(`CREATE TEMP TABLE import_items_stage (
    row INTEGER PRIMARY KEY, sku TEXT NOT NULL, gtin TEXT, description TEXT NOT NULL, tracking TEXT NOT NULL, serial_rule TEXT,
    shelf_life_days INTEGER, default_bin TEXT, putaway_zone TEXT, default_bin_id INTEGER, putaway_zone_id INTEGER)`)
  const insert = db.prepare('INSERT INTO temp.import_items_stage (row, sku, gtin, description, tracking, serial_rule, shelf_life_days, default_bin, putaway_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const writer = staging.writer<StagedItem>((r) =>
    insert.run(r.row, r.sku, r.gtin, r.description, r.tracking, r.serialRule ? JSON.stringify(r.serialRule) : null, r.shelfLifeDays, r.defaultBin, r.putawayZone)
  )
  return {
    add: writer.add,
    count: writer.count,
    /** Every problem of the staged rows, in one pass (file duplicates, references, GTIN owners), to `errors`; the summary of the apply. */
    check(errors: IssueSink): Record<string, number> {
      writer.flush()
      const count = writer.count()
      db.exec('CREATE INDEX temp.import_items_stage_sku ON import_items_stage (sku); CREATE INDEX temp.import_items_stage_gtin ON import_items_stage (gtin)')
      for (const [column, what] of [['sku', 'This SKU'], ['gtin', 'This GTIN']] as const) {
        const dups = db.prepare(`SELECT s.row, s.${column} AS value, (SELECT min(f.row) FROM temp.import_items_stage f WHERE f.${column} = s.${column}) AS first FROM temp.import_items_stage s WHERE s.${column} IS NOT NULL AND s.row > (SELECT min(f.row) FROM temp.import_items_stage f WHERE f.${column} = s.${column})`)
        for (const d of dups.iterate() as Iterable<{ row: number; value: string; first: number }>) errors.push({ row: d.row, column, rule: 'unique', message: `${what} already appears in row ${d.first}.`, value: d.value })
      }
      // References: resolve each distinct location code once (codes match without case, as everywhere).
      const resolveColumn = (column: 'default_bin' | 'putaway_zone', idColumn: string, binOnly: boolean) => {
        db.exec(`UPDATE temp.import_items_stage SET ${idColumn} = (SELECT l.id FROM main.locations l WHERE l.code = import_items_stage.${column} COLLATE NOCASE${binOnly ? " AND l.kind IN ('bin', 'shelf')" : ''}) WHERE ${column} IS NOT NULL`)
        const bad = db.prepare(`SELECT s.row, s.${column} AS value, (SELECT l.kind FROM main.locations l WHERE l.code = s.${column} COLLATE NOCASE) AS kind FROM temp.import_items_stage s WHERE s.${column} IS NOT NULL AND s.${idColumn} IS NULL`)
        for (const b of bad.iterate() as Iterable<{ row: number; value: string; kind: string | null }>) {
          errors.push(
            b.kind === null
              ? { row: b.row, column, rule: 'reference', message: `Location ${b.value} does not exist: import the locations first.`, value: b.value }
              : { row: b.row, column, rule: 'reference', message: `${b.value} is a ${b.kind}, not a bin or shelf.`, value: b.value }
          )
        }
      }
      resolveColumn('default_bin', 'default_bin_id', true)
      resolveColumn('putaway_zone', 'putaway_zone_id', false)
      const owners = db.prepare('SELECT s.row, s.gtin, i.sku FROM temp.import_items_stage s JOIN main.items i ON i.gtin = s.gtin WHERE i.sku <> s.sku')
      for (const o of owners.iterate() as Iterable<{ row: number; gtin: string; sku: string }>) errors.push({ row: o.row, column: 'gtin', rule: 'unique', message: `GTIN ${o.gtin} already belongs to item ${o.sku}.`, value: o.gtin })
      const updated = (db.prepare('SELECT count(*) FROM temp.import_items_stage s WHERE EXISTS (SELECT 1 FROM main.items i WHERE i.sku = s.sku)').pluck().get() as number) ?? 0
      return { itemsCreated: count - updated, itemsUpdated: updated }
    },
    /** Writes the staged rows (call inside the caller's one transaction). */
    apply(now: string): void {
      // A GTIN moving between two SKUs of the same file: clear first so the UNIQUE index never trips mid-way.
      db.prepare('UPDATE main.items SET gtin = NULL WHERE sku IN (SELECT sku FROM temp.import_items_stage)').run()
      db.prepare(
        `INSERT INTO main.items (sku, gtin, description, tracking, serial_rule, shelf_life_days, default_bin_id, putaway_zone_id, created_at)
         SELECT sku, gtin, description, tracking, serial_rule, shelf_life_days, default_bin_id, putaway_zone_id, ? FROM temp.import_items_stage WHERE true ORDER BY row
         ON CONFLICT (sku) DO UPDATE SET gtin = excluded.gtin, description = excluded.description, tracking = excluded.tracking, serial_rule = excluded.serial_rule,
           shelf_life_days = excluded.shelf_life_days, default_bin_id = excluded.default_bin_id, putaway_zone_id = excluded.putaway_zone_id`
      ).run(now)
    },
    drop: staging.drop
  }
}

export type ItemStaging = ReturnType<typeof createItemStaging>
