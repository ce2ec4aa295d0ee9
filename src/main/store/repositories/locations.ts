import type { Db } from '../sql'
import { prepare } from './statement'

export interface LocationRow {
  id: number
  code: string
  name: string
  kind: string
  active: number
  parent_id: number | null
  /** 1: a quarantine/hold location (recalled, quarantined, expired units go only here). */
  hold: number
}

const COLUMNS = 'id, code, name, kind, active, parent_id, hold'

/** Locations by code, GLN or id, their path and contents: the one place these look-ups are written. */
export function createLocationRepository(db: Db) {
  const byCode = prepare<[string], LocationRow>(db, `SELECT ${COLUMNS} FROM locations WHERE code = ? COLLATE NOCASE`)
  const byId = prepare<[number], LocationRow>(db, `SELECT ${COLUMNS} FROM locations WHERE id = ?`)
  const byGln = prepare<[string], LocationRow>(db, `SELECT ${COLUMNS} FROM locations WHERE gln = ? LIMIT 1`)
  const firstDock = prepare<[], LocationRow>(db, `SELECT ${COLUMNS} FROM locations WHERE kind = 'dock' AND active = 1 ORDER BY id LIMIT 1`)
  const path = prepare<[number], { code: string }>(
    db,
    `WITH RECURSIVE up(id, code, parent_id, depth) AS (SELECT id, code, parent_id, 0 FROM locations WHERE id = ?
       UNION ALL SELECT l.id, l.code, l.parent_id, up.depth + 1 FROM locations l JOIN up ON l.id = up.parent_id WHERE up.depth < 16)
     SELECT code FROM up ORDER BY depth DESC`
  )
  const emptiestBin = prepare<[number], LocationRow>(
    db,
    `WITH RECURSIVE down(id, depth) AS (SELECT ?, 0 UNION ALL SELECT l.id, d.depth + 1 FROM locations l JOIN down d ON l.parent_id = d.id WHERE d.depth < 16)
     SELECT l.id, l.code, l.name, l.kind, l.active, l.parent_id, l.hold FROM locations l JOIN down d ON d.id = l.id
      WHERE l.kind = 'bin' AND l.active = 1 AND l.hold = 0
      ORDER BY (SELECT count(*) FROM units u WHERE u.location_id = l.id), l.code LIMIT 1`
  )
  const emptiestHold = prepare<[], LocationRow>(
    db,
    `SELECT ${COLUMNS} FROM locations l WHERE hold = 1 AND active = 1 AND kind IN ('bin', 'shelf')
      ORDER BY (SELECT count(*) FROM units u WHERE u.location_id = l.id), code LIMIT 1`
  )
  const unitCount = prepare<[number], { n: number }>(db, 'SELECT count(*) AS n FROM units WHERE location_id = ?')
  const topPlates = prepare<[number], { code: string }>(db, 'SELECT code FROM license_plates WHERE location_id = ? AND parent_id IS NULL ORDER BY id LIMIT 200')
  return {
    /** By code, case-insensitive (a bin label may be typed in lower case). */
    byCode: (code: string): LocationRow | null => byCode.get(code) ?? null,
    byId: (id: number): LocationRow | null => byId.get(id) ?? null,
    byGln: (gln: string): LocationRow | null => byGln.get(gln) ?? null,
    /** The first active dock: where received goods are unless configured otherwise. */
    firstDock: (): LocationRow | null => firstDock.get() ?? null,
    /** Codes from the top of the location tree down to this one. */
    path: (id: number | null): string[] => (id === null ? [] : path.all(id).map((r) => r.code)),
    /** The active bin under a zone with the fewest units (ties: by code). */
    emptiestBinIn: (zoneId: number): LocationRow | null => emptiestBin.get(zoneId) ?? null,
    /** The active hold (quarantine) bin or shelf with the fewest units (ties: by code). */
    emptiestHoldBin: (): LocationRow | null => emptiestHold.get() ?? null,
    unitCount: (id: number): number => unitCount.get(id)?.n ?? 0,
    /** Top-level plates at the location (at most 200). */
    topPlateCodes: (id: number): string[] => topPlates.all(id).map((p) => p.code)
  }
}

export type LocationRepository = ReturnType<typeof createLocationRepository>
