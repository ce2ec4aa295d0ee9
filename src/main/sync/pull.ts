import type { SyncChange, SyncChangesResponse } from '../../shared/sync-protocol'
import { applyBatch } from '../import/apply'
import type { EventLog } from '../store/event-log'
import type { SyncRepository } from '../store/repositories/sync'
import { createItemRepository } from '../store/repositories/items'
import { createShipmentRepository } from '../store/repositories/shipments'
import { inImmediateTransaction, type Db } from '../store/sql'
import type { SyncClient } from './client'
import { masterBatches } from './master'

export const CURSOR_KEY = 'pull.cursor'

export interface PullResult {
  pages: number
  applied: number
  conflictsRaised: number
}

/**
 * Pulls every change after the stored cursor. Each page is applied in ONE transaction together with
 * its new cursor: a crash leaves either the page and its cursor, or neither (the page is pulled again
 * and applied again — every write here is an idempotent upsert). The next page is requested before
 * this one is applied, so the server and the station work at the same time.
 */
export async function pullAll(db: Db, repo: SyncRepository, eventLog: EventLog, client: SyncClient, limit: number, now: () => Date, stop: () => boolean): Promise<PullResult> {
  const result: PullResult = { pages: 0, applied: 0, conflictsRaised: 0 }
  let cursor = repo.state(CURSOR_KEY) ?? '0'
  let next: Promise<SyncChangesResponse> = client.changes(cursor, limit)
  for (;;) {
    const page = await next
    if (page.more && !stop()) {
      next = client.changes(page.cursor, limit)
      next.catch(() => undefined) // awaited on the next turn; not left unhandled if this turn throws
    }
    const from = cursor
    inImmediateTransaction(db, () => {
      // A concurrent pull (sync now while a round runs) may have applied this page already.
      if ((repo.state(CURSOR_KEY) ?? '0') !== from) return
      result.conflictsRaised += applyChanges(db, repo, eventLog, page.changes, now)
      repo.setState(CURSOR_KEY, page.cursor)
    })()
    cursor = page.cursor
    result.pages++
    result.applied += page.changes.length
    if (!page.more || stop()) return result
  }
}

function applyChanges(db: Db, repo: SyncRepository, eventLog: EventLog, changes: readonly SyncChange[], now: () => Date): number {
  const at = now().toISOString()
  const master: { key: string; body: Record<string, unknown> }[] = []
  let raised = 0
  for (const change of changes) {
    if (change.kind === 'unit') repo.upsertUnit(change.body)
    else if (change.kind === 'master') master.push(change)
    else if (repo.upsertConflict(change.body, at)) {
      raised++
      const c = change.body
      // Natural keys in the payload, no unit id: the event must not move the unit upstream.
      eventLog.append({
        type: 'sync.conflict_raised',
        payload: { code: 'sync.conflict_raised', params: { gtin: c.gtin, serial: c.serial, stations: c.stations.join(', ') }, conflictId: c.id, kind: c.kind, counterfeitSuspect: c.counterfeitSuspect, eventUuids: c.eventUuids }
      })
    }
  }
  if (master.length > 0) {
    const shipments = createShipmentRepository(db)
    const { batches, recalls, skipped } = masterBatches(master, { shipment: (number) => shipments.byNumber(number) !== null })
    for (const batch of batches) {
      const result = applyBatch(db, eventLog, batch, { source: 'sync', origin: 'upstream', now })
      // Master data follows upstream; what this station cannot take is recorded, the feed moves on.
      if (!result.applied) skipped.push(...result.errors.map((e) => ({ kind: batch.kind, key: String(e.value ?? e.row), problem: e.message })).slice(0, 20))
    }
    const items = createItemRepository(db)
    for (const r of recalls) {
      const item = items.byRef(r.item)
      if (!item) {
        skipped.push({ kind: 'recall', key: r.key, problem: `item ${r.item} is not held here` })
        continue
      }
      // A recall upstream holds the lot here: receiving refuses its units and the gate keeps them.
      if (repo.recallLot(item.id, r.lot, r.reason ?? null)) {
        eventLog.append({ type: 'lot.recalled', payload: { code: 'sync.lot_recalled', params: { sku: item.sku, lot: r.lot, reason: r.reason ?? '' }, notice: r.key, source: 'upstream' } })
      }
    }
    for (const s of skipped) {
      eventLog.append({ type: 'sync.master_refused', payload: { code: 'sync.master_refused', params: { kind: s.kind, problem: `${s.key}: ${s.problem}` } } })
    }
  }
  return raised
}
