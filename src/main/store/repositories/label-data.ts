import type Database from 'better-sqlite3'

/** What a unit label prints, read from the store: the unit and its item. */
export interface UnitLabelRow {
  id: number
  serial: string
  lot: string | null
  expiry: string | null
  gtin: string | null
  description: string
}

const UNIT = 'SELECT u.id, u.serial, u.lot, u.expiry, i.gtin, i.description FROM units u JOIN items i ON i.id = u.item_id'

export type LabelDataRepository = ReturnType<typeof createLabelDataRepository>

/** The look-ups labels are built from: units (with their item), plates and locations by code. */
export function createLabelDataRepository(db: Database.Database) {
  const unitById = db.prepare<[number], UnitLabelRow>(`${UNIT} WHERE u.id = ?`)
  const unitsBySerial = db.prepare<[string], UnitLabelRow>(`${UNIT} WHERE u.serial = ? ORDER BY u.id DESC LIMIT 2`)
  const unitByGtinSerial = db.prepare<[string, string], UnitLabelRow>(`${UNIT} WHERE i.gtin = ? AND u.serial = ?`)
  const plateByCode = db.prepare<[string], { id: number; code: string; kind: string }>('SELECT id, code, kind FROM license_plates WHERE code = ?')
  const locationByCode = db.prepare<[string], { id: number; code: string; name: string }>('SELECT id, code, name FROM locations WHERE code = ?')
  return {
    unit: (id: number): UnitLabelRow | undefined => unitById.get(id),
    /** Up to two units with this serial (two means the serial alone is ambiguous). */
    unitsBySerial: (serial: string): UnitLabelRow[] => unitsBySerial.all(serial),
    unitByGtinSerial: (gtin: string, serial: string): UnitLabelRow | undefined => unitByGtinSerial.get(gtin, serial),
    plateByCode: (code: string) => plateByCode.get(code),
    locationByCode: (code: string) => locationByCode.get(code)
  }
}
