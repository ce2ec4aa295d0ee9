import Database from 'better-sqlite3'
import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs'
import { join } from 'node:path'
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
}

export interface Store {
  db: Database.Database
  file: string
  migration: MigrationReport
  close(): void
}

function assertSqliteFile(file: string): void {
  let size: number
  try {
    size = statSync(file).size
  } catch {
    return
  }
  if (size === 0) return
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
      `${file} is not a Dockside database (it is not an SQLite file). It was left untouched; restore it from a backup or choose another data directory.`
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

export function openStore(options: StoreOptions): Store {
  const readonly = options.readonly ?? false
  if (!readonly) mkdirSync(options.dataDir, { recursive: true })
  const file = join(options.dataDir, DATABASE_FILE)
  assertSqliteFile(file)
  const lock: DataDirLock | null = readonly || options.stationLock === false ? null : lockDataDir(options.dataDir)
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
    applyPragmas(db, readonly)
    const report = readonly ? readOnlyReport(db, file) : migrate(db, migrations, file)
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
      close: () => {
        void checkpointer?.stop()
        if (opened.open) opened.close()
        lock?.release()
      }
    }
  } catch (error) {
    db?.close()
    lock?.release()
    throw translateOpenError(error, file)
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

function translateOpenError(error: unknown, file: string): unknown {
  const code = (error as { code?: string }).code
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new StoreError(
      'store.corrupt',
      `The database ${file} is damaged (${code}). It was left untouched; restore it from a backup or choose another data directory.`
    )
  }
  return error
}
