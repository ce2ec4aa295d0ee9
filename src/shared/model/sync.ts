export type SyncState = 'not-configured' | 'idle' | 'syncing' | 'offline' | 'error'

export interface SyncStatus {
  state: SyncState
  /** Outbox rows not yet acknowledged by the upstream server. */
  pending: number
  lastSyncAt: string | null
  /** The last failure as a stable code (e.g. `sync.unreachable`), null after a success. */
  lastError: string | null
  /** The parameters of `lastError` (its message placeholders); never the token. */
  lastErrorParams: Record<string, string | number> | null
  /** Conflicts raised upstream for this station and not yet resolved by a supervisor. */
  conflicts: number
  /** The upstream server's URL, '' when none is set. */
  serverUrl: string
}

/** A conflict as the station shows it (the same serial received at several stations: counterfeit suspect). */
export interface SyncConflictView {
  id: number
  kind: string
  gtin: string
  serial: string
  stations: string[]
  counterfeitSuspect: boolean
  raisedAt: string
  resolvedAt: string | null
  /** Name of the operator who resolved it. */
  resolvedBy: string | null
  note: string | null
}
