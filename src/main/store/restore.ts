import Database from 'better-sqlite3'
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { lockDataDir } from './data-dir-lock'
import { checkIntegrity, DATABASE_FILE } from './db'
import { ensurePrivateDir, tighten } from './file-modes'
import { assertNotNewer } from './migrate'
import { migrations } from './migrations'
import { StoreError } from './store-error'

export interface RestoreResult {
  restored: string
  file: string
  /** Where the replaced database was moved (null when there was none). */
  replacedBy: string | null
}

function assertGoodBackup(backup: string): void {
  let db: Database.Database
  try {
    db = new Database(backup, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw new StoreError('store.restore_unreadable', `${backup} cannot be opened as a database (${(error as { code?: string }).code ?? 'error'}); nothing was changed.`, { backup })
  }
  try {
    const problems = (() => {
      try {
        return checkIntegrity(db, true)
      } catch (error) {
        return [(error as { code?: string }).code ?? String(error)]
      }
    })()
    if (problems.length > 0) throw new StoreError('store.restore_damaged', `${backup} is itself damaged (${problems.slice(0, 2).join('; ')}); nothing was changed. Choose an older backup.`, { backup, problems: problems.slice(0, 5) })
    assertNotNewer(db, migrations, backup)
  } finally {
    db.close()
  }
}

/**
 * Puts a backup in place of the station database. Refused while a station runs on the folder (it
 * takes the station lock); the backup is checked in full first; the replaced database (with its WAL)
 * is moved to <data>/replaced/, never deleted.
 */
export function restoreBackup(dataDir: string, backup: string, now = new Date()): RestoreResult {
  if (!existsSync(backup)) throw new StoreError('store.restore_unreadable', `There is no file ${backup}; nothing was changed.`, { backup })
  assertGoodBackup(backup)
  ensurePrivateDir(dataDir)
  const lock = lockDataDir(dataDir)
  try {
    const file = join(dataDir, DATABASE_FILE)
    let replacedBy: string | null = null
    if (existsSync(file)) {
      const dir = join(dataDir, 'replaced')
      ensurePrivateDir(dir)
      replacedBy = join(dir, `dockside-${now.toISOString().replace(/[-:.]/g, '')}.sqlite`)
      renameSync(file, replacedBy)
      for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, replacedBy + suffix)
    }
    const temp = `${file}.restoring`
    try {
      copyFileSync(backup, temp)
      tighten(temp)
      renameSync(temp, file)
    } catch (error) {
      rmSync(temp, { force: true })
      throw error
    }
    return { restored: backup, file, replacedBy }
  } finally {
    lock.release()
  }
}
