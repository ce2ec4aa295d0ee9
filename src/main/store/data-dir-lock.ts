import { closeSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { PRIVATE_FILE_MODE } from './file-modes'
import { StoreError } from './store-error'

export interface DataDirLock {
  release(): void
}

interface LockOwner {
  pid: number
  host: string
  startedAt: string
  /** Random per lock: release removes only the lock this process took. */
  nonce: string
}

export const LOCK_FILE = 'station.lock'
/** A lock file that cannot be read as a complete owner is only taken over once it is this old. */
const UNREADABLE_LOCK_GRACE_MS = 60_000
/** A takeover mutex left by a starter that died in the middle of a takeover. */
const TAKEOVER_GRACE_MS = 10_000

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>
    if (!Number.isSafeInteger(owner.pid) || typeof owner.host !== 'string' || typeof owner.startedAt !== 'string') return null
    return owner as LockOwner
  } catch {
    return null
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs
  } catch {
    return 0
  }
}

/**
 * Creates `path` with its whole content in one atomic step: the content goes to a private temp file
 * first and link(2) publishes it under the lock name, failing with EEXIST if a lock exists. No reader
 * can ever see a lock file that is empty or half written.
 */
function publish(path: string, content: string): boolean {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  const fd = openSync(temp, 'wx', PRIVATE_FILE_MODE)
  try {
    writeSync(fd, content)
  } finally {
    closeSync(fd)
  }
  try {
    linkSync(temp, path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    unlinkSync(temp)
  }
}

type Verdict = { stale: true } | { stale: false; error: StoreError }

function judge(path: string, dir: string): Verdict {
  const owner = readOwner(path)
  if (owner === null) {
    if (ageMs(path) > UNREADABLE_LOCK_GRACE_MS) return { stale: true }
    return { stale: false, error: new StoreError('store.locked', `The data directory ${dir} is being locked by another starting station.`, { dir }) }
  }
  if (owner.host !== hostname()) {
    return { stale: false, error: new StoreError('store.locked', `The data directory ${dir} is in use by a station on ${owner.host}. A data directory belongs to one station.`, { dir, host: owner.host }) }
  }
  // Our own pid: a lock this process left behind (a test, a restart in-process) is ours to retake.
  if (owner.pid !== process.pid && isAlive(owner.pid)) {
    return {
      stale: false,
      error: new StoreError(
        'store.locked',
        `Another Dockside station (process ${owner.pid}, started ${owner.startedAt}) is already using ${dir}. Close it first, or start this one with another --data-dir.`,
        { dir, pid: owner.pid, startedAt: owner.startedAt }
      )
    }
  }
  return { stale: true }
}

/**
 * Removes a stale lock under a takeover mutex (itself an exclusive create), re-judging it inside: of
 * many starters that find the same dead owner, one removes it; the others find the new live lock.
 */
function takeOverStale(path: string, dir: string): void {
  const mutex = `${path}.takeover`
  if (ageMs(mutex) > TAKEOVER_GRACE_MS) {
    try {
      unlinkSync(mutex)
    } catch {
      // another starter cleared it
    }
  }
  let fd: number
  try {
    fd = openSync(mutex, 'wx', PRIVATE_FILE_MODE)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return
    throw error
  }
  try {
    const verdict = judge(path, dir)
    if (verdict.stale) {
      try {
        unlinkSync(path)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
    }
  } finally {
    closeSync(fd)
    unlinkSync(mutex)
  }
}

/**
 * One station per data directory: a second station on the same directory refuses to start. A lock
 * left by a station that died (kill -9, power loss) is taken over, since its process is gone.
 */
export function lockDataDir(dir: string): DataDirLock {
  const path = join(dir, LOCK_FILE)
  const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), nonce: randomBytes(8).toString('hex') }
  const content = JSON.stringify(owner)
  for (let attempt = 0; attempt < 5; attempt++) {
    if (publish(path, content)) {
      return {
        release: () => {
          if (readOwner(path)?.nonce === owner.nonce) unlinkSync(path)
        }
      }
    }
    const verdict = judge(path, dir)
    if (!verdict.stale) throw verdict.error
    takeOverStale(path, dir)
  }
  throw new StoreError('store.locked', `Could not lock the data directory ${dir}: other stations keep starting on it.`, { dir })
}
