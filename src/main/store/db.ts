import Database from 'better-sqlite3'
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { newestBackup } from './backups'
import { ensurePrivateDir, tighten } from './file-modes'
import { SAFETY_NET_AUTOCHECKPOINT_PAGES, startCheckpointer, type Checkpointer } from './checkpointer'
import { lockDataDir, type DataDirLock } from './data-dir-lock'
import { assertNotNewer, migrate, type MigrationReport } from './migrate'
import { migrations } from './migrations'
import { StoreError } from './store-error'

export const DATABASE_FILE = 'dockside.sqlite'
const SQLITE_MAGIC = 'SQLite format 3\u0000'

export interface StoreOptions {
  dataDir: string
  /** Path to a better-sqlite3 .node built for the running runtime (Electron has its own ABI). */
  nativeBinding?: string
  /** Open without the data-dir lock and without writing (CLI look-ups while a station runs). */
  readonly?: boolean
  /**
   * Skip the one-station-per-directory lock for a short CLI write (e.g. `sscc next`) that may run beside
   * the station; SQLite's own locking keeps the two writers apart. Default: take the lock.
   */
  stationLock?: boolean
  /** Told when the background WAL checkpointer fails (it keeps retrying; the log grows meanwhile). */
  onBackgroundError?: (message: string) => void
  /**
   * A database up to this size gets the whole `quick_check` before it serves (default 64 MB, well under
   * a second); a bigger one gets the bounded check (header, schema, small tables) and leaves the full
   * check to the caller, off the critical path (`Store.deferredCheck`).
   */
  syncCheckMaxBytes?: number
}

export interface Store {
  db: Database.Database
  file: string
  migration: MigrationReport
  /** True when start-up only ran the bounded check: the caller runs the full quick_check in a worker. */
  deferredCheck: boolean
  close(): void
}

export const DEFAULT_SYNC_CHECK_MAX_BYTES = 64 * 1024 * 1024

/** Files only a station that has run leaves in its data folder. */
const STATION_TRACES = ['logs', 'backups', 'reports', 'diagnostics', `${DATABASE_FILE}-wal`]

const restoreHint = (dataDir: string): string => {
  const backup = newestBackup(dataDir)
  return backup
    ? ` The newest backup is ${backup}: stop the station and run \`dockside db restore ${backup} --data-dir ${dataDir}\`.`
    : ' No backup was found in the data folder; restore one from your own backups.'
}

function assertSqliteFile(file: string, dataDir: string): void {
  let size: number
  try {
    size = statSync(file).size
  } catch {
    return
  }
  if (size === 0) {
    // Zero bytes beside a station's other files is a damaged database, not a new station: taking it
    // as new would give the station a new id and hide the loss.
    const traces = STATION_TRACES.filter((t) => existsSync(join(dataDir, t)))
    if (traces.length > 0) {
      throw new StoreError('store.empty_database', `The database ${file} is empty (0 bytes) but this data folder has been used by a station (${traces.join(', ')}). It was left untouched.${restoreHint(dataDir)}`, {
        file,
        backup: newestBackup(dataDir)
      })
    }
    return
  }
  const header = Buffer.alloc(16)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, header, 0, 16, 0)
  } finally {
    closeSync(fd)
  }
  if (header.toString('latin1') !== SQLITE_MAGIC) {
    throw new StoreError(
      'store.not_a_database',
      `${file} is not a Dockside database (it is not an SQLite file). It was left untouched; restore it from a backup or choose another data directory.`,
      { file, backup: newestBackup(dataDir) }
    )
  }
}

function applyPragmas(db: Database.Database, readonly: boolean): void {
  if (!readonly) {
    db.pragma('journal_mode = WAL')
    // A scan the operator was told is saved must survive power loss: FULL syncs the WAL on commit.
    db.pragma('synchronous = FULL')
  }
  db.pragma('foreign_keys = ON')
  db.pragma('cache_size = -65536')
  db.pragma('temp_store = MEMORY')
}

/** `PRAGMA quick_check` (or the full integrity_check): 'ok' or the first problems SQLite lists. */
export function checkIntegrity(db: Database.Database, full = false, maxProblems = 20): string[] {
  const rows = db.pragma(`${full ? 'integrity_check' : 'quick_check'}(${maxProblems})`) as Array<Record<string, string>>
  const problems = rows.map((r) => Object.values(r)[0] ?? '').filter((p) => p !== 'ok')
  return problems
}

function assertIntact(db: Database.Database, file: string, dataDir: string, full: boolean): void {
  let problems: string[]
  try {
    problems = full ? checkIntegrity(db) : boundedCheck(db, file)
  } catch (error) {
    problems = [(error as { code?: string }).code ?? String(error)]
  }
  if (problems.length > 0) {
    throw new StoreError('store.corrupt', `The database ${file} is damaged (quick_check: ${problems.slice(0, 3).join('; ')}). It was left untouched.${restoreHint(dataDir)}`, {
      file,
      problems: problems.slice(0, 5),
      backup: newestBackup(dataDir)
    })
  }
}

