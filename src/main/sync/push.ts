import { syncEventSchema, type SyncEvent } from '../../shared/sync-protocol'
import type { SyncRepository, OutboxEventRow } from '../store/repositories/sync'
import type { SyncClient } from './client'

/** The event as the sync protocol carries it: natural keys, never local row ids. */
export function toSyncEvent(r: OutboxEventRow): SyncEvent {
  const payload = JSON.parse(r.payload) as Record<string, unknown>
  return {
    uuid: r.uuid,
    type: r.type,
    occurredAt: r.occurred_at,
    stationId: r.station_id,
    payload: r.reason ? { ...payload, reason: r.reason } : payload,
    unit: r.gtin && r.serial && /^\d{14}$/.test(r.gtin) ? { gtin: r.gtin, serial: r.serial } : null,
    plate: r.plate_code ? { code: r.plate_code } : null,
    order: r.order_number ? { number: r.order_number } : null,
    location: r.location_code ? { code: r.location_code } : null,
    operator: r.operator
  }
}

export interface PushRound {
  sent: number
  stored: number
  duplicates: number
  refused: number
}

/**
 * Pushes one batch of the outbox. Rows are marked sent only after the server acknowledged the whole
 * batch; a crash or a lost answer before that resends it, and the server stores each uuid once.
 * An event the protocol cannot carry is marked refused (with the reason), never retried forever.
 */
export async function pushBatch(repo: SyncRepository, client: SyncClient, batchSize: number, now: () => Date): Promise<PushRound> {
  const rows = repo.pendingBatch(batchSize)
  const round: PushRound = { sent: 0, stored: 0, duplicates: 0, refused: 0 }
  if (rows.length === 0) return round
  const events: SyncEvent[] = []
  const ids: number[] = []
  for (const row of rows) {
    const event = toSyncEvent(row)
    const checked = syncEventSchema.safeParse(event)
    if (!checked.success) {
      const problem = checked.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; ')
      repo.markRefused(row.outbox_id, JSON.stringify({ code: 'sync.event_refused', params: { uuid: row.uuid, type: row.type, problem } }))
      round.refused++
      continue
    }
    events.push(event)
    ids.push(row.outbox_id)
  }
  if (events.length === 0) return round
  try {
    const ack = await client.push(events)
    repo.markSent(ids, now().toISOString())
    return { sent: events.length, stored: ack.stored, duplicates: ack.duplicates, refused: round.refused }
  } catch (error) {
    repo.markFailed(ids, error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'sync.unreachable')
    throw error
  }
}
