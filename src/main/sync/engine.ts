import type { SyncState, SyncStatus } from '../../shared/model/sync'
import { AppFailure } from '../errors'
import type { Logger } from '../logging'
import type { EventLog } from '../store/event-log'
import type { SettingsRepository } from '../store/repositories/settings'
import type { SyncRepository } from '../store/repositories/sync'
import type { Db } from '../store/sql'
import { backoffDelay } from './backoff'
import { createSyncClient } from './client'
import { pullAll } from './pull'
import { pushBatch } from './push'

export interface SyncEngineOptions {
  /** Between rounds when all is well. */
  intervalMs?: number
  /** After a commit, wait this long for more before pushing. */
  debounceMs?: number
  batchSize?: number
  pullLimit?: number
  backoffBaseMs?: number
  backoffMaxMs?: number
  requestTimeoutMs?: number
  /** Start rounds on a timer (false: only syncNow, for tests and the CLI). */
  auto?: boolean
  random?: () => number
}

export interface SyncEngineDeps {
  db: Db
  repo: SyncRepository
  eventLog: EventLog
  settings: SettingsRepository
  stationId: string
  now: () => Date
  logger: Logger
  onStatus: (status: SyncStatus) => void
  options?: SyncEngineOptions
}

const LAST_SUCCESS_KEY = 'last.success'
/** Events per push: measured in `npm run bench -- sync` (ADR 0014); the server takes up to SYNC_MAX_BATCH. */
export const DEFAULT_PUSH_BATCH = 2000

/**
 * The sync loop: push the outbox in batches, then pull changes until the server has no more; on a
 * failure retry with exponential backoff and jitter, on success wait `intervalMs` (or a commit).
 * One round at a time; a station offline for a week catches up by itself once the server answers.
 */
export function createSyncEngine(deps: SyncEngineDeps) {
  const o = deps.options ?? {}
  const intervalMs = o.intervalMs ?? 15_000
  const batchSize = o.batchSize ?? DEFAULT_PUSH_BATCH
  const pullLimit = o.pullLimit ?? 5000
  const auto = o.auto ?? true
  let state: SyncState = 'idle'
  let lastError: string | null = null
  let lastErrorParams: Record<string, string | number> | null = null
  let failures = 0
  let running: Promise<void> | null = null
  let timer: NodeJS.Timeout | null = null
  let closed = false

  const config = () => ({ url: deps.settings.get().syncServerUrl, token: deps.settings.syncToken() })
  const configured = () => {
    const c = config()
    return c.url !== '' && c.token !== ''
  }

  const status = (): SyncStatus => ({
    state: configured() ? state : 'not-configured',
    pending: deps.repo.pendingCount(),
    lastSyncAt: deps.repo.state(LAST_SUCCESS_KEY),
    lastError,
    lastErrorParams,
    conflicts: deps.repo.openConflictCount(),
    serverUrl: config().url
  })
  const publish = () => deps.onStatus(status())

  const schedule = (ms: number) => {
    if (closed || !auto) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void run(), ms)
    timer.unref?.()
  }

  async function round(): Promise<void> {
    const { url, token } = config()
    const client = createSyncClient({ baseUrl: url, token, stationId: deps.stationId, ...(o.requestTimeoutMs ? { timeoutMs: o.requestTimeoutMs } : {}) })
    state = 'syncing'
    publish()
    // Pulling records events of its own (conflicts raised, master data applied): push those too.
    for (let pass = 0; pass < 3 && (pass === 0 || deps.repo.pendingCount() > 0); pass++) {
      for (;;) {
        if (closed) return
        const pushed = await pushBatch(deps.repo, client, batchSize, deps.now)
        if (pushed.sent === 0 && pushed.refused === 0) break
        if (pushed.refused > 0) deps.logger.warn({ refused: pushed.refused }, 'sync: events refused as malformed')
      }
      if (closed) return
      await pullAll(deps.db, deps.repo, deps.eventLog, client, pullLimit, deps.now, () => closed)
    }
  }

  async function run(): Promise<void> {
    if (running) return running
    if (timer) clearTimeout(timer)
    timer = null
    running = (async () => {
      // Yield first: `running` must be set before this body can reach its finally.
      await Promise.resolve()
      try {
        if (!configured()) return schedule(intervalMs)
        await round()
        failures = 0
        lastError = null
        lastErrorParams = null
        state = 'idle'
        deps.repo.setState(LAST_SUCCESS_KEY, deps.now().toISOString())
        schedule(intervalMs)
      } catch (error) {
        failures++
        const code = error instanceof AppFailure ? error.code : 'sync.unreachable'
        lastError = code
        lastErrorParams = error instanceof AppFailure ? (error.params as Record<string, string | number>) : { url: config().url, detail: String(error) }
        state = code === 'sync.unreachable' ? 'offline' : 'error'
        deps.logger.warn({ code, failures, detail: error instanceof Error ? error.message : String(error) }, 'sync round failed')
        schedule(backoffDelay(failures, o.backoffBaseMs ?? 1000, o.backoffMaxMs ?? 60_000, o.random))
      } finally {
        running = null
        publish()
      }
    })()
    return running
  }

  let debounce: NodeJS.Timeout | null = null
  return {
    status,
    /** Runs a round now (after the one in progress, if any) and answers the status after it. */
    async syncNow(): Promise<SyncStatus> {
      if (running) await running
      await run()
      return status()
    },
    /** A local commit: push soon (unless offline and backing off). */
    kick(): void {
      if (!auto || closed || failures > 0 || debounce) return
      debounce = setTimeout(() => {
        debounce = null
        void run()
      }, o.debounceMs ?? 250)
      debounce.unref?.()
    },
    start(): void {
      schedule(0)
    },
    /** The server URL or token changed: forget the backoff and try at once. */
    configChanged(): void {
      failures = 0
      lastError = null
      lastErrorParams = null
      state = 'idle'
      schedule(0)
    },
    async close(): Promise<void> {
      closed = true
      if (timer) clearTimeout(timer)
      if (debounce) clearTimeout(debounce)
      if (running) await running.catch(() => undefined)
    }
  }
}

export type SyncEngine = ReturnType<typeof createSyncEngine>
