import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { StoreError } from './store-error'

export interface DataDirLock {
  release(): void
}

interface LockOwner {
  pid: number
  host: string
  startedAt: string
}

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
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner
  } catch {
    return null
  }
}

/**
 * One station per data directory: a second station on the same directory refuses to start. A lock
 * left by a station that died (kill -9, power loss) is taken over, since its process is gone.
 */
export function lockDataDir(dir: string): DataDirLock {
  const path = join(dir, 'station.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }
      writeSync(fd, JSON.stringify(owner))
      closeSync(fd)
      return {
        release: () => {
          if (readOwner(path)?.pid === process.pid) unlinkSync(path)
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = readOwner(path)
      if (owner && owner.host === hostname() && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new StoreError(
          'store.locked',
          `Another Dockside station (process ${owner.pid}, started ${owner.startedAt}) is already using ${dir}. ` +
            'Close it first, or start this one with another --data-dir.'
        )
      }
      if (owner && owner.host !== hostname()) {
        throw new StoreError('store.locked', `The data directory ${dir} is in use by a station on ${owner.host}. A data directory belongs to one station.`)
      }
      unlinkSync(path)
    }
  }
  throw new StoreError('store.locked', `Could not lock the data directory ${dir}.`)
}
