import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Station } from '../../../src/main/station'
import { createTokenStore } from '../../../src/server/auth/tokens'
import { migrate } from '../../../src/server/db/migrate'
import { POSTGRES_MISSING, postgresAvailable, startTestPostgres, type TestPostgres } from '../../helpers/postgres'
import { startServerProcess, type ServerProcess } from '../../helpers/server'
import { startSyncStation, stationIdOf } from '../../helpers/sync-station'
import { until } from '../../helpers/wait'

// Server processes and real PostgreSQL on a busy 2-core CI machine: generous bounds, never speed.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 300_000 })

const available = postgresAvailable()
const UNITS = 6000
const KILLS = 3

describe.skipIf(!available)(`the server killed (SIGKILL) mid-batch and restarted${available ? '' : ` — skipped: ${POSTGRES_MISSING}`}`, () => {
  let pgc: TestPostgres
  let pool: pg.Pool
  let server: ServerProcess | null = null
  let station: Station

  beforeAll(async () => {
    pgc = await startTestPostgres()
    pool = new pg.Pool({ connectionString: pgc.url, max: 4 })
    await migrate(pool)
    station = await startSyncStation({ sync: { batchSize: 500, requestTimeoutMs: 20_000 } })
  })
  afterAll(async () => {
    await station?.close()
    await server?.stop()
    await pool?.end()
    await pgc?.stop()
  })

  it('loses nothing and stores nothing twice; the outbox drains once the server is back', async () => {
    // Receipts of UNITS units at the station (the registry projection is part of every batch).
    const db = station.store.db
    const itemId = (db.prepare(`SELECT id FROM items WHERE sku = 'MON-27-BLK'`).get() as { id: number }).id
    const insertUnit = db.prepare(`INSERT INTO units (item_id, serial, status, received_at, updated_at) VALUES (?, ?, 'received', ?, ?)`)
    db.transaction(() => {
      const at = new Date().toISOString()
      for (let i = 0; i < UNITS; i++) {
        const serial = `MK${String(i).padStart(8, '0')}`
        const unitId = Number(insertUnit.run(itemId, serial, at, at).lastInsertRowid)
        station.eventLog.append({ type: 'unit.received', unitId, payload: { serial } })
      }
    })()
    const id = await stationIdOf(station)
    const { token } = await createTokenStore(pool).create(id)

    server = await startServerProcess(pgc.url)
    const port = new URL(server.url).port
    await station.handlers['settings.update']({ syncServerUrl: server.url, syncToken: token })

    for (let kill = 1; kill <= KILLS; kill++) {
      // Hold the registry table: the next batch stores its events, then waits inside its transaction.
      const holder = await pool.connect()
      await holder.query('BEGIN')
      await holder.query('LOCK TABLE units IN EXCLUSIVE MODE')
      const round = station.handlers['sync.syncNow']({})
      let pid = 0
      await until(
        async () => {
          // Another connection: pg_stat_activity is a snapshot taken once per transaction.
          const { rows } = await pool.query<{ pid: number }>(
            `SELECT a.pid FROM pg_stat_activity a
              WHERE a.wait_event_type = 'Lock' AND a.query LIKE '%INSERT INTO units%'
                AND EXISTS (SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                             WHERE l.pid = a.pid AND c.relname = 'station_events' AND l.mode = 'RowExclusiveLock' AND l.granted)`
          )
          pid = rows[0]?.pid ?? 0
          return pid !== 0
        },
        { timeoutMs: 60_000, intervalMs: 50, what: 'a push waiting inside its transaction' }
      )
      // Mid-batch: its station_events rows are written, uncommitted. The server dies now.
      server.child.kill('SIGKILL')
      await new Promise((resolve) => server!.child.once('exit', resolve))
      await holder.query('ROLLBACK')
      holder.release()
      expect(await round).toMatchObject({ state: 'offline', lastError: 'sync.unreachable' })
      // The dead connection's transaction is rolled back by PostgreSQL: nothing half-written.
      await until(async () => Number((await pool.query('SELECT count(*) AS n FROM pg_stat_activity WHERE pid = $1', [pid])).rows[0].n) === 0, { timeoutMs: 60_000 })
      const stored = (await pool.query<{ all: string; units: string }>('SELECT count(*) AS all, count(serial) AS units FROM station_events')).rows[0]!
      const registry = Number((await pool.query('SELECT count(*) AS n FROM units')).rows[0].n)
      expect(registry, `after kill ${kill}`).toBe(Number(stored.units))
      expect(Number(stored.all) % 500, 'only whole batches').toBe(0)
      server = await startServerProcess(pgc.url, { PORT: port })
    }

    const drained = await station.handlers['sync.syncNow']({})
    expect(drained).toMatchObject({ state: 'idle', pending: 0, lastError: null })
    const local = (db.prepare('SELECT uuid FROM events').all() as { uuid: string }[]).map((r) => r.uuid)
    const { rows } = await pool.query<{ uuid: string }>('SELECT uuid::text AS uuid FROM station_events')
    expect(rows.length).toBe(local.length)
    expect(new Set(rows.map((r) => r.uuid))).toEqual(new Set(local))
    expect(Number((await pool.query('SELECT count(*) AS n FROM units')).rows[0].n)).toBe(UNITS)
    expect(Number((await pool.query(`SELECT count(*) AS n FROM changes WHERE kind = 'unit'`)).rows[0].n)).toBe(UNITS)
    expect((db.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get() as { n: number }).n).toBe(0)
  })
})
