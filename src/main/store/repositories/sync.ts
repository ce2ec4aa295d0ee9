import type { SyncConflictView } from '../../../shared/model/sync'
import type { SyncConflict, UnitState } from '../../../shared/sync-protocol'
import type { Db } from '../sql'

/** An outbox row with its event resolved to natural keys (GTIN + serial, plate, order, location codes). */
export interface OutboxEventRow {
  outbox_id: number
  uuid: string
  type: string
  occurred_at: string
  station_id: string
  payload: string
  reason: string | null
  gtin: string | null
  serial: string | null
  plate_code: string | null
  order_number: string | null
  location_code: string | null
  operator: string | null
}

interface ConflictRow {
  id: number
  upstream_id: number
  kind: string
  gtin: string
  serial: string
  stations: string
  event_uuids: string
  counterfeit_suspect: number
  raised_at: string
  resolved_at: string | null
  resolved_by: string | null
  resolution_note: string | null
}

const toView = (r: ConflictRow): SyncConflictView => ({
  id: r.id,
  kind: r.kind,
  gtin: r.gtin,
  serial: r.serial,
  stations: JSON.parse(r.stations) as string[],
  counterfeitSuspect: r.counterfeit_suspect === 1,
  raisedAt: r.raised_at,
  resolvedAt: r.resolved_at,
  resolvedBy: r.resolved_by,
  note: r.resolution_note
})

