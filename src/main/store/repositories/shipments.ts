import type { Db } from '../sql'
import { prepare } from './statement'

export interface ShipmentRow {
  id: number
  number: string
  status: string
  customer: string | null
  customer_name: string | null
  customer_id: number | null
  ship_to: string | null
  door: string | null
  door_id: number | null
  created_at: string
  shipped_at: string | null
  partial_reason: string | null
  expected_units: number
  expected_plates: number
}

/** An expected unit of a shipment, with the unit when it is in stock here. */
export interface ExpectedUnitRow {
  item_id: number
  sku: string
  gtin: string | null
  serial: string
  unit_id: number | null
}

/** A unit as the gate sees it: identity, where it is, and whether it may leave. */
export interface GateUnitRow {
  id: number
  item_id: number
  sku: string
  gtin: string | null
  serial: string
  status: string
  lot_status: string | null
  plate: string | null
}

const SHIPMENT = `SELECT s.id, s.number, s.status, c.code AS customer, c.name AS customer_name, s.customer_id, s.ship_to, l.code AS door, s.door_id,
    s.created_at, s.shipped_at, s.partial_reason,
    (SELECT count(*) FROM outbound_expected_units e WHERE e.shipment_id = s.id) AS expected_units,
    (SELECT count(*) FROM outbound_expected_plates p WHERE p.shipment_id = s.id) AS expected_plates
  FROM outbound_shipments s LEFT JOIN customers c ON c.id = s.customer_id LEFT JOIN locations l ON l.id = s.door_id`
const GATE_UNIT = `SELECT u.id, u.item_id, i.sku, i.gtin, u.serial, u.status, lo.status AS lot_status, p.code AS plate
  FROM units u JOIN items i ON i.id = u.item_id LEFT JOIN lots lo ON lo.item_id = u.item_id AND lo.lot = u.lot LEFT JOIN license_plates p ON p.id = u.plate_id`

