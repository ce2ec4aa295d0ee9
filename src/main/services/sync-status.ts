import type Database from 'better-sqlite3'
import type { SyncStatus } from '../../shared/model/sync'

/**
 * The sync state the status bar shows. Until an upstream server is configured the outbox only grows;
 * the count is real so an operator can see how much would be pushed.
 */
export function createSyncStatus(db: Database.Database) {
  const pendingCount = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL')
  return {
    status: (): SyncStatus => ({ state: 'not-configured', pending: pendingCount.get()?.n ?? 0, lastSyncAt: null, lastError: null })
  }
}
