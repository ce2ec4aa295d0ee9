/**
 * Plans the writes of a `shipment` import: every reference (item, door, existing shipment) is checked
 * first; the returned function writes customers, shipments, lines, expected units and expected plates
 * inside `applyBatch`'s one transaction.
 */
import type { Db } from '../store/sql'
import { createItemRepository } from '../store/repositories/items'
import { createLocationRepository } from '../store/repositories/locations'
import { createShipmentRepository } from '../store/repositories/shipments'
import type { ShipmentRecord } from './shipment-format'

interface Check {
  add(row: number, column: string | null, rule: string, message: string, value?: string | null): void
}

interface PlannedLine {
  lineNo: number
  itemId: number
  qty: number
  serials: string[]
}
interface PlannedShipment {
  number: string
  customer: string
  customerName: string | null
  shipTo: string | null
  doorId: number | null
  lines: Map<number, PlannedLine>
  plates: string[]
}

export function planShipments(db: Db, records: readonly ShipmentRecord[], check: Check, bump: (k: string, n?: number) => void, now: string): () => void {
  const repo = createShipmentRepository(db)
  const items = createItemRepository(db)
  const locations = createLocationRepository(db)
  const shipments = new Map<string, PlannedShipment>()
  for (const r of records) {
    let s = shipments.get(r.shipment)
    if (!s) {
      if (repo.byNumber(r.shipment)) check.add(r.row, 'shipment', 'exists', `Shipment ${r.shipment} was already imported.`, r.shipment)
      s = { number: r.shipment, customer: r.customer, customerName: r.customerName, shipTo: r.shipTo, doorId: null, lines: new Map(), plates: [] }
      shipments.set(r.shipment, s)
    }
    s.customerName ??= r.customerName
    s.shipTo ??= r.shipTo
    if (r.door !== null && s.doorId === null) {
      const door = locations.byCode(r.door)
      if (!door) check.add(r.row, 'door', 'reference', `Location ${r.door} does not exist: import the locations first.`, r.door)
      else if (door.kind !== 'door' && door.kind !== 'dock') check.add(r.row, 'door', 'reference', `${r.door} is a ${door.kind}, not a door or dock.`, r.door)
      else s.doorId = door.id
    }
    if (r.sscc !== null) {
      s.plates.push(r.sscc)
      continue
    }
    if (r.item === null) {
      check.add(r.row, 'item', 'required', 'Each row names an item (SKU or GTIN) or a pallet SSCC.', r.item)
      continue
    }
    const item = items.byRef(r.item)
    if (!item) {
      check.add(r.row, 'item', 'reference', `Item ${r.item} is neither a SKU nor a GTIN of an imported item.`, r.item)
      continue
    }
    if (r.serial !== null && item.tracking !== 'serial' && item.tracking !== 'lot_serial') {
      check.add(r.row, 'serial', 'tracking', `Item ${item.sku} is not tracked by serial (tracking ${item.tracking}).`, r.serial)
      continue
    }
    const lineNo = r.line ?? ([...s.lines.values()].find((l) => l.itemId === item.id)?.lineNo ?? s.lines.size + 1)
    let line = s.lines.get(lineNo)
    if (!line) s.lines.set(lineNo, (line = { lineNo, itemId: item.id, qty: 0, serials: [] }))
    else if (line.itemId !== item.id) {
      check.add(r.row, 'line', 'consistent', `Line ${lineNo} is already another item on shipment ${s.number}.`, String(lineNo))
      continue
    }
    if (r.serial !== null) {
      line.serials.push(r.serial)
      line.qty++
    } else line.qty += r.qty ?? 1
  }
  for (const s of shipments.values()) {
    bump('shipments')
    bump('lines', s.lines.size)
    bump('expectedUnits', [...s.lines.values()].reduce((n, l) => n + l.serials.length, 0))
    bump('expectedPlates', s.plates.length)
  }
  return () => {
    for (const s of shipments.values()) {
      const customerId = repo.upsertCustomer(s.customer, s.customerName)
      const id = repo.insertShipment(s.number, customerId, s.doorId, s.shipTo, now)
      for (const l of s.lines.values()) {
        const lineId = repo.insertLine(id, l.lineNo, l.itemId, l.qty)
        for (const serial of l.serials) repo.insertExpectedUnit(id, lineId, l.itemId, serial)
      }
      for (const code of s.plates) repo.insertExpectedPlate(id, code)
    }
  }
}
