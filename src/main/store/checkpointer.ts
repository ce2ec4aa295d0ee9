import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * WAL checkpoints copy the log back into the database file and fsync it; with SQLite's default
 * auto-checkpoint that happens inside whichever commit crosses 1,000 pages — a scan would pay for it.
 * A worker thread with its own connection checkpoints every few seconds instead (PASSIVE: it never
 * blocks a writer), and the main connection's auto-checkpoint is raised to a safety net only.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.sqlitePath)
const db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {})
db.pragma('busy_timeout = 0')
const tick = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch (error) { parentPort.postMessage({ error: String(error && error.message || error) }) }
}
const timer = setInterval(tick, workerData.intervalMs)
parentPort.on('message', (m) => { if (m === 'stop') { clearInterval(timer); tick(); db.close(); parentPort.close() } })
`

export const SAFETY_NET_AUTOCHECKPOINT_PAGES = 10_000

export interface Checkpointer {
  stop(): Promise<void>
}

export function startCheckpointer(options: { file: string; nativeBinding?: string; intervalMs?: number; onError?: (message: string) => void }): Checkpointer {
  const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file: options.file, nativeBinding: options.nativeBinding ?? null, sqlitePath, intervalMs: options.intervalMs ?? 2000 }
  })
  worker.unref()
  worker.on('message', (m: { error?: string }) => m.error && options.onError?.(m.error))
  worker.on('error', (e) => options.onError?.(e.message))
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve())
        worker.postMessage('stop')
        setTimeout(() => void worker.terminate(), 2000).unref()
      })
  }
}
