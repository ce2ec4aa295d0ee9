/**
 * The print queue (ADR 0006): jobs in SQLite, one worker per printer, at-most-once per label.
 *
 *   queued ──(printer ready)──> sending ──(bytes out)──> sent ──(printer answered ~HS)──> confirmed
 *     │  printer offline / paper out: stays queued, "held", retried              └─> uncertain
 *     └─ cancelled (batch cancel, before sending)
 *
 * `sending` is written (synchronous=FULL) before the first byte leaves; a job found `sending` or `sent`
 * at start-up (the process died in between) becomes `uncertain` — shown to the operator as "check the
 * printer / confirm or reprint with a reason", never resent automatically. Reprints are new jobs with
 * a reason and an event; an original label can be queued once.
 */
import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { err, ok, type Result } from '../../shared/result'
import type { PrinterTransport } from '../devices/printers/types'
import { sendJob, queryStatus, type JobOutcome } from '../devices/printers/zebra'
import { describeStatus, type PrinterStatus } from '../devices/printers/zebra-status'
import type { LabelService } from '../labels'
import type { BatchProgressInfo, PrintJobStatus, PrintJobSummary } from '../../shared/contract-areas/labels'
import type { Dpi } from '../labels/zpl'
import type { EventLog } from '../store/event-log'
import { labelKey } from './print-queue-keys'

export type JobStatus = PrintJobStatus

/** A job as the queue keeps it: what the UI sees plus the idempotency key and timestamps. */
export interface PrintJob extends PrintJobSummary {
  uuid: string
  labelKey: string
  sentAt: string | null
  finishedAt: string | null
}

export interface PrinterRecord {
  id: string
  name: string
  uri: string
  dpi: Dpi
  simulated: boolean
  active: boolean
}

export interface PrinterState {
  printerId: string
  /** null until the first answer (or when the link cannot answer, e.g. an OS queue). */
  status: PrinterStatus | null
  online: boolean
  summary: string
  checkedAt: string | null
  held: boolean
}

export type BatchProgress = BatchProgressInfo

export interface NewJob {
  printerId: string
  template: string
  data: Record<string, unknown>
  unitId?: number | null
  plateId?: number | null
}

export interface PrintQueueDeps {
  db: Database.Database
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
  onChange?: (change: { printerId?: string; jobId?: number; batchId?: number }) => void
  onPrinterState?: (state: PrinterState) => void
  operatorId?: () => number | null
  /** A worker failed unexpectedly (a bug or a store error); the job stays as it was written. */
  onError?: (error: unknown) => void
}

