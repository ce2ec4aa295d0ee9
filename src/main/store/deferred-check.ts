import { newestBackup } from './backups'
import type { Store } from './db'
import { integrityCheckInWorker } from './integrity'
import type { StorageHealth } from './storage-health'

export interface DeferredCheckDeps {
  dataDir: string
  nativeBinding?: string
  logger: { error(obj: object, msg: string): void; info(obj: object, msg: string): void }
}

/**
 * The full `quick_check` of a big database, run in a worker right after start (the bounded check ran
 * before serving). On damage the main connection turns query-only — every later write fails and is
 * answered `store.corrupt` — and the storage state (the status bar) says so. Resolves when done.
 */
export function startDeferredCheck(store: Store, storage: Pick<StorageHealth, 'markCorrupt'>, deps: DeferredCheckDeps, disposables: { add(name: string, close: () => void): void }): Promise<void> {
  let closed = false
  disposables.add('deferred integrity check', () => {
    closed = true
  })
  return integrityCheckInWorker(store.file, deps.nativeBinding, 20, 'quick_check').then((report) => {
    if (closed) return
    if (report.ok) {
      deps.logger.info({ ms: report.ms }, 'background quick_check ok')
      return
    }
    if (store.db.open) store.db.pragma('query_only = ON')
    const backup = newestBackup(deps.dataDir) ?? '(none found)'
    storage.markCorrupt({ file: store.file, problem: report.problems[0] ?? 'quick_check failed', backup })
    deps.logger.error({ problems: report.problems, file: store.file, backup }, 'database damaged: writes refused')
  }).catch((error: unknown) => deps.logger.error({ err: error }, 'background quick_check failed'))
}
