import type { Db } from '../store/sql'
import { workerUrl } from '../paths'
import { basename } from 'node:path'
import { closeSync, readSync } from 'node:fs'
import type { ImportIssue, ImportKind, ImportProgress, ImportReport } from '../../shared/contract-areas/receiving'
import type { EventLog } from '../store/event-log'
import { applyBatch } from './apply'
import { csvRows } from './csv-stream'
import { createSheetValidator, detectKind, validateSheet, type AnyRecord, type Cell, type SheetValidator, type ValidationOutput } from './formats'
import { OPEN_REFUSAL_TEXT, openRegularFile } from './open-file'
import { formatOf, MAX_IMPORT_BYTES, ReadError, type FileFormat } from './read'
import { xlsxRows } from './xlsx-stream'
import { IssueList, MAX_LISTED_ERRORS } from './issues'
import { stagingFor, type Staging } from './staged'
import { runWorker, startWorker } from './worker-host'

export { applyBatch, type ApplyOptions, type ApplyResult } from './apply'
export type { ImportBatch, ItemRecord, SupplierRecord, LocationRecord, PoRecord, AsnRecord } from './formats'

export { MAX_LISTED_ERRORS } from './issues'
const PREVIEW_ROWS = 20

export interface ImportOptions {
  /** Validate and report only (the preview). */
  dryRun?: boolean
  /** Refuse unless the file is of this kind. */
  kind?: ImportKind
  operatorId?: number | null
  onProgress?: (p: ImportProgress) => void
  now?: () => Date
  /** The name to report and to tell CSV from XLSX by (an upload is stored under an opaque id). */
  name?: string
}

function report(file: string, started: number, partial: Partial<ImportReport>): ImportReport {
  const errors = partial.errors ?? []
  const errorCount = Math.max(partial.errorCount ?? 0, errors.length)
  return {
    file,
    kind: partial.kind ?? null,
    rows: partial.rows ?? 0,
    valid: errorCount === 0 && (partial.valid ?? true),
    applied: partial.applied ?? false,
    errors: errors.slice(0, MAX_LISTED_ERRORS),
    errorCount,
    truncated: errorCount > Math.min(errors.length, MAX_LISTED_ERRORS),
    preview: partial.preview ?? [],
    summary: partial.summary ?? {},
    ms: Math.round(performance.now() - started)
  }
}

const previewOf = (records: ReadonlyArray<object>) =>
  records.slice(0, PREVIEW_ROWS).map((r) => {
    const out: Record<string, string | number | null> = {}
    for (const [k, value] of Object.entries(r)) out[k] = value === null || typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value)
    return out
  })

/** Validated rows → checked against the store → written (all or nothing). */
function finishImport(db: Db, eventLog: EventLog, name: string, kind: ImportKind, headerIndex: number, v: ValidationOutput, options: ImportOptions, started: number): ImportReport {
  const progress = (phase: ImportProgress['phase'], done: number, total: number) => options.onProgress?.({ file: name, phase, done, total })
  const preview = previewOf(v.batch.records)
  if (v.rows === 0 && v.errors.length === 0) {
    return report(name, started, { kind, rows: 0, errors: [{ row: headerIndex + 2, column: null, rule: 'empty', message: 'The file has a header but no data rows.' }], valid: false })
  }
  if (v.errors.length > 0) {
    // Still check the good rows against the store so one pass lists every problem.
    const more = v.batch.records.length ? applyBatch(db, eventLog, v.batch, { dryRun: true, source: 'file', origin: name }).errors : []
    const all = [...v.errors, ...more].sort((a, b) => a.row - b.row)
    return report(name, started, { kind, rows: v.rows, errors: dedupe(all), preview })
  }
  progress('apply', 0, v.rows)
  const applied = applyBatch(db, eventLog, v.batch, {
    dryRun: options.dryRun ?? false,
    source: 'file',
    origin: name,
    operatorId: options.operatorId ?? null,
    onProgress: (done, t) => progress('apply', done, t),
    ...(options.now ? { now: options.now } : {})
  })
  progress('done', v.rows, v.rows)
  return report(name, started, { kind, rows: v.rows, errors: applied.errors, applied: applied.applied, preview, summary: applied.summary })
}

