import type Database from 'better-sqlite3'
import { createSsccIssuer } from '../services/sscc-issuer'
import type { EventLog } from './event-log'
import type { OperatorRepository } from './repositories/operators'
import type { SettingsRepository } from './repositories/settings'

/** PINs of the demo operators, shown on the sign-in screen in DEMO mode only. */
export const DEMO_OPERATORS = [
  { name: 'Ana García', role: 'operator', badge: 'OP-0001', pin: '1234' },
  { name: 'Ben Okafor', role: 'supervisor', badge: 'OP-0002', pin: '4321' },
  { name: 'Carmen Díaz', role: 'administrator', badge: 'OP-0003', pin: '2468' }
] as const

const ITEMS = [
  { sku: 'MON-27-BLK', gtin: '09521234543213', description: '27" monitor, black', tracking: 'serial', rule: { prefix: 'MN', minLength: 10, maxLength: 10, charset: 'alphanumeric' } },
  { sku: 'PEN-INS-5', gtin: '80614141123458', description: 'Insulin pen, box of 5', tracking: 'lot_serial', rule: { charset: 'numeric', minLength: 6, maxLength: 12 } },
  { sku: 'BAT-AA-24', gtin: '09521234000013', description: 'AA batteries, pack of 24', tracking: 'lot', rule: null },
  { sku: 'BOX-M', gtin: '09521234000020', description: 'Shipping carton, medium', tracking: 'none', rule: null }
] as const

const LOCATIONS = [
  { code: 'DEMO', name: 'Demo warehouse', kind: 'site', parent: null },
  { code: 'RCV', name: 'Receiving', kind: 'zone', parent: 'DEMO' },
  { code: 'DOCK-1', name: 'Dock 1', kind: 'dock', parent: 'RCV' },
  { code: 'STOR', name: 'Storage', kind: 'zone', parent: 'DEMO' },
  { code: 'A01', name: 'Aisle 01', kind: 'aisle', parent: 'STOR' },
  { code: 'A01-01', name: 'Aisle 01 shelf 01', kind: 'shelf', parent: 'A01' },
  { code: 'A01-01-01', name: 'Bin A01-01-01', kind: 'bin', parent: 'A01-01' },
  { code: 'A01-01-02', name: 'Bin A01-01-02', kind: 'bin', parent: 'A01-01' },
  { code: 'A01-02-01', name: 'Bin A01-02-01', kind: 'bin', parent: 'A01' },
  { code: 'QUAR', name: 'Quarantine', kind: 'zone', parent: 'DEMO', hold: true },
  { code: 'Q-01', name: 'Quarantine bin Q-01', kind: 'bin', parent: 'QUAR', hold: true },
  { code: 'SHIP', name: 'Shipping', kind: 'zone', parent: 'DEMO' },
  { code: 'DOOR-1', name: 'Loading door 1', kind: 'door', parent: 'SHIP' }
] as const

/**
 * The demo ASN's dates, relative to today so the demo (and the tests built on it) never expire:
 * the pens expire at the end of the month 18 months ahead and were made 6 months ago.
 */
export function demoDates(now: Date): { expiry: string; madeAt: string; expiryAi17: string } {
  const y = now.getUTCFullYear()
  const m = now.getUTCMonth()
  const expiry = new Date(Date.UTC(y, m + 19, 0)).toISOString().slice(0, 10)
  const madeAt = new Date(Date.UTC(y, m - 6, 1)).toISOString().slice(0, 10)
  return { expiry, madeAt, expiryAi17: expiry.slice(2).replaceAll('-', '') }
}

export function hasMasterData(db: Database.Database): boolean {
  return (db.prepare('SELECT EXISTS (SELECT 1 FROM items) OR EXISTS (SELECT 1 FROM operators) AS x').get() as { x: number }).x === 1
}

/**
 * A working station out of the box: operators, items with each tracking policy, suppliers, a location
 * tree, one PO and one ASN with expected serials. Written through the event log like any import.
 */
