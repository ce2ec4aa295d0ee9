import { checkSerial, type SerialRule } from '../../../shared/codes/serial-rules'
import type { ImportIssue } from '../../../shared/contract-areas/receiving'
import type { EventLog } from '../event-log'
import type { Db } from '../sql'
import { createItemRepository } from './items'
import { beginStaging, pagesOf, type IssueSink } from './import-staging-support'

/** What the staging needs of a `po` or `asn` record (src/main/import/records.ts). */
export interface StagedOrderRow {
  row: number
  order: string
  supplier: string | null
  poNumber?: string | null
  expectedAt: string | null
  line: number | null
  item: string
  serial?: string | null
  lot: string | null
  expiry?: string | null
  qty: number
  sscc?: string | null
  parentSscc?: string | null
  madeAt?: string | null
  productionLine?: string | null
  shift?: string | null
}

interface StagedOrder {
  number: string
  firstRow: number
  supplierId: number | null
  poNumber: string | null
  expectedAt: string | null
  replaceId: number | null
  lines: Map<number, { itemId: number; qty: number; lot: string | null }>
  maxLine: number
  plates: number
  units: number
}

const STAGE = 'temp.import_order_stage'
const COLUMNS = ['row', 'ord', 'supplier', 'po_number', 'expected_at', 'line', 'item', 'serial', 'lot', 'expiry', 'qty', 'sscc', 'parent_sscc', 'made_at', 'production_line', 'shift'] as const

/**
 * A `po` or `asn` import staged in TEMP tables of the importing connection (on disk while they live):
 * rows stream in, every check between rows and against the store is SQL over the stage (or a paged
 * pass over it), and the apply is INSERT … SELECT per order. Memory is bounded by the number of
 * orders and order lines, never by the number of rows or expected units.
 */
