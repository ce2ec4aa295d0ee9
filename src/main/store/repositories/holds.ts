import type { Db } from '../sql'
import { prepare } from './statement'

/** A unit with what decides its hold (its status, its lot's status, its expiry) and where it is. */
export interface HeldUnitRow {
  id: number
  serial: string
  sku: string
  status: string
  lot: string | null
  expiry: string | null
  lot_status: string | null
  lot_note: string | null
  location_id: number | null
  location: string | null
  location_kind: string | null
}

const HELD_SELECT = `SELECT u.id, u.serial, i.sku, u.status, u.lot, COALESCE(u.expiry, lt.expiry) AS expiry, lt.status AS lot_status, lt.status_note AS lot_note,
       u.location_id, l.code AS location, l.kind AS location_kind
  FROM units u JOIN items i ON i.id = u.item_id LEFT JOIN lots lt ON lt.item_id = u.item_id AND lt.lot = u.lot LEFT JOIN locations l ON l.id = u.location_id`

/** The statements releasing a hold needs (ADR 0019). */
export function createHoldsRepository(db: Db) {
  const byId = prepare<[number], HeldUnitRow>(db, `${HELD_SELECT} WHERE u.id = ?`)
  const bySerial = prepare<[string], HeldUnitRow>(db, `${HELD_SELECT} WHERE u.serial = ? AND u.status <> 'expected' LIMIT 2`)
  const release = prepare<[string, string, number]>(db, "UPDATE units SET status = ?, updated_at = ? WHERE id = ? AND status = 'quarantined'")
  return {
    unit: (id: number): HeldUnitRow | null => byId.get(id) ?? null,
    /** Units in the system with this serial (at most 2: one, or "several items"). */
    unitsBySerial: (serial: string): HeldUnitRow[] => bySerial.all(serial),
    /** A quarantined unit back to good stock; false when it was not quarantined any more. */
    release: (id: number, status: 'received' | 'stored', at: string): boolean => release.run(status, at, id).changes === 1
  }
}

export type HoldsRepository = ReturnType<typeof createHoldsRepository>
