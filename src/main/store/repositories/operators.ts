import type Database from 'better-sqlite3'
import type { OperatorRole, OperatorSummary } from '../../../shared/model/station'

interface OperatorRow {
  id: number
  name: string
  badge: string | null
  pin_hash: string | null
  role: OperatorRole
}

export interface NewOperator {
  name: string
  role: OperatorRole
  badge?: string
  pinHash?: string
}

const toSummary = (row: OperatorRow): OperatorSummary => ({
  id: row.id,
  name: row.name,
  role: row.role,
  hasPin: row.pin_hash !== null,
  hasBadge: row.badge !== null
})

export function createOperatorRepository(db: Database.Database) {
  const columns = 'id, name, badge, pin_hash, role'
  const listActive = db.prepare<[], OperatorRow>(`SELECT ${columns} FROM operators WHERE active = 1 ORDER BY name`)
  const byBadge = db.prepare<[string], OperatorRow>(`SELECT ${columns} FROM operators WHERE badge = ? AND active = 1`)
  const byId = db.prepare<[number], OperatorRow>(`SELECT ${columns} FROM operators WHERE id = ? AND active = 1`)
  const insert = db.prepare('INSERT INTO operators (name, badge, pin_hash, role, created_at) VALUES (?, ?, ?, ?, ?)')

  return {
    list: (): OperatorSummary[] => listActive.all().map(toSummary),
    findByBadge: (badge: string) => {
      const row = byBadge.get(badge)
      return row ? { summary: toSummary(row), pinHash: row.pin_hash } : null
    },
    findById: (id: number) => {
      const row = byId.get(id)
      return row ? { summary: toSummary(row), pinHash: row.pin_hash } : null
    },
    insert: (op: NewOperator): number =>
      Number(insert.run(op.name, op.badge ?? null, op.pinHash ?? null, op.role, new Date().toISOString()).lastInsertRowid)
  }
}

export type OperatorRepository = ReturnType<typeof createOperatorRepository>
