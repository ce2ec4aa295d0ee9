import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** The full check reads every page: it runs on its own read-only connection in a worker thread. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.sqlitePath)
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) })
  db.pragma('busy_timeout = 5000')
  const rows = db.pragma(workerData.pragma + '(' + workerData.maxProblems + ')')
  db.close()
  parentPort.postMessage({ problems: rows.map((r) => Object.values(r)[0]).filter((p) => p !== 'ok') })
} catch (error) {
  parentPort.postMessage({ problems: [String((error && (error.code || error.message)) || error)] })
}
`

export interface IntegrityReport {
  ok: boolean
  /** SQLite's own lines (at most 20), empty when ok. */
  problems: string[]
  ms: number
}

/** `PRAGMA integrity_check` (or the cheaper `quick_check`) off the scan thread. */
export function integrityCheckInWorker(file: string, nativeBinding?: string, maxProblems = 20, pragma: 'integrity_check' | 'quick_check' = 'integrity_check'): Promise<IntegrityReport> {
  const started = performance.now()
  const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3')
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, nativeBinding: nativeBinding ?? null, sqlitePath, maxProblems, pragma } })
    const finish = (problems: string[]) => {
      resolve({ ok: problems.length === 0, problems: problems.slice(0, maxProblems), ms: Math.round(performance.now() - started) })
      void worker.terminate()
    }
    worker.once('message', (m: { problems: string[] }) => finish(m.problems))
    worker.once('error', (e) => finish([e.message]))
  })
}

/** Checks a database file on its own read-only connection (the CLI; works beside a running station). */
export async function checkDatabaseFile(file: string, full: boolean): Promise<string[]> {
  const { default: Database } = await import('better-sqlite3')
  let db: import('better-sqlite3').Database | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    db.pragma('busy_timeout = 5000')
    const rows = db.pragma(`${full ? 'integrity_check' : 'quick_check'}(20)`) as Array<Record<string, string>>
    return rows.map((r) => Object.values(r)[0] ?? '').filter((p) => p !== 'ok')
  } catch (error) {
    return [(error as { code?: string }).code ?? String(error)]
  } finally {
    db?.close()
  }
}
