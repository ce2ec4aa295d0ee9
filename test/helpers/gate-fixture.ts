import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { encodeEpc } from '../../src/shared/codes/epc'
import { importFile } from '../../src/main/import'
import type { Station } from '../../src/main/station'

export const PREFIX = '0614141'
export const GTIN = '80614141123458'

export function sgtinHex(serial: string, companyPrefix = PREFIX, itemReference = '812345'): string {
  const r = encodeEpc({ scheme: 'sgtin-96', filter: 1, companyPrefix, itemReference, serial })
  if (!r.ok) throw new Error(r.error.message)
  return r.value.hex
}

export function ssccHex(serialReference: string, companyPrefix = PREFIX): { hex: string; sscc: string } {
  const r = encodeEpc({ scheme: 'sscc-96', filter: 0, companyPrefix, serialReference })
  if (!r.ok || r.value.scheme !== 'sscc-96') throw new Error('bad sscc')
  return { hex: r.value.hex, sscc: r.value.sscc }
}

export interface GateStock {
  /** Serials of loose units in stock. */
  loose: string[]
  /** A pallet with a case holding `palletUnits` units. */
  pallet: { sscc: string; hex: string; caseCode: string; serials: string[] }
}

/**
 * Items, a door and stock for a gate test: loose units and a pallet (pallet → case → units), the
 * station's SSCC company prefix `0614141`. Stock is written as receiving would have left it.
 */
export async function seedGateStock(station: Station, dir: string, loose: string[], palletSerials: string[]): Promise<GateStock> {
  const items = join(dir, 'items.csv')
  writeFileSync(items, `sku,gtin,description,tracking\nPEN,${GTIN},Insulin pen,serial\nBOX,09521234000020,Carton,none\n`)
  const locations = join(dir, 'locations.csv')
  writeFileSync(locations, 'code,name,kind,parent\nSHIP,Shipping,zone,\nDOOR-7,Door 7,door,SHIP\nBIN-1,Bin 1,bin,SHIP\n')
  for (const f of [locations, items]) {
    const r = await importFile(station.store.db, station.eventLog, f)
    if (!r.applied) throw new Error(JSON.stringify(r.errors))
  }
  const db = station.store.db
  const now = new Date().toISOString()
  db.prepare("INSERT INTO settings (key, value) VALUES ('sscc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify({ companyPrefix: PREFIX, extensionDigit: 1, rangeStart: 1, rangeEnd: 999 }))
  const itemId = (db.prepare("SELECT id FROM items WHERE sku = 'PEN'").get() as { id: number }).id
  const pallet = ssccHex('1000000001')
  const palletId = Number(db.prepare("INSERT INTO license_plates (code, kind, status, created_at) VALUES (?, 'sscc', 'closed', ?)").run(pallet.sscc, now).lastInsertRowid)
  const caseCode = 'CASE-0001'
  const caseId = Number(db.prepare("INSERT INTO license_plates (code, kind, parent_id, status, created_at) VALUES (?, 'lpn', ?, 'closed', ?)").run(caseCode, palletId, now).lastInsertRowid)
  const unit = db.prepare("INSERT INTO units (item_id, serial, status, plate_id, received_at, updated_at) VALUES (?, ?, 'stored', ?, ?, ?)")
  for (const s of loose) unit.run(itemId, s, null, now, now)
  for (const s of palletSerials) unit.run(itemId, s, caseId, now, now)
  return { loose, pallet: { sscc: pallet.sscc, hex: pallet.hex, caseCode, serials: palletSerials } }
}

export function writeShipmentCsv(dir: string, name: string, rows: string[]): string {
  const file = join(dir, name)
  writeFileSync(file, ['shipment,customer,customer_name,ship_to,door,item,serial,sscc', ...rows].join('\n') + '\n')
  return file
}
