import type { SyncStatus } from '../../shared/model/sync'
import { AppFailure } from '../errors'
import type { Logger } from '../logging'
import type { EventLog } from '../store/event-log'
import type { SettingsRepository } from '../store/repositories/settings'
import { createSyncRepository } from '../store/repositories/sync'
import type { Db } from '../store/sql'
import type { WorkflowModule } from '../workflows/module'
import { createSyncEngine, type SyncEngineOptions } from './engine'
import { lookupUpstream } from './upstream-lookup'

export interface SyncModuleDeps {
  db: Db
  eventLog: EventLog
  settings: SettingsRepository
  stationId: string
  now: () => Date
  logger: Logger
  operatorId: () => number | null
  emit: (event: 'sync.changed', status: SyncStatus) => void
  /** The GTIN + serial a scanned code names (the look-up's parse), for `lookup.upstream`. */
  unitKey: (code: string) => { gtin: string; serial: string } | null
  options?: SyncEngineOptions
}

type SyncMethods = 'sync.status' | 'sync.syncNow' | 'sync.conflicts' | 'sync.resolveConflict' | 'lookup.upstream'

/** The sync area (ADR 0014): the engine that pushes the outbox and pulls changes, and its contract methods. */
export function createSyncModule(deps: SyncModuleDeps) {
  const repo = createSyncRepository(deps.db)
  const engine = createSyncEngine({ ...deps, repo, onStatus: (s) => deps.emit('sync.changed', s) })
  const module: WorkflowModule<SyncMethods> & { engine: typeof engine; repo: typeof repo } = {
    name: 'sync',
    engine,
    repo,
    handlers: {
      'sync.status': () => engine.status(),
      'sync.syncNow': () => engine.syncNow(),
      'sync.conflicts': (input) => repo.conflicts(input.includeResolved ?? false),
      'lookup.upstream': ({ code }) =>
        lookupUpstream({ config: () => ({ url: deps.settings.get().syncServerUrl, token: deps.settings.syncToken() }), stationId: deps.stationId, unitKey: deps.unitKey }, code),
      'sync.resolveConflict': (input) => {
        const at = deps.now().toISOString()
        const operatorId = deps.operatorId()
        deps.eventLog.record(
          () => {
            const conflict = repo.conflict(input.id)
            if (!conflict || !repo.resolveConflict(input.id, at, operatorId, input.note)) throw new AppFailure('sync.no_such_conflict', { id: input.id })
            return conflict
          },
          (c) => ({
            type: 'sync.conflict_resolved',
            operatorId,
            payload: { code: 'sync.conflict_resolved', params: { gtin: c.gtin, serial: c.serial, note: input.note }, conflictId: c.id }
          })
        )
        deps.emit('sync.changed', engine.status())
        return repo.conflict(input.id)!
      }
    },
    close: () => engine.close()
  }
  return module
}

export type SyncModule = ReturnType<typeof createSyncModule>
