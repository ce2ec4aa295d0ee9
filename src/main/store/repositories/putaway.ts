import type { Db } from '../sql'
import { TREE } from './plate-tree'
import { prepare } from './statement'

/** A unit with what decides whether it must go to a hold location: its status, its lot's status, its expiry. */
export interface HoldCandidateRow {
  id: number
  serial: string
  sku: string
  status: string
  lot: string | null
  expiry: string | null
  lot_status: string | null
  lot_note: string | null
}

const HOLD_SELECT = `SELECT u.id, u.serial, i.sku, u.status, u.lot, COALESCE(u.expiry, lt.expiry) AS expiry, lt.status AS lot_status, lt.status_note AS lot_note
  FROM units u JOIN items i ON i.id = u.item_id LEFT JOIN lots lt ON lt.item_id = u.item_id AND lt.lot = u.lot`

export interface PutawayUnitRow {
  id: number
  item_id: number
  serial: string
  sku: string
  description: string
  status: string
  location_id: number | null
  location: string | null
  plate_id: number | null
  plate: string | null
}

/** The statements put-away needs besides items, plates, locations and the plate tree. */
export function createPutawayRepository(db: Db) {
  const unitByItemSerial = prepare<[number, string], { id: number }>(db, 'SELECT id FROM units WHERE item_id = ? AND serial = ?')
  const unitsBySerial = prepare<[string], { id: number }>(db, 'SELECT id FROM units WHERE serial = ? LIMIT 2')
  const unit = prepare<[number], PutawayUnitRow>(
    db,
    `SELECT u.id, u.item_id, u.serial, i.sku, i.description, u.status, u.location_id, l.code AS location, u.plate_id, p.code AS plate
       FROM units u JOIN items i ON i.id = u.item_id LEFT JOIN locations l ON l.id = u.location_id LEFT JOIN license_plates p ON p.id = u.plate_id WHERE u.id = ?`
  )
  const moveUnit = prepare<[number, string, number]>(db, "UPDATE units SET location_id = ?, status = CASE WHEN status = 'received' THEN 'stored' ELSE status END, updated_at = ? WHERE id = ?")
  const unitOffPlate = prepare<[number, string, number]>(
    db,
    "UPDATE units SET location_id = ?, plate_id = NULL, status = CASE WHEN status = 'received' THEN 'stored' ELSE status END, updated_at = ? WHERE id = ?"
  )
  const unitOntoPlate = prepare<[number, number | null, number | null, string, number]>(
    db,
    "UPDATE units SET plate_id = ?, location_id = ?, status = CASE WHEN status = 'received' AND ? IS NOT NULL THEN 'stored' ELSE status END, updated_at = ? WHERE id = ?"
  )
  const unitHold = prepare<[number], HoldCandidateRow>(db, `${HOLD_SELECT} WHERE u.id = ?`)
  const plateHold = prepare<[number, string, string], HoldCandidateRow>(
    db,
    `${TREE} ${HOLD_SELECT} WHERE u.plate_id IN (SELECT id FROM tree)
       AND (u.status = 'quarantined' OR lt.status IN ('recalled', 'quarantined') OR COALESCE(u.expiry, lt.expiry) < ?)
     ORDER BY CASE WHEN lt.status = 'recalled' THEN 0 WHEN COALESCE(u.expiry, lt.expiry) < ? THEN 1 ELSE 2 END, u.id LIMIT 1`
  )
  return {
    /** A unit's hold facts (status, lot status, expiry). */
    unitHold: (id: number): HoldCandidateRow | null => unitHold.get(id) ?? null,
    /** The unit of a plate tree that puts the whole plate on hold (recalled first, then expired, then quarantined), or null. */
    plateHold: (rootId: number, today: string): HoldCandidateRow | null => plateHold.get(rootId, today, today) ?? null,
    unitIdByItemSerial: (itemId: number, serial: string): number | null => unitByItemSerial.get(itemId, serial)?.id ?? null,
    /** Units with this serial (at most 2: one, or "several items"). */
    unitIdsBySerial: (serial: string): number[] => unitsBySerial.all(serial).map((u) => u.id),
    unit: (id: number): PutawayUnitRow | null => unit.get(id) ?? null,
    /** Stores a unit that stays on its plate. */
    moveUnit: (id: number, locationId: number, at: string): void => void moveUnit.run(locationId, at, id),
    /** Stores a unit taken off its plate. */
    storeUnitOffPlate: (id: number, locationId: number, at: string): void => void unitOffPlate.run(locationId, at, id),
    /** Puts a unit onto a plate (and where the plate is). */
    putOntoPlate: (id: number, plateId: number, locationId: number | null, at: string): void => void unitOntoPlate.run(plateId, locationId, locationId, at, id)
  }
}

export type PutawayRepository = ReturnType<typeof createPutawayRepository>
