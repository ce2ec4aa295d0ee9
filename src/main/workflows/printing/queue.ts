/**
 * The print queue (ADR 0006): jobs in SQLite, one worker per printer, at-most-once per label. This
 * file holds the operator's actions on jobs (queue, reprint, resolve, move, cancel); the send loop is
 * `worker.ts`, printer state `printer-state.ts`, batches `batches.ts`, the statements the repository.
 * Reprints are new jobs with a reason and an event; an original label can be queued once.
 */
import { randomUUID } from 'node:crypto'
import { msg } from '../../../shared/messages/catalog'
import { ok, type Result } from '../../../shared/result'
import type { PrinterTransport } from '../../devices/printers/types'
import type { LabelService } from '../../labels'
import { failure } from '../../labels/failure'
import type { EventLog } from '../../store/event-log'
import { createPrintQueueRepository, type JobFilter } from '../../store/repositories/print-queue'
import type { Db } from '../../store/sql'
import { createBatches, type Prepared } from './batches'
import { labelKey } from './label-key'
import { encodeNote, toPrintJob } from './notes'
import { createPrinterHealth } from './printer-state'
import type { BatchProgress, JobStatus, NewJob, PrinterRecord, PrinterState, PrintJob, QueueChange } from './types'
import { createWorker } from './worker'

export interface PrintQueueDeps {
  db: Db
  eventLog: EventLog
  labels: LabelService
  /** How to reach a printer (tests and demo mode inject the emulator's). */
  connect: (printer: PrinterRecord) => PrinterTransport
  now?: () => Date
  /** Status deadline per exchange; default 3000 ms. */
  timeoutMs?: number
  /** Wait before retrying a held printer; default 5000 ms. */
  retryMs?: number
  /** Called after any job or printer change (UI refresh, device registry). */
  onChange?: (change: QueueChange) => void
  onPrinterState?: (state: PrinterState) => void
  operatorId?: () => number | null
  /** The terminal of the call being served (jobs remember it for "print again"). */
  terminalId?: () => string | null
  /** A worker failed unexpectedly (a bug or a store error); the job stays as it was written. */
  onError?: (error: unknown) => void
}

export interface PrintQueue {
  addPrinter(p: Omit<PrinterRecord, 'active'> & { active?: boolean }): PrinterRecord
  printers(): PrinterRecord[]
  printerState(id: string): PrinterState | undefined
  /** Jobs waiting on a printer. */
  queuedCount(printerId: string): number
  enqueue(job: NewJob): Result<PrintJob>
  enqueueBatch(batch: { printerId: string; title: string; jobs: Omit<NewJob, 'printerId'>[] }): Result<{ batch: BatchProgress; jobs: PrintJob[] }>
  reprint(input: { jobId: number; reason: string; printerId?: string; approvedBy?: { id: number; name: string } | null }): Result<PrintJob>
  /** The newest job a terminal asked for since the station started (any kind of label), or null. */
  lastOfTerminal(terminalId: string): PrintJob | null
  /** For an uncertain job: the operator checked the printer. */
  resolve(input: { jobId: number; printed: boolean; note?: string }): Result<PrintJob>
  move(input: { jobIds?: number[]; fromPrinterId?: string; toPrinterId: string }): Result<{ moved: number }>
  cancelBatch(batchId: number): Result<BatchProgress>
  cancel(jobId: number): Result<PrintJob>
  job(id: number): PrintJob | undefined
  jobs(filter?: { status?: JobStatus[]; printerId?: string; batchId?: number; limit?: number }): PrintJob[]
  batch(id: number): BatchProgress | undefined
  /** Start-up: jobs caught between send and confirm become uncertain. Returns how many. */
  recover(): number
  /** Starts the workers (and retries). */
  start(): void
  /** Wakes a printer's worker (or all). Resolves when that drain finishes. */
  kick(printerId?: string): Promise<void>
  /** Polls a printer's status now (status bar). */
  poll(printerId: string): Promise<PrinterState>
  /** Resolves when no worker is running. */
  idle(): Promise<void>
  stop(): Promise<void>
}

