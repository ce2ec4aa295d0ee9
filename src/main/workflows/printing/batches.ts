import type { Result } from '../../../shared/result'
import { ok } from '../../../shared/result'
import { failure } from '../../labels/failure'
import type { EventLog } from '../../store/event-log'
import type { PrintQueueRepository } from '../../store/repositories/print-queue'
import type { BatchProgress, NewJob, PrintJob } from './types'

export const MAX_BATCH = 10_000

export interface Prepared {
  job: NewJob
  data: Record<string, string>
  labelKey: string
}

export interface BatchesDeps {
  repo: PrintQueueRepository
  eventLog: EventLog
  now: () => string
  operatorId: () => number | null
  /** Checks one label (printer, template, data, printed once) without writing. */
  prepare: (job: NewJob) => Result<{ data: Record<string, string>; labelKey: string }>
  /** Inserts one checked original job of a batch; returns its id. */
  insert: (p: Prepared, batchId: number) => number
  job: (id: number) => PrintJob | undefined
}

export interface Batches {
  progress(id: number): BatchProgress | undefined
  /** A batch with nothing left to send or check is done. */
  closeIfDone(batchId: number | null): void
  enqueue(batch: { printerId: string; title: string; jobs: Omit<NewJob, 'printerId'>[] }): Result<{ batch: BatchProgress; jobs: PrintJob[] }>
  cancel(batchId: number): Result<BatchProgress>
}

/** Batches: many labels queued at once (all or none), their progress, and cancelling what has not left. */
export function createBatches(deps: BatchesDeps): Batches {
  const { repo, eventLog, now, operatorId } = deps

  function progress(id: number): BatchProgress | undefined {
    const b = repo.batch(id)
    if (!b) return undefined
    const counts = repo.batchCounts(id)
    return {
      id: b.id,
      title: b.title,
      total: b.total,
      confirmed: counts.confirmed ?? 0,
      queued: (counts.queued ?? 0) + (counts.sending ?? 0) + (counts.sent ?? 0),
      uncertain: counts.uncertain ?? 0,
      cancelled: counts.cancelled ?? 0,
      failed: counts.failed ?? 0,
      status: b.status
    }
  }

  return {
    progress,
    closeIfDone(batchId) {
      if (batchId === null) return
      const p = progress(batchId)
      if (p && p.status === 'open' && p.queued === 0 && p.uncertain === 0) repo.setBatchStatus(batchId, 'done')
    },
    enqueue(batch) {
      if (batch.jobs.length === 0) return failure('print.empty_batch', {})
      if (batch.jobs.length > MAX_BATCH) return failure('print.batch_too_large', { max: MAX_BATCH })
      const prepared: Prepared[] = []
      const keys = new Set<string>()
      for (const [i, j] of batch.jobs.entries()) {
        const job = { ...j, printerId: batch.printerId }
        const p = deps.prepare(job)
        if (!p.ok) {
          // The label's own code and parameters; which label it was is in `details.index`.
          const error = { ...p.error, message: `Label ${i + 1}: ${p.error.message}`, details: { ...p.error.details, index: i } }
          return { ok: false, error }
        }
        if (keys.has(p.value.labelKey)) return failure('print.duplicate_in_batch', { index: i + 1 }, { index: i })
        keys.add(p.value.labelKey)
        prepared.push({ job, data: p.value.data, labelKey: p.value.labelKey })
      }
      const { result } = eventLog.record(
        () => {
          const batchId = repo.insertBatch(batch.title, prepared.length, operatorId(), now())
          return { batchId, ids: prepared.map((p) => deps.insert(p, batchId)) }
        },
        (r) => ({ type: 'print.batch_queued', operatorId: operatorId(), payload: { batchId: r.batchId, title: batch.title, total: prepared.length, printerId: batch.printerId } })
      )
      return ok({ batch: progress(result.batchId)!, jobs: result.ids.map((id) => deps.job(id)!) })
    },
    cancel(batchId) {
      const b = progress(batchId)
      if (!b) return failure('print.unknown_batch', { batchId })
      eventLog.record(
        () => {
          const n = repo.cancelQueuedOfBatch(batchId, now())
          repo.setBatchStatus(batchId, 'cancelled')
          return n
        },
        (n) => ({ type: 'print.batch_cancelled', operatorId: operatorId(), payload: { batchId, cancelled: n, confirmed: b.confirmed } })
      )
      return ok(progress(batchId)!)
    }
  }
}
