import type { Pool, PoolClient } from 'pg'
import { unitKey, type SyncChange, type SyncConflict, type SyncEvent, type SyncPushResponse } from '../../shared/sync-protocol'
import type { StationIdentity } from '../auth/tokens'
import { appendChanges, inTransaction } from '../db/tx'
import { forbidden } from '../errors'
import { foldUnits } from './projection'

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

/**
 * Upserts the registry rows (last event by occurredAt wins) and, in the same statement, one `unit`
 * change per row that moved; returns the keys of units this batch created (new to the registry).
 */
async function projectUnits(client: PoolClient, identity: StationIdentity, events: readonly SyncEvent[]): Promise<Set<string>> {
  const folds = foldUnits(events)
  if (folds.length === 0) return new Set()
  const { rows } = await client.query<{ gtin: string; serial: string }>(
    `WITH up AS (
       INSERT INTO units AS u (gtin, serial, status, condition, location_code, plate_code, station_id, last_event_uuid, last_event_at)
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
       RETURNING gtin, serial, status, condition, location_code, plate_code, last_event_uuid, last_event_at, (xmax = 0) AS created
     ), ch AS (
       INSERT INTO changes (kind, key, site, body)
       SELECT 'unit', gtin || '/' || serial, $11::text,
              jsonb_build_object('gtin', gtin, 'serial', serial, 'status', status, 'condition', condition,
                'locationCode', location_code, 'plateCode', plate_code, 'station', $10::text,
                'lastEventUuid', last_event_uuid, 'lastEventAt', to_char(last_event_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
         FROM up ORDER BY gtin, serial
     )
     SELECT gtin, serial FROM up WHERE created`,
    [
      identity.stationId,
      folds.map((f) => f.gtin),
      folds.map((f) => f.serial),
      folds.map((f) => f.status),
      folds.map((f) => f.condition),
      folds.map((f) => f.locationCode),
      folds.map((f) => f.plateCode),
      folds.map((f) => f.lastEventUuid),
      folds.map((f) => f.lastEventAt),
      identity.station,
      identity.site
    ]
  )
  return new Set(rows.map((r) => unitKey(r.gtin, r.serial)))
}

interface ChangeRow {
  seq: string
  xid: string
  kind: SyncChange['kind']
  key: string
  body: unknown
}
const toChange = (r: ChangeRow) => ({ seq: r.seq, kind: r.kind, key: r.key, body: r.body }) as SyncChange

interface ConflictRow {
  id: string
  gtin: string
  serial: string
  station_ids: string[]
  event_uuids: string[]
  resolved_at: Date | null
}

/**
 * Raises a conflict for every unit now received at more than one station (a counterfeit suspect).
 * Runs after projectUnits, whose upsert holds the row lock of every unit in the batch until commit:
 * a concurrent batch on the same unit waits there, then sees this one's receipt (row locks live in
 * the rows, so a 5,000-event batch needs no lock-table slots).
 */
