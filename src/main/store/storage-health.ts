import { statfsSync } from 'node:fs'
import type { StorageState } from '../../shared/model/station'
import { AppFailure } from '../errors'

/** SQLite's and the OS's words for "no space left". */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT'
}

export const diskFullFailure = (dataDir: string): AppFailure =>
  new AppFailure('store.disk_full', { dataDir }, { dataDir })

export const corruptFailure = (details: { file: string; problem: string; backup: string }): AppFailure =>
  new AppFailure('store.corrupt', details, details)

export interface StorageHealth {
  state(): StorageState
  /** The background integrity check found damage: from now on every write failure is `store.corrupt`. */
  markCorrupt(details: { file: string; problem: string; backup: string }): void
  /** The failure to answer a refused write with (corrupt wins over a full disk). */
  failure(): AppFailure
  /** Called with any write failure: true (and the state flips to full) when it was a full disk. */
  noteFailure(error: unknown): boolean
  /** A write went through: space is back (never clears a damaged database). */
  noteSuccess(): void
  close(): void
}

export interface StorageHealthOptions {
  dataDir: string
  onChange: (state: StorageState) => void
  /** While full, how often free space is looked at (default 2 s). */
  pollMs?: number
  /** Free bytes that count as "space is back" (default 8 MB). */
  resumeBytes?: number
  freeBytes?: (dir: string) => number
}

const defaultFreeBytes = (dir: string): number => {
  const s = statfsSync(dir)
  return Number(s.bavail) * Number(s.bsize)
}

/**
 * Tracks whether the data folder's disk is full. Set by the first SQLITE_FULL/ENOSPC; cleared by the
 * next successful write or when a poll sees free space again. The change is pushed as an event so the
 * status bar can say it on every screen.
 */
export function createStorageHealth(options: StorageHealthOptions): StorageHealth {
  let state: StorageState = { diskFull: false, since: null }
  let timer: NodeJS.Timeout | null = null
  let corrupt: { file: string; problem: string; backup: string } | null = null
  const freeBytes = options.freeBytes ?? defaultFreeBytes
  const set = (next: StorageState) => {
    state = corrupt ? { ...next, corrupt: true } : next
    if (next.diskFull && !timer) {
      timer = setInterval(() => {
        try {
          if (freeBytes(options.dataDir) >= (options.resumeBytes ?? 8 * 1024 * 1024)) clear()
        } catch {
          // statfs failing is no news: keep polling
        }
      }, options.pollMs ?? 2000)
      timer.unref()
    }
    if (!next.diskFull && timer) {
      clearInterval(timer)
      timer = null
    }
    try {
      options.onChange(state)
    } catch {
      // a listener's failure never changes the state
    }
  }
  const clear = () => {
    if (state.diskFull) set({ diskFull: false, since: null })
  }
  return {
    state: () => state,
    markCorrupt(details) {
      if (corrupt) return
      corrupt = details
      set(state)
    },
    failure: () => (corrupt ? corruptFailure(corrupt) : diskFullFailure(options.dataDir)),
    noteFailure(error) {
      // Once damage is known the connection is query-only: every write fails, and each is `store.corrupt`.
      if (corrupt) return true
      if (!isDiskFull(error)) return false
      if (!state.diskFull) set({ diskFull: true, since: new Date().toISOString() })
      return true
    },
    noteSuccess: clear,
    close() {
      if (timer) clearInterval(timer)
      timer = null
    }
  }
}
