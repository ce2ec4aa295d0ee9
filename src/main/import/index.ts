import type { Db } from '../store/sql'
import { workerUrl } from '../paths'
import { basename } from 'node:path'
import { closeSync, readSync } from 'node:fs'
import type { ImportIssue, ImportKind, ImportProgress, ImportReport } from '../../shared/contract-areas/receiving'
import type { EventLog } from '../store/event-log'
import { applyBatch } from './apply'
import { csvRows } from './csv-stream'
import { createSheetValidator, detectKind, validateSheet, type Cell, type SheetValidator, type ValidationOutput } from './formats'
import { OPEN_REFUSAL_TEXT, openRegularFile, readOpened } from './open-file'
import { MAX_IMPORT_BYTES, readSheet, ReadError } from './read'
import { createItemStaging, type ItemStaging } from '../store/repositories/import-staging'
import type { ItemRecord } from './formats'
import { runWorker, startWorker } from './worker-host'

export { applyBatch, type ApplyOptions, type ApplyResult } from './apply'
export type { ImportBatch, ItemRecord, SupplierRecord, LocationRecord, PoRecord, AsnRecord } from './formats'

/** The report lists at most this many problems (the count is exact). */
export const MAX_LISTED_ERRORS = 10_000
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
  return {
    file,
    kind: partial.kind ?? null,
    rows: partial.rows ?? 0,
    valid: errors.length === 0 && (partial.valid ?? true),
    applied: partial.applied ?? false,
    errors: errors.slice(0, MAX_LISTED_ERRORS),
    errorCount: errors.length,
    truncated: errors.length > MAX_LISTED_ERRORS,
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

/** Items staged in the database → checked with SQL → written in one transaction (all or nothing). */
function finishStaged(db: Db, eventLog: EventLog, name: string, headerIndex: number, v: ValidationOutput, staging: ItemStaging, preview: ItemRecord[], options: ImportOptions, started: number): ImportReport {
  const kind: ImportKind = 'items'
  options.onProgress?.({ file: name, phase: 'validate', done: v.rows, total: v.rows })
  if (v.rows === 0 && v.errors.length === 0) {
    return report(name, started, { kind, rows: 0, errors: [{ row: headerIndex + 2, column: null, rule: 'empty', message: 'The file has a header but no data rows.' }], valid: false })
  }
  const checked = staging.check()
  const shown = previewOf(preview)
  if (v.errors.length > 0 || checked.errors.length > 0) {
    return report(name, started, { kind, rows: v.rows, errors: dedupe([...v.errors, ...checked.errors].sort((a, b) => a.row - b.row)), preview: shown })
  }
  if (options.dryRun) return report(name, started, { kind, rows: v.rows, preview: shown, summary: checked.summary })
  options.onProgress?.({ file: name, phase: 'apply', done: 0, total: v.rows })
  const now = (options.now ?? (() => new Date()))().toISOString()
  db.transaction(() => {
    staging.apply(now)
    eventLog.append({
      type: 'import.applied',
      operatorId: options.operatorId ?? null,
      payload: { kind, source: 'file', origin: name, records: staging.count(), ...checked.summary }
    })
  }).immediate()
  options.onProgress?.({ file: name, phase: 'done', done: v.rows, total: v.rows })
  return report(name, started, { kind, rows: v.rows, applied: true, preview: shown, summary: checked.summary })
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
 * A CSV streamed from disk: rows are validated as they are parsed, so neither the file's bytes nor
 * its text nor its cells are ever held whole — only the validated records (and the problems).
 */
async function importCsvStream(db: Db, eventLog: EventLog, name: string, fd: number, size: number, options: ImportOptions, started: number): Promise<ImportReport> {
  // Reading and checking happen together: progress counts bytes read, then the rows checked.
  const progress = (done: number) => options.onProgress?.({ file: name, phase: 'read', done, total: size })
  const head: Cell[][] = []
  let validator: SheetValidator | null = null
  let kind: ImportKind | null = null
  let headerIndex = 0
  // Items rows are staged in the database as they are checked (memory bounded by a constant).
  let staging: ItemStaging | null = null
  const stagedPreview: ItemRecord[] = []
  const nonBlank = () => head.filter((r) => r.some((c) => typeof c !== 'string' || c.trim() !== '')).length
  try {
    for await (const { cells, index } of csvRows(fd, progress)) {
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
      if (kind === 'items') {
        const stage = createItemStaging(db)
        staging = stage
        validator = createSheetValidator(kind, head[headerIndex]!, headerIndex, (record) => {
          if (stagedPreview.length < PREVIEW_ROWS) stagedPreview.push(record)
          stage.add(record)
        })
      } else validator = createSheetValidator(kind, head[headerIndex]!, headerIndex)
      for (let r = headerIndex + 1; r < head.length; r++) validator.row(head[r]!, r)
    }
    if (staging && validator) return finishStaged(db, eventLog, name, headerIndex, validator.finish(), staging, stagedPreview, options, started)
  } catch (error) {
    if (error instanceof ReadError) return report(name, started, { errors: [{ row: error.row, column: null, rule: 'file', message: error.message }], valid: false })
    throw error
  } finally {
    staging?.drop()
  }
  if (!validator) {
    // Fewer than two non-blank rows: the in-memory path gives the right refusal.
    return importRows(db, eventLog, name, head, { ...options, name }, started)
  }
  const checked = validator.finish()
  options.onProgress?.({ file: name, phase: 'validate', done: checked.rows, total: checked.rows })
  return finishImport(db, eventLog, name, kind!, headerIndex, checked, options, started)
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
  // XLSX (a zip: "PK\x03\x04", or named .xlsx/.xls) is read whole; CSV streams.
  const magic = Buffer.alloc(4)
  readSync(opened.fd, magic, 0, 4, 0)
  const zip = magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 0x03 && magic[3] === 0x04
  if (!zip && !/\.xlsx?$/i.test(name)) {
    try {
      return await importCsvStream(db, eventLog, name, opened.fd, opened.size, options, started)
    } finally {
      closeSync(opened.fd)
    }
  }
  let bytes: Uint8Array
  try {
    bytes = readOpened(opened.fd)
  } catch {
    return report(name, started, { errors: [{ row: 1, column: null, rule: 'file.unreadable', message: OPEN_REFUSAL_TEXT.unreadable }], valid: false })
  }
  options.onProgress?.({ file: name, phase: 'read', done: 0, total: bytes.length })
  let rows: Cell[][]
  try {
    rows = (await readSheet(name, bytes)).rows
  } catch (error) {
    if (error instanceof ReadError) return report(name, started, { errors: [{ row: error.row, column: null, rule: 'file', message: error.message }], valid: false })
    throw error
  }
  options.onProgress?.({ file: name, phase: 'read', done: bytes.length, total: bytes.length })
  return importRows(db, eventLog, file, rows, options, started)
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
