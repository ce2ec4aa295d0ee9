import type Database from 'better-sqlite3'
import type { PrintJobStatus } from '../../../shared/contract-areas/labels'

/** A printer as stored (`printers`, migration 0002). */
export interface PrinterRow {
  id: string
  name: string
  uri: string
  dpi: 203 | 300 | 600
  simulated: boolean
  active: boolean
}

/** A print job as stored; `heldReason`/`lastError` hold an encoded note (see workflows/printing/notes.ts). */
export interface JobRow {
  id: number
  uuid: string
  printerId: string
  template: string
  data: Record<string, string>
  labelKey: string
  kind: 'original' | 'reprint'
  reprintOf: number | null
  reason: string | null
  batchId: number | null
  status: PrintJobStatus
  heldReason: string | null
  lastError: string | null
  attempts: number
  unitId: number | null
  plateId: number | null
  createdAt: string
  updatedAt: string
  sentAt: string | null
  finishedAt: string | null
}

export interface BatchRow {
  id: number
  title: string
  total: number
  status: 'open' | 'done' | 'cancelled'
}

export interface NewJobRow {
  uuid: string
  printerId: string
  template: string
  data: Record<string, string>
  labelKey: string
  kind: 'original' | 'reprint'
  reprintOf: number | null
  reason: string | null
  batchId: number | null
  unitId: number | null
  plateId: number | null
  operatorId: number | null
  now: string
}

export interface JobFilter {
  status?: readonly PrintJobStatus[]
  printerId?: string
  batchId?: number
  limit?: number
}