export interface PrintQueue {
  addPrinter(p: Omit<PrinterRecord, 'active'> & { active?: boolean }): PrinterRecord
  printers(): PrinterRecord[]
  printerState(id: string): PrinterState | undefined
  enqueue(job: NewJob): Result<PrintJob>
  enqueueBatch(batch: { printerId: string; title: string; jobs: Omit<NewJob, 'printerId'>[] }): Result<{ batch: BatchProgress; jobs: PrintJob[] }>
  reprint(input: { jobId: number; reason: string; printerId?: string }): Result<PrintJob>
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

interface JobRow {
  id: number
  uuid: string
  printer_id: string
  template: string
  data: string
  label_key: string
  kind: 'original' | 'reprint'
  reprint_of: number | null
  reason: string | null
  batch_id: number | null
  status: JobStatus
  held_reason: string | null
  last_error: string | null
  attempts: number
  unit_id: number | null
  plate_id: number | null
  created_at: string
  updated_at: string
  sent_at: string | null
  finished_at: string | null
}

const toJob = (r: JobRow): PrintJob => ({
  id: r.id,
  uuid: r.uuid,
  printerId: r.printer_id,
  template: r.template,
  data: JSON.parse(r.data) as Record<string, string>,
  labelKey: r.label_key,
  kind: r.kind,
  reprintOf: r.reprint_of,
  reason: r.reason,
  batchId: r.batch_id,
  status: r.status,
  heldReason: r.held_reason,
  lastError: r.last_error,
  attempts: r.attempts,
  unitId: r.unit_id,
  plateId: r.plate_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  sentAt: r.sent_at,
  finishedAt: r.finished_at
})

export function createPrintQueue(deps: PrintQueueDeps): PrintQueue {
  const { db, eventLog, labels } = deps
  const now = () => (deps.now ?? (() => new Date()))().toISOString()
  const timeoutMs = deps.timeoutMs ?? 3000
  const retryMs = deps.retryMs ?? 5000
  const operatorId = () => deps.operatorId?.() ?? null
  const states = new Map<string, PrinterState>()
  const running = new Map<string, Promise<void>>()
  const retryTimers = new Map<string, NodeJS.Timeout>()
  let started = false
  let stopped = false

  const q = {
    printer: db.prepare('SELECT id, name, uri, dpi, simulated, active FROM printers WHERE id = ?'),
    printers: db.prepare('SELECT id, name, uri, dpi, simulated, active FROM printers ORDER BY name'),
    upsertPrinter: db.prepare(
      `INSERT INTO printers (id, name, uri, dpi, simulated, active, created_at) VALUES (@id, @name, @uri, @dpi, @simulated, @active, @now)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, uri = excluded.uri, dpi = excluded.dpi, simulated = excluded.simulated, active = excluded.active`
    ),
    job: db.prepare('SELECT * FROM print_jobs WHERE id = ?'),
    insertJob: db.prepare(
      `INSERT INTO print_jobs (uuid, printer_id, template, data, label_key, kind, reprint_of, reason, batch_id, status, unit_id, plate_id, operator_id, created_at, updated_at)
       VALUES (@uuid, @printerId, @template, @data, @labelKey, @kind, @reprintOf, @reason, @batchId, 'queued', @unitId, @plateId, @operatorId, @now, @now)`
    ),
    existing: db.prepare(`SELECT id, status FROM print_jobs WHERE label_key = ? AND kind = 'original' AND status <> 'cancelled'`),
    nextQueued: db.prepare(`SELECT * FROM print_jobs WHERE printer_id = ? AND status = 'queued' ORDER BY id LIMIT 1`),
    setStatus: db.prepare('UPDATE print_jobs SET status = @status, held_reason = @held, last_error = @error, updated_at = @now WHERE id = @id'),
    markSending: db.prepare(`UPDATE print_jobs SET status = 'sending', attempts = attempts + 1, held_reason = NULL, updated_at = @now WHERE id = @id AND status = 'queued'`),
    markSent: db.prepare(`UPDATE print_jobs SET status = 'sent', sent_at = @now, updated_at = @now WHERE id = @id`),
    finish: db.prepare('UPDATE print_jobs SET status = @status, last_error = @error, finished_at = @now, updated_at = @now WHERE id = @id'),
    hold: db.prepare(`UPDATE print_jobs SET status = 'queued', held_reason = @held, updated_at = @now WHERE id = @id`),
    inFlight: db.prepare(`SELECT * FROM print_jobs WHERE status IN ('sending','sent') ORDER BY id`),
    insertBatch: db.prepare('INSERT INTO print_batches (title, total, operator_id, created_at) VALUES (?, ?, ?, ?)'),
    batch: db.prepare('SELECT * FROM print_batches WHERE id = ?'),
    batchCounts: db.prepare('SELECT status, count(*) AS n FROM print_jobs WHERE batch_id = ? GROUP BY status'),
    batchStatus: db.prepare('UPDATE print_batches SET status = ? WHERE id = ?'),
    cancelBatchJobs: db.prepare(`UPDATE print_jobs SET status = 'cancelled', finished_at = @now, updated_at = @now WHERE batch_id = @batchId AND status = 'queued'`),
    printersWithQueued: db.prepare(`SELECT DISTINCT printer_id FROM print_jobs WHERE status = 'queued'`)
  }

  const getPrinter = (id: string): PrinterRecord | undefined => {
    const r = q.printer.get(id) as { id: string; name: string; uri: string; dpi: Dpi; simulated: number; active: number } | undefined
    return r && { id: r.id, name: r.name, uri: r.uri, dpi: r.dpi, simulated: r.simulated === 1, active: r.active === 1 }
  }
  const getJob = (id: number): PrintJob | undefined => {
    const r = q.job.get(id) as JobRow | undefined
    return r && toJob(r)
  }
  const changed = (c: { printerId?: string; jobId?: number; batchId?: number }) => deps.onChange?.(c)

  function batchProgress(id: number): BatchProgress | undefined {
    const b = q.batch.get(id) as { id: number; title: string; total: number; status: BatchProgress['status'] } | undefined
    if (!b) return undefined
    const counts = Object.fromEntries((q.batchCounts.all(id) as { status: JobStatus; n: number }[]).map((r) => [r.status, r.n])) as Partial<Record<JobStatus, number>>
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

  function maybeCloseBatch(batchId: number | null): void {
    if (batchId === null) return
    const p = batchProgress(batchId)
    if (p && p.status === 'open' && p.queued === 0 && p.uncertain === 0) q.batchStatus.run('done', batchId)
  }

  /** Validates a job (printer, template, data) without writing; returns the row to insert. */
  function prepare(job: NewJob, kind: 'original' | 'reprint'): Result<{ printer: PrinterRecord; data: Record<string, string>; labelKey: string }> {
    const printer = getPrinter(job.printerId)
    if (!printer) return err('print.unknown_printer', `Unknown printer "${job.printerId}".`, { printerId: job.printerId })
    const layout = labels.layout(job.template, job.data)
    if (!layout.ok) return layout
    const data = layout.value.data as Record<string, string>
    const key = labelKey(job.template, data)
    if (kind === 'original') {
      const prior = q.existing.get(key) as { id: number; status: JobStatus } | undefined
      if (prior) {
        return err('print.already_printed', `This label was already queued or printed (job ${prior.id}, ${prior.status}). Reprint it with a reason instead.`, {
          jobId: prior.id,
          status: prior.status
        })
      }
    }
    return ok({ printer, data, labelKey: key })
  }

  function insert(job: NewJob, p: { data: Record<string, string>; labelKey: string }, extra: { kind: 'original' | 'reprint'; reprintOf?: number; reason?: string; batchId?: number }): number {
    const info = q.insertJob.run({
      uuid: randomUUID(),
      printerId: job.printerId,
      template: job.template,
      data: JSON.stringify(p.data),
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
    return Number(info.lastInsertRowid)
  }

  function setPrinterState(printerId: string, patch: Partial<PrinterState>): PrinterState {
    const prev = states.get(printerId) ?? { printerId, status: null, online: false, summary: 'not checked yet', checkedAt: null, held: false }
    const next = { ...prev, ...patch }
    states.set(printerId, next)
    deps.onPrinterState?.(next)
    return next
  }

  function scheduleRetry(printerId: string): void {
    if (stopped || retryTimers.has(printerId)) return
    const t = setTimeout(() => {
      retryTimers.delete(printerId)
      void kick(printerId)
    }, retryMs)
    t.unref?.()
    retryTimers.set(printerId, t)
  }

  function applyOutcome(job: PrintJob, outcome: JobOutcome, wasSending: boolean): 'next' | 'hold' {
    if (outcome.state === 'confirmed') {
      eventLog.record(
        () => q.finish.run({ id: job.id, status: 'confirmed', error: null, now: now() }),
        () => ({
          type: 'label.printed',
          operatorId: operatorId(),
          unitId: job.unitId,
          plateId: job.plateId,
          reason: job.reason,
          payload: { jobId: job.id, uuid: job.uuid, template: job.template, printerId: job.printerId, kind: job.kind, labelKey: job.labelKey, reprintOf: job.reprintOf }
        })
      )
      setPrinterState(job.printerId, { status: outcome.status, online: true, summary: describeStatus(outcome.status), checkedAt: now(), held: false })
      maybeCloseBatch(job.batchId)
      return 'next'
    }
    if (outcome.state === 'refused') {
      // Nothing left the station: the job waits for the printer, unchanged.
      if (wasSending || getJob(job.id)?.status === 'queued') q.hold.run({ id: job.id, held: outcome.reason, now: now() })
      setPrinterState(job.printerId, {
        status: outcome.status ?? null,
        online: outcome.status !== undefined,
        summary: outcome.status ? describeStatus(outcome.status) : outcome.reason,
        checkedAt: now(),
        held: true
      })
      return 'hold'
    }
    eventLog.record(
      () => q.finish.run({ id: job.id, status: 'uncertain', error: outcome.reason, now: now() }),
      () => ({
        type: 'label.print_uncertain',
        operatorId: operatorId(),
        unitId: job.unitId,
        plateId: job.plateId,
        payload: { jobId: job.id, uuid: job.uuid, template: job.template, printerId: job.printerId, code: outcome.code, sentBytes: outcome.sentBytes, reason: outcome.reason }
      })
    )
    setPrinterState(job.printerId, {
      status: outcome.status ?? null,
      online: outcome.status !== undefined,
      summary: outcome.status ? describeStatus(outcome.status) : outcome.reason,
      checkedAt: now()
    })
    return 'next'
  }

  async function drain(printerId: string): Promise<void> {
    const printer = getPrinter(printerId)
    if (!printer || !printer.active) return
    let transport: PrinterTransport | undefined
    try {
      while (!stopped) {
        const row = q.nextQueued.get(printerId) as JobRow | undefined
        if (!row) break
        const job = toJob(row)
        const z = labels.zpl(job.template, job.data, printer.dpi)
        if (!z.ok) {
          eventLog.record(
            () => q.finish.run({ id: job.id, status: 'failed', error: z.error.message, now: now() }),
            () => ({ type: 'label.print_failed', operatorId: operatorId(), unitId: job.unitId, plateId: job.plateId, payload: { jobId: job.id, reason: z.error.message } })
          )
          changed({ printerId, jobId: job.id, batchId: job.batchId ?? undefined })
          continue
        }
        transport ??= deps.connect(printer)
        let wasSending = false
        const outcome = await sendJob(transport, z.value.zpl, {
          timeoutMs,
          beforeSend: () => {
            // Durable before the first byte: a crash from here on leaves the job "uncertain", never resent.
            wasSending = q.markSending.run({ id: job.id, now: now() }).changes === 1
          }
        })
        if (wasSending && outcome.state !== 'refused') q.markSent.run({ id: job.id, now: now() })
        const next = applyOutcome(job, outcome, wasSending)
        changed({ printerId, jobId: job.id, batchId: job.batchId ?? undefined })
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
    const ids = printerId ? [printerId] : (q.printersWithQueued.all() as { printer_id: string }[]).map((r) => r.printer_id)
    return Promise.all(
      ids.map((id) => {
        const current = running.get(id)
        if (current) return current.then(() => (q.nextQueued.get(id) ? kick(id) : undefined))
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

  const queue: PrintQueue = {
    addPrinter(p) {
      q.upsertPrinter.run({ id: p.id, name: p.name, uri: p.uri, dpi: p.dpi, simulated: p.simulated ? 1 : 0, active: p.active === false ? 0 : 1, now: now() })
      changed({ printerId: p.id })
      return getPrinter(p.id)!
    },
    printers: () =>
      (q.printers.all() as { id: string; name: string; uri: string; dpi: Dpi; simulated: number; active: number }[]).map((r) => ({
        id: r.id,
        name: r.name,
        uri: r.uri,
        dpi: r.dpi,
        simulated: r.simulated === 1,
        active: r.active === 1
      })),
    printerState: (id) => states.get(id),
    enqueue(job) {
      const p = prepare(job, 'original')
      if (!p.ok) return p
      let id: number
      try {
        id = insert(job, p.value, { kind: 'original' })
      } catch (error) {
        if (String(error).includes('UNIQUE')) return err('print.already_printed', 'This label was already queued or printed. Reprint it with a reason instead.')
        throw error
      }
      changed({ printerId: job.printerId, jobId: id })
      if (started) void kick(job.printerId)
      return ok(getJob(id)!)
    },
    enqueueBatch(batch) {
      if (batch.jobs.length === 0) return err('print.empty_batch', 'A batch needs at least one label.')
      if (batch.jobs.length > 10_000) return err('print.batch_too_large', 'A batch holds at most 10,000 labels; split it.')
      const prepared: { job: NewJob; data: Record<string, string>; labelKey: string }[] = []
      const keys = new Set<string>()
      for (const [i, j] of batch.jobs.entries()) {
        const job = { ...j, printerId: batch.printerId }
        const p = prepare(job, 'original')
        if (!p.ok) return err(p.error.code, `Label ${i + 1}: ${p.error.message}`, { ...p.error.details, index: i })
        if (keys.has(p.value.labelKey)) return err('print.duplicate_in_batch', `Label ${i + 1} repeats an earlier label of this batch.`, { index: i })
        keys.add(p.value.labelKey)
        prepared.push({ job, data: p.value.data, labelKey: p.value.labelKey })
      }
      const { result } = eventLog.record(
        () => {
          const batchId = Number(q.insertBatch.run(batch.title, prepared.length, operatorId(), now()).lastInsertRowid)
          const ids = prepared.map((p) => insert(p.job, p, { kind: 'original', batchId }))
          return { batchId, ids }
        },
        (r) => ({ type: 'print.batch_queued', operatorId: operatorId(), payload: { batchId: r.batchId, title: batch.title, total: prepared.length, printerId: batch.printerId } })
      )
      changed({ printerId: batch.printerId, batchId: result.batchId })
      if (started) void kick(batch.printerId)
      return ok({ batch: batchProgress(result.batchId)!, jobs: result.ids.map((id) => getJob(id)!) })
    },
    reprint({ jobId, reason, printerId }) {
      const original = getJob(jobId)
      if (!original) return err('print.unknown_job', `Unknown print job ${jobId}.`)
      const why = reason.trim()
      if (why.length < 3) return err('print.reason_required', 'A reprint needs a reason (at least 3 characters).', { field: 'reason' })
      if (['queued', 'sending', 'sent'].includes(original.status)) return err('print.still_pending', `Job ${jobId} is still ${original.status}; wait for it or cancel it first.`)
      const job: NewJob = { printerId: printerId ?? original.printerId, template: original.template, data: original.data, unitId: original.unitId, plateId: original.plateId }
      const p = prepare(job, 'reprint')
      if (!p.ok) return p
      const { result: id } = eventLog.record(
        () => {
          // An uncertain original that the operator chooses to reprint is settled as "not confirmed".
          if (original.status === 'uncertain') q.finish.run({ id: original.id, status: 'failed', error: `Reprinted: ${why}`, now: now() })
          return insert(job, p.value, { kind: 'reprint', reprintOf: original.kind === 'reprint' && original.reprintOf ? original.reprintOf : original.id, reason: why })
        },
        (newId) => ({
          type: 'label.reprint_requested',
          operatorId: operatorId(),
          unitId: original.unitId,
          plateId: original.plateId,
          reason: why,
          payload: { jobId: newId, reprintOf: original.id, template: original.template, printerId: job.printerId, labelKey: original.labelKey, previousStatus: original.status }
        })
      )
      maybeCloseBatch(original.batchId)
      changed({ printerId: job.printerId, jobId: id })
      if (started) void kick(job.printerId)
      return ok(getJob(id)!)
    },
    resolve({ jobId, printed, note }) {
      const job = getJob(jobId)
      if (!job) return err('print.unknown_job', `Unknown print job ${jobId}.`)
      if (job.status !== 'uncertain') return err('print.not_uncertain', `Job ${jobId} is ${job.status}; only uncertain jobs need checking.`)
      eventLog.record(
        () => q.finish.run({ id: jobId, status: printed ? 'confirmed' : 'failed', error: printed ? null : (note ?? 'Operator: not printed'), now: now() }),
        () => ({
          type: printed ? 'label.printed' : 'label.print_failed',
          operatorId: operatorId(),
          unitId: job.unitId,
          plateId: job.plateId,
          reason: note ?? null,
          payload: { jobId, uuid: job.uuid, template: job.template, printerId: job.printerId, resolvedBy: 'operator', labelKey: job.labelKey }
        })
      )
      maybeCloseBatch(job.batchId)
      changed({ printerId: job.printerId, jobId })
      return ok(getJob(jobId)!)
    },
    move({ jobIds, fromPrinterId, toPrinterId }) {
      if (!getPrinter(toPrinterId)) return err('print.unknown_printer', `Unknown printer "${toPrinterId}".`)
      const { result: moved } = eventLog.record(
        () => {
          let sql = `UPDATE print_jobs SET printer_id = @to, held_reason = NULL, updated_at = @now WHERE status = 'queued'`
          const params: Record<string, unknown> = { to: toPrinterId, now: now() }
          if (jobIds?.length) sql += ` AND id IN (${jobIds.map((_, i) => `@j${i}`).join(',')})`
          jobIds?.forEach((id, i) => (params[`j${i}`] = id))
          if (fromPrinterId) {
            sql += ' AND printer_id = @from'
            params.from = fromPrinterId
          }
          if (!jobIds?.length && !fromPrinterId) return 0
          return db.prepare(sql).run(params).changes
        },
        (n) => ({ type: 'print.jobs_moved', operatorId: operatorId(), payload: { moved: n, from: fromPrinterId ?? null, to: toPrinterId, jobIds: jobIds ?? null } })
      )
      changed({ printerId: toPrinterId })
      if (started) void kick(toPrinterId)
      return ok({ moved })
    },
    cancelBatch(batchId) {
      const b = batchProgress(batchId)
      if (!b) return err('print.unknown_batch', `Unknown batch ${batchId}.`)
      eventLog.record(
        () => {
          const n = q.cancelBatchJobs.run({ batchId, now: now() }).changes
          q.batchStatus.run('cancelled', batchId)
          return n
        },
        (n) => ({ type: 'print.batch_cancelled', operatorId: operatorId(), payload: { batchId, cancelled: n, confirmed: b.confirmed } })
      )
      changed({ batchId })
      return ok(batchProgress(batchId)!)
    },
    cancel(jobId) {
      const job = getJob(jobId)
      if (!job) return err('print.unknown_job', `Unknown print job ${jobId}.`)
      if (job.status !== 'queued') return err('print.not_cancellable', `Job ${jobId} is ${job.status}; only queued jobs can be cancelled.`)
      eventLog.record(
        () => q.finish.run({ id: jobId, status: 'cancelled', error: null, now: now() }),
        () => ({ type: 'print.job_cancelled', operatorId: operatorId(), unitId: job.unitId, plateId: job.plateId, payload: { jobId } })
      )
      maybeCloseBatch(job.batchId)
      changed({ printerId: job.printerId, jobId })
      return ok(getJob(jobId)!)
    },
    job: getJob,
    jobs(filter = {}) {
      const where: string[] = []
      const params: Record<string, unknown> = { limit: Math.min(filter.limit ?? 200, 1000) }
      if (filter.status?.length) {
        where.push(`status IN (${filter.status.map((_, i) => `@s${i}`).join(',')})`)
        filter.status.forEach((s, i) => (params[`s${i}`] = s))
      }
      if (filter.printerId) {
        where.push('printer_id = @printerId')
        params.printerId = filter.printerId
      }
      if (filter.batchId !== undefined) {
        where.push('batch_id = @batchId')
        params.batchId = filter.batchId
      }
      const rows = db.prepare(`SELECT * FROM print_jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`).all(params) as JobRow[]
      return rows.map(toJob)
    },
    batch: batchProgress,
    recover() {
      const rows = (q.inFlight.all() as JobRow[]).map(toJob)
      for (const job of rows) {
        const reason = `Dockside stopped while this label was ${job.status === 'sending' ? 'being sent' : 'sent but not yet confirmed'}: check the printer, then confirm it or reprint with a reason.`
        eventLog.record(
          () => q.finish.run({ id: job.id, status: 'uncertain', error: reason, now: now() }),
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
    kick,
    async poll(printerId) {
      const printer = getPrinter(printerId)
      if (!printer) return setPrinterState(printerId, { online: false, summary: 'unknown printer' })
      const t = deps.connect(printer)
      try {
        if (!t.canAnswer) return setPrinterState(printerId, { status: null, online: true, summary: 'OS queue: status unknown', checkedAt: now() })
        const s = await queryStatus(t, { timeoutMs })
        const state = s.ok
          ? setPrinterState(printerId, { status: s.value, online: true, summary: describeStatus(s.value), checkedAt: now() })
          : setPrinterState(printerId, { status: null, online: false, summary: s.error.message, checkedAt: now() })
        if (s.ok && s.value.ready && state.held) {
          setPrinterState(printerId, { held: false })
          void kick(printerId)
        }
        return states.get(printerId)!
      } finally {
        await t.close().catch(() => undefined)
      }
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running.values()])
    },
    async stop() {
      stopped = true
      for (const t of retryTimers.values()) clearTimeout(t)
      retryTimers.clear()
      await queue.idle()
    }
  }
  return queue
}
