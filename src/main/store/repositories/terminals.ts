import type Database from 'better-sqlite3'

export interface TerminalRow {
  id: string
  workflow: string
  orderId: number | null
  plateId: number | null
  updatedAt: string
}

interface Row {
  id: string
  workflow: string
  order_id: number | null
  plate_id: number | null
  updated_at: string
}

const toTerminal = (r: Row): TerminalRow => ({ id: r.id, workflow: r.workflow, orderId: r.order_id, plateId: r.plate_id, updatedAt: r.updated_at })

/** Each terminal's persisted workflow state (ADR 0009): what a restart resumes. */
export function createTerminalRepository(db: Database.Database) {
  const byId = db.prepare<[string], Row>('SELECT id, workflow, order_id, plate_id, updated_at FROM terminals WHERE id = ?')
  const all = db.prepare<[], Row>('SELECT id, workflow, order_id, plate_id, updated_at FROM terminals ORDER BY updated_at DESC')
  const upsert = db.prepare(
    `INSERT INTO terminals (id, workflow, order_id, plate_id, updated_at) VALUES (@id, @workflow, @orderId, @plateId, @updatedAt)
     ON CONFLICT(id) DO UPDATE SET workflow = excluded.workflow, order_id = excluded.order_id, plate_id = excluded.plate_id, updated_at = excluded.updated_at`
  )
  return {
    get: (id: string): TerminalRow | null => {
      const row = byId.get(id)
      return row ? toTerminal(row) : null
    },
    list: (): TerminalRow[] => all.all().map(toTerminal),
    save: (t: TerminalRow): void => {
      upsert.run(t)
    }
  }
}

export type TerminalRepository = ReturnType<typeof createTerminalRepository>
