import { randomUUID } from 'node:crypto'
import type { Pool } from 'pg'
import type { StationIdentity } from '../auth/tokens'
import { inTransaction } from '../db/tx'
import type { CapturedEvent } from './validate'
import type { EventQuery } from './query'

export interface CaptureJob {
  captureID: string
  createdAt: string
  finishedAt: string | null
  running: boolean
  success: boolean
  captureErrorBehaviour: 'rollback' | 'proceed'
  errors: unknown[]
  /** Dockside extensions: how many events the document held and how many were new. */
  eventCount: number
  storedCount: number
}

interface JobRow {
  id: string
  created_at: Date
  finished_at: Date | null
  running: boolean
  success: boolean
  capture_error_behaviour: 'rollback' | 'proceed'
  errors: unknown[]
  event_count: number
  stored_count: number
}

const toJob = (r: JobRow): CaptureJob => ({
  captureID: r.id,
  createdAt: r.created_at.toISOString(),
  finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
  running: r.running,
  success: r.success,
  captureErrorBehaviour: r.capture_error_behaviour,
  errors: r.errors,
  eventCount: r.event_count,
  storedCount: r.stored_count
})

export function createEpcisStore(pool: Pool) {
  return {
    /**
     * Stores the events of one capture and its job row in ONE transaction (all or nothing); an event
     * whose eventID is already stored is skipped, so a resent document stores nothing twice.
     */
    async capture(identity: StationIdentity, events: readonly CapturedEvent[]): Promise<CaptureJob> {
      const id = randomUUID()
      const createdAt = new Date()
      return await inTransaction(pool, async (client) => {
        let stored = 0
        if (events.length > 0) {
          const res = await client.query(
            `INSERT INTO epcis_events (event_id, event_type, event_time, action, biz_step, disposition, read_point, biz_location, epcs, any_epcs, document, capture_id, station_id)
             SELECT i, t, et, a, bs, d, rp, bl,
                    CASE WHEN e = '' THEN '{}'::text[] ELSE string_to_array(e, chr(31)) END,
                    CASE WHEN ae = '' THEN '{}'::text[] ELSE string_to_array(ae, chr(31)) END,
                    doc, $12, $13
               FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::jsonb[])
                 AS x(i, t, et, a, bs, d, rp, bl, e, ae, doc)
             ON CONFLICT (event_id) DO NOTHING`,
            [
              events.map((e) => e.eventId),
              events.map((e) => e.eventType),
              events.map((e) => e.eventTime),
              events.map((e) => e.action),
              events.map((e) => e.bizStep),
              events.map((e) => e.disposition),
              events.map((e) => e.readPoint),
              events.map((e) => e.bizLocation),
              events.map((e) => e.epcs.join('\u001f')),
              events.map((e) => e.anyEpcs.join('\u001f')),
              events.map((e) => JSON.stringify(e.document)),
              id,
              identity.stationId
            ]
          )
          stored = res.rowCount ?? 0
        }
        const { rows } = await client.query<JobRow>(
          `INSERT INTO capture_jobs (id, station_id, created_at, finished_at, running, success, capture_error_behaviour, event_count, stored_count)
           VALUES ($1, $2, $3, now(), false, true, 'rollback', $4, $5)
           RETURNING id, created_at, finished_at, running, success, capture_error_behaviour, errors, event_count, stored_count`,
          [id, identity.stationId, createdAt, events.length, stored]
        )
        return toJob(rows[0]!)
      })
    },

    /** `site`: the caller's site (only its stations' jobs), or null for an admin (all). */
    async job(id: string, site: string | null): Promise<CaptureJob | null> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return null
      const { rows } = await pool.query<JobRow>(
        `SELECT id, created_at, finished_at, running, success, capture_error_behaviour, errors, event_count, stored_count FROM capture_jobs
          WHERE id = $1 AND ($2::text IS NULL OR station_id IN (SELECT s.id FROM stations s WHERE s.site = $2))`,
        [id, site]
      )
      return rows[0] ? toJob(rows[0]) : null
    },

    async byEventId(eventId: string, site: string | null): Promise<Record<string, unknown> | null> {
      const { rows } = await pool.query<{ document: Record<string, unknown>; record_time: Date }>(
        `SELECT document, record_time FROM epcis_events WHERE event_id = $1 AND ($2::text IS NULL OR station_id IN (SELECT s.id FROM stations s WHERE s.site = $2))`,
        [eventId, site]
      )
      const row = rows[0]
      return row ? { ...row.document, recordTime: row.record_time.toISOString() } : null
    },

    /**
     * One page of events matching the query, in record order; `next` is the last seq when more remain.
     * `site`: only events captured by that site's stations; null (an admin) reads all.
     */
    async query(q: EventQuery, site: string | null): Promise<{ events: Record<string, unknown>[]; next: string | null }> {
      const where: string[] = []
      const params: unknown[] = []
      const p = (v: unknown) => {
        params.push(v)
        return `$${params.length}`
      }
      if (site !== null) where.push(`station_id IN (SELECT s.id FROM stations s WHERE s.site = ${p(site)})`)
      if (q.after !== null) where.push(`seq > ${p(q.after)}::bigint`)
      if (q.eventTypes.length > 0) where.push(`event_type = ANY(${p(q.eventTypes)}::text[])`)
      if (q.bizSteps.length > 0) where.push(`biz_step = ANY(${p(q.bizSteps)}::text[])`)
      if (q.bizLocations.length > 0) where.push(`biz_location = ANY(${p(q.bizLocations)}::text[])`)
      if (q.readPoints.length > 0) where.push(`read_point = ANY(${p(q.readPoints)}::text[])`)
      if (q.dispositions.length > 0) where.push(`disposition = ANY(${p(q.dispositions)}::text[])`)
      if (q.actions.length > 0) where.push(`action = ANY(${p(q.actions)}::text[])`)
      if (q.geEventTime) where.push(`event_time >= ${p(q.geEventTime)}::timestamptz`)
      if (q.ltEventTime) where.push(`event_time < ${p(q.ltEventTime)}::timestamptz`)
      if (q.geRecordTime) where.push(`record_time >= ${p(q.geRecordTime)}::timestamptz`)
      if (q.ltRecordTime) where.push(`record_time < ${p(q.ltRecordTime)}::timestamptz`)
      for (const [column, match] of [['epcs', q.matchEpc], ['any_epcs', q.matchAnyEpc]] as const) {
        if (match.exact.length === 0 && match.patterns.length === 0) continue
        const parts: string[] = []
        if (match.exact.length > 0) parts.push(`${column} && ${p(match.exact)}::text[]`)
        if (match.patterns.length > 0) parts.push(`EXISTS (SELECT 1 FROM unnest(${column}) v, unnest(${p(match.patterns)}::text[]) pat WHERE v LIKE pat)`)
        where.push(`(${parts.join(' OR ')})`)
      }
      const sql = `SELECT seq, document, record_time FROM epcis_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT ${p(q.perPage + 1)}`
      const { rows } = await pool.query<{ seq: string; document: Record<string, unknown>; record_time: Date }>(sql, params)
      const page = rows.slice(0, q.perPage)
      return {
        events: page.map((r) => ({ ...r.document, recordTime: r.record_time.toISOString() })),
        next: rows.length > q.perPage ? page[page.length - 1]!.seq : null
      }
    }
  }
}

export type EpcisStore = ReturnType<typeof createEpcisStore>
