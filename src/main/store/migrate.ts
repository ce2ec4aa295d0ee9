import type Database from 'better-sqlite3'
import type { Migration } from './migration'
import { StoreError } from './store-error'

export interface MigrationReport {
  from: number
  to: number
  applied: string[]
}

export function latestVersion(list: readonly Migration[]): number {
  return list.length === 0 ? 0 : list[list.length - 1]!.version
}

/** Reads the schema version without writing anything; refuses a database from a newer Dockside. */
export function assertNotNewer(db: Database.Database, list: readonly Migration[], file: string): number {
  const latest = latestVersion(list)
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > latest) {
    throw new StoreError(
      'store.newer_schema',
      `The database ${file} was written by a newer Dockside (schema ${current}; this version knows up to ${latest}). ` +
        'Install the newer Dockside or choose another data directory; the file was left untouched.'
    )
  }
  return current
}

/**
 * Brings the schema to the newest version: all pending migrations run in one transaction, so a failure
 * leaves the file exactly as it was. A database from a newer Dockside is refused, never touched.
 */
export function migrate(db: Database.Database, list: readonly Migration[], file: string): MigrationReport {
  list.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${index + 1}`)
  })
  const latest = latestVersion(list)
  const current = assertNotNewer(db, list, file)
  const pending = list.filter((m) => m.version > current)
  if (pending.length === 0) return { from: current, to: current, applied: [] }
  db.transaction(() => {
    for (const m of pending) {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    }
  }).immediate()
  return { from: current, to: latest, applied: pending.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}`) }
}
