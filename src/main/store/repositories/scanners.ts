import type Database from 'better-sqlite3'
import type { RegisteredScanner, ScannerKind, ScannerSuffix } from '../../../shared/model/scanners'

interface Row {
  id: number
  name: string
  kind: ScannerKind
  port: string
  baud: number
  suffix: ScannerSuffix
  terminal_id: string | null
  enabled: number
  created_at: string
  updated_at: string
}

export type NewScannerRow = Pick<RegisteredScanner, 'name' | 'kind' | 'port' | 'baud' | 'suffix' | 'terminal'>
export type ScannerChange = Partial<Pick<RegisteredScanner, 'name' | 'port' | 'baud' | 'suffix' | 'terminal' | 'enabled'>>

const COLUMNS = 'id, name, kind, port, baud, suffix, terminal_id, enabled, created_at, updated_at'

const toScanner = (r: Row): RegisteredScanner => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  port: r.port,
  baud: r.baud,
  suffix: r.suffix,
  terminal: r.terminal_id,
  enabled: r.enabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at
})

/** The scanners table (migration 0010): the scanners site IT added, by port. */
export function createScannerRepository(db: Database.Database) {
  const all = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM scanners ORDER BY id`)
  const byId = db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM scanners WHERE id = ?`)
  const byPort = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM scanners WHERE port = ?`)
  const insert = db.prepare(`INSERT INTO scanners (name, kind, port, baud, suffix, terminal_id, enabled, created_at, updated_at) VALUES (@name, @kind, @port, @baud, @suffix, @terminal, 1, @at, @at)`)
  const update = db.prepare(`UPDATE scanners SET name = @name, port = @port, baud = @baud, suffix = @suffix, terminal_id = @terminal, enabled = @enabled, updated_at = @at WHERE id = @id`)
  const remove = db.prepare('DELETE FROM scanners WHERE id = ?')
  return {
    list: (): RegisteredScanner[] => all.all().map(toScanner),
    get: (id: number): RegisteredScanner | null => {
      const row = byId.get(id)
      return row ? toScanner(row) : null
    },
    byPort: (port: string): RegisteredScanner | null => {
      const row = byPort.get(port)
      return row ? toScanner(row) : null
    },
    insert: (s: NewScannerRow, at: string): number => Number(insert.run({ ...s, at }).lastInsertRowid),
    update: (id: number, next: RegisteredScanner, at: string): void => {
      update.run({ id, name: next.name, port: next.port, baud: next.baud, suffix: next.suffix, terminal: next.terminal, enabled: next.enabled ? 1 : 0, at })
    },
    remove: (id: number): void => {
      remove.run(id)
    }
  }
}

export type ScannerRepository = ReturnType<typeof createScannerRepository>