export function createPrintQueue(deps: PrintQueueDeps): PrintQueue {
  const { eventLog, labels } = deps
  const repo = createPrintQueueRepository(deps.db)
  const now = () => (deps.now ?? (() => new Date()))().toISOString()
  const timeoutMs = deps.timeoutMs ?? 3000
  const operatorId = () => deps.operatorId?.() ?? null
  const changed = (c: QueueChange) => deps.onChange?.(c)
  const getJob = (id: number): PrintJob | undefined => {
    const r = repo.job(id)
    return r && toPrintJob(r)
  }

  /** Checks a job (printer, template, data, printed once) without writing. */
  function prepare(job: NewJob, kind: 'original' | 'reprint'): Result<{ printer: PrinterRecord; data: Record<string, string>; labelKey: string }> {
    const printer = repo.printer(job.printerId)
    if (!printer) return failure('print.unknown_printer', { printerId: job.printerId }, { printerId: job.printerId })
    const layout = labels.layout(job.template, job.data)
    if (!layout.ok) return layout
    const data = layout.value.data as Record<string, string>
    const key = labelKey(job.template, data)
    if (kind === 'original') {
      const prior = repo.existingOriginal(key)
      if (prior) return failure('print.already_printed', { jobId: prior.id, status: prior.status }, { jobId: prior.id, status: prior.status })
    }
    return ok({ printer, data, labelKey: key })
  }

  // "Print again" per terminal: kept while the station runs (a job row has no terminal; after a restart
  // a terminal prints again from the Label screen's job list until it prints something new).
  const lastByTerminal = new Map<string, number>()

  function insert(job: NewJob, p: { data: Record<string, string>; labelKey: string }, extra: { kind: 'original' | 'reprint'; reprintOf?: number; reason?: string; batchId?: number }): number {
    const id = repo.insertJob({
      uuid: randomUUID(),
      printerId: job.printerId,
      template: job.template,
      data: p.data,
      labelKey: p.labelKey,
      kind: extra.kind,
      reprintOf: extra.reprintOf ?? null,
      reason: extra.reason ?? null,
      batchId: extra.batchId ?? null,
      unitId: job.unitId ?? null,
      plateId: job.plateId ?? null,
      operatorId: operatorId(),
      now: now()
    })
    const terminal = deps.terminalId?.() ?? null
    if (terminal !== null) lastByTerminal.set(terminal, id)
    return id
  }

  const batches = createBatches({
    repo,
    eventLog,
    now,
    operatorId,
    prepare: (job) => prepare(job, 'original'),
    insert: (p: Prepared, batchId) => insert(p.job, p, { kind: 'original', batchId }),
    job: getJob
  })
  // The worker is created below; a printer that turns ready wakes it through this late binding.
  const health = createPrinterHealth({
    repo,
    connect: deps.connect,
    timeoutMs,
    now,
    ...(deps.onPrinterState ? { onState: deps.onPrinterState } : {}),
    onReady: (printerId) => void worker.kick(printerId)
  })
  const worker = createWorker({
    repo,
    eventLog,
    labels,
    health,
    batches,
    connect: deps.connect,
    now,
    operatorId,
    timeoutMs,
    retryMs: deps.retryMs ?? 5000,
    changed,
    ...(deps.onError ? { onError: deps.onError } : {})
  })
  const wake = (printerId: string) => {
    if (worker.started) void worker.kick(printerId)
  }

  return {
    addPrinter(p) {
      repo.upsertPrinter({ ...p, active: p.active !== false }, now())
      changed({ printerId: p.id })
      return repo.printer(p.id)!
    },
    printers: () => repo.printers(),
    printerState: (id) => health.get(id),
    queuedCount: (id) => repo.queuedCount(id),
    enqueue(job) {
      const p = prepare(job, 'original')
      if (!p.ok) return p
      let id: number
      try {
        id = insert(job, p.value, { kind: 'original' })
      } catch (error) {
        if (!String(error).includes('UNIQUE')) throw error
        const prior = repo.existingOriginal(p.value.labelKey)
        return failure('print.already_printed', { jobId: prior?.id ?? null, status: prior?.status ?? null })
      }
      changed({ printerId: job.printerId, jobId: id })
      wake(job.printerId)
      return ok(getJob(id)!)
    },
    enqueueBatch(batch) {
      const r = batches.enqueue(batch)
      if (!r.ok) return r
      changed({ printerId: batch.printerId, batchId: r.value.batch.id })
      wake(batch.printerId)
      return r
    },
    reprint({ jobId, reason, printerId, approvedBy }) {
      const original = getJob(jobId)
      if (!original) return failure('print.unknown_job', { jobId })
      const why = reason.trim()
      if (why.length < 3) return failure('print.reason_required', {}, { field: 'reason' })
      if (['queued', 'sending', 'sent'].includes(original.status)) return failure('print.still_pending', { jobId, status: original.status })
      const job: NewJob = { printerId: printerId ?? original.printerId, template: original.template, data: original.data, unitId: original.unitId, plateId: original.plateId }
      const p = prepare(job, 'reprint')
      if (!p.ok) return p
      const { result: id } = eventLog.record(
        () => {
          // An uncertain original that the operator chooses to reprint is settled as "not confirmed".
          if (original.status === 'uncertain') repo.finish(original.id, 'failed', encodeNote(msg('print.reprinted', { reason: why })), now())
          return insert(job, p.value, { kind: 'reprint', reprintOf: original.kind === 'reprint' && original.reprintOf ? original.reprintOf : original.id, reason: why })
        },
        (newId) => ({
          type: 'label.reprint_requested',
          operatorId: operatorId(),
          unitId: original.unitId,
          plateId: original.plateId,
          reason: why,
          payload: { jobId: newId, reprintOf: original.id, template: original.template, printerId: job.printerId, labelKey: original.labelKey, previousStatus: original.status, ...(approvedBy ? { approvedBy } : {}) }
        })
      )
      batches.closeIfDone(original.batchId)
      changed({ printerId: job.printerId, jobId: id })
      wake(job.printerId)
      return ok(getJob(id)!)
    },
    lastOfTerminal(terminalId) {
      const id = lastByTerminal.get(terminalId)
      return id === undefined ? null : (getJob(id) ?? null)
    },
    resolve({ jobId, printed, note }) {
      const job = getJob(jobId)
      if (!job) return failure('print.unknown_job', { jobId })
      if (job.status !== 'uncertain') return failure('print.not_uncertain', { jobId, status: job.status })
      const error = printed ? null : encodeNote(note ? msg('print.operator_note', { note }) : msg('print.operator_not_printed', {}))
      eventLog.record(
        () => repo.finish(jobId, printed ? 'confirmed' : 'failed', error, now()),
        () => ({
          type: printed ? 'label.printed' : 'label.print_failed',
          operatorId: operatorId(),
          unitId: job.unitId,
          plateId: job.plateId,
          reason: note ?? null,
          payload: { jobId, uuid: job.uuid, template: job.template, printerId: job.printerId, resolvedBy: 'operator', labelKey: job.labelKey }
        })
      )
      batches.closeIfDone(job.batchId)
      changed({ printerId: job.printerId, jobId })
      return ok(getJob(jobId)!)
    },
    move({ jobIds, fromPrinterId, toPrinterId }) {
      if (!repo.printer(toPrinterId)) return failure('print.unknown_printer', { printerId: toPrinterId })
      const { result: moved } = eventLog.record(
        () => repo.moveQueued({ ...(jobIds ? { jobIds } : {}), ...(fromPrinterId ? { fromPrinterId } : {}), toPrinterId, now: now() }),
        (n) => ({ type: 'print.jobs_moved', operatorId: operatorId(), payload: { moved: n, from: fromPrinterId ?? null, to: toPrinterId, jobIds: jobIds ?? null } })
      )
      changed({ printerId: toPrinterId })
      wake(toPrinterId)
      return ok({ moved })
    },
    cancelBatch(batchId) {
      const r = batches.cancel(batchId)
      if (r.ok) changed({ batchId })
      return r
    },
    cancel(jobId) {
      const job = getJob(jobId)
      if (!job) return failure('print.unknown_job', { jobId })
      if (job.status !== 'queued') return failure('print.not_cancellable', { jobId, status: job.status })
      eventLog.record(
        () => repo.finish(jobId, 'cancelled', null, now()),
        () => ({ type: 'print.job_cancelled', operatorId: operatorId(), unitId: job.unitId, plateId: job.plateId, payload: { jobId } })
      )
      batches.closeIfDone(job.batchId)
      changed({ printerId: job.printerId, jobId })
      return ok(getJob(jobId)!)
    },
    job: getJob,
    jobs: (filter: JobFilter = {}) => repo.jobs(filter).map(toPrintJob),
    batch: (id) => batches.progress(id),
    recover: () => worker.recover(),
    start: () => worker.start(),
    kick: (printerId) => worker.kick(printerId),
    poll: (printerId) => health.poll(printerId),
    idle: () => worker.idle(),
    stop: () => worker.stop()
  }
}
