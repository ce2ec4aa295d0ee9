export type SyncState = 'not-configured' | 'idle' | 'syncing' | 'offline' | 'error'

export interface SyncStatus {
  state: SyncState
  /** Outbox rows not yet acknowledged by the upstream server. */
  pending: number
  lastSyncAt: string | null
  lastError: string | null
}