async function findConflicts(client: PoolClient, events: readonly SyncEvent[], created: Set<string>): Promise<{ conflict: SyncConflict; audience: number[] }[]> {
  // A unit this batch brought into the registry was received nowhere else: nothing to compare.
  const received = events.filter((e) => e.type === 'unit.received' && e.unit && !created.has(unitKey(e.unit.gtin, e.unit.serial)))
  if (received.length === 0) return []
  const { rows } = await client.query<ConflictRow>(
    `WITH keys AS (SELECT DISTINCT g, s FROM unnest($1::text[], $2::text[]) AS x(g, s)),
     firsts AS (
       SELECT DISTINCT ON (e.gtin, e.serial, e.station_id) e.gtin, e.serial, e.station_id, e.uuid
         FROM station_events e JOIN keys k ON k.g = e.gtin AND k.s = e.serial
        WHERE e.type = 'unit.received'
        ORDER BY e.gtin, e.serial, e.station_id, e.occurred_at, e.seq
     ),
     multi AS (
       SELECT gtin, serial, array_agg(station_id ORDER BY station_id) AS station_ids, array_agg(uuid ORDER BY station_id) AS event_uuids
         FROM firsts GROUP BY gtin, serial HAVING count(*) > 1
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
        const inserted = await insertEvents(client, identity.stationId, unique)
        const fresh = unique.filter((e) => inserted.has(e.uuid.toLowerCase()))
        const created = await projectUnits(client, identity, fresh) // locks every unit row of the batch, in key order
        const conflicts = await findConflicts(client, fresh, created)
        await appendChanges(
          client,
          conflicts.map((c) => ({ kind: 'conflict', key: unitKey(c.conflict.gtin, c.conflict.serial), body: c.conflict, audience: c.audience }))
        )
        return { stored: fresh.length, duplicates: events.length - fresh.length, conflicts: conflicts.length }
      })
    },

    /**
     * Changes after `cursor` this station may see: registry changes of its own site, master data that is
     * global or for its site, its own conflicts (an admin token sees every change). Only transactions
     * older than every running one are read, whole, in (xid, seq) order; the cursor is the last xid
     * read, so a reader never skips a change that commits after it looked.
     */
    async changes(identity: StationIdentity, cursor: bigint, limit: number): Promise<{ changes: SyncChange[]; cursor: string; more: boolean }> {
      const admin = identity.role === 'admin'
      const entitled = `($2::boolean OR ((c.audience IS NULL OR $3::bigint = ANY(c.audience)) AND (c.site IS NULL OR c.site = $4::text)))`
      const scope = [admin, identity.stationId, identity.site]
      // Order by the columns themselves (c.xid, c.seq), not by the text casts of the select list: text
      // order puts xid 1000 before 999 (pages would skip changes) and cannot use the (xid, seq) index.
      const { rows } = await pool.query<ChangeRow>(
        `SELECT c.seq::text AS seq, c.xid::text AS xid, c.kind, c.key, c.body FROM changes c
          WHERE c.xid > $1::xid8 AND c.xid < pg_snapshot_xmin(pg_current_snapshot()) AND ${entitled}
          ORDER BY c.xid, c.seq LIMIT $5`,
        [cursor.toString(), ...scope, limit + 1]
      )
      if (rows.length <= limit) {
        const last = rows[rows.length - 1]
        return { changes: rows.map(toChange), cursor: last ? last.xid : cursor.toString(), more: false }
      }
      // The page is full: never split a transaction. Drop its last one, or, when one transaction
      // alone fills the page, read that transaction whole.
      const lastXid = rows[rows.length - 1]!.xid
      let page = rows.filter((r) => r.xid !== lastXid)
      if (page.length === 0) {
        page = (await pool.query<ChangeRow>(`SELECT c.seq::text AS seq, c.xid::text AS xid, c.kind, c.key, c.body FROM changes c WHERE c.xid = $1::xid8 AND ${entitled} ORDER BY c.seq`, [lastXid, ...scope])).rows
      }
      return { changes: page.map(toChange), cursor: page[page.length - 1]!.xid, more: true }
    },

    /**
     * A unit's registry row and its history across stations (oldest first). A station token sees the
     * events of its own site's stations, and the row only while the unit is held at its site; an admin
     * token sees everything.
     */
    async unit(identity: StationIdentity, gtin: string, serial: string) {
      const admin = identity.role === 'admin'
      const unit = await pool.query(
        `SELECT u.gtin, u.serial, u.status, u.condition, u.location_code, u.plate_code, s.name AS station, s.site, u.last_event_uuid, u.last_event_at
           FROM units u JOIN stations s ON s.id = u.station_id WHERE u.gtin = $1 AND u.serial = $2 AND ($3::boolean OR s.site = $4)`,
        [gtin, serial, admin, identity.site]
      )
      const history = await pool.query(
        `SELECT e.uuid, e.type, e.occurred_at, s.name AS station, s.site, e.location_code, e.plate_code, e.order_number
           FROM station_events e JOIN stations s ON s.id = e.station_id
          WHERE e.gtin = $1 AND e.serial = $2 AND ($3::boolean OR s.site = $4) ORDER BY e.occurred_at, e.seq`,
        [gtin, serial, admin, identity.site]
      )
      return { unit: unit.rows[0] ?? null, history: history.rows }
    }
  }
}

export type SyncStore = ReturnType<typeof createSyncStore>
