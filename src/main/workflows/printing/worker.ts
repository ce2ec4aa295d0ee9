/**
 * The send loop (ADR 0006): one worker per printer, at most once per label.
 *
 *   queued ──(printer ready)──> sending ──(bytes out)──> sent ──(printer answered ~HS)──> confirmed
 *     │  printer offline / paper out: stays queued, "held", retried              └─> uncertain
 *     └─ cancelled (batch cancel, before sending)
 *
 * `sending` is written (synchronous=FULL) before the first byte leaves; a job found `sending` or `sent`
 * at start-up (the process died in between) becomes `uncertain` — shown to the operator as "check the
 * printer / confirm or reprint with a reason", never resent automatically.
 */
import { msg } from '../../../shared/messages/catalog'
import type { PrinterTransport } from '../../devices/printers/types'
import { sendJob, type JobOutcome } from '../../devices/printers/zebra'
import { statusMessage } from '../../devices/printers/zebra-status'
import type { LabelService } from '../../labels'
import type { EventLog } from '../../store/event-log'
import type { PrintQueueRepository } from '../../store/repositories/print-queue'
import type { Batches } from './batches'
import { encodeNote, toPrintJob } from './notes'
import type { PrinterHealth } from './printer-state'
import type { PrinterRecord, PrintJob, QueueChange } from './types'

export interface WorkerDeps {
  repo: PrintQueueRepository
  eventLog: EventLog
  labels: LabelService
  health: PrinterHealth
  batches: Batches
  connect: (printer: PrinterRecord) => PrinterTransport
  now: () => string
  operatorId: () => number | null
  timeoutMs: number
  retryMs: number
  changed: (change: QueueChange) => void
  onError?: (error: unknown) => void
}

export interface Worker {
  /** Start-up: jobs caught between send and confirm become uncertain. Returns how many. */
  recover(): number
  start(): void
  readonly started: boolean
  /** Wakes a printer's worker (or all with queued jobs). Resolves when that drain finishes. */
  kick(printerId?: string): Promise<void>
  /** Resolves when no worker is running. */
  idle(): Promise<void>
  /** Stops retries and waits for the running sends to end. */
  stop(): Promise<void>
}

