/**
 * The start-up integrity check on a 1 M-unit database (issue #11, finding 6 without a slow start):
 * `openStore` as the station does it (bounded check before serving, full quick_check deferred to a
 * worker) against the same open with the whole quick_check on the critical path (the previous
 * behaviour), measured in the same run on a private copy of the bench database.
 * Run: npm run bench -- startup-check
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DATABASE_FILE, openStore } from '../../src/main/store/db'
import { integrityCheckInWorker } from '../../src/main/store/integrity'
import { millionUnitDataDir } from './_million-units'
import { report, summarize } from './_support'

const RUNS = 3
const dir = mkdtempSync(join(tmpdir(), 'dockside-bench-check-'))
try {
  copyFileSync(join(millionUnitDataDir(), DATABASE_FILE), join(dir, DATABASE_FILE))
  const time = (syncCheckMaxBytes?: number) => {
    const t0 = performance.now()
    const store = openStore({ dataDir: dir, ...(syncCheckMaxBytes === undefined ? {} : { syncCheckMaxBytes }) })
    const ms = performance.now() - t0
    const deferred = store.deferredCheck
    store.close()
    return { ms, deferred }
  }
  const bounded = Array.from({ length: RUNS }, () => time())
  const whole = Array.from({ length: RUNS }, () => time(Number.MAX_SAFE_INTEGER))
  const background = await integrityCheckInWorker(join(dir, DATABASE_FILE), undefined, 20, 'quick_check')
  const b = summarize(bounded.map((r) => r.ms))
  const w = summarize(whole.map((r) => r.ms))
  report('openStore on 1 M units with the bounded start-up check (median)', b.p50, 'ms', 1000, 'lower', `whole quick_check on the critical path: ${w.p50.toFixed(0)} ms (the before, same run); deferred=${bounded.every((r) => r.deferred)}`)
  report('full quick_check in the worker after start', background.ok ? background.ms : Infinity, 'ms', 120_000, 'lower', background.ok ? 'ok' : background.problems.join('; '))
} finally {
  rmSync(dir, { recursive: true, force: true })
}
