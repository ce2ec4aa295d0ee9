import type Database from 'better-sqlite3'
import { readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ensurePrivateDir, tighten } from './file-modes'

export const BACKUP_DIR = 'backups'
/** Backups kept (the newest ones); a station that starts daily keeps about a week and a half. */
export const DEFAULT_KEEP = 10
const BACKUP_FILE = /^dockside-\d{8}T\d{6}Z-(start|daily|manual)\.sqlite$/

export type BackupReason = 'start' | 'daily' | 'manual'

export const backupDir = (dataDir: string) => join(dataDir, BACKUP_DIR)

export interface BackupInfo {
  path: string
  bytes: number
  at: string
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')

/** The backups in <data>/backups, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  let names: string[]
  try {
    names = readdirSync(backupDir(dataDir)).filter((f) => BACKUP_FILE.test(f))
  } catch {
    return []
  }
  return names
    .map((f) => {
      const path = join(backupDir(dataDir), f)
      const st = statSync(path)
      return { path, bytes: st.size, at: st.mtime.toISOString() }
    })
    .sort((a, b) => (a.path < b.path ? 1 : -1))
}

export const newestBackup = (dataDir: string): string | null => listBackups(dataDir)[0]?.path ?? null

/**
 * An online backup with SQLite's backup API (a consistent copy while the station keeps writing),
 * written under a temporary name and renamed when complete, then rotated to the newest `keep`.
 */
export async function takeBackup(db: Database.Database, dataDir: string, reason: BackupReason, keep = DEFAULT_KEEP, now = new Date()): Promise<BackupInfo> {
  const dir = backupDir(dataDir)
  ensurePrivateDir(dir)
  let name = `dockside-${stamp(now)}-${reason}.sqlite`
  // Two backups in one second (a manual one right after start): keep both.
  for (let n = 1; listBackups(dataDir).some((b) => b.path.endsWith(name)); n++) name = `dockside-${stamp(new Date(now.getTime() + n * 1000))}-${reason}.sqlite`
  const final = join(dir, name)
  const temp = `${final}.partial`
  try {
    await db.backup(temp)
    tighten(temp)
    renameSync(temp, final)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
  for (const old of listBackups(dataDir).slice(keep)) rmSync(old.path, { force: true })
  const st = statSync(final)
  return { path: final, bytes: st.size, at: now.toISOString() }
}

export interface BackupSchedule {
  stop(): void
}

/** One backup now (station start), then one a day; failures are reported, never thrown. */
export function scheduleBackups(db: Database.Database, dataDir: string, options: { intervalMs?: number; keep?: number; onError: (error: unknown) => void; onDone?: (b: BackupInfo) => void }): BackupSchedule {
  let running = false
  let stopped = false
  const run = (reason: BackupReason) => {
    if (running || stopped || !db.open) return
    running = true
    takeBackup(db, dataDir, reason, options.keep)
      .then((b) => options.onDone?.(b))
      .catch((error: unknown) => {
        if (!stopped) options.onError(error)
      })
      .finally(() => {
        running = false
      })
  }
  const first = setTimeout(() => run('start'), 0)
  const timer = setInterval(() => run('daily'), options.intervalMs ?? 24 * 3600_000)
  first.unref()
  timer.unref()
  return {
    stop() {
      stopped = true
      clearTimeout(first)
      clearInterval(timer)
    }
  }
}