/** Rows staged in the database → checked with SQL → written in one transaction (all or nothing). */
function finishStaged(db: Db, eventLog: EventLog, name: string, kind: ImportKind, headerIndex: number, v: ValidationOutput, staging: Staging, issues: IssueList, preview: AnyRecord[], options: ImportOptions, started: number): ImportReport {
  options.onProgress?.({ file: name, phase: 'validate', done: v.rows, total: v.rows })
  if (v.rows === 0 && issues.length === 0) {
    return report(name, started, { kind, rows: 0, errors: [{ row: headerIndex + 2, column: null, rule: 'empty', message: 'The file has a header but no data rows.' }], valid: false })
  }
  // The good rows are checked against the store even when some rows were refused: one pass lists every problem.
  const summary = staging.check(issues, (done) => options.onProgress?.({ file: name, phase: 'validate', done, total: v.rows }))
  const shown = previewOf(preview)
  if (issues.length > 0 || summary === null) return report(name, started, { kind, rows: v.rows, errors: issues.list(), errorCount: issues.length, preview: shown })
  if (options.dryRun) return report(name, started, { kind, rows: v.rows, preview: shown, summary })
  options.onProgress?.({ file: name, phase: 'apply', done: 0, total: v.rows })
  const now = (options.now ?? (() => new Date()))().toISOString()
  const operatorId = options.operatorId ?? null
  db.transaction(() => {
    staging.apply(eventLog, now, operatorId, name)
    eventLog.append({ type: 'import.applied', operatorId, payload: { kind, source: 'file', origin: name, records: staging.count(), ...summary } })
  }).immediate()
  options.onProgress?.({ file: name, phase: 'done', done: v.rows, total: v.rows })
  return report(name, started, { kind, rows: v.rows, applied: true, preview: shown, summary })
}

/** Parsed rows → validated records → checked against the store → written (all or nothing). */
export function importRows(db: Db, eventLog: EventLog, file: string, rows: Cell[][], options: ImportOptions = {}, started = performance.now()): ImportReport {
  const name = options.name ?? basename(file)
  const detected = detectKind(rows, options.kind)
  if ('rule' in detected) return report(name, started, { errors: [detected], valid: false })
  const { kind, headerIndex } = detected
  const total = Math.max(0, rows.length - headerIndex - 1)
  options.onProgress?.({ file: name, phase: 'validate', done: 0, total })
  const v = validateSheet(rows, kind, headerIndex, (done, t) => options.onProgress?.({ file: name, phase: 'validate', done, total: t }))
  return finishImport(db, eventLog, name, kind, headerIndex, v, options, started)
}

/**
 * Rows streamed from a CSV or XLSX reader: validated as they are parsed, so neither the file's bytes
 * nor its text nor its cells are ever held whole, and no record is kept either: each goes to a TEMP
 * table as it is checked (./staged.ts).
 */
async function importRowStream(db: Db, eventLog: EventLog, name: string, rows: AsyncIterable<{ cells: Cell[]; index: number }>, options: ImportOptions, started: number): Promise<ImportReport> {
  const head: Cell[][] = []
  let validator: SheetValidator | null = null
  let kind: ImportKind | null = null
  let headerIndex = 0
  let staging: Staging | null = null
  const issues = new IssueList()
  const preview: AnyRecord[] = []
  const nonBlank = () => head.filter((r) => r.some((c) => typeof c !== 'string' || c.trim() !== '')).length
  try {
    for await (const { cells, index } of rows) {
      if (validator) {
        validator.row(cells, index)
        continue
      }
      head.push(cells)
      // The kind line and the header are the first two non-blank rows; then rows stream.
      if (nonBlank() < 2) continue
      const detected = detectKind(head, options.kind)
      if ('rule' in detected) return report(name, started, { errors: [detected], valid: false })
      ;({ kind, headerIndex } = detected)
      if (headerIndex >= head.length) continue
      const stage = stagingFor(db, kind)
      staging = stage
      validator = createSheetValidator(kind, head[headerIndex]!, headerIndex, (record) => {
        if (preview.length < PREVIEW_ROWS) preview.push(record)
        stage.add(record)
      }, issues)
      for (let r = headerIndex + 1; r < head.length; r++) validator.row(head[r]!, r)
      head.length = 0
    }
    if (staging && validator) return finishStaged(db, eventLog, name, kind!, headerIndex, validator.finish(), staging, issues, preview, options, started)
  } catch (error) {
    if (error instanceof ReadError) return report(name, started, { errors: [{ row: error.row, column: null, rule: 'file', message: error.message }], valid: false })
    throw error
  } finally {
    staging?.drop()
  }
  // Fewer than two non-blank rows: the in-memory path gives the right refusal.
  return importRows(db, eventLog, name, head, { ...options, name }, started)
}