export function createWorker(deps: WorkerDeps): Worker {
  const { repo, eventLog, labels, health, now, operatorId } = deps
  const running = new Map<string, Promise<void>>()
  const retryTimers = new Map<string, NodeJS.Timeout>()
  let started = false
  let stopped = false

  function scheduleRetry(printerId: string): void {
    if (stopped || retryTimers.has(printerId)) return
    const t = setTimeout(() => {
      retryTimers.delete(printerId)
      void kick(printerId)
    }, deps.retryMs)
    t.unref?.()
    retryTimers.set(printerId, t)
  }

  function applyOutcome(job: PrintJob, outcome: JobOutcome, wasSending: boolean): 'next' | 'hold' {
    if (outcome.state === 'confirmed') {
      eventLog.record(
        () => repo.finish(job.id, 'confirmed', null, now()),
        () => ({
          type: 'label.printed',
          operatorId: operatorId(),
          unitId: job.unitId,
          plateId: job.plateId,
          reason: job.reason,
          payload: { jobId: job.id, uuid: job.uuid, template: job.template, printerId: job.printerId, kind: job.kind, labelKey: job.labelKey, reprintOf: job.reprintOf }
        })
      )
      health.set(job.printerId, { status: outcome.status, online: true, summary: statusMessage(outcome.status), checkedAt: now(), held: false })
      deps.batches.closeIfDone(job.batchId)
      return 'next'
    }
    const printerState = {
      status: outcome.status ?? null,
      online: outcome.status !== undefined,
      summary: outcome.status ? statusMessage(outcome.status) : outcome.message,
      checkedAt: now()
    }
    if (outcome.state === 'refused') {
      // Nothing left the station: the job waits for the printer, unchanged.
      if (wasSending || repo.job(job.id)?.status === 'queued') repo.hold(job.id, encodeNote(outcome.message), now())
      health.set(job.printerId, { ...printerState, held: true })
      return 'hold'
    }
    eventLog.record(
      () => repo.finish(job.id, 'uncertain', encodeNote(outcome.message), now()),
      () => ({
        type: 'label.print_uncertain',
        operatorId: operatorId(),
        unitId: job.unitId,
        plateId: job.plateId,
        payload: { jobId: job.id, uuid: job.uuid, template: job.template, printerId: job.printerId, code: outcome.code, sentBytes: outcome.sentBytes, reason: outcome.reason }
      })
    )
    health.set(job.printerId, printerState)
    return 'next'
  }

  async function drain(printerId: string): Promise<void> {
    const printer = repo.printer(printerId)
    if (!printer || !printer.active) return
    let transport: PrinterTransport | undefined
    try {
      while (!stopped) {
        const row = repo.nextQueued(printerId)
        if (!row) break
        const job = toPrintJob(row)
        const z = labels.zpl(job.template, job.data, printer.dpi)
        if (!z.ok) {
          eventLog.record(
            () => repo.finish(job.id, 'failed', encodeNote({ code: z.error.code, params: z.error.params ?? {} }), now()),
            () => ({ type: 'label.print_failed', operatorId: operatorId(), unitId: job.unitId, plateId: job.plateId, payload: { jobId: job.id, reason: z.error.message } })
          )
          deps.changed({ printerId, jobId: job.id, ...(job.batchId !== null ? { batchId: job.batchId } : {}) })
          continue
        }
        transport ??= deps.connect(printer)
        let wasSending = false
        const outcome = await sendJob(transport, z.value.zpl, {
          timeoutMs: deps.timeoutMs,
          beforeSend: () => {
            // Durable before the first byte: a crash from here on leaves the job "uncertain", never resent.
            wasSending = repo.markSending(job.id, now())
          }
        })
        if (wasSending && outcome.state !== 'refused') repo.markSent(job.id, now())
        const next = applyOutcome(job, outcome, wasSending)
        deps.changed({ printerId, jobId: job.id, ...(job.batchId !== null ? { batchId: job.batchId } : {}) })
        if (next === 'hold') {
          scheduleRetry(printerId)
          break
        }
      }
    } finally {
      await transport?.close().catch(() => undefined)
    }
  }

  function kick(printerId?: string): Promise<void> {
    if (stopped) return Promise.resolve()
    const ids = printerId ? [printerId] : repo.printersWithQueued()
    return Promise.all(
      ids.map((id) => {
        const current = running.get(id)
        if (current) return current.then(() => (repo.nextQueued(id) ? kick(id) : undefined))
        const p = drain(id)
          .catch((error: unknown) => {
            if (!stopped) deps.onError?.(error) // after stop() the store may be closed: nothing to record
          })
          .finally(() => running.delete(id))
        running.set(id, p)
        return p
      })
    ).then(() => undefined)
  }

  const idle = async () => {
    while (running.size > 0) await Promise.all([...running.values()])
  }

  return {
    recover() {
      const rows = repo.inFlight()
      for (const job of rows) {
        const note = job.status === 'sending' ? msg('print.interrupted_sending', {}) : msg('print.interrupted_sent', {})
        eventLog.record(
          () => repo.finish(job.id, 'uncertain', encodeNote(note), now()),
          () => ({
            type: 'label.print_uncertain',
            unitId: job.unitId,
            plateId: job.plateId,
            payload: { jobId: job.id, uuid: job.uuid, template: job.template, printerId: job.printerId, code: 'print.interrupted', previousStatus: job.status }
          })
        )
      }
      return rows.length
    },
    start() {
      started = true
      stopped = false
      void kick()
    },
    get started() {
      return started
    },
    kick,
    idle,
    async stop() {
      stopped = true
      for (const t of retryTimers.values()) clearTimeout(t)
      retryTimers.clear()
      await idle()
    }
  }
}
