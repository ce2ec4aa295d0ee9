import type { Db } from '../sql'
import { createItemRepository } from './items'
import { createLocationRepository } from './locations'
import { createShipmentRepository } from './shipments'
import { beginStaging, pagesOf, type IssueSink } from './import-staging-support'

/** What the staging needs of a `shipment` record (src/main/import/shipment-format.ts). */
export interface StagedShipmentRow {
  row: number
  shipment: string
  customer: string
  customerName: string | null
  shipTo: string | null
  door: string | null
  line: number | null
  item: string | null
  serial: string | null
  qty: number | null
  sscc: string | null
}

interface StagedShipment {
  number: string
  customer: string
  customerName: string | null
  shipTo: string | null
  doorId: number | null
  lines: Map<number, { itemId: number; qty: number }>
  units: number
  plates: number
}

const STAGE = 'temp.import_shipment_stage'

/**
 * A `shipment` import staged in TEMP tables: the checks between rows are SQL, references are resolved
 * once per distinct value, lines are numbered in one paged pass, and the apply writes expected units
 * and plates with INSERT … SELECT. Memory is bounded by the number of shipments and lines, not rows.
 */
export function createShipmentStaging(db: Db) {
  const staging = beginStaging(db, ['import_shipment_stage', 'import_shipment_items'])
  db.exec(`CREATE TEMP TABLE import_shipment_stage (row INTEGER PRIMARY KEY, shipment TEXT NOT NULL, customer TEXT NOT NULL, customer_name TEXT, ship_to TEXT, door TEXT,
    line INTEGER, item TEXT, serial TEXT, qty INTEGER, sscc TEXT, item_id INTEGER, line_no INTEGER)`)
  const insert = db.prepare(`INSERT INTO ${STAGE} (row, shipment, customer, customer_name, ship_to, door, line, item, serial, qty, sscc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const writer = staging.writer<StagedShipmentRow>((r) => insert.run(r.row, r.shipment, r.customer, r.customerName, r.shipTo, r.door, r.line, r.item, r.serial, r.qty, r.sscc))
  let shipments: StagedShipment[] = []

  function betweenRows(issues: IssueSink) {
    db.exec(`CREATE INDEX temp.import_shipment_stage_shipment ON import_shipment_stage (shipment, row);
      CREATE INDEX temp.import_shipment_stage_sscc ON import_shipment_stage (shipment, sscc, row) WHERE sscc IS NOT NULL;
      CREATE INDEX temp.import_shipment_stage_serial ON import_shipment_stage (shipment, item, serial, row) WHERE sscc IS NULL AND serial IS NOT NULL;
      CREATE INDEX temp.import_shipment_stage_item ON import_shipment_stage (item)`)
    const local = db.prepare(`SELECT row, item, serial, qty, sscc FROM ${STAGE} WHERE (sscc IS NULL AND item IS NULL) OR (sscc IS NOT NULL AND (item IS NOT NULL OR serial IS NOT NULL OR qty IS NOT NULL)) OR (serial IS NOT NULL AND qty <> 1)`)
    for (const r of local.iterate() as Iterable<{ row: number; item: string | null; serial: string | null; qty: number | null; sscc: string | null }>) {
      if (r.sscc === null && r.item === null) issues.push({ row: r.row, column: 'item', rule: 'required', message: 'A row expects an item (with a serial or a qty) or a plate (sscc).' })
      if (r.sscc !== null && (r.item !== null || r.serial !== null || r.qty !== null)) {
        issues.push({ row: r.row, column: 'sscc', rule: 'one_of', message: 'A plate row (sscc) has no item, serial or qty: the plate brings its contents.', value: r.sscc })
      }
      if (r.serial !== null && r.qty !== null && r.qty !== 1) issues.push({ row: r.row, column: 'qty', rule: 'serial_qty', message: 'A row with a serial is one unit: qty must be 1 or empty.', value: String(r.qty) })
    }
    // Header cells are compared with the shipment's first row.
    for (const [field, column] of [['customer', 'customer'], ['customer_name', 'customer_name'], ['ship_to', 'ship_to'], ['door', 'door']] as const) {
      const differs = db.prepare(
        `SELECT s.row, s.${field} AS value, f.row AS first, f.${field} AS was FROM ${STAGE} s JOIN ${STAGE} f ON f.row = (SELECT min(x.row) FROM ${STAGE} x WHERE x.shipment = s.shipment)
         WHERE s.row > f.row AND s.${field} IS NOT NULL AND f.${field} IS NOT NULL AND s.${field} <> f.${field}`
      )
      for (const d of differs.iterate() as Iterable<{ row: number; value: string; first: number; was: string }>) {
        issues.push({ row: d.row, column, rule: 'consistent', message: `${column} differs from row ${d.first} of the same shipment (${d.was}).`, value: d.value })
      }
    }
    const plates = db.prepare(`SELECT s.row, s.sscc, (SELECT min(x.row) FROM ${STAGE} x WHERE x.shipment = s.shipment AND x.sscc = s.sscc) AS first FROM ${STAGE} s WHERE s.sscc IS NOT NULL AND first < s.row`)
    for (const d of plates.iterate() as Iterable<{ row: number; sscc: string; first: number }>) issues.push({ row: d.row, column: 'sscc', rule: 'unique', message: `This plate is already expected on this shipment in row ${d.first}.`, value: d.sscc })
    const serials = db.prepare(
      `SELECT s.row, s.serial, (SELECT min(x.row) FROM ${STAGE} x WHERE x.shipment = s.shipment AND x.sscc IS NULL AND x.serial IS NOT NULL AND x.item IS s.item AND x.serial = s.serial) AS first
       FROM ${STAGE} s WHERE s.sscc IS NULL AND s.serial IS NOT NULL AND first < s.row`
    )
    for (const d of serials.iterate() as Iterable<{ row: number; serial: string; first: number }>) issues.push({ row: d.row, column: 'serial', rule: 'unique', message: `This serial is already expected on this shipment in row ${d.first}.`, value: d.serial })
    const lines = db.prepare(
      `SELECT s.row, s.line, f.row AS first FROM ${STAGE} s JOIN ${STAGE} f ON f.row = (SELECT min(x.row) FROM ${STAGE} x WHERE x.shipment = s.shipment AND x.line = s.line AND x.item IS NOT NULL)
       WHERE s.line IS NOT NULL AND s.item IS NOT NULL AND s.row > f.row AND s.item <> f.item`
    )
    for (const d of lines.iterate() as Iterable<{ row: number; line: number; first: number }>) issues.push({ row: d.row, column: 'line', rule: 'consistent', message: `Line ${d.line} is another item in row ${d.first}.`, value: String(d.line) })
  }

  function againstStore(issues: IssueSink) {
    const repo = createShipmentRepository(db)
    const locations = createLocationRepository(db)
    const firstOf = (field: string) => `(SELECT x.${field} FROM ${STAGE} x WHERE x.shipment = f.shipment AND x.${field} IS NOT NULL ORDER BY x.row LIMIT 1)`
    const heads = db
      .prepare(`SELECT f.shipment, f.first_row, f.customer, ${firstOf('customer_name')} AS customer_name, ${firstOf('ship_to')} AS ship_to FROM (SELECT shipment, min(row) AS first_row, customer FROM ${STAGE} GROUP BY shipment) f ORDER BY f.first_row`)
      .all() as Array<{ shipment: string; first_row: number; customer: string; customer_name: string | null; ship_to: string | null }>
    const byNumber = new Map<string, StagedShipment>()
    shipments = heads.map((h) => {
      if (repo.byNumber(h.shipment)) issues.push({ row: h.first_row, column: 'shipment', rule: 'exists', message: `Shipment ${h.shipment} was already imported.`, value: h.shipment })
      const s: StagedShipment = { number: h.shipment, customer: h.customer, customerName: h.customer_name, shipTo: h.ship_to, doorId: null, lines: new Map(), units: 0, plates: 0 }
      byNumber.set(h.shipment, s)
      return s
    })
    // Each shipment's door: its doors in the order the file names them, until one is a door or dock.
    const doors = db.prepare(`SELECT shipment, door, min(row) AS row FROM ${STAGE} WHERE door IS NOT NULL GROUP BY shipment, door ORDER BY row`).all() as Array<{ shipment: string; door: string; row: number }>
    for (const d of doors) {
      const s = byNumber.get(d.shipment)!
      if (s.doorId !== null) continue
      const door = locations.byCode(d.door)
      if (!door) issues.push({ row: d.row, column: 'door', rule: 'reference', message: `Location ${d.door} does not exist: import the locations first.`, value: d.door })
      else if (door.kind !== 'door' && door.kind !== 'dock') issues.push({ row: d.row, column: 'door', rule: 'reference', message: `${d.door} is a ${door.kind}, not a door or dock.`, value: d.door })
      else s.doorId = door.id
    }
    db.exec('CREATE TEMP TABLE import_shipment_items (ref TEXT PRIMARY KEY, item_id INTEGER) WITHOUT ROWID')
    const items = createItemRepository(db)
    const putRef = db.prepare('INSERT INTO temp.import_shipment_items (ref, item_id) VALUES (?, ?)')
    const refs = db.prepare<[string], { item: string }>(`SELECT DISTINCT item FROM ${STAGE} WHERE item > ? ORDER BY item LIMIT 2000`)
    for (const page of pagesOf(refs, '', (r) => r.item)) db.transaction(() => page.forEach((r) => putRef.run(r.item, items.byRef(r.item)?.id ?? null)))()
    db.exec(`UPDATE ${STAGE} SET item_id = (SELECT i.item_id FROM temp.import_shipment_items i WHERE i.ref = import_shipment_stage.item) WHERE sscc IS NULL AND item IS NOT NULL`)
    const bad = db.prepare(
      `SELECT s.row, s.item, s.serial, i.sku, i.tracking FROM ${STAGE} s LEFT JOIN main.items i ON i.id = s.item_id
       WHERE s.sscc IS NULL AND s.item IS NOT NULL AND (s.item_id IS NULL OR (s.serial IS NOT NULL AND i.tracking NOT IN ('serial', 'lot_serial')))`
    )
    for (const r of bad.iterate() as Iterable<{ row: number; item: string; serial: string | null; sku: string | null; tracking: string | null }>) {
      if (r.sku === null) issues.push({ row: r.row, column: 'item', rule: 'reference', message: `Item ${r.item} is neither a SKU nor a GTIN of an imported item.`, value: r.item })
      else issues.push({ row: r.row, column: 'serial', rule: 'tracking', message: `Item ${r.sku} is not tracked by serial (tracking ${r.tracking}).`, value: r.serial ?? '' })
    }
  }

  /** Numbers each unit row's line (given, or the shipment's line of that item, or the next) and totals lines, units and plates. */
  function assignLines(issues: IssueSink) {
    const byNumber = new Map(shipments.map((s) => [s.number, s]))
    const lineOfItem = new Map<string, number>()
    const setLine = db.prepare(`UPDATE ${STAGE} SET line_no = ? WHERE row = ?`)
    const page = db.prepare<[number], { row: number; shipment: string; line: number | null; item_id: number | null; serial: string | null; qty: number | null; sscc: string | null }>(
      `SELECT row, shipment, line, item_id, serial, qty, sscc FROM ${STAGE} WHERE row > ? ORDER BY row LIMIT 10000`
    )
    for (const rows of pagesOf(page, 0, (r) => r.row)) {
      const numbers: Array<[number, number]> = []
      for (const r of rows) {
        const s = byNumber.get(r.shipment)!
        if (r.sscc !== null) {
          s.plates++
          continue
        }
        if (r.item_id === null) continue
        const key = `${r.shipment}\u0000${r.item_id}`
        const lineNo = r.line ?? lineOfItem.get(key) ?? s.lines.size + 1
        let line = s.lines.get(lineNo)
        if (!line) {
          s.lines.set(lineNo, (line = { itemId: r.item_id, qty: 0 }))
          if (!lineOfItem.has(key)) lineOfItem.set(key, lineNo)
        } else if (line.itemId !== r.item_id) {
          issues.push({ row: r.row, column: 'line', rule: 'consistent', message: `Line ${lineNo} is already another item on shipment ${s.number}.`, value: String(lineNo) })
          continue
        }
        if (r.serial !== null) {
          line.qty++
          s.units++
        } else line.qty += r.qty ?? 1
        numbers.push([lineNo, r.row])
      }
      db.transaction(() => numbers.forEach(([n, row]) => setLine.run(n, row)))()
    }
  }

  return {
    add: writer.add,
    count: writer.count,
    check(issues: IssueSink): Record<string, number> | null {
      writer.flush()
      const before = issues.length
      betweenRows(issues)
      againstStore(issues)
      assignLines(issues)
      if (issues.length > before) return null
      const summary: Record<string, number> = { shipments: 0, lines: 0, expectedUnits: 0, expectedPlates: 0 }
      for (const s of shipments) {
        summary.shipments!++
        summary.lines! += s.lines.size
        summary.expectedUnits! += s.units
        summary.expectedPlates! += s.plates
      }
      return summary
    },
    apply(now: string): void {
      const repo = createShipmentRepository(db)
      const units = db.prepare(
        `INSERT INTO main.outbound_expected_units (shipment_id, line_id, item_id, serial) SELECT @id, l.id, l.item_id, s.serial
         FROM ${STAGE} s JOIN main.outbound_lines l ON l.shipment_id = @id AND l.line_no = s.line_no WHERE s.shipment = @shipment AND s.sscc IS NULL AND s.serial IS NOT NULL ORDER BY l.id, s.row`
      )
      const plates = db.prepare(`INSERT INTO main.outbound_expected_plates (shipment_id, code) SELECT @id, sscc FROM ${STAGE} WHERE shipment = @shipment AND sscc IS NOT NULL ORDER BY row`)
      for (const s of shipments) {
        const id = repo.insertShipment(s.number, repo.upsertCustomer(s.customer, s.customerName), s.doorId, s.shipTo, now)
        for (const [lineNo, l] of s.lines) repo.insertLine(id, lineNo, l.itemId, l.qty)
        units.run({ id, shipment: s.number })
        plates.run({ id, shipment: s.number })
      }
    },
    drop: staging.drop
  }
}
