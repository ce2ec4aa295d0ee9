import type { Db } from '../sql'
import { prepare } from './statement'

export interface UnitDetailRow {
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

export interface ExpectedSerialRow {
  serial: string
  sku: string
  order_number: string
}

export interface EventRow {
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

/**
 * Look-up's read statements: a unit's detail and the event timelines. Every one is an index look-up:
 * units(item_id, serial) / units(serial), events(unit_id) / events(plate_id) / events(location_id).
 */
export function createLookupRepository(db: Db) {
  const unitByItemSerial = prepare<[number, string], UnitDetailRow>(db, `${UNIT_SELECT} WHERE u.item_id = ? AND u.serial = ?`)
  const unitsBySerial = prepare<[string], UnitDetailRow>(db, `${UNIT_SELECT} WHERE u.serial = ? LIMIT 50`)
  const unitEvents = prepare<[number], EventRow>(db, `${EVENT_SELECT} WHERE e.unit_id = ? ORDER BY e.id`)
  const plateEvents = prepare<[number, number], EventRow>(db, `SELECT * FROM (${EVENT_SELECT} WHERE e.plate_id = ? AND e.unit_id IS NULL ORDER BY e.id DESC LIMIT ?) ORDER BY id`)
  const locationEvents = prepare<[number, number], EventRow>(db, `SELECT * FROM (${EVENT_SELECT} WHERE e.location_id = ? ORDER BY e.id DESC LIMIT ?) ORDER BY id`)
  const expectedBySerial = prepare<[string, number | null, number | null], ExpectedSerialRow>(
    db,
    `SELECT x.serial, i.sku, o.number AS order_number
       FROM inbound_expected_units x JOIN inbound_orders o ON o.id = x.order_id JOIN items i ON i.id = x.item_id
      WHERE x.serial = ? AND (? IS NULL OR x.item_id = ?) AND o.status IN ('open','receiving')
      ORDER BY o.id DESC LIMIT 1`
  )
  return {
    /** The newest open order that expects this serial (of this item, when given). */
    expectedBySerial: (serial: string, itemId: number | null = null): ExpectedSerialRow | null => expectedBySerial.get(serial, itemId, itemId) ?? null,
    unitByItemSerial: (itemId: number, serial: string): UnitDetailRow | null => unitByItemSerial.get(itemId, serial) ?? null,
    /** Units with this serial, any item (at most 50). */
    unitsBySerial: (serial: string): UnitDetailRow[] => unitsBySerial.all(serial),
    unitEvents: (unitId: number): EventRow[] => unitEvents.all(unitId),
    /** The newest `limit` events of the plate itself (its units have their own), oldest first. */
    plateEvents: (plateId: number, limit: number): EventRow[] => plateEvents.all(plateId, limit),
    locationEvents: (locationId: number, limit: number): EventRow[] => locationEvents.all(locationId, limit)
  }
}

export type LookupRepository = ReturnType<typeof createLookupRepository>