export function seedDemoData(
  db: Database.Database,
  events: EventLog,
  repos: { operators: OperatorRepository; settings: SettingsRepository },
  pinHashes: Record<string, string>,
  clock: () => Date = () => new Date()
): void {
  const now = clock().toISOString()
  const dates = demoDates(clock())
  events.record(
    () => {
      for (const op of DEMO_OPERATORS) repos.operators.insert({ name: op.name, role: op.role, badge: op.badge, pinHash: pinHashes[op.badge]! })
      const supplier = db.prepare('INSERT INTO suppliers (code, name, gln) VALUES (?, ?, ?)')
      const acme = Number(supplier.run('SUP-ACME', 'ACME Displays Ltd.', '9521234000008').lastInsertRowid)
      const med = Number(supplier.run('SUP-MED', 'MedSupply Co.', '0614141000005').lastInsertRowid)

      const locationIds = new Map<string, number>()
      const location = db.prepare('INSERT INTO locations (code, name, kind, parent_id, hold) VALUES (?, ?, ?, ?, ?)')
      for (const l of LOCATIONS) {
        const hold = 'hold' in l && l.hold ? 1 : 0
        const id = Number(location.run(l.code, l.name, l.kind, l.parent === null ? null : locationIds.get(l.parent)!, hold).lastInsertRowid)
        locationIds.set(l.code, id)
      }

      const itemIds = new Map<string, number>()
      const item = db.prepare(
        'INSERT INTO items (sku, gtin, description, tracking, serial_rule, default_bin_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
      )
      for (const i of ITEMS) {
        const bin = i.tracking === 'none' ? null : locationIds.get('A01-01-01')!
        itemIds.set(i.sku, Number(item.run(i.sku, i.gtin, i.description, i.tracking, i.rule ? JSON.stringify(i.rule) : null, bin, now).lastInsertRowid))
      }
      db.prepare("INSERT INTO lots (item_id, lot, expiry, status, status_note) VALUES (?, 'L2301', '2024-12-31', 'recalled', 'Demo recall: sealing defect')").run(
        itemIds.get('PEN-INS-5')!
      )

      const order = db.prepare('INSERT INTO inbound_orders (number, kind, supplier_id, po_number, expected_at, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      const line = db.prepare('INSERT INTO inbound_lines (order_id, line_no, item_id, qty_expected, lot) VALUES (?, ?, ?, ?, ?)')
      const expected = db.prepare(
        'INSERT INTO inbound_expected_units (order_id, line_id, item_id, serial, lot, expiry, plate_id, made_at, production_line, shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
      )
      const po = Number(order.run('PO-1001', 'po', acme, 'PO-1001', now.slice(0, 10), now).lastInsertRowid)
      const poMonitors = Number(line.run(po, 1, itemIds.get('MON-27-BLK')!, 10, null).lastInsertRowid)
      line.run(po, 2, itemIds.get('BOX-M')!, 50, null)
      for (let n = 1; n <= 10; n++) expected.run(po, poMonitors, itemIds.get('MON-27-BLK')!, `MN${String(4000 + n).padStart(8, '0')}`, null, null, null, null, null, null)

      const asn = Number(order.run('ASN-2001', 'asn', med, 'PO-1002', now.slice(0, 10), now).lastInsertRowid)
      const asnPens = Number(line.run(asn, 1, itemIds.get('PEN-INS-5')!, 6, 'L2405').lastInsertRowid)
      line.run(asn, 2, itemIds.get('BAT-AA-24')!, 20, 'B7788')
      const pallet = Number(db.prepare('INSERT INTO inbound_expected_plates (order_id, code) VALUES (?, ?)').run(asn, '106141412345678908').lastInsertRowid)
      for (let n = 1; n <= 6; n++) {
        expected.run(asn, asnPens, itemIds.get('PEN-INS-5')!, String(100200 + n), 'L2405', dates.expiry, pallet, dates.madeAt, 'FILL-03', 'B')
      }
      // A demo SSCC range, so "New pallet" works out of the box (the ASN's own pallet is 106141412345678908).
      const sscc = createSsccIssuer(db, repos.settings, events)
      if (!sscc.config()) sscc.configure({ companyPrefix: '0614141', extensionDigit: 1, rangeStart: 100_000_000, rangeEnd: 100_999_999 }, null)
      repos.settings.write('stationName', 'Demo station')
      repos.settings.write('site', 'Demo warehouse')
      repos.settings.write('dock', 'Dock 1')
      // The demo lets operators sign in with a badge alone; a real site decides in Settings (ADR 0015).
      repos.settings.write('badgeSignIn', true)
      repos.settings.markDemo()
      return { po, asn }
    },
    (ids) => ({ type: 'demo.seeded', payload: { orders: ['PO-1001', 'ASN-2001'], ...ids } })
  )
}
