import type Database from 'better-sqlite3'
import type { OperatorName, OperatorRecord, OperatorRole, OperatorSummary } from '../../../shared/model/station'

/** The operators table keeps the schema's original word `admin` (migration 0001's CHECK); the contract says administrator. */
type StoredRole = 'operator' | 'supervisor' | 'admin'
const toStored = (role: OperatorRole): StoredRole => (role === 'administrator' ? 'admin' : role)
const fromStored = (role: StoredRole): OperatorRole => (role === 'admin' ? 'administrator' : role)

interface OperatorRow {
  id: number
  name: string
  badge: string | null
  pin_hash: string | null
  role: StoredRole
  active: number
  failed_pins: number
  locked_until: string | null
}

export interface NewOperator {
  name: string
  role: OperatorRole
  badge?: string | null
  pinHash?: string | null
}

export interface OperatorChange {
  name?: string
  role?: OperatorRole
  badge?: string | null
  active?: boolean
}

export interface FoundOperator {
  summary: OperatorSummary
  pinHash: string | null
  failedPins: number
  lockedUntil: string | null
}

const toSummary = (row: OperatorRow): OperatorSummary => ({
  id: row.id,
  name: row.name,
  role: fromStored(row.role),
  hasPin: row.pin_hash !== null,
  hasBadge: row.badge !== null
})

const toRecord = (row: OperatorRow): OperatorRecord => ({
  id: row.id,
  name: row.name,
  role: fromStored(row.role),
  badge: row.badge,
  active: row.active === 1,
  hasPin: row.pin_hash !== null,
  lockedUntil: row.locked_until
})

const toFound = (row: OperatorRow): FoundOperator => ({ summary: toSummary(row), pinHash: row.pin_hash, failedPins: row.failed_pins, lockedUntil: row.locked_until })

/** Operators: never deleted (history keeps the name), only deactivated. */
export function createOperatorRepository(db: Database.Database) {
  const columns = 'id, name, badge, pin_hash, role, active, failed_pins, locked_until'
  const listActive = db.prepare<[], OperatorRow>(`SELECT ${columns} FROM operators WHERE active = 1 ORDER BY name`)
  const listAll = db.prepare<[], OperatorRow>(`SELECT ${columns} FROM operators ORDER BY active DESC, name`)
  const byBadge = db.prepare<[string], OperatorRow>(`SELECT ${columns} FROM operators WHERE badge = ? AND active = 1`)
  const byBadgeAny = db.prepare<[string], OperatorRow>(`SELECT ${columns} FROM operators WHERE badge = ?`)
  const byId = db.prepare<[number], OperatorRow>(`SELECT ${columns} FROM operators WHERE id = ? AND active = 1`)
  const byIdAny = db.prepare<[number], OperatorRow>(`SELECT ${columns} FROM operators WHERE id = ?`)
  const insert = db.prepare('INSERT INTO operators (name, badge, pin_hash, role, created_at) VALUES (?, ?, ?, ?, ?)')
  const activeAdmins = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM operators WHERE role = 'admin' AND active = 1")
  const setPin = db.prepare('UPDATE operators SET pin_hash = ?, failed_pins = 0, locked_until = NULL WHERE id = ?')
  const setFailures = db.prepare('UPDATE operators SET failed_pins = ?, locked_until = ? WHERE id = ?')

  return {
    /** Active operators, names only: what the sign-in screen shows to anybody. */
    names: (): OperatorName[] => listActive.all().map((r) => ({ id: r.id, name: r.name, hasPin: r.pin_hash !== null })),
    list: (): OperatorSummary[] => listActive.all().map(toSummary),
    all: (): OperatorRecord[] => listAll.all().map(toRecord),
    record: (id: number): OperatorRecord | null => {
      const row = byIdAny.get(id)
      return row ? toRecord(row) : null
    },
    findByBadge: (badge: string): FoundOperator | null => {
      const row = byBadge.get(badge)
      return row ? toFound(row) : null
    },
    findById: (id: number): FoundOperator | null => {
      const row = byId.get(id)
      return row ? toFound(row) : null
    },
    /** The operator (active or not) holding a badge, for duplicate checks. */
    badgeHolder: (badge: string): number | null => byBadgeAny.get(badge)?.id ?? null,
    activeAdministrators: (): number => activeAdmins.get()!.n,
    insert: (op: NewOperator): number =>
      Number(insert.run(op.name, op.badge ?? null, op.pinHash ?? null, toStored(op.role), new Date().toISOString()).lastInsertRowid),
    update(id: number, change: OperatorChange): void {
      const sets: string[] = []
      const values: unknown[] = []
      const add = (column: string, value: unknown) => {
        if (value === undefined) return
        sets.push(`${column} = ?`)
        values.push(value)
      }
      add('name', change.name)
      add('role', change.role === undefined ? undefined : toStored(change.role))
      add('badge', change.badge)
      add('active', change.active === undefined ? undefined : change.active ? 1 : 0)
      if (sets.length > 0) db.prepare(`UPDATE operators SET ${sets.join(', ')} WHERE id = ?`).run(...values, id)
    },
    /** A new PIN hash (null: chosen at the next sign-in); clears wrong-PIN counts and the lock. */
    setPin: (id: number, pinHash: string | null): void => {
      setPin.run(pinHash, id)
    },
    setFailures: (id: number, failedPins: number, lockedUntil: string | null): void => {
      setFailures.run(failedPins, lockedUntil, id)
    }
  }
}

export type OperatorRepository = ReturnType<typeof createOperatorRepository>
