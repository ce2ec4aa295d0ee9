import { z } from 'zod'
import type { SyncConflictView, SyncStatus, UpstreamLookup } from '../model/sync'

/** The station's sync with the upstream server (ADR 0014). `sync.status` stays in the station area. */
export const syncMethods = {
  /** Push the outbox and pull changes now; resolves with the status after that round. */
  'sync.syncNow': { input: z.object({}).strict() },
  'sync.conflicts': { input: z.object({ includeResolved: z.boolean().optional() }).strict() },
  'sync.resolveConflict': { input: z.object({ id: z.number().int().positive(), note: z.string().trim().min(1).max(500) }).strict() },
  /** Look up's upstream part: where else the unit a code names is or was, from the upstream registry. */
  'lookup.upstream': { input: z.object({ code: z.string().min(1).max(2000) }).strict() }
} as const

export interface SyncOutputs {
  'sync.syncNow': SyncStatus
  'sync.conflicts': SyncConflictView[]
  'sync.resolveConflict': SyncConflictView
  'lookup.upstream': UpstreamLookup
}

// 'sync.changed' is declared in the station area.
export type SyncAreaEvents = Record<never, never>
