import type { SyncStatus } from '../../shared/model/sync'
import type { createOutboxRepository } from '../store/repositories/outbox'

/**
 * The sync state the status bar shows. Until an upstream server is configured the outbox only grows;
 * the count is real so an operator can see how much would be pushed.
 */
export function createSyncStatus(outbox: ReturnType<typeof createOutboxRepository>) {
  return {
    status: (): SyncStatus => ({ state: 'not-configured', pending: outbox.pendingCount(), lastSyncAt: null, lastError: null })
  }
}