export function createOrderStaging(db: Db, kind: 'po' | 'asn') {
  const staging = beginStaging(db, ['import_order_stage', 'import_order_plates', 'import_order_items'])
  db.exec(`CREATE TEMP TABLE import_order_stage (row INTEGER PRIMARY KEY, ord TEXT NOT NULL, supplier TEXT, po_number TEXT, expected_at TEXT, line INTEGER,
    item TEXT NOT NULL, serial TEXT, lot TEXT, expiry TEXT, qty INTEGER NOT NULL, sscc TEXT, parent_sscc TEXT, made_at TEXT, production_line TEXT, shift TEXT,
    item_id INTEGER, line_no INTEGER)`)
  const insert = db.prepare(`INSERT INTO ${STAGE} (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`)
  const writer = staging.writer<StagedOrderRow>((r) =>
    insert.run(r.row, r.order, r.supplier, kind === 'po' ? r.order : (r.poNumber ?? null), r.expectedAt, r.line, r.item, r.serial ?? null, r.lot, r.expiry ?? null, r.qty, r.sscc ?? null, r.parentSscc ?? null, r.madeAt ?? null, r.productionLine ?? null, r.shift ?? null)
  )
  let orders: StagedOrder[] = []

  /** Rows of one order whose header cell differs from the first value the order gave it. */
  function sameHeader(issues: IssueSink, column: string, field: string) {
    const rows = db.prepare(
      `WITH f AS (SELECT ord, min(row) AS first_row FROM ${STAGE} GROUP BY ord),
            v AS (SELECT ord, first_row, (SELECT x.${field} FROM ${STAGE} x WHERE x.ord = f.ord AND x.${field} IS NOT NULL ORDER BY x.row LIMIT 1) AS val FROM f)
       SELECT s.row, s.${field} AS value, v.first_row AS first, v.val FROM ${STAGE} s JOIN v ON v.ord = s.ord WHERE s.${field} IS NOT NULL AND s.${field} <> v.val`
    )
    for (const d of rows.iterate() as Iterable<{ row: number; value: string; first: number; val: string }>) {
      issues.push({ row: d.row, column, rule: 'consistent', message: `${column} differs from row ${d.first} of the same order (${d.val}).`, value: d.value })
    }
  }

  function betweenRows(issues: IssueSink) {
    db.exec(`CREATE INDEX temp.import_order_stage_ord ON import_order_stage (ord, row);
      CREATE INDEX temp.import_order_stage_line ON import_order_stage (ord, line, row) WHERE line IS NOT NULL;
      CREATE INDEX temp.import_order_stage_item ON import_order_stage (item)`)
    sameHeader(issues, 'supplier', 'supplier')
    if (kind === 'asn') sameHeader(issues, 'po_number', 'po_number')
    sameHeader(issues, 'expected_at', 'expected_at')
    if (kind === 'po') {
      const dups = db.prepare(`SELECT s.row, s.line, (SELECT min(x.row) FROM ${STAGE} x WHERE x.ord = s.ord AND x.line = s.line) AS first FROM ${STAGE} s WHERE first < s.row`)
      for (const d of dups.iterate() as Iterable<{ row: number; line: number; first: number }>) issues.push({ row: d.row, column: 'line', rule: 'unique', message: `This order line already appears in row ${d.first}.`, value: String(d.line) })
      return
    }
    db.exec(`CREATE INDEX temp.import_order_stage_serial ON import_order_stage (ord, item, serial, row) WHERE serial IS NOT NULL;
      CREATE INDEX temp.import_order_stage_sscc ON import_order_stage (ord, sscc, row) WHERE sscc IS NOT NULL`)
    const serials = db.prepare(`SELECT s.row, s.serial, (SELECT min(x.row) FROM ${STAGE} x WHERE x.ord = s.ord AND x.item = s.item AND x.serial = s.serial) AS first FROM ${STAGE} s WHERE s.serial IS NOT NULL AND first < s.row`)
    for (const d of serials.iterate() as Iterable<{ row: number; serial: string; first: number }>) {
      issues.push({ row: d.row, column: 'serial', rule: 'unique', message: `This serial of this item on this order already appears in row ${d.first}.`, value: d.serial })
    }
    const local = db.prepare(`SELECT row, serial, qty, sscc, parent_sscc FROM ${STAGE} WHERE (serial IS NOT NULL AND qty <> 1) OR parent_sscc IS NOT NULL`)
    for (const r of local.iterate() as Iterable<{ row: number; serial: string | null; qty: number; sscc: string | null; parent_sscc: string | null }>) {
      if (r.serial !== null && r.qty !== 1) issues.push({ row: r.row, column: 'qty', rule: 'serial_qty', message: 'A row with a serial is one unit: qty must be 1 or empty.', value: String(r.qty) })
      if (r.parent_sscc !== null && r.sscc === null) issues.push({ row: r.row, column: 'parent_sscc', rule: 'required', message: 'parent_sscc needs the sscc of the case the unit is on.' })
      if (r.parent_sscc !== null && r.parent_sscc === r.sscc) issues.push({ row: r.row, column: 'parent_sscc', rule: 'cycle', message: 'A plate cannot be inside itself.', value: r.parent_sscc })
    }
    // Each plate's parent is the one its first row gives; plates named only as a parent join with none.
    // `seen` orders the plates as the file first names them (a row's plate before its parent).
    db.exec(`CREATE TEMP TABLE import_order_plates (ord TEXT NOT NULL, code TEXT NOT NULL, parent TEXT, row INTEGER NOT NULL, listed INTEGER NOT NULL, seen INTEGER NOT NULL, PRIMARY KEY (ord, code));
      INSERT INTO temp.import_order_plates SELECT ord, sscc, parent_sscc, min(row), 1, 2 * min(row) FROM ${STAGE} WHERE sscc IS NOT NULL GROUP BY ord, sscc;
      INSERT INTO temp.import_order_plates SELECT ord, parent_sscc, NULL, min(row), 0, 2 * min(row) + 1 FROM ${STAGE} WHERE parent_sscc IS NOT NULL AND sscc IS NOT NULL GROUP BY ord, parent_sscc
        ON CONFLICT (ord, code) DO UPDATE SET seen = min(seen, excluded.seen)`)
    const plateParents = db.prepare(`SELECT s.row, s.sscc, s.parent_sscc, p.parent AS first_parent, p.row AS first FROM ${STAGE} s JOIN temp.import_order_plates p ON p.ord = s.ord AND p.code = s.sscc WHERE s.row > p.row AND s.parent_sscc IS NOT p.parent`)
    for (const d of plateParents.iterate() as Iterable<{ row: number; sscc: string; parent_sscc: string | null; first_parent: string | null; first: number }>) {
      issues.push({ row: d.row, column: 'parent_sscc', rule: 'consistent', message: `Plate ${d.sscc} has parent ${d.first_parent ?? '(none)'} in row ${d.first}.`, value: d.parent_sscc ?? '' })
    }
    const lines = db.prepare(
      `SELECT s.row, s.line, f.row AS first FROM ${STAGE} s JOIN ${STAGE} f ON f.row = (SELECT min(x.row) FROM ${STAGE} x WHERE x.ord = s.ord AND x.line = s.line)
       WHERE s.line IS NOT NULL AND s.row > f.row AND (s.item <> f.item OR s.lot IS NOT f.lot)`
    )
    for (const d of lines.iterate() as Iterable<{ row: number; line: number; first: number }>) {
      issues.push({ row: d.row, column: 'line', rule: 'consistent', message: `Line ${d.line} is another item or lot in row ${d.first}.`, value: String(d.line) })
    }
    // Nesting deeper than a pallet → case → unit chain must not loop.
    const cycles = db.prepare(
      `WITH RECURSIVE walk(ord, start, cur, depth) AS (
         SELECT ord, code, parent, 0 FROM temp.import_order_plates WHERE listed = 1 AND parent IS NOT NULL
         UNION ALL
         SELECT w.ord, w.start, p.parent, w.depth + 1 FROM walk w JOIN temp.import_order_plates p ON p.ord = w.ord AND p.code = w.cur
         WHERE w.cur <> w.start AND w.depth <= 8 AND p.parent IS NOT NULL)
       SELECT p.row, p.parent FROM temp.import_order_plates p WHERE EXISTS (SELECT 1 FROM walk w WHERE w.ord = p.ord AND w.start = p.code AND (w.cur = w.start OR w.depth > 8))`
    )
    for (const d of cycles.iterate() as Iterable<{ row: number; parent: string }>) {
      issues.push({ row: d.row, column: 'parent_sscc', rule: 'cycle', message: 'The plate nesting loops or is deeper than 8 levels.', value: d.parent })
    }
  }

  function againstStore(issues: IssueSink) {
    const orderByNumber = db.prepare<[string], { id: number; kind: string; status: string }>('SELECT id, kind, status FROM main.inbound_orders WHERE number = ?')
    const receiptsOf = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM main.receipts WHERE order_id = ?')
    const supplierByCode = db.prepare<[string], { id: number }>('SELECT id FROM main.suppliers WHERE code = ?')
    const firstOf = (field: string) => `(SELECT x.${field} FROM ${STAGE} x WHERE x.ord = f.ord AND x.${field} IS NOT NULL ORDER BY x.row LIMIT 1)`
    const heads = db
      .prepare(`SELECT f.ord, f.first_row, ${firstOf('supplier')} AS supplier, ${firstOf('po_number')} AS po_number, ${firstOf('expected_at')} AS expected_at FROM (SELECT ord, min(row) AS first_row FROM ${STAGE} GROUP BY ord) f ORDER BY f.first_row`)
      .all() as Array<{ ord: string; first_row: number; supplier: string | null; po_number: string | null; expected_at: string | null }>
    orders = heads.map((h) => {
      const existing = orderByNumber.get(h.ord)
      let replaceId: number | null = null
      if (existing) {
        if (existing.kind !== kind) issues.push({ row: h.first_row, column: 'order', rule: 'order_kind', message: `${h.ord} exists as a ${existing.kind.toUpperCase()}, not a ${kind.toUpperCase()}.`, value: h.ord })
        else if (existing.status !== 'open' || receiptsOf.get(existing.id)!.n > 0) {
          issues.push({ row: h.first_row, column: 'order', rule: 'order_started', message: `${h.ord} is already ${existing.status === 'open' ? 'being received' : existing.status}: it cannot be replaced by an import.`, value: h.ord })
        } else replaceId = existing.id
      }
      let supplierId: number | null = null
      if (h.supplier) {
        const s = supplierByCode.get(h.supplier)
        if (!s) issues.push({ row: h.first_row, column: 'supplier', rule: 'reference', message: `Supplier ${h.supplier} does not exist: import the suppliers first.`, value: h.supplier })
        else supplierId = s.id
      }
      return { number: h.ord, firstRow: h.first_row, supplierId, poNumber: h.po_number, expectedAt: h.expected_at, replaceId, lines: new Map(), maxLine: 0, plates: 0, units: 0 }
    })
    // Each distinct item reference is resolved once (SKU, else GTIN), then joined back onto the rows.
    db.exec('CREATE TEMP TABLE import_order_items (ref TEXT PRIMARY KEY, item_id INTEGER) WITHOUT ROWID')
    const items = createItemRepository(db)
    const putRef = db.prepare('INSERT INTO temp.import_order_items (ref, item_id) VALUES (?, ?)')
    const refs = db.prepare<[string], { item: string }>(`SELECT DISTINCT item FROM ${STAGE} WHERE item > ? ORDER BY item LIMIT 2000`)
    for (const page of pagesOf(refs, '', (r) => r.item)) db.transaction(() => page.forEach((r) => putRef.run(r.item, items.byRef(r.item)?.id ?? null)))()
    db.exec(`UPDATE ${STAGE} SET item_id = (SELECT i.item_id FROM temp.import_order_items i WHERE i.ref = import_order_stage.item)`)
    for (const r of db.prepare(`SELECT row, item FROM ${STAGE} WHERE item_id IS NULL`).iterate() as Iterable<{ row: number; item: string }>) {
      issues.push({ row: r.row, column: 'item', rule: 'reference', message: `No item with SKU or GTIN "${r.item}": import the items first.`, value: r.item })
    }
    if (kind === 'asn') {
      const rules = new Map<number, SerialRule | undefined>()
      const serials = db.prepare(`SELECT s.row, s.serial, s.lot, i.id, i.sku, i.gtin, i.tracking, i.serial_rule FROM ${STAGE} s JOIN main.items i ON i.id = s.item_id WHERE s.serial IS NOT NULL`)
      for (const r of serials.iterate() as Iterable<{ row: number; serial: string; lot: string | null; id: number; sku: string; gtin: string | null; tracking: string; serial_rule: string | null }>) {
        if (r.tracking === 'none' || r.tracking === 'lot') {
          issues.push({ row: r.row, column: 'serial', rule: 'tracking', message: `${r.sku} is not serialised (tracking ${r.tracking}): leave serial empty and give qty.`, value: r.serial })
          continue
        }
        if (!rules.has(r.id)) rules.set(r.id, parseRule(r.serial_rule))
        const s = checkSerial(r.serial, rules.get(r.id), r.gtin ? { gtin: r.gtin, ...(r.lot ? { lot: r.lot } : {}) } : {})
        if (!s.ok) issues.push({ row: r.row, column: 'serial', rule: s.error.code, message: `${r.sku}: ${s.error.message}`, value: r.serial })
      }
      const inUse = db.prepare(
        `SELECT p.row, p.code FROM temp.import_order_plates p WHERE EXISTS (SELECT 1 FROM main.license_plates lp JOIN main.units u ON u.plate_id = lp.id WHERE lp.code = p.code)`
      )
      for (const r of inUse.iterate() as Iterable<{ row: number; code: string }>) {
        issues.push({ row: r.row, column: 'sscc', rule: 'sscc_in_use', message: `Plate ${r.code} is already in the store with units on it: an SSCC is never reused.`, value: r.code })
      }
    }
  }

  /** Numbers each row's line (given, or the order's line of that item and lot, or the next free one) and totals the lines. */
  function assignLines(onProgress?: (done: number) => void) {
    const byNumber = new Map(orders.map((o) => [o.number, o]))
    const byItemLot = new Map<string, number>()
    const setLine = db.prepare(`UPDATE ${STAGE} SET line_no = ? WHERE row = ?`)
    const page = db.prepare<[number], { row: number; ord: string; line: number | null; item_id: number; lot: string | null; qty: number; serial: string | null }>(
      `SELECT row, ord, line, item_id, lot, qty, serial FROM ${STAGE} WHERE row > ? ORDER BY row LIMIT 10000`
    )
    let done = 0
    for (const rows of pagesOf(page, 0, (r) => r.row)) {
      const numbers: Array<[number, number]> = []
      for (const r of rows) {
        const o = byNumber.get(r.ord)!
        const key = `${r.ord}\u0000${r.item_id}\u0000${r.lot ?? '\u0000'}`
        const lineNo = kind === 'po' ? r.line! : (r.line ?? byItemLot.get(key) ?? o.maxLine + 1)
        let line = o.lines.get(lineNo)
        if (!line) {
          o.lines.set(lineNo, (line = { itemId: r.item_id, qty: 0, lot: r.lot }))
          o.maxLine = Math.max(o.maxLine, lineNo)
          if (!byItemLot.has(key)) byItemLot.set(key, lineNo)
        }
        line.qty += r.qty
        if (r.serial !== null) o.units++
        numbers.push([lineNo, r.row])
      }
      db.transaction(() => numbers.forEach(([n, row]) => setLine.run(n, row)))()
      done += rows.length
      onProgress?.(done)
    }
    if (kind === 'asn') {
      const plates = db.prepare(`SELECT ord, count(*) AS n FROM temp.import_order_plates GROUP BY ord`).all() as Array<{ ord: string; n: number }>
      for (const p of plates) byNumber.get(p.ord)!.plates = p.n
    }
  }

  return {
    add: writer.add,
    count: writer.count,
    /** Every problem of the staged rows (between rows, then against the store); with none, the summary of what the apply will do. */
    check(issues: IssueSink, onProgress?: (done: number) => void): Record<string, number> | null {
      writer.flush()
      const before = issues.length
      betweenRows(issues)
      againstStore(issues)
      if (issues.length > before) return null
      assignLines(onProgress)
      const summary: Record<string, number> = { ordersCreated: 0, ordersReplaced: 0, lines: 0, expectedUnits: 0, expectedPlates: 0 }
      for (const o of orders) {
        summary[o.replaceId === null ? 'ordersCreated' : 'ordersReplaced']!++
        summary.lines! += o.lines.size
        summary.expectedUnits! += o.units
        summary.expectedPlates! += o.plates
      }
      for (const k of ['ordersCreated', 'ordersReplaced']) if (summary[k] === 0) delete summary[k]
      return summary
    },
    /** Writes every staged order (call after a clean `check`, inside the caller's one transaction). */
    apply(eventLog: EventLog, now: string, operatorId: number | null, source: string, origin: string | null): void {
      const insertOrder = db.prepare('INSERT INTO main.inbound_orders (number, kind, supplier_id, po_number, expected_at, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      const updateOrder = db.prepare('UPDATE main.inbound_orders SET supplier_id = ?, po_number = ?, expected_at = ? WHERE id = ?')
      const clear = [
        'DELETE FROM main.inbound_expected_units WHERE order_id = ?',
        'UPDATE main.inbound_expected_plates SET parent_id = NULL WHERE order_id = ?',
        'DELETE FROM main.inbound_expected_plates WHERE order_id = ?',
        'DELETE FROM main.inbound_lines WHERE order_id = ?'
      ].map((sql) => db.prepare(sql))
      const insertLine = db.prepare('INSERT INTO main.inbound_lines (order_id, line_no, item_id, qty_expected, lot) VALUES (?, ?, ?, ?, ?)')
      const insertPlates = kind === 'po' ? null : db.prepare('INSERT INTO main.inbound_expected_plates (order_id, code) SELECT ?, code FROM temp.import_order_plates WHERE ord = ? ORDER BY seen')
      const setParents = kind === 'po' ? null : db.prepare(
        `UPDATE main.inbound_expected_plates SET parent_id = (SELECT pp.id FROM temp.import_order_plates ip JOIN main.inbound_expected_plates pp ON pp.order_id = @orderId AND pp.code = ip.parent
           WHERE ip.ord = @ord AND ip.code = inbound_expected_plates.code) WHERE order_id = @orderId`
      )
      // Serial-less rows become one unit per qty only when they ride on a plate (pallet contents).
      const insertUnits = kind === 'po' ? null : db.prepare(
        `WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < (SELECT coalesce(max(qty), 1) FROM ${STAGE} WHERE ord = @ord AND serial IS NULL AND sscc IS NOT NULL))
         INSERT INTO main.inbound_expected_units (order_id, line_id, item_id, serial, lot, expiry, plate_id, made_at, production_line, shift)
         SELECT @orderId, l.id, l.item_id, s.serial, s.lot, s.expiry, p.id, s.made_at, s.production_line, s.shift
         FROM ${STAGE} s JOIN main.inbound_lines l ON l.order_id = @orderId AND l.line_no = s.line_no
           LEFT JOIN main.inbound_expected_plates p ON p.order_id = @orderId AND p.code = s.sscc
           JOIN n ON n.k <= CASE WHEN s.serial IS NOT NULL THEN 1 WHEN s.sscc IS NOT NULL THEN s.qty ELSE 0 END
         WHERE s.ord = @ord ORDER BY l.id, s.row, n.k`
      )
      for (const o of orders) {
        eventLog.record(
          () => {
            let orderId: number
            if (o.replaceId !== null) {
              orderId = o.replaceId
              updateOrder.run(o.supplierId, o.poNumber, o.expectedAt, orderId)
              for (const statement of clear) statement.run(orderId)
            } else orderId = Number(insertOrder.run(o.number, kind, o.supplierId, o.poNumber, o.expectedAt, now).lastInsertRowid)
            for (const [lineNo, l] of o.lines) insertLine.run(orderId, lineNo, l.itemId, l.qty, l.lot)
            let units = 0
            if (insertPlates && setParents && insertUnits) {
              insertPlates.run(orderId, o.number)
              setParents.run({ orderId, ord: o.number })
              units = insertUnits.run({ orderId, ord: o.number }).changes
            }
            return { orderId, units }
          },
          ({ orderId, units }) => ({
            type: o.replaceId === null ? 'order.imported' : 'order.replaced',
            orderId,
            operatorId,
            payload: { order: o.number, kind, lines: o.lines.size, expectedUnits: units, plates: o.plates, source, origin }
          })
        )
      }
    },
    drop: staging.drop
  }
}

function parseRule(json: string | null): SerialRule | undefined {
  try {
    return json ? (JSON.parse(json) as SerialRule) : undefined
  } catch {
    return undefined
  }
}

export type OrderStaging = ReturnType<typeof createOrderStaging>
export type { ImportIssue }
