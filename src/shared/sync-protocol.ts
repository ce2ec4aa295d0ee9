import { z } from 'zod'

/**
 * Wire types of the station ↔ upstream sync protocol (`POST /v1/sync/events`, `GET /v1/sync/changes`).
 * Shared by the server (validation) and the station's sync engine. Events carry natural keys (GTIN +
 * serial, plate code, order number, location code), never a station's local row ids.
 */

export const SYNC_MAX_BATCH = 5000
/** Largest request body the server reads, in bytes. */
export const SYNC_MAX_BODY_BYTES = 16 * 1024 * 1024
export const SYNC_CHANGES_MAX_LIMIT = 5000

const isoDateTime = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
  message: 'must be an ISO-8601 date-time with a zone, e.g. 2026-05-01T10:00:00.000Z'
})

export const syncUnitRefSchema = z.object({
  gtin: z.string().regex(/^\d{14}$/, 'GTIN must be 14 digits'),
  serial: z.string().min(1).max(100)
})

export const syncEventSchema = z.object({
  uuid: z.uuid(),
  type: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'type must be a dotted verb such as unit.received').max(100),
  occurredAt: isoDateTime,
  stationId: z.string().min(1).max(100),
  payload: z.record(z.string(), z.unknown()),
  unit: syncUnitRefSchema.nullish(),
  plate: z.object({ code: z.string().min(1).max(100) }).nullish(),
  order: z.object({ number: z.string().min(1).max(100) }).nullish(),
  location: z.object({ code: z.string().min(1).max(100) }).nullish(),
  operator: z.string().max(200).nullish()
})
export type SyncEvent = z.infer<typeof syncEventSchema>

export const syncPushRequestSchema = z.object({
  events: z.array(syncEventSchema).min(1).max(SYNC_MAX_BATCH)
})
export type SyncPushRequest = z.infer<typeof syncPushRequestSchema>

export const syncPushResponseSchema = z.object({
  /** Events stored by this request. */
  stored: z.number().int().nonnegative(),
  /** Events the server already held (same uuid): accepted, stored nothing. */
  duplicates: z.number().int().nonnegative(),
  /** Conflicts this batch raised or extended. */
  conflicts: z.number().int().nonnegative()
})
export type SyncPushResponse = z.infer<typeof syncPushResponseSchema>

export const unitStateSchema = z.object({
  gtin: z.string(),
  serial: z.string(),
  status: z.string(),
  condition: z.string().nullable(),
  locationCode: z.string().nullable(),
  plateCode: z.string().nullable(),
  station: z.string(),
  lastEventUuid: z.string(),
  lastEventAt: z.string()
})
export type UnitState = z.infer<typeof unitStateSchema>

export const conflictSchema = z.object({
  id: z.number().int(),
  kind: z.literal('duplicate_receipt'),
  gtin: z.string(),
  serial: z.string(),
  stations: z.array(z.string()),
  eventUuids: z.array(z.string()),
  counterfeitSuspect: z.boolean(),
  resolvedAt: z.string().nullable()
})
export type SyncConflict = z.infer<typeof conflictSchema>

export const changeSchema = z.discriminatedUnion('kind', [
  z.object({ seq: z.string(), kind: z.literal('unit'), key: z.string(), body: unitStateSchema }),
  z.object({ seq: z.string(), kind: z.literal('conflict'), key: z.string(), body: conflictSchema }),
  z.object({ seq: z.string(), kind: z.literal('master'), key: z.string(), body: z.record(z.string(), z.unknown()) })
])
export type SyncChange = z.infer<typeof changeSchema>

export const syncChangesResponseSchema = z.object({
  changes: z.array(changeSchema),
  /** Pass back as `?cursor=` to get what came after: a decimal string that only grows (a PostgreSQL transaction id). */
  cursor: z.string().regex(/^\d+$/),
  more: z.boolean()
})
export type SyncChangesResponse = z.infer<typeof syncChangesResponseSchema>

/** Natural key of a unit in changes and conflicts. */
export const unitKey = (gtin: string, serial: string) => `${gtin}/${serial}`