interface RawJob {
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
  status: PrintJobStatus
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

interface RawPrinter {
  id: string
  name: string
  uri: string
  dpi: 203 | 300 | 600
  simulated: number
  active: number
}

const toJob = (r: RawJob): JobRow => ({
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

const toPrinter = (r: RawPrinter): PrinterRow => ({ id: r.id, name: r.name, uri: r.uri, dpi: r.dpi, simulated: r.simulated === 1, active: r.active === 1 })

export type PrintQueueRepository = ReturnType<typeof createPrintQueueRepository>

/** The print queue's statements (printers, jobs, batches; migration 0002). */
export function createPrintQueueRepository(db: Database.Database) {
  const q = {
    printer: db.prepare<[string], RawPrinter>('SELECT id, name, uri, dpi, simulated, active FROM printers WHERE id = ?'),
    printers: db.prepare<[], RawPrinter>('SELECT id, name, uri, dpi, simulated, active FROM printers ORDER BY name'),
    upsertPrinter: db.prepare(
      `INSERT INTO printers (id, name, uri, dpi, simulated, active, created_at) VALUES (@id, @name, @uri, @dpi, @simulated, @active, @now)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, uri = excluded.uri, dpi = excluded.dpi, simulated = excluded.simulated, active = excluded.active`
    ),
    job: db.prepare<[number], RawJob>('SELECT * FROM print_jobs WHERE id = ?'),
    insertJob: db.prepare(
      `INSERT INTO print_jobs (uuid, printer_id, template, data, label_key, kind, reprint_of, reason, batch_id, status, unit_id, plate_id, operator_id, created_at, updated_at)
       VALUES (@uuid, @printerId, @template, @data, @labelKey, @kind, @reprintOf, @reason, @batchId, 'queued', @unitId, @plateId, @operatorId, @now, @now)`
    ),
    existing: db.prepare<[string], { id: number; status: PrintJobStatus }>(`SELECT id, status FROM print_jobs WHERE label_key = ? AND kind = 'original' AND status <> 'cancelled'`),
    nextQueued: db.prepare<[string], RawJob>(`SELECT * FROM print_jobs WHERE printer_id = ? AND status = 'queued' ORDER BY id LIMIT 1`),
    markSending: db.prepare(`UPDATE print_jobs SET status = 'sending', attempts = attempts + 1, held_reason = NULL, updated_at = @now WHERE id = @id AND status = 'queued'`),
    markSent: db.prepare(`UPDATE print_jobs SET status = 'sent', sent_at = @now, updated_at = @now WHERE id = @id`),
    finish: db.prepare('UPDATE print_jobs SET status = @status, last_error = @error, finished_at = @now, updated_at = @now WHERE id = @id'),
    hold: db.prepare(`UPDATE print_jobs SET status = 'queued', held_reason = @held, updated_at = @now WHERE id = @id`),
    inFlight: db.prepare<[], RawJob>(`SELECT * FROM print_jobs WHERE status IN ('sending','sent') ORDER BY id`),
    queuedCount: db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM print_jobs WHERE printer_id = ? AND status = 'queued'`),
    printersWithQueued: db.prepare<[], { printer_id: string }>(`SELECT DISTINCT printer_id FROM print_jobs WHERE status = 'queued'`),
    insertBatch: db.prepare('INSERT INTO print_batches (title, total, operator_id, created_at) VALUES (?, ?, ?, ?)'),
    batch: db.prepare<[number], BatchRow>('SELECT id, title, total, status FROM print_batches WHERE id = ?'),
    batchCounts: db.prepare<[number], { status: PrintJobStatus; n: number }>('SELECT status, count(*) AS n FROM print_jobs WHERE batch_id = ? GROUP BY status'),
    batchStatus: db.prepare('UPDATE print_batches SET status = ? WHERE id = ?'),
    cancelBatchJobs: db.prepare(`UPDATE print_jobs SET status = 'cancelled', finished_at = @now, updated_at = @now WHERE batch_id = @batchId AND status = 'queued'`)
  }

  return {
    printer: (id: string): PrinterRow | undefined => {
      const r = q.printer.get(id)
      return r && toPrinter(r)
    },
    printers: (): PrinterRow[] => q.printers.all().map(toPrinter),
    upsertPrinter(p: PrinterRow, now: string): void {
      q.upsertPrinter.run({ id: p.id, name: p.name, uri: p.uri, dpi: p.dpi, simulated: p.simulated ? 1 : 0, active: p.active ? 1 : 0, now })
    },
    job: (id: number): JobRow | undefined => {
      const r = q.job.get(id)
      return r && toJob(r)
    },
    insertJob(j: NewJobRow): number {
      return Number(q.insertJob.run({ ...j, data: JSON.stringify(j.data) }).lastInsertRowid)
    },
    /** The live original job printing this label, if any (at most once: unique index `print_jobs_once`). */
    existingOriginal: (labelKey: string): { id: number; status: PrintJobStatus } | undefined => q.existing.get(labelKey),
    nextQueued: (printerId: string): JobRow | undefined => {
      const r = q.nextQueued.get(printerId)
      return r && toJob(r)
    },
    /** queued → sending; false when the job is no longer queued (cancelled or moved meanwhile). */
    markSending: (id: number, now: string): boolean => q.markSending.run({ id, now }).changes === 1,
    markSent: (id: number, now: string): void => void q.markSent.run({ id, now }),
    finish: (id: number, status: PrintJobStatus, error: string | null, now: string): void => void q.finish.run({ id, status, error, now }),
    hold: (id: number, held: string, now: string): void => void q.hold.run({ id, held, now }),
    inFlight: (): JobRow[] => q.inFlight.all().map(toJob),
    queuedCount: (printerId: string): number => q.queuedCount.get(printerId)?.n ?? 0,
    printersWithQueued: (): string[] => q.printersWithQueued.all().map((r) => r.printer_id),
    jobs(filter: JobFilter = {}): JobRow[] {
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
      const rows = db.prepare(`SELECT * FROM print_jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`).all(params) as RawJob[]
      return rows.map(toJob)
    },
    /** Moves queued jobs (some, or all of one printer's) to another printer; returns how many. */
    moveQueued(input: { jobIds?: readonly number[]; fromPrinterId?: string; toPrinterId: string; now: string }): number {
      if (!input.jobIds?.length && !input.fromPrinterId) return 0
      let sql = `UPDATE print_jobs SET printer_id = @to, held_reason = NULL, updated_at = @now WHERE status = 'queued'`
      const params: Record<string, unknown> = { to: input.toPrinterId, now: input.now }
      if (input.jobIds?.length) sql += ` AND id IN (${input.jobIds.map((_, i) => `@j${i}`).join(',')})`
      input.jobIds?.forEach((id, i) => (params[`j${i}`] = id))
      if (input.fromPrinterId) {
        sql += ' AND printer_id = @from'
        params.from = input.fromPrinterId
      }
      return db.prepare(sql).run(params).changes
    },
    insertBatch: (title: string, total: number, operatorId: number | null, now: string): number => Number(q.insertBatch.run(title, total, operatorId, now).lastInsertRowid),
    batch: (id: number): BatchRow | undefined => q.batch.get(id),
    batchCounts: (id: number): Partial<Record<PrintJobStatus, number>> => Object.fromEntries(q.batchCounts.all(id).map((r) => [r.status, r.n])),
    setBatchStatus: (id: number, status: BatchRow['status']): void => void q.batchStatus.run(status, id),
    /** Cancels a batch's jobs that have not left yet; returns how many. */
    cancelQueuedOfBatch: (batchId: number, now: string): number => q.cancelBatchJobs.run({ batchId, now }).changes
  }
}