/** Outbound shipments: the import's writes, the gate's reads and the confirm-load writes. */
export function createShipmentRepository(db: Db) {
  const byNumber = prepare<[string], ShipmentRow>(db, `${SHIPMENT} WHERE s.number = ?`)
  const list = prepare<[string, string, number], ShipmentRow>(db, `${SHIPMENT} WHERE (? = 'all' OR s.status = ?) ORDER BY s.id DESC LIMIT ?`)
  const customerByCode = prepare<[string], { id: number }>(db, 'SELECT id FROM customers WHERE code = ?')
  const insertCustomer = prepare<[string, string]>(db, 'INSERT INTO customers (code, name) VALUES (?, ?)')
  const renameCustomer = prepare<[string, string]>(db, 'UPDATE customers SET name = ? WHERE code = ?')
  const insertShipment = prepare<[string, number, number | null, string | null, string]>(db, "INSERT INTO outbound_shipments (number, customer_id, door_id, ship_to, status, created_at) VALUES (?, ?, ?, ?, 'open', ?)")
  const insertLine = prepare<[number, number, number, number]>(db, 'INSERT INTO outbound_lines (shipment_id, line_no, item_id, qty) VALUES (?, ?, ?, ?)')
  const insertUnit = prepare<[number, number | null, number, string]>(db, 'INSERT INTO outbound_expected_units (shipment_id, line_id, item_id, serial) VALUES (?, ?, ?, ?)')
  const insertPlate = prepare<[number, string]>(db, 'INSERT INTO outbound_expected_plates (shipment_id, code) VALUES (?, ?)')
  const expectedUnits = prepare<[number], ExpectedUnitRow>(
    db,
    `SELECT e.item_id, i.sku, i.gtin, e.serial, u.id AS unit_id FROM outbound_expected_units e JOIN items i ON i.id = e.item_id
      LEFT JOIN units u ON u.item_id = e.item_id AND u.serial = e.serial WHERE e.shipment_id = ? ORDER BY e.id`
  )
  const expectedPlates = prepare<[number], { code: string; plate_id: number | null }>(
    db,
    'SELECT e.code, p.id AS plate_id FROM outbound_expected_plates e LEFT JOIN license_plates p ON p.code = e.code WHERE e.shipment_id = ? ORDER BY e.id'
  )
  const unitByGtinSerial = prepare<[string, string], GateUnitRow>(db, `${GATE_UNIT} WHERE i.gtin = ? AND u.serial = ?`)
  const unitById = prepare<[number], GateUnitRow>(db, `${GATE_UNIT} WHERE u.id = ?`)
  const unitByItemSerial = prepare<[number, string], { id: number; plate_id: number | null }>(db, 'SELECT id, plate_id FROM units WHERE item_id = ? AND serial = ?')
  const plateByCode = prepare<[string], { id: number; code: string; status: string }>(db, 'SELECT id, code, status FROM license_plates WHERE code = ?')
  const insertUnitHeldElsewhere = prepare<[number, string, string]>(db, "INSERT INTO units (item_id, serial, status, updated_at) VALUES (?, ?, 'stored', ?)")
  const shipUnit = prepare<[number | null, number | null, string, number]>(db, "UPDATE units SET status = 'shipped', customer_id = ?, location_id = coalesce(?, location_id), updated_at = ? WHERE id = ?")
  const shipPlate = prepare<[number]>(db, "UPDATE license_plates SET status = 'shipped' WHERE id = ?")
  const closeShipment = prepare<[string, string | null, number, number]>(db, "UPDATE outbound_shipments SET status = 'shipped', shipped_at = ?, partial_reason = ?, loaded_units = ? WHERE id = ?")
  const setStatus = prepare<[string, number]>(db, 'UPDATE outbound_shipments SET status = ? WHERE id = ?')
  return {
    byNumber: (number: string): ShipmentRow | null => byNumber.get(number) ?? null,
    list: (status: 'open' | 'loading' | 'shipped' | 'all', limit: number): ShipmentRow[] => list.all(status, status, limit),
    /** The customer's id, created (or renamed) as the import says. */
    upsertCustomer(code: string, name: string | null): number {
      const found = customerByCode.get(code)
      if (found) {
        if (name !== null) renameCustomer.run(name, code)
        return found.id
      }
      return Number(insertCustomer.run(code, name ?? code).lastInsertRowid)
    },
    customerExists: (code: string): boolean => customerByCode.get(code) !== undefined,
    insertShipment: (number: string, customerId: number, doorId: number | null, shipTo: string | null, now: string): number =>
      Number(insertShipment.run(number, customerId, doorId, shipTo, now).lastInsertRowid),
    insertLine: (shipmentId: number, lineNo: number, itemId: number, qty: number): number => Number(insertLine.run(shipmentId, lineNo, itemId, qty).lastInsertRowid),
    insertExpectedUnit: (shipmentId: number, lineId: number | null, itemId: number, serial: string) => void insertUnit.run(shipmentId, lineId, itemId, serial),
    insertExpectedPlate: (shipmentId: number, code: string) => void insertPlate.run(shipmentId, code),
    expectedUnits: (shipmentId: number): ExpectedUnitRow[] => expectedUnits.all(shipmentId),
    expectedPlates: (shipmentId: number) => expectedPlates.all(shipmentId),
    unitByGtinSerial: (gtin: string, serial: string): GateUnitRow | null => unitByGtinSerial.get(gtin, serial) ?? null,
    unitById: (id: number): GateUnitRow | null => unitById.get(id) ?? null,
    unitByItemSerial: (itemId: number, serial: string) => unitByItemSerial.get(itemId, serial) ?? null,
    plateByCode: (code: string) => plateByCode.get(code) ?? null,
    /** A unit received at another station (the upstream registry's), loaded here: its first row here. */
    insertUnitHeldElsewhere: (itemId: number, serial: string, now: string): number => Number(insertUnitHeldElsewhere.run(itemId, serial, now).lastInsertRowid),
    shipUnit: (unitId: number, customerId: number | null, doorId: number | null, now: string) => void shipUnit.run(customerId, doorId, now, unitId),
    shipPlate: (plateId: number) => void shipPlate.run(plateId),
    closeShipment: (shipmentId: number, now: string, partialReason: string | null, units: number) => void closeShipment.run(now, partialReason, units, shipmentId),
    setStatus: (shipmentId: number, status: 'open' | 'loading') => void setStatus.run(status, shipmentId)
  }
}

export type ShipmentRepository = ReturnType<typeof createShipmentRepository>
