import type Database from 'better-sqlite3'
import { classifyScan } from '../../shared/codes/gs1/index'
import type { LocationDetail, LookupResult, PlateDetail, TimelineEntry, UnitDetail } from '../../shared/contract-areas/receiving'
import { AppFailure } from '../errors'
import { describeEvent } from './lookup-describe'
import { identifyEpc, plainGtin } from './receiving/identify'
import type { Stmt } from './receiving/queries'

interface UnitDetailRow {
  id: number
  sku: string
  gtin: string | null
  description: string
  serial: string
  lot: string | null
  lot_status: string | null
  expiry: string | null
  made_at: string | null
  production_line: string | null
  shift: string | null
  supplier_code: string | null
  supplier_name: string | null
  order_number: string | null
  order_kind: string | null
  condition: string
  status: string
  location_id: number | null
  location: string | null
  plate: string | null
  customer: string | null
  received_at: string | null
  updated_at: string
}

interface EventRow {
  id: number
  type: string
  occurred_at: string
  station_id: string
  operator_id: number | null
  operator_name: string | null
  order_number: string | null
  plate_code: string | null
  location_code: string | null
  reason: string | null
  payload: string
}

const UNIT_SELECT = `SELECT u.id, i.sku, i.gtin, i.description, u.serial, u.lot, lt.status AS lot_status, u.expiry, u.made_at, u.production_line, u.shift,
       s.code AS supplier_code, s.name AS supplier_name, o.number AS order_number, o.kind AS order_kind, u.condition, u.status,
       u.location_id, l.code AS location, p.code AS plate, c.name AS customer, u.received_at, u.updated_at
  FROM units u JOIN items i ON i.id = u.item_id
  LEFT JOIN lots lt ON lt.item_id = u.item_id AND lt.lot = u.lot
  LEFT JOIN suppliers s ON s.id = u.supplier_id
  LEFT JOIN inbound_orders o ON o.id = u.inbound_order_id
  LEFT JOIN locations l ON l.id = u.location_id
  LEFT JOIN license_plates p ON p.id = u.plate_id
  LEFT JOIN customers c ON c.id = u.customer_id`

const EVENT_SELECT = `SELECT e.id, e.type, e.occurred_at, e.station_id, e.operator_id, op.name AS operator_name, o.number AS order_number,
       p.code AS plate_code, l.code AS location_code, e.reason, e.payload
  FROM events e LEFT JOIN operators op ON op.id = e.operator_id LEFT JOIN inbound_orders o ON o.id = e.order_id
  LEFT JOIN license_plates p ON p.id = e.plate_id LEFT JOIN locations l ON l.id = e.location_id`

/** How many events a plate's or a location's timeline shows (newest); a unit shows its whole life. */
export const TIMELINE_LIMIT = 500

/**
 * Look-up (DOMAIN flow 6): any code → the unit's, plate's or location's history, read from the event
 * log. Read-only (works on a read-only store for `dockside lookup`). Every query is an index look-up:
 * units(item_id, serial) / units(serial), events(unit_id) / events(plate_id) / events(location_id).
 */
