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

/** One event of a unit's history as the upstream registry holds it (stations of this station's site). */
export interface UpstreamUnitEvent {
  type: string
  at: string
  station: string
  location: string | null
  plate: string | null
  order: string | null
}

/**
 * What the upstream registry says about a unit (the Look up screen's and CLI's "upstream" part):
 * `found` with where it is and its history across stations; `not-found`; `no-unit` when the code
 * names no unit; `not-configured`; `unavailable` with the reason as a code (e.g. upstream not reachable).
 */
export type UpstreamLookup =
  | {
      state: 'found'
      gtin: string
      serial: string
      /** Where the unit is now, when it is held at this station's site. */
      unit: { status: string; station: string; location: string | null; plate: string | null; lastEventAt: string } | null
      history: UpstreamUnitEvent[]
    }
  | { state: 'not-found'; gtin: string; serial: string }
  | { state: 'no-unit' }
  | { state: 'not-configured' }
  | { state: 'unavailable'; code: string; params: Record<string, string | number> }
