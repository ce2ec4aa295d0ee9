import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { createTokenStore } from '../../src/server/auth/tokens'
import { migrate } from '../../src/server/db/migrate'
import { DEFAULT_PUSH_BATCH } from '../../src/main/sync/engine'
import type { SyncEvent } from '../../src/shared/sync-protocol'
import { POSTGRES_MISSING, postgresAvailable, startTestPostgres } from '../helpers/postgres'
import { startServerProcess } from '../helpers/server'
import { report, summarize } from './_support'

// Upstream server (issue #14): push throughput of one station, and 50 stations at once, exactly once.
// The server runs as its own process on a throwaway PostgreSQL 15 cluster; everything on 127.0.0.1.
if (!postgresAvailable()) {
  console.log(`upstream bench skipped: ${POSTGRES_MISSING}`)
  process.exit(0)
}

const GTIN = '09521234543213'
/** One station's batches: the sync engine's default. */
const BATCH = DEFAULT_PUSH_BATCH

function events(station: string, n: number, prefix: string): SyncEvent[] {
  const t = Date.now()
  return Array.from({ length: n }, (_, i) => ({
    uuid: randomUUID(),
    type: 'unit.received',
    occurredAt: new Date(t + i).toISOString(),
    stationId: station,
    unit: { gtin: GTIN, serial: `${prefix}-${i}` },
    order: { number: 'PO-1001' },
    location: { code: 'DOCK-1' },
    payload: { order: 'PO-1001', lineNo: 1, sku: 'MON-27-BLK' }
  }))
}

async function push(url: string, token: string, batch: SyncEvent[]): Promise<{ ms: number; dbMs: number; stored: number }> {
  const t0 = performance.now()
  const res = await fetch(`${url}/v1/sync/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ events: batch }) })
  const body = (await res.json()) as { stored: number }
  if (res.status !== 200) throw new Error(`push: ${res.status} ${JSON.stringify(body)}`)
  const dbMs = Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? NaN)
  return { ms: performance.now() - t0, dbMs, stored: body.stored }
}

const cluster = await startTestPostgres()
const pool = new pg.Pool({ connectionString: cluster.url, max: 4 })
let server: Awaited<ReturnType<typeof startServerProcess>> | null = null
try {
  await migrate(pool)
  const tokens = createTokenStore(pool)
  server = await startServerProcess(cluster.url)

  // Floor, same run: the same events written straight into PostgreSQL by one bulk INSERT per batch
  // (no HTTP, no validation, no projection) — what the disk and PostgreSQL allow at all.
  const floorEvents = events('floor', 20_000, 'F')
  const floorStation = (await pool.query<{ id: string }>(`INSERT INTO stations (name) VALUES ('floor') RETURNING id`)).rows[0]!.id
  const f0 = performance.now()
  for (let i = 0; i < floorEvents.length; i += BATCH) {
    const b = floorEvents.slice(i, i + BATCH)
    await pool.query(
      `INSERT INTO station_events (uuid, type, occurred_at, station_id, gtin, serial, payload)
       SELECT u, 'unit.received', o, $1, $2, s, '{}'::jsonb FROM unnest($3::uuid[], $4::timestamptz[], $5::text[]) AS x(u, o, s) ON CONFLICT (uuid) DO NOTHING`,
      [floorStation, GTIN, b.map((e) => e.uuid), b.map((e) => e.occurredAt), b.map((e) => e.unit!.serial)]
    )
  }
  const floorRate = floorEvents.length / ((performance.now() - f0) / 1000)

  // 1. One station pushes 30,000 events in the engine's batches, one batch after another.
  const one = (await tokens.create('bench-one')).token
  const all = events('bench-one', 30_000, 'ONE')
  await push(server.url, one, events('bench-one', BATCH, 'WARM')) // JIT and connection warm-up
  const t0 = performance.now()
  const oneDb: number[] = []
  for (let i = 0; i < all.length; i += BATCH) oneDb.push((await push(server.url, one, all.slice(i, i + BATCH))).dbMs)
  const oneMs = performance.now() - t0
  const rate = all.length / (oneMs / 1000)
  const dbShare = oneDb.reduce((x, y) => x + y, 0) / oneMs
  report(`one station pushing (batches of ${BATCH.toLocaleString('en-US')}, registry projected)`, rate, 'events/s', 5000, 'higher', `floor: bare bulk INSERT into PostgreSQL ${Math.round(floorRate).toLocaleString('en-US')} events/s; ${Math.round(dbShare * 100)}% of the time in the database transaction`)

  // 2. 50 stations × 2,000 events at once (batches of 500), each also re-sending its first batch
  //    (a lost response): every event must be stored exactly once.
  const stations = await Promise.all(Array.from({ length: 50 }, async (_, i) => ({ name: `bench-${i}`, token: (await tokens.create(`bench-${i}`)).token })))
  const latencies: number[] = []
  const dbLatencies: number[] = []
  let storedSum = 0
  const s0 = performance.now()
  await Promise.all(
    stations.map(async (st) => {
      const mine = events(st.name, 2000, st.name)
      const batches = [0, 500, 1000, 1500].map((k) => mine.slice(k, k + 500))
      for (const b of [...batches, batches[0]!]) {
        const r = await push(server!.url, st.token, b)
        latencies.push(r.ms)
        dbLatencies.push(r.dbMs)
        storedSum += r.stored
      }
    })
  )
  const seconds = (performance.now() - s0) / 1000
  const check = await pool.query<{ n: number; d: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT e.uuid)::int AS d FROM station_events e JOIN stations s ON s.id = e.station_id WHERE s.name LIKE 'bench-%' AND s.name <> 'bench-one'`
  )
  const { n, d } = check.rows[0]!
  const exactlyOnce = n === 100_000 && d === 100_000 && storedSum === 100_000
  console.log(`50 stations × 2,000 events at once: ${n.toLocaleString('en-US')} stored, ${d.toLocaleString('en-US')} distinct, responses said ${storedSum.toLocaleString('en-US')} new — exactly once ${exactlyOnce ? 'PASS' : 'FAIL'}`)
  const http = summarize(latencies)
  const db = summarize(dbLatencies)
  report('50 stations at once: throughput', 100_000 / seconds, 'events/s', 5000, 'higher', `${seconds.toFixed(1)} s for 100,000 events + 50 resent batches`)
  console.log(`50 stations at once: server p99 batch latency ${db.p99.toFixed(0)} ms in the database (p50 ${db.p50.toFixed(0)} ms); client round trip p99 ${http.p99.toFixed(0)} ms (p50 ${http.p50.toFixed(0)} ms, n=${http.n})`)
  if (!exactlyOnce) process.exitCode = 1
} finally {
  await server?.stop()
  await pool.end()
  await cluster.stop()
}
