import type Database from 'better-sqlite3'
import type { AuditEntry, AuditVerdict } from '../../../shared/contract-areas/access'
import { CHAINED_COLUMNS, eventHash, GENESIS_HASH, type ChainedRow } from '../audit/chain'

export interface AuditQuery {
  types?: string[] | undefined
  operatorId?: number | undefined
  since?: string | undefined
  until?: string | undefined
  beforeId?: number | undefined
  limit?: number | undefined
}

interface Row {
  id: number
  type: string
  occurred_at: string
  operator_id: number | null
  operator_name: string | null
  reason: string | null
  payload: string
}

/** The event types the Settings → Audit view lists by default: who changed the station, and who tried. */
export const AUDIT_TYPES = ['settings.*', 'operator.*', 'access.*', 'device.*', 'scanner.*', 'sscc.configured', 'approval.*', 'import.*']

/** Reads the event log as an audit trail, and walks its hash chain (ADR 0015). */
export function createAuditRepository(db: Database.Database) {
  return {
    list(query: AuditQuery): AuditEntry[] {
      const where: string[] = []
      const values: Array<string | number> = []
      const types = query.types && query.types.length > 0 ? query.types : AUDIT_TYPES
      where.push(`(${types.map(() => '(e.type = ? OR (? LIKE \'%*\' AND e.type LIKE replace(?, \'*\', \'%\')))').join(' OR ')})`)
      for (const t of types) values.push(t, t, t)
      const add = (clause: string, value: string | number | undefined) => {
        if (value === undefined) return
        where.push(clause)
        values.push(value)
      }
      add('e.operator_id = ?', query.operatorId)
      add('e.occurred_at >= ?', query.since)
      add('e.occurred_at <= ?', query.until)
      add('e.id < ?', query.beforeId)
      const sql = `SELECT e.id, e.type, e.occurred_at, e.operator_id, o.name AS operator_name, e.reason, e.payload
                   FROM events e LEFT JOIN operators o ON o.id = e.operator_id
                   WHERE ${where.join(' AND ')} ORDER BY e.id DESC LIMIT ?`
      const rows = db.prepare<unknown[], Row>(sql).all(...values, query.limit ?? 100)
      return rows.map((r) => ({ id: r.id, type: r.type, occurredAt: r.occurred_at, operatorId: r.operator_id, operatorName: r.operator_name, reason: r.reason, payload: JSON.parse(r.payload) as Record<string, unknown> }))
    },
    /**
     * Walks every event in id order: each row's `prev_hash` must be the hash of the row before it, and
     * the newest row's hash must be the chain head, so an altered, removed or reordered row is found.
     */
    verify(): AuditVerdict {
      let prev = GENESIS_HASH
      let count = 0
      let lastId = 0
      const rows = db.prepare<[], ChainedRow>(`SELECT ${CHAINED_COLUMNS} FROM events ORDER BY id`)
      for (const row of rows.iterate()) {
        if (row.prev_hash !== prev) return { ok: false, events: count, firstBrokenEventId: row.id }
        prev = eventHash(row)
        count++
        lastId = row.id
      }
      const head = db.prepare<[], { last_event_id: number; last_hash: string }>('SELECT last_event_id, last_hash FROM event_chain WHERE id = 1').get()
      if (!head || head.last_hash !== prev || head.last_event_id !== lastId) {
        // The newest rows were altered or removed: the first event after the last good one is missing or wrong.
        return { ok: false, events: count, firstBrokenEventId: head && head.last_event_id !== lastId ? Math.min(lastId + 1, head.last_event_id) : lastId }
      }
      return { ok: true, events: count }
    }
  }
}

export type AuditRepository = ReturnType<typeof createAuditRepository>