const dedupe = (errors: ImportIssue[]): ImportIssue[] => {
  const seen = new Set<string>()
  return errors.filter((e) => {
    const k = `${e.row}|${e.column}|${e.rule}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/** Reads a CSV or XLSX file and imports it in the calling thread (the CLI, the worker, tests). */
export async function importFile(db: Db, eventLog: EventLog, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const started = performance.now()
  const name = options.name ?? basename(file)
  const opened = openRegularFile(file, MAX_IMPORT_BYTES)
  if (!opened.ok) {
    const limit = opened.reason === 'too_large' ? ` It is ${((opened.size ?? 0) / 1048576).toFixed(0)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB.` : ''
    return report(name, started, { errors: [{ row: 1, column: null, rule: `file.${opened.reason}`, message: `${OPEN_REFUSAL_TEXT[opened.reason]}${limit}` }], valid: false })
  }
  // CSV and XLSX (a zip: "PK\x03\x04") both stream row by row; a file named .xlsx that is not a zip is refused.
  const magic = Buffer.alloc(4)
  let format: FileFormat
  try {
    format = formatOf(name, magic.subarray(0, readSync(opened.fd, magic, 0, 4, 0)))
  } catch (error) {
    closeSync(opened.fd)
    if (error instanceof ReadError) return report(name, started, { errors: [{ row: error.row, column: null, rule: 'file', message: error.message }], valid: false })
    return report(name, started, { errors: [{ row: 1, column: null, rule: 'file.unreadable', message: OPEN_REFUSAL_TEXT.unreadable }], valid: false })
  }
  const progress = (done: number) => options.onProgress?.({ file: name, phase: 'read', done, total: opened.size })
  try {
    return await importRowStream(db, eventLog, name, format === 'csv' ? csvRows(opened.fd, progress) : xlsxRows(opened.fd, progress), options, started)
  } finally {
    closeSync(opened.fd)
  }
}

export interface WorkerImportOptions {
  file: string
  dataDir: string
  nativeBinding?: string
  dryRun?: boolean
  kind?: ImportKind
  operatorId?: number | null
  name?: string
}

/**
 * Runs an import in a worker thread with its own connection, so a long file never blocks the thread
 * that serves scans. The write is one short IMMEDIATE transaction at the end; the station's
 * connection waits for it through busy_timeout like for any other writer.
 */
export async function importInWorker(options: WorkerImportOptions, onProgress?: (p: ImportProgress) => void, signal?: AbortSignal): Promise<ImportReport> {
  const worker = startWorker(workerUrl('import-worker'), options)
  if (!worker) {
    // No worker entry in this build: run here (still correct, only not off-thread).
    const { openStore } = await import('../store/db')
    const { createEventLog } = await import('../store/event-log')
    const { createSettingsRepository } = await import('../store/repositories/settings')
    const store = openStore({ dataDir: options.dataDir, stationLock: false, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) })
    try {
      const events = createEventLog(store.db, createSettingsRepository(store.db).stationId())
      return await importFile(store.db, events, options.file, { dryRun: options.dryRun ?? false, ...(options.kind ? { kind: options.kind } : {}), ...(options.name ? { name: options.name } : {}), operatorId: options.operatorId ?? null, ...(onProgress ? { onProgress } : {}) })
    } finally {
      store.close()
    }
  }
  return runWorker<ImportProgress, ImportReport>(worker, onProgress, signal)
}
