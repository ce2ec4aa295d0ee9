import type { Pool, PoolClient } from 'pg'
import { unitKey, type SyncChange, type SyncConflict, type SyncEvent, type SyncPushResponse, type UnitState } from '../../shared/sync-protocol'
import type { StationIdentity } from '../auth/tokens'
import { appendChanges, inTransaction } from '../db/tx'
import { forbidden } from '../errors'
import { foldUnits } from './projection'

interface UnitRow {
  gtin: string
  serial: string
  status: string
  condition: string | null
  location_code: string | null
  plate_code: string | null
  last_event_uuid: string
  last_event_at: Date
}

const toUnitState = (r: UnitRow, station: string): UnitState => ({
  gtin: r.gtin,
  serial: r.serial,
  status: r.status,
  condition: r.condition,
  locationCode: r.location_code,
  plateCode: r.plate_code,
  station,
  lastEventUuid: r.last_event_uuid,
  lastEventAt: r.last_event_at.toISOString()
})

/** Locks every unit of the batch (advisory, in one global order) so two batches on one unit never interleave. */
async function lockUnits(client: PoolClient, events: readonly SyncEvent[]): Promise<void> {
  const keys = [...new Set(events.filter((e) => e.unit).map((e) => unitKey(e.unit!.gtin, e.unit!.serial)))]
  if (keys.length === 0) return
  await client.query(
    `SELECT count(pg_advisory_xact_lock(h)) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1::text[]) k ORDER BY h) s`,
    [keys]
  )
}

async function insertEvents(client: PoolClient, stationId: number, events: readonly SyncEvent[]): Promise<Set<string>> {
  const { rows } = await client.query<{ uuid: string }>(
    `INSERT INTO station_events (uuid, type, occurred_at, station_id, gtin, serial, plate_code, order_number, location_code, payload)
     SELECT u, t, o, $1, g, s, p, n, l, pl
       FROM unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[])
         AS x(u, t, o, g, s, p, n, l, pl)
     ON CONFLICT (uuid) DO NOTHING
     RETURNING uuid`,
    [
      stationId,
      events.map((e) => e.uuid),
      events.map((e) => e.type),
      events.map((e) => e.occurredAt),
      events.map((e) => e.unit?.gtin ?? null),
      events.map((e) => e.unit?.serial ?? null),
      events.map((e) => e.plate?.code ?? null),
      events.map((e) => e.order?.number ?? null),
      events.map((e) => e.location?.code ?? null),
      events.map((e) => JSON.stringify({ ...e.payload, ...(e.operator ? { operator: e.operator } : {}) }))
    ]
  )
  return new Set(rows.map((r) => r.uuid.toLowerCase()))
}

async function projectUnits(client: PoolClient, identity: StationIdentity, events: readonly SyncEvent[]): Promise<UnitState[]> {
  const folds = foldUnits(events)
  if (folds.length === 0) return []
  const { rows } = await client.query<UnitRow>(
    `INSERT INTO units AS u (gtin, serial, status, condition, location_code, plate_code, station_id, last_event_uuid, last_event_at)
     SELECT g, s, coalesce(st, 'seen'), c, l, p, $1, e, t
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::timestamptz[])
         AS x(g, s, st, c, l, p, e, t)
     ON CONFLICT (gtin, serial) DO UPDATE SET
       status = CASE WHEN EXCLUDED.status = 'seen' THEN u.status ELSE EXCLUDED.status END,
       condition = coalesce(EXCLUDED.condition, u.condition),
       location_code = coalesce(EXCLUDED.location_code, u.location_code),
       plate_code = coalesce(EXCLUDED.plate_code, u.plate_code),
       station_id = EXCLUDED.station_id,
       last_event_uuid = EXCLUDED.last_event_uuid,
       last_event_at = EXCLUDED.last_event_at,
       updated_at = now()
     WHERE u.last_event_at <= EXCLUDED.last_event_at
     RETURNING gtin, serial, status, condition, location_code, plate_code, last_event_uuid, last_event_at`,
    [
      identity.stationId,
      folds.map((f) => f.gtin),
      folds.map((f) => f.serial),
      folds.map((f) => f.status),
      folds.map((f) => f.condition),
      folds.map((f) => f.locationCode),
      folds.map((f) => f.plateCode),
      folds.map((f) => f.lastEventUuid),
      folds.map((f) => f.lastEventAt)
    ]
  )
  return rows.map((r) => toUnitState(r, identity.station))
}

interface ConflictRow {
  id: string
  gtin: string
  serial: string
  station_ids: string[]
  event_uuids: string[]
  resolved_at: Date | null
}

/**
 * Records receipts and raises a conflict for every unit now received at more than one station (a
 * counterfeit suspect). Units are locked by the caller, so two stations' receipts never miss each other.
 */
