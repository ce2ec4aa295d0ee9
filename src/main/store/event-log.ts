import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { eventHash } from './audit/chain'

export interface NewEvent {
  /** Dotted verb, e.g. `unit.received`, `plate.moved`, `settings.changed`. */
  type: string
  operatorId?: number | null
  unitId?: number | null
  plateId?: number | null
  orderId?: number | null
  locationId?: number | null
  reason?: string | null
  payload: Record<string, unknown>
}

export interface StoredEvent extends NewEvent {
  id: number
  uuid: string
  occurredAt: string
  stationId: string
}

export interface EventLog {
  /**
   * Writes the event, the current-state change (`apply`) and the sync outbox row in ONE transaction:
   * either all three are durable or none is. Nested calls join the caller's transaction.
   */
  record<T>(apply: () => T, describe: (result: T) => NewEvent): { event: StoredEvent; result: T }
  /** An event with no current-state change of its own (e.g. a reprint, a sign-in). */
  append(event: NewEvent): StoredEvent
}

export interface EventLogOptions {
  now?: () => Date
  /** Called after each committed top-level transaction (e.g. to refresh the sync badge). */
  onCommitted?: (event: StoredEvent) => void
}

export function createEventLog(db: Database.Database, stationId: string, options: EventLogOptions = {}): EventLog {
  const now = options.now ?? (() => new Date())
  const insertEvent = db.prepare(
    `INSERT INTO events (uuid, type, occurred_at, station_id, operator_id, unit_id, plate_id, order_id, location_id, reason, payload, prev_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  // The audit chain (ADR 0015): each row carries the previous row's hash; event_chain holds the newest.
  const chainHead = db.prepare<[], { last_hash: string }>('SELECT last_hash FROM event_chain WHERE id = 1')
  const moveHead = db.prepare('UPDATE event_chain SET last_event_id = ?, last_hash = ? WHERE id = 1')
  const insertOutbox = db.prepare('INSERT INTO outbox (event_id, created_at) VALUES (?, ?)')

  const recordTx = db.transaction((apply: () => unknown, describe: (result: unknown) => NewEvent) => {
    const result = apply()
    const event = describe(result)
    const uuid = randomUUID()
    const occurredAt = now().toISOString()
    const prevHash = chainHead.get()!.last_hash
    const row = {
      uuid,
      type: event.type,
      occurred_at: occurredAt,
      station_id: stationId,
      operator_id: event.operatorId ?? null,
      unit_id: event.unitId ?? null,
      plate_id: event.plateId ?? null,
      order_id: event.orderId ?? null,
      location_id: event.locationId ?? null,
      reason: event.reason ?? null,
      payload: JSON.stringify(event.payload),
      prev_hash: prevHash
    }
    const info = insertEvent.run(row.uuid, row.type, row.occurred_at, row.station_id, row.operator_id, row.unit_id, row.plate_id, row.order_id, row.location_id, row.reason, row.payload, prevHash)
    const id = Number(info.lastInsertRowid)
    moveHead.run(id, eventHash({ ...row, id }))
    insertOutbox.run(id, occurredAt)
    return { event: { ...event, id, uuid, occurredAt, stationId }, result }
  })

  const record = <T>(apply: () => T, describe: (result: T) => NewEvent) => {
    const outermost = !db.inTransaction
    const written = recordTx.immediate(apply, describe as (result: unknown) => NewEvent) as { event: StoredEvent; result: T }
    if (outermost) options.onCommitted?.(written.event)
    return written
  }
  return {
    record,
    append: (event) => record(() => undefined, () => event).event
  }
}
