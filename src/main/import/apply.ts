/**
 * One path for inbound master data and orders, whatever their source: a CSV/XLSX file (the import)
 * or records pushed by the upstream sync. `applyBatch` checks the records against the store
 * (references, orders already being received, serial rules) and writes all of them in ONE
 * transaction, or nothing. Errors name the record's row (its spreadsheet row for a file).
 */
import type { Db } from '../store/sql'
import { checkSerial, type SerialRule } from '../../shared/codes/serial-rules'
import type { ImportIssue } from '../../shared/contract-areas/receiving'
import type { EventLog } from '../store/event-log'
import { crossCheck, type AsnRecord, type ImportBatch, type ItemRecord, type LocationRecord, type PoRecord, type SupplierRecord } from './formats'
import { createItemRepository } from '../store/repositories/items'
import { planShipments } from './apply-shipments'
import { planOperators } from './apply-operators'
import { createLocationRepository, type LocationRow } from '../store/repositories/locations'

type LocationByCode = (code: string) => LocationRow | null

export interface ApplyOptions {
  /** Check only; write nothing (the preview). */
  dryRun?: boolean
  source: 'file' | 'sync'
  /** The file name (or the sync batch id), recorded in the events. */
  origin?: string
  operatorId?: number | null
  onProgress?: (done: number, total: number) => void
  now?: () => Date
}

export interface ApplyResult {
  applied: boolean
  errors: ImportIssue[]
  summary: Record<string, number>
}

interface ItemRef {
  id: number
  sku: string
  gtin: string | null
  tracking: string
  serial_rule: string | null
}

class Checker {
  readonly errors: ImportIssue[] = []
  add(row: number, column: string | null, rule: string, message: string, value?: string | null) {
    this.errors.push(value === undefined || value === null ? { row, column, rule, message } : { row, column, rule, message, value })
  }
}

export function applyBatch(db: Db, eventLog: EventLog, batch: ImportBatch, options: ApplyOptions): ApplyResult {
  const check = new Checker()
  check.errors.push(...crossCheck(batch))
  const now = (options.now ?? (() => new Date()))().toISOString()
  const operatorId = options.operatorId ?? null
  const summary: Record<string, number> = {}
  const bump = (k: string, n = 1) => (summary[k] = (summary[k] ?? 0) + n)
  const locationByCode = createLocationRepository(db).byCode
  const supplierByCode = db.prepare<[string], { id: number }>('SELECT id FROM suppliers WHERE code = ?')

  // ── checks against the store (read only) ─────────────────────────────────────────────────
  let plan: () => void
  switch (batch.kind) {
    case 'items':
      plan = planItems(db, batch.records, check, bump, locationByCode, now)
      break
    case 'suppliers':
      plan = planSuppliers(db, batch.records, bump)
      break
    case 'locations':
      plan = planLocations(db, batch.records, check, bump, locationByCode)
      break
    case 'po':
    case 'asn':
      plan = planOrders(db, eventLog, batch, check, bump, supplierByCode, now, operatorId, options)
      break
    case 'shipment':
      plan = planShipments(db, batch.records, check, bump, now)
      break
    case 'operators':
      plan = planOperators(db, eventLog, batch.records, check, bump, operatorId, options.origin ?? null)
      break
  }
  if (check.errors.length > 0) {
    check.errors.sort((a, b) => a.row - b.row)
    return { applied: false, errors: check.errors, summary }
  }
  if (options.dryRun) return { applied: false, errors: [], summary }
  db.transaction(() => {
    plan()
    eventLog.append({
      type: 'import.applied',
      operatorId,
      payload: { kind: batch.kind, source: options.source, origin: options.origin ?? null, records: batch.records.length, ...summary }
    })
  }).immediate()
  return { applied: true, errors: [], summary }
}

