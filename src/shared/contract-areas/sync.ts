import { z } from 'zod'
import type { SyncConflictView, SyncStatus } from '../model/sync'

/** The station's sync with the upstream server (ADR 0014). `sync.status` stays in the station area. */
export const syncMethods = {
  /** Push the outbox and pull changes now; resolves with the status after that round. */
  'sync.syncNow': { input: z.object({}).strict() },
  'sync.conflicts': { input: z.object({ includeResolved: z.boolean().optional() }).strict() },
  'sync.resolveConflict': { input: z.object({ id: z.number().int().positive(), note: z.string().trim().min(1).max(500) }).strict() }
} as const

export interface SyncOutputs {
  'sync.syncNow': SyncStatus
  'sync.conflicts': SyncConflictView[]
  'sync.resolveConflict': SyncConflictView
}

// 'sync.changed' is declared in the station area.
export type SyncAreaEvents = Record<never, never>
