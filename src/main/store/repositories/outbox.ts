import type { Db } from '../sql'

/** The sync outbox: one row per event, written in the event's own transaction (store/event-log.ts). */
export function createOutboxRepository(db: Db) {
  const pending = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND refused IS NULL')
  return {
    pendingCount: (): number => pending.get()?.n ?? 0
  }
}