function planItems(
  db: Db,
  records: ItemRecord[],
  check: Checker,
  bump: (k: string, n?: number) => void,
  locationByCode: LocationByCode,
  now: string
): () => void {
  const bySku = db.prepare<[string], { id: number }>('SELECT id FROM items WHERE sku = ?')
  const itemsRepo = createItemRepository(db)
  const resolved: Array<{ r: ItemRecord; bin: number | null; zone: number | null; exists: boolean }> = []
  for (const r of records) {
    let bin: number | null = null
    let zone: number | null = null
    if (r.defaultBin) {
      const l = locationByCode(r.defaultBin)
      if (!l) check.add(r.row, 'default_bin', 'reference', `Location ${r.defaultBin} does not exist: import the locations first.`, r.defaultBin)
      else if (l.kind !== 'bin' && l.kind !== 'shelf') check.add(r.row, 'default_bin', 'reference', `${r.defaultBin} is a ${l.kind}, not a bin or shelf.`, r.defaultBin)
      else bin = l.id
    }
    if (r.putawayZone) {
      const l = locationByCode(r.putawayZone)
      if (!l) check.add(r.row, 'putaway_zone', 'reference', `Location ${r.putawayZone} does not exist: import the locations first.`, r.putawayZone)
      else zone = l.id
    }
    if (r.gtin) {
      const other = itemsRepo.byGtin(r.gtin)
      if (other && other.sku !== r.sku) check.add(r.row, 'gtin', 'unique', `GTIN ${r.gtin} already belongs to item ${other.sku}.`, r.gtin)
    }
    resolved.push({ r, bin, zone, exists: bySku.get(r.sku) !== undefined })
  }
  const upsert = db.prepare(
    `INSERT INTO items (sku, gtin, description, tracking, serial_rule, shelf_life_days, default_bin_id, putaway_zone_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (sku) DO UPDATE SET gtin = excluded.gtin, description = excluded.description, tracking = excluded.tracking, serial_rule = excluded.serial_rule,
       shelf_life_days = excluded.shelf_life_days, default_bin_id = excluded.default_bin_id, putaway_zone_id = excluded.putaway_zone_id`
  )
  for (const x of resolved) bump(x.exists ? 'itemsUpdated' : 'itemsCreated')
  return () => {
    // A GTIN moving between two SKUs of the same file: clear first so the UNIQUE index never trips mid-way.
    const clear = db.prepare('UPDATE items SET gtin = NULL WHERE sku = ?')
    for (const x of resolved) if (x.exists) clear.run(x.r.sku)
    for (const { r, bin, zone } of resolved) upsert.run(r.sku, r.gtin, r.description, r.tracking, r.serialRule ? JSON.stringify(r.serialRule) : null, r.shelfLifeDays, bin, zone, now)
  }
}

function planSuppliers(db: Db, records: SupplierRecord[], bump: (k: string, n?: number) => void): () => void {
  const byCode = db.prepare<[string], { id: number }>('SELECT id FROM suppliers WHERE code = ?')
  for (const r of records) bump(byCode.get(r.code) ? 'suppliersUpdated' : 'suppliersCreated')
  const upsert = db.prepare('INSERT INTO suppliers (code, name, gln) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, gln = excluded.gln')
  return () => {
    for (const r of records) upsert.run(r.code, r.name, r.gln)
  }
}