/** The sync engine's statements: outbox batches, the pull cursor, the upstream registry, conflicts. */
export function createSyncRepository(db: Db) {
  const pending = db.prepare<[number], OutboxEventRow>(
    `SELECT o.id AS outbox_id, e.uuid, e.type, e.occurred_at, e.station_id, e.payload, e.reason,
            i.gtin, u.serial, p.code AS plate_code, ord.number AS order_number, l.code AS location_code, op.name AS operator
       FROM outbox o
       JOIN events e ON e.id = o.event_id
       LEFT JOIN units u ON u.id = e.unit_id
       LEFT JOIN items i ON i.id = u.item_id
       LEFT JOIN license_plates p ON p.id = e.plate_id
       LEFT JOIN inbound_orders ord ON ord.id = e.order_id
       LEFT JOIN locations l ON l.id = e.location_id
       LEFT JOIN operators op ON op.id = e.operator_id
      WHERE o.sent_at IS NULL AND o.refused IS NULL
      ORDER BY o.id LIMIT ?`
  )
  const pendingCount = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND refused IS NULL')
  const markSent = db.prepare<[string, string]>('UPDATE outbox SET sent_at = ?, last_error = NULL WHERE id IN (SELECT value FROM json_each(?)) AND sent_at IS NULL')
  const markFailed = db.prepare<[string, string]>('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id IN (SELECT value FROM json_each(?))')
  const markRefused = db.prepare<[string, number]>('UPDATE outbox SET refused = ? WHERE id = ?')
  const getState = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?')
  const putState = db.prepare<[string, string]>('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
  const upsertUnit = db.prepare(
    `INSERT INTO upstream_units (gtin, serial, status, condition, location_code, plate_code, station, last_event_uuid, last_event_at)
     VALUES (@gtin, @serial, @status, @condition, @locationCode, @plateCode, @station, @lastEventUuid, @lastEventAt)
     ON CONFLICT (gtin, serial) DO UPDATE SET status = excluded.status, condition = excluded.condition, location_code = excluded.location_code,
       plate_code = excluded.plate_code, station = excluded.station, last_event_uuid = excluded.last_event_uuid, last_event_at = excluded.last_event_at`
  )
  const unitByKey = db.prepare<[string, string], UnitState & Record<string, unknown>>(
    `SELECT gtin, serial, status, condition, location_code AS locationCode, plate_code AS plateCode, station,
            last_event_uuid AS lastEventUuid, last_event_at AS lastEventAt FROM upstream_units WHERE gtin = ? AND serial = ?`
  )
  const unitCount = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM upstream_units')
  const conflictByUpstream = db.prepare<[number], { id: number }>('SELECT id FROM sync_conflicts WHERE upstream_id = ?')
  const insertConflict = db.prepare(
    `INSERT INTO sync_conflicts (upstream_id, kind, gtin, serial, stations, event_uuids, counterfeit_suspect, raised_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const updateConflict = db.prepare('UPDATE sync_conflicts SET stations = ?, event_uuids = ? WHERE upstream_id = ?')
  const listConflicts = db.prepare<[number], ConflictRow>(
    `SELECT c.*, o.name AS resolved_by FROM (SELECT * FROM sync_conflicts WHERE (? = 1 OR resolved_at IS NULL)) c
       LEFT JOIN operators o ON o.id = c.resolved_by ORDER BY c.resolved_at IS NOT NULL, c.id DESC LIMIT 500`
  )
  const conflictById = db.prepare<[number], ConflictRow>(
    'SELECT c.*, o.name AS resolved_by FROM sync_conflicts c LEFT JOIN operators o ON o.id = c.resolved_by WHERE c.id = ?'
  )
  const resolve = db.prepare<[string, number | null, string, number]>(
    'UPDATE sync_conflicts SET resolved_at = ?, resolved_by = ?, resolution_note = ? WHERE id = ? AND resolved_at IS NULL'
  )
  const openConflicts = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL')
  const recallLot = db.prepare<[number, string, string | null]>(
    `INSERT INTO lots (item_id, lot, status, status_note) VALUES (?, ?, 'recalled', ?)
     ON CONFLICT (item_id, lot) DO UPDATE SET status = 'recalled', status_note = excluded.status_note`
  )
  const lotStatus = db.prepare<[number, string], { status: string }>('SELECT status FROM lots WHERE item_id = ? AND lot = ?')
  const localUnit = db.prepare<[string, string], { id: number }>('SELECT u.id FROM units u JOIN items i ON i.id = u.item_id WHERE i.gtin = ? AND u.serial = ?')

  return {
    pendingBatch: (limit: number): OutboxEventRow[] => pending.all(limit),
    pendingCount: (): number => pendingCount.get()?.n ?? 0,
    markSent: (ids: readonly number[], at: string): number => markSent.run(at, JSON.stringify(ids)).changes,
    markFailed: (ids: readonly number[], error: string): void => void markFailed.run(error, JSON.stringify(ids)),
    markRefused: (id: number, reason: string): void => void markRefused.run(reason, id),
    state: (key: string): string | null => getState.get(key)?.value ?? null,
    setState: (key: string, value: string): void => void putState.run(key, value),
    upsertUnit: (u: UnitState): void => void upsertUnit.run(u),
    upstreamUnit: (gtin: string, serial: string): UnitState | null => unitByKey.get(gtin, serial) ?? null,
    upstreamUnitCount: (): number => unitCount.get()?.n ?? 0,
    /** Stores a conflict pulled from upstream; true when it is new to this station. */
    upsertConflict(c: SyncConflict, at: string): boolean {
      if (conflictByUpstream.get(c.id)) {
        updateConflict.run(JSON.stringify(c.stations), JSON.stringify(c.eventUuids), c.id)
        return false
      }
      insertConflict.run(c.id, c.kind, c.gtin, c.serial, JSON.stringify(c.stations), JSON.stringify(c.eventUuids), c.counterfeitSuspect ? 1 : 0, at)
      return true
    },
    conflicts: (includeResolved: boolean): SyncConflictView[] => listConflicts.all(includeResolved ? 1 : 0).map(toView),
    conflict: (id: number): SyncConflictView | null => {
      const row = conflictById.get(id)
      return row ? toView(row) : null
    },
    resolveConflict: (id: number, at: string, operatorId: number | null, note: string): boolean => resolve.run(at, operatorId, note, id).changes === 1,
    openConflictCount: (): number => openConflicts.get()?.n ?? 0,
    /** Marks the item's lot recalled (creating the lot when no unit of it arrived yet); true when it was not recalled before. */
    recallLot(itemId: number, lot: string, note: string | null): boolean {
      const before = lotStatus.get(itemId, lot)?.status ?? null
      recallLot.run(itemId, lot, note)
      return before !== 'recalled'
    },
    localUnitId: (gtin: string, serial: string): number | null => localUnit.get(gtin, serial)?.id ?? null
  }
}

export type SyncRepository = ReturnType<typeof createSyncRepository>