export function createLookup(db: Database.Database, options: { gsSubstitutes?: () => readonly string[] } = {}) {
  const stmt = <P extends unknown[] = unknown[], R = unknown>(sql: string): Stmt<P, R> => db.prepare(sql) as unknown as Stmt<P, R>
  const q = {
    itemByGtin: stmt<[string], { id: number; sku: string }>('SELECT id, sku FROM items WHERE gtin = ?'),
    unitByItemSerial: stmt<[number, string], UnitDetailRow>(`${UNIT_SELECT} WHERE u.item_id = ? AND u.serial = ?`),
    unitsBySerial: stmt<[string], UnitDetailRow>(`${UNIT_SELECT} WHERE u.serial = ? LIMIT 50`),
    unitEvents: stmt<[number], EventRow>(`${EVENT_SELECT} WHERE e.unit_id = ? ORDER BY e.id`),
    plateByCode: stmt<[string], { id: number; code: string; kind: 'sscc' | 'lpn'; parent_code: string | null; location_id: number | null; location: string | null; status: string; created_at: string }>(
      `SELECT p.id, p.code, p.kind, pp.code AS parent_code, p.location_id, l.code AS location, p.status, p.created_at FROM license_plates p
         LEFT JOIN license_plates pp ON pp.id = p.parent_id LEFT JOIN locations l ON l.id = p.location_id WHERE p.code = ?`
    ),
    plateChildren: stmt<[number], { code: string }>('SELECT code FROM license_plates WHERE parent_id = ? ORDER BY id'),
    plateContents: stmt<[number], { sku: string; description: string; units: number }>(
      `WITH RECURSIVE tree(id, depth) AS (SELECT ?, 0 UNION ALL SELECT c.id, t.depth + 1 FROM license_plates c JOIN tree t ON c.parent_id = t.id WHERE t.depth < 8)
       SELECT i.sku, i.description, count(*) AS units FROM units u JOIN items i ON i.id = u.item_id WHERE u.plate_id IN (SELECT id FROM tree) GROUP BY i.id ORDER BY i.sku`
    ),
    plateDirectUnits: stmt<[number], { n: number }>('SELECT count(*) AS n FROM units WHERE plate_id = ?'),
    plateEvents: stmt<[number, number], EventRow>(`SELECT * FROM (${EVENT_SELECT} WHERE e.plate_id = ? AND e.unit_id IS NULL ORDER BY e.id DESC LIMIT ?) ORDER BY id`),
    locationByCode: stmt<[string], { id: number; code: string; name: string; kind: string; active: number }>('SELECT id, code, name, kind, active FROM locations WHERE code = ? COLLATE NOCASE'),
    locationByGln: stmt<[string], { id: number; code: string; name: string; kind: string; active: number }>('SELECT id, code, name, kind, active FROM locations WHERE gln = ? LIMIT 1'),
    locationPath: stmt<[number], { code: string }>(
      `WITH RECURSIVE up(id, code, parent_id, depth) AS (SELECT id, code, parent_id, 0 FROM locations WHERE id = ?
         UNION ALL SELECT l.id, l.code, l.parent_id, up.depth + 1 FROM locations l JOIN up ON l.id = up.parent_id WHERE up.depth < 16)
       SELECT code FROM up ORDER BY depth DESC`
    ),
    locationUnits: stmt<[number], { n: number }>('SELECT count(*) AS n FROM units WHERE location_id = ?'),
    locationPlates: stmt<[number], { code: string }>('SELECT code FROM license_plates WHERE location_id = ? AND parent_id IS NULL ORDER BY id LIMIT 200'),
    locationEvents: stmt<[number, number], EventRow>(`SELECT * FROM (${EVENT_SELECT} WHERE e.location_id = ? ORDER BY e.id DESC LIMIT ?) ORDER BY id`)
  }

  const path = (locationId: number | null): string[] => (locationId === null ? [] : q.locationPath.all(locationId).map((r) => r.code))

  const timeline = (rows: EventRow[]): TimelineEntry[] =>
    rows.map((r) => {
      let payload: Record<string, unknown> = {}
      try {
        payload = JSON.parse(r.payload) as Record<string, unknown>
      } catch {
        payload = {}
      }
      const e = { type: r.type, reason: r.reason, order: r.order_number, plate: r.plate_code, location: r.location_code, payload }
      return {
        eventId: r.id,
        type: r.type,
        at: r.occurred_at,
        stationId: r.station_id,
        operator: r.operator_id === null ? null : { id: r.operator_id, name: r.operator_name ?? `#${r.operator_id}` },
        summary: describeEvent(e),
        order: r.order_number ?? (typeof payload.order === 'string' ? payload.order : null),
        plate: r.plate_code,
        location: r.location_code,
        reason: r.reason,
        payload
      }
    })

  const unitDetail = (r: UnitDetailRow): UnitDetail => ({
    id: r.id,
    sku: r.sku,
    gtin: r.gtin,
    description: r.description,
    serial: r.serial,
    lot: r.lot,
    lotStatus: r.lot_status,
    expiry: r.expiry,
    madeAt: r.made_at,
    productionLine: r.production_line,
    shift: r.shift,
    supplier: r.supplier_code ? { code: r.supplier_code, name: r.supplier_name ?? '' } : null,
    order: r.order_number ? { number: r.order_number, kind: r.order_kind ?? '' } : null,
    condition: r.condition,
    status: r.status,
    location: r.location,
    locationPath: path(r.location_id),
    plate: r.plate,
    customer: r.customer,
    receivedAt: r.received_at,
    updatedAt: r.updated_at
  })

  const unitResult = (code: string, row: UnitDetailRow): LookupResult => ({ kind: 'unit', code, unit: unitDetail(row), timeline: timeline(q.unitEvents.all(row.id)) })

  function plateResult(code: string, plateCode: string): LookupResult | null {
    const p = q.plateByCode.get(plateCode)
    if (!p) return null
    const plate: PlateDetail = {
      id: p.id,
      code: p.code,
      kind: p.kind,
      parentCode: p.parent_code,
      location: p.location,
      status: p.status,
      units: q.plateDirectUnits.get(p.id)!.n,
      children: 0,
      createdAt: p.created_at,
      locationPath: path(p.location_id),
      childCodes: q.plateChildren.all(p.id).map((c) => c.code),
      contents: q.plateContents.all(p.id)
    }
    plate.children = plate.childCodes.length
    return { kind: 'plate', code, plate, timeline: timeline(q.plateEvents.all(p.id, TIMELINE_LIMIT)) }
  }

  function locationResult(code: string, l: { id: number; code: string; name: string; kind: string; active: number }): LookupResult {
    const location: LocationDetail = {
      id: l.id,
      code: l.code,
      name: l.name,
      kind: l.kind,
      path: path(l.id),
      active: l.active === 1,
      units: q.locationUnits.get(l.id)!.n,
      plates: q.locationPlates.all(l.id).map((p) => p.code)
    }
    return { kind: 'location', code, location, timeline: timeline(q.locationEvents.all(l.id, TIMELINE_LIMIT)) }
  }

  const unknown = (code: string, why = 'no unit, plate or location has this code'): never => {
    throw new AppFailure('lookup.unknown', `Unknown code "${code.length > 80 ? `${code.slice(0, 80)}…` : code}": ${why}.`)
  }

  function byGtinSerial(code: string, gtin: string, serial: string): LookupResult {
    const item = q.itemByGtin.get(gtin)
    if (!item) return unknown(code, `GTIN ${gtin} is not a known item`)
    const row = q.unitByItemSerial.get(item.id, serial)
    return row ? unitResult(code, row) : unknown(code, `serial ${serial} of ${item.sku} was never received here`)
  }

  function find(input: string): LookupResult {
    const code = input.replace(/[\r\n]+$/, '')
    if (code.trim().length === 0) throw new AppFailure('lookup.empty', 'Scan or type a code to look up.')
    const c = classifyScan(code, { gsSubstitutes: options.gsSubstitutes?.() ?? [] })
    if (c.kind === 'invalid') throw new AppFailure(c.error.code, `Cannot read "${code}": ${c.error.message}`)
    if (c.kind === 'gs1') {
      const f = c.fields
      if (f.sscc) return plateResult(code, f.sscc) ?? unknown(code, `no plate has SSCC ${f.sscc}`)
      if (f.gtin && f.serial) return byGtinSerial(code, f.gtin, f.serial)
      if (f.gtin) throw new AppFailure('lookup.gtin_only', `GTIN ${f.gtin} names a product, not one unit: scan the serial (or the DataMatrix with the serial).`)
      if (f.gln) {
        const l = q.locationByGln.get(f.gln)
        if (l) return locationResult(code, l)
      }
      return unknown(code)
    }
    const t = c.text.trim()
    const epc = identifyEpc(t)
    if (epc?.kind === 'unit') return byGtinSerial(code, epc.gtin, epc.serial)
    if (epc?.kind === 'sscc') return plateResult(code, epc.sscc) ?? unknown(code, `no plate has SSCC ${epc.sscc}`)
    const plate = plateResult(code, t)
    if (plate) return plate
    const units = q.unitsBySerial.all(t)
    if (units.length === 1) return unitResult(code, units[0]!)
    if (units.length > 1) return { kind: 'choices', code, units: units.map(unitDetail) }
    const l = q.locationByCode.get(t)
    if (l) return locationResult(code, l)
    if (plainGtin(t) && q.itemByGtin.get(plainGtin(t)!)) throw new AppFailure('lookup.gtin_only', `GTIN ${t} names a product, not one unit: scan the serial.`)
    return unknown(code)
  }

  return { find }
}

export type Lookup = ReturnType<typeof createLookup>