/** Rows a table may have (by its largest rowid) and still be quick-checked before the station serves. */
const SMALL_TABLE_ROWS = 20_000

/**
 * The cheap part of the start-up check, independent of the database size: the header's page count
 * matches the file, the schema parses, and every small table (settings, operators, master data…) with
 * its indexes passes `quick_check(table)`. Big tables (units, events, the scan journal) are left to the
 * full check in a worker.
 */
export function boundedCheck(db: Database.Database, file: string): string[] {
  const problems: string[] = []
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const pageCount = db.pragma('page_count', { simple: true }) as number
  const size = statSync(file).size
  // The WAL may hold pages past the end of the main file, never the other way round.
  if (size > 0 && pageCount * pageSize < size - pageSize) problems.push(`page count ${pageCount} does not match the file size ${size}`)
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]
  for (const table of tables) {
    const quoted = `"${table.replaceAll('"', '""')}"`
    let rows: number
    try {
      rows = Number((db.prepare(`SELECT max(rowid) FROM ${quoted}`).pluck().get() as number | null) ?? 0)
    } catch {
      continue // WITHOUT ROWID: left to the full check
    }
    if (rows > SMALL_TABLE_ROWS) continue
    const found = db.pragma(`quick_check(${quoted})`) as Array<Record<string, string>>
    problems.push(...found.map((r) => Object.values(r)[0] ?? '').filter((p) => p !== 'ok'))
    if (problems.length >= 20) break
  }
  return problems
}

/** The database and its WAL/SHM files are the station user's only (0600). */
export function tightenStoreFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) tighten(f)
}

export function openStore(options: StoreOptions): Store {
  const readonly = options.readonly ?? false
  const file = join(options.dataDir, DATABASE_FILE)
  let lock: DataDirLock | null = null
  try {
    if (!readonly) ensurePrivateDir(options.dataDir)
    assertSqliteFile(file, options.dataDir)
    lock = readonly || options.stationLock === false ? null : lockDataDir(options.dataDir)
  } catch (error) {
    throw translateOpenError(error, file, options.dataDir)
  }
  let db: Database.Database | undefined
  try {
    db = new Database(file, {
      readonly,
      fileMustExist: readonly,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
    })
    db.pragma('busy_timeout = 5000')
    // Check before any pragma that writes (journal_mode rewrites the header): a newer file stays untouched.
    assertNotNewer(db, migrations, file)
    // The station (the lock holder) checks the file before it serves: damage is found at start, not
    // by the first scan that touches a bad page.
    // A small file is checked whole (fast); a big one gets the bounded check here and the full one later.
    const fullNow = statSync(file).size <= (options.syncCheckMaxBytes ?? DEFAULT_SYNC_CHECK_MAX_BYTES)
    if (lock) assertIntact(db, file, options.dataDir, fullNow)
    applyPragmas(db, readonly)
    const report = readonly ? readOnlyReport(db, file) : migrate(db, migrations, file)
    if (!readonly) tightenStoreFiles(file)
    const opened = db
    // The station (the lock holder) checkpoints the WAL off the scan thread; short CLI opens do not.
    let checkpointer: Checkpointer | null = null
    if (lock) {
      opened.pragma(`wal_autocheckpoint = ${SAFETY_NET_AUTOCHECKPOINT_PAGES}`)
      checkpointer = startCheckpointer({ file, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), ...(options.onBackgroundError ? { onError: options.onBackgroundError } : {}) })
    }
    return {
      db: opened,
      file,
      migration: report,
      deferredCheck: lock !== null && !fullNow,
      close: () => {
        void checkpointer?.stop()
        if (opened.open) opened.close()
        lock?.release()
      }
    }
  } catch (error) {
    db?.close()
    lock?.release()
    throw translateOpenError(error, file, options.dataDir)
  }
}

function readOnlyReport(db: Database.Database, file: string): MigrationReport {
  const version = db.pragma('user_version', { simple: true }) as number
  const latest = migrations.length
  if (version !== latest) {
    throw new StoreError('store.schema_mismatch', `The database ${file} is at schema ${version}; this Dockside needs ${latest}. Start the station once to migrate it.`)
  }
  return { from: version, to: version, applied: [] }
}

function translateOpenError(error: unknown, file: string, dataDir: string): unknown {
  const code = (error as { code?: string }).code
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new StoreError('store.corrupt', `The database ${file} is damaged (${code}). It was left untouched.${restoreHint(dataDir)}`, { file, backup: newestBackup(dataDir) })
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
    return new StoreError('store.not_writable', `The data folder ${dataDir} cannot be written (${code}): check its permissions and free space, or choose another --data-dir.`, { dataDir, reason: code })
  }
  return error
}
