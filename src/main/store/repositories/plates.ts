import type { PlateSummary } from '../../../shared/contract-areas/receiving'
import type { Db } from '../sql'
import { prepare } from './statement'

export interface PlateRow {
  id: number
  code: string
  kind: 'sscc' | 'lpn'
  parent_id: number | null
  location_id: number | null
  status: string
  created_at: string
}

interface SummaryRow {
  id: number
  code: string
  kind: 'sscc' | 'lpn'
  parent_code: string | null
  location: string | null
  status: string
  created_at: string
  units: number
  children: number
}

/** License plates by code or id, their summary and moves: the one place these statements are written. */
export function createPlateRepository(db: Db) {
  const byCode = prepare<[string], PlateRow>(db, 'SELECT id, code, kind, parent_id, location_id, status, created_at FROM license_plates WHERE code = ?')
  const byId = prepare<[number], PlateRow>(db, 'SELECT id, code, kind, parent_id, location_id, status, created_at FROM license_plates WHERE id = ?')
  const insert = prepare<[string, string, number | null, number | null, string]>(db, 'INSERT INTO license_plates (code, kind, parent_id, location_id, created_at) VALUES (?, ?, ?, ?, ?)')
  const setParent = prepare<[number | null, number]>(db, 'UPDATE license_plates SET parent_id = ? WHERE id = ?')
  const setLocation = prepare<[number, number]>(db, 'UPDATE license_plates SET location_id = ? WHERE id = ?')
  const children = prepare<[number], { code: string }>(db, 'SELECT code FROM license_plates WHERE parent_id = ? ORDER BY id')
  const summary = prepare<[number], SummaryRow>(
    db,
    `SELECT p.id, p.code, p.kind, pp.code AS parent_code, l.code AS location, p.status, p.created_at,
            (SELECT count(*) FROM units u WHERE u.plate_id = p.id) AS units,
            (SELECT count(*) FROM license_plates c WHERE c.parent_id = p.id) AS children
       FROM license_plates p LEFT JOIN license_plates pp ON pp.id = p.parent_id LEFT JOIN locations l ON l.id = p.location_id WHERE p.id = ?`
  )
  return {
    byCode: (code: string): PlateRow | null => byCode.get(code) ?? null,
    byId: (id: number): PlateRow | null => byId.get(id) ?? null,
    insert: (code: string, kind: 'sscc' | 'lpn', parentId: number | null, locationId: number | null, at: string): number => Number(insert.run(code, kind, parentId, locationId, at).lastInsertRowid),
    setParent: (id: number, parentId: number | null): void => void setParent.run(parentId, id),
    setLocation: (id: number, locationId: number): void => void setLocation.run(locationId, id),
    childCodes: (id: number): string[] => children.all(id).map((c) => c.code),
    /** The plate as the screens show it (units directly on it, child plates). */
    summary(id: number): PlateSummary | null {
      const r = summary.get(id)
      if (!r) return null
      return { id: r.id, code: r.code, kind: r.kind, parentCode: r.parent_code, location: r.location, status: r.status, units: r.units, children: r.children, createdAt: r.created_at }
    }
  }
}

export type PlateRepository = ReturnType<typeof createPlateRepository>