function planLocations(
  db: Db,
  records: LocationRecord[],
  check: Checker,
  bump: (k: string, n?: number) => void,
  locationByCode: LocationByCode
): () => void {
  const inFile = new Map(records.map((r) => [r.code.toUpperCase(), r]))
  for (const r of records) {
    if (r.parent && !inFile.has(r.parent.toUpperCase()) && !locationByCode(r.parent)) {
      check.add(r.row, 'parent', 'reference', `Parent location ${r.parent} is neither in the store nor in this file.`, r.parent)
    }
    bump(locationByCode(r.code) ? 'locationsUpdated' : 'locationsCreated')
  }
  // Parents first.
  const ordered: LocationRecord[] = []
  const placed = new Set<string>()
  const place = (r: LocationRecord, depth: number) => {
    const key = r.code.toUpperCase()
    if (placed.has(key) || depth > 64) return
    const p = r.parent ? inFile.get(r.parent.toUpperCase()) : undefined
    if (p && p !== r) place(p, depth + 1)
    placed.add(key)
    ordered.push(r)
  }
  for (const r of records) place(r, 0)
  const insert = db.prepare('INSERT INTO locations (code, name, kind, parent_id, gln, active, hold) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const update = db.prepare('UPDATE locations SET name = ?, kind = ?, parent_id = ?, gln = ?, active = ?, hold = coalesce(?, hold) WHERE id = ?')
  const flag = (b: boolean | null | undefined) => (b === undefined || b === null ? null : b ? 1 : 0)
  return () => {
    for (const r of ordered) {
      const parentId = r.parent ? (locationByCode(r.parent)?.id ?? null) : null
      const existing = locationByCode(r.code)
      if (existing) update.run(r.name, r.kind, parentId, r.gln, r.active ? 1 : 0, flag(r.hold), existing.id)
      else insert.run(r.code, r.name, r.kind, parentId, r.gln, r.active ? 1 : 0, flag(r.hold) ?? 0)
    }
  }
}

interface OrderPlan {
  number: string
  kind: 'po' | 'asn'
  supplierId: number | null
  poNumber: string | null
  expectedAt: string | null
  replaceId: number | null
  lines: Array<{ lineNo: number; itemId: number; qty: number; lot: string | null; units: Array<AsnRecord & { itemId: number }> }>
  plates: Map<string, string | null>
}

function planOrders(
  db: Db,
  eventLog: EventLog,
  batch: Extract<ImportBatch, { kind: 'po' | 'asn' }>,
  check: Checker,
  bump: (k: string, n?: number) => void,
  supplierByCode: { get(code: string): { id: number } | undefined },
  now: string,
  operatorId: number | null,
  options: ApplyOptions
): () => void {
  const itemsRepo = createItemRepository(db)
  const orderByNumber = db.prepare<[string], { id: number; kind: string; status: string }>('SELECT id, kind, status FROM inbound_orders WHERE number = ?')
  const receiptsOf = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM receipts WHERE order_id = ?')
  const plateInUse = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM units u JOIN license_plates p ON p.id = u.plate_id WHERE p.code = ?')
  const items = new Map<string, ItemRef | null>()
  const item = (ref: string): ItemRef | null => {
    let it = items.get(ref)
    if (it === undefined) {
      it = itemsRepo.byRef(ref)
      items.set(ref, it)
    }
    return it
  }
  const rules = new Map<number, SerialRule | undefined>()
  const ruleOf = (it: ItemRef) => {
    if (!rules.has(it.id)) {
      let rule: SerialRule | undefined
      try {
        rule = it.serial_rule ? (JSON.parse(it.serial_rule) as SerialRule) : undefined
      } catch {
        rule = undefined
      }
      rules.set(it.id, rule)
    }
    return rules.get(it.id)
  }

  const orders = new Map<string, OrderPlan>()
  const checkedOrders = new Set<string>()
  const total = batch.records.length
  let done = 0
  for (const r of batch.records as Array<PoRecord | AsnRecord>) {
    done++
    if (options.onProgress && done % 2000 === 0) options.onProgress(done, total)
    let plan = orders.get(r.order)
    if (!checkedOrders.has(r.order)) {
      checkedOrders.add(r.order)
      const existing = orderByNumber.get(r.order)
      let replaceId: number | null = null
      if (existing) {
        if (existing.kind !== batch.kind) check.add(r.row, 'order', 'order_kind', `${r.order} exists as a ${existing.kind.toUpperCase()}, not a ${batch.kind.toUpperCase()}.`, r.order)
        else if (existing.status !== 'open' || receiptsOf.get(existing.id)!.n > 0) {
          check.add(r.row, 'order', 'order_started', `${r.order} is already ${existing.status === 'open' ? 'being received' : existing.status}: it cannot be replaced by an import.`, r.order)
        } else replaceId = existing.id
      }
      let supplierId: number | null = null
      if (r.supplier) {
        const s = supplierByCode.get(r.supplier)
        if (!s) check.add(r.row, 'supplier', 'reference', `Supplier ${r.supplier} does not exist: import the suppliers first.`, r.supplier)
        else supplierId = s.id
      }
      plan = { number: r.order, kind: batch.kind, supplierId, poNumber: 'poNumber' in r ? r.poNumber : r.order, expectedAt: r.expectedAt, replaceId, lines: [], plates: new Map() }
      orders.set(r.order, plan)
    }
    plan = plan ?? orders.get(r.order)!
    if (plan.supplierId === null && r.supplier) {
      const s = supplierByCode.get(r.supplier)
      if (s) plan.supplierId = s.id
    }
    const it = item(r.item)
    if (!it) {
      check.add(r.row, 'item', 'reference', `No item with SKU or GTIN "${r.item}": import the items first.`, r.item)
      continue
    }
    if (batch.kind === 'po') {
      const p = r as PoRecord
      plan.lines.push({ lineNo: p.line, itemId: it.id, qty: p.qty, lot: p.lot, units: [] })
      continue
    }
    const a = r as AsnRecord
    if (a.serial !== null) {
      if (it.tracking === 'none' || it.tracking === 'lot') {
        check.add(a.row, 'serial', 'tracking', `${it.sku} is not serialised (tracking ${it.tracking}): leave serial empty and give qty.`, a.serial)
        continue
      }
      const s = checkSerial(a.serial, ruleOf(it), it.gtin ? { gtin: it.gtin, ...(a.lot ? { lot: a.lot } : {}) } : {})
      if (!s.ok) {
        check.add(a.row, 'serial', s.error.code, `${it.sku}: ${s.error.message}`, a.serial)
        continue
      }
    }
    if (a.sscc !== null) {
      if (!plan.plates.has(a.sscc)) plan.plates.set(a.sscc, a.parentSscc)
      if (a.parentSscc !== null && !plan.plates.has(a.parentSscc)) plan.plates.set(a.parentSscc, null)
    }
    let line = a.line !== null ? plan.lines.find((l) => l.lineNo === a.line) : plan.lines.find((l) => l.itemId === it.id && l.lot === a.lot)
    if (!line) {
      const lineNo = a.line ?? (plan.lines.reduce((m, l) => Math.max(m, l.lineNo), 0) + 1)
      line = { lineNo, itemId: it.id, qty: 0, lot: a.lot, units: [] }
      plan.lines.push(line)
    }
    line.qty += a.qty
    line.units.push({ ...a, itemId: it.id })
  }
  for (const plan of orders.values()) {
    for (const code of plan.plates.keys()) {
      if (plateInUse.get(code)!.n > 0) {
        const row = batch.records.find((r) => 'sscc' in r && (r.sscc === code || r.parentSscc === code) && r.order === plan.number)?.row ?? 0
        check.add(row, 'sscc', 'sscc_in_use', `Plate ${code} is already in the store with units on it: an SSCC is never reused.`, code)
      }
    }
    bump(plan.replaceId === null ? 'ordersCreated' : 'ordersReplaced')
    bump('lines', plan.lines.length)
    bump('expectedUnits', plan.lines.reduce((s, l) => s + l.units.filter((u) => u.serial !== null).length, 0))
    bump('expectedPlates', plan.plates.size)
  }
  options.onProgress?.(total, total)

  return () => {
    const insertOrder = db.prepare('INSERT INTO inbound_orders (number, kind, supplier_id, po_number, expected_at, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    const updateOrder = db.prepare('UPDATE inbound_orders SET supplier_id = ?, po_number = ?, expected_at = ? WHERE id = ?')
    const delUnits = db.prepare('DELETE FROM inbound_expected_units WHERE order_id = ?')
    const delPlatesParents = db.prepare('UPDATE inbound_expected_plates SET parent_id = NULL WHERE order_id = ?')
    const delPlates = db.prepare('DELETE FROM inbound_expected_plates WHERE order_id = ?')
    const delLines = db.prepare('DELETE FROM inbound_lines WHERE order_id = ?')
    const insertLine = db.prepare('INSERT INTO inbound_lines (order_id, line_no, item_id, qty_expected, lot) VALUES (?, ?, ?, ?, ?)')
    const insertPlate = db.prepare('INSERT INTO inbound_expected_plates (order_id, code) VALUES (?, ?)')
    const setPlateParent = db.prepare('UPDATE inbound_expected_plates SET parent_id = ? WHERE id = ?')
    const insertUnit = db.prepare(
      'INSERT INTO inbound_expected_units (order_id, line_id, item_id, serial, lot, expiry, plate_id, made_at, production_line, shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
    )
    for (const plan of orders.values()) {
      eventLog.record(
        () => {
          let orderId: number
          if (plan.replaceId !== null) {
            orderId = plan.replaceId
            updateOrder.run(plan.supplierId, plan.poNumber, plan.expectedAt, orderId)
            delUnits.run(orderId)
            delPlatesParents.run(orderId)
            delPlates.run(orderId)
            delLines.run(orderId)
          } else {
            orderId = Number(insertOrder.run(plan.number, plan.kind, plan.supplierId, plan.poNumber, plan.expectedAt, now).lastInsertRowid)
          }
          const plateIds = new Map<string, number>()
          for (const code of plan.plates.keys()) plateIds.set(code, Number(insertPlate.run(orderId, code).lastInsertRowid))
          for (const [code, parent] of plan.plates) if (parent !== null) setPlateParent.run(plateIds.get(parent)!, plateIds.get(code)!)
          let units = 0
          for (const line of plan.lines) {
            const lineId = Number(insertLine.run(orderId, line.lineNo, line.itemId, line.qty, line.lot).lastInsertRowid)
            for (const u of line.units) {
              const plateId = u.sscc === null ? null : plateIds.get(u.sscc)!
              // Serial-less rows are kept one per unit only when they ride on a plate (pallet contents).
              const copies = u.serial !== null ? 1 : plateId !== null ? u.qty : 0
              for (let c = 0; c < copies; c++) insertUnit.run(orderId, lineId, line.itemId, u.serial, u.lot, u.expiry, plateId, u.madeAt, u.productionLine, u.shift)
              units += copies
            }
          }
          return { orderId, units }
        },
        ({ orderId, units }) => ({
          type: plan.replaceId === null ? 'order.imported' : 'order.replaced',
          orderId,
          operatorId,
          payload: { order: plan.number, kind: plan.kind, lines: plan.lines.length, expectedUnits: units, plates: plan.plates.size, source: options.source, origin: options.origin ?? null }
        })
      )
    }
  }
}