async function recordReceipts(client: PoolClient, identity: StationIdentity, events: readonly SyncEvent[]): Promise<{ conflict: SyncConflict; audience: number[] }[]> {
  const received = events.filter((e) => e.type === 'unit.received' && e.unit)
  if (received.length === 0) return []
  await client.query(
    `INSERT INTO unit_receipts (gtin, serial, station_id, event_uuid, received_at)
     SELECT g, s, $1, e, t FROM unnest($2::text[], $3::text[], $4::uuid[], $5::timestamptz[]) AS x(g, s, e, t)
     ON CONFLICT (gtin, serial, station_id) DO NOTHING`,
    [identity.stationId, received.map((e) => e.unit!.gtin), received.map((e) => e.unit!.serial), received.map((e) => e.uuid), received.map((e) => e.occurredAt)]
  )
  const { rows } = await client.query<ConflictRow>(
    `WITH keys AS (SELECT DISTINCT g, s FROM unnest($1::text[], $2::text[]) AS x(g, s)),
     multi AS (
       SELECT r.gtin, r.serial, array_agg(r.station_id ORDER BY r.station_id) AS station_ids, array_agg(r.event_uuid ORDER BY r.station_id) AS event_uuids
         FROM unit_receipts r JOIN keys k ON k.g = r.gtin AND k.s = r.serial
        GROUP BY r.gtin, r.serial HAVING count(*) > 1
     )
     INSERT INTO conflicts AS c (kind, gtin, serial, station_ids, event_uuids)
     SELECT 'duplicate_receipt', gtin, serial, station_ids, event_uuids FROM multi
     ON CONFLICT (kind, gtin, serial) DO UPDATE SET station_ids = EXCLUDED.station_ids, event_uuids = EXCLUDED.event_uuids, updated_at = now()
       WHERE c.station_ids <> EXCLUDED.station_ids
     RETURNING id, gtin, serial, station_ids, event_uuids, resolved_at`,
    [received.map((e) => e.unit!.gtin), received.map((e) => e.unit!.serial)]
  )
  if (rows.length === 0) return []
  const ids = [...new Set(rows.flatMap((r) => r.station_ids.map(Number)))]
  const names = new Map((await client.query<{ id: string; name: string }>('SELECT id, name FROM stations WHERE id = ANY($1::bigint[])', [ids])).rows.map((r) => [Number(r.id), r.name]))
  return rows.map((r) => ({
    audience: r.station_ids.map(Number),
    conflict: {
      id: Number(r.id),
      kind: 'duplicate_receipt',
      gtin: r.gtin,
      serial: r.serial,
      stations: r.station_ids.map((id) => names.get(Number(id)) ?? String(id)),
      eventUuids: r.event_uuids,
      counterfeitSuspect: true,
      resolvedAt: r.resolved_at ? r.resolved_at.toISOString() : null
    }
  }))
}

export function createSyncStore(pool: Pool) {
  return {
    /**
     * Stores a batch exactly once by uuid and projects the new events into the unit registry, the
     * conflicts and the changes feed, all in one transaction. Events already held count as duplicates.
     */
    async push(identity: StationIdentity, events: readonly SyncEvent[]): Promise<SyncPushResponse> {
      const foreign = events.find((e) => e.stationId !== identity.station)
      if (foreign) {
        throw forbidden('sync.wrong_station', { token: identity.station, event: foreign.stationId, uuid: foreign.uuid }, `This token belongs to station "${identity.station}"; event ${foreign.uuid} says it is from "${foreign.stationId}".`)
      }
      const unique = [...new Map(events.map((e) => [e.uuid.toLowerCase(), e])).values()]
      return await inTransaction(pool, async (client) => {
        await lockUnits(client, unique)
        const inserted = await insertEvents(client, identity.stationId, unique)
        const fresh = unique.filter((e) => inserted.has(e.uuid.toLowerCase()))
        const units = await projectUnits(client, identity, fresh)
        const conflicts = await recordReceipts(client, identity, fresh)
        await appendChanges(client, [
          ...units.map((u) => ({ kind: 'unit', key: unitKey(u.gtin, u.serial), body: u, audience: null })),
          ...conflicts.map((c) => ({ kind: 'conflict', key: unitKey(c.conflict.gtin, c.conflict.serial), body: c.conflict, audience: c.audience }))
        ])
        return { stored: fresh.length, duplicates: events.length - fresh.length, conflicts: conflicts.length }
      })
    },

    /** Changes after `cursor` this station may see (all registry and master data; its own conflicts). */
    async changes(identity: StationIdentity, cursor: bigint, limit: number): Promise<{ changes: SyncChange[]; cursor: string; more: boolean }> {
      const { rows } = await pool.query<{ seq: string; kind: SyncChange['kind']; key: string; body: unknown }>(
        `SELECT seq, kind, key, body FROM changes
          WHERE seq > $1 AND (audience IS NULL OR $2 = ANY(audience))
          ORDER BY seq LIMIT $3`,
        [cursor.toString(), identity.stationId, limit + 1]
      )
      const more = rows.length > limit
      const page = rows.slice(0, limit)
      const last = page[page.length - 1]
      return {
        changes: page.map((r) => ({ seq: r.seq, kind: r.kind, key: r.key, body: r.body }) as SyncChange),
        cursor: last ? last.seq : cursor.toString(),
        more
      }
    },

    /** A unit's registry row and its history across stations (oldest first). */
    async unit(gtin: string, serial: string) {
      const unit = await pool.query(
        `SELECT u.gtin, u.serial, u.status, u.condition, u.location_code, u.plate_code, s.name AS station, u.last_event_uuid, u.last_event_at
           FROM units u JOIN stations s ON s.id = u.station_id WHERE u.gtin = $1 AND u.serial = $2`,
        [gtin, serial]
      )
      const history = await pool.query(
        `SELECT e.uuid, e.type, e.occurred_at, s.name AS station, e.location_code, e.plate_code, e.order_number
           FROM station_events e JOIN stations s ON s.id = e.station_id
          WHERE e.gtin = $1 AND e.serial = $2 ORDER BY e.occurred_at, e.seq`,
        [gtin, serial]
      )
      return { unit: unit.rows[0] ?? null, history: history.rows }
    }
  }
}

export type SyncStore = ReturnType<typeof createSyncStore>
