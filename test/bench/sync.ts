import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { silentLogger } from '../../src/main/logging'
import { createStation } from '../../src/main/station'
import { createSyncClient } from '../../src/main/sync/client'
import { DEFAULT_PUSH_BATCH } from '../../src/main/sync/engine'
import { pushBatch } from '../../src/main/sync/push'
import { createTokenStore } from '../../src/server/auth/tokens'
import { migrate } from '../../src/server/db/migrate'
import type { SyncEvent } from '../../src/shared/sync-protocol'
import { POSTGRES_MISSING, postgresAvailable, startTestPostgres } from '../helpers/postgres'
import { startServerProcess } from '../helpers/server'
import { report } from './_support'

// The station's sync engine (ADR 0014): one station pushing its outbox, and an empty station pulling a
// large unit registry. The server runs as its own process on a throwaway PostgreSQL 15; 127.0.0.1 only.
if (!postgresAvailable()) {
  console.log(`sync bench skipped: ${POSTGRES_MISSING}`)
  process.exit(0)
}

const PUSH_EVENTS = Number(process.env.SYNC_BENCH_PUSH ?? 30_000)
const REGISTRY = Number(process.env.SYNC_BENCH_UNITS ?? 1_000_000)
const PER_TX = 5000
/** The station's push batch (the engine's default unless SYNC_BENCH_BATCH says otherwise). */
const BATCH = Number(process.env.SYNC_BENCH_BATCH ?? DEFAULT_PUSH_BATCH)
const GTIN = '09521234543213'

const dirs: string[] = []
const station = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dockside-sync-bench-'))
  dirs.push(dir)
  return createStation({ dataDir: dir, host: 'headless', version: 'bench', logger: silentLogger(), sync: { auto: false, batchSize: BATCH, pullLimit: 5000, requestTimeoutMs: 120_000 } })
}

const cluster = await startTestPostgres()
const pool = new pg.Pool({ connectionString: cluster.url, max: 4 })
let server: Awaited<ReturnType<typeof startServerProcess>> | null = null
try {
  await migrate(pool)
  const tokens = createTokenStore(pool)
  server = await startServerProcess(cluster.url)

  // ── 1. push ──────────────────────────────────────────────────────────────────────────────────
  // Floor, same run: the same number of ready-made receipts POSTed straight to the server in the same
  // batches (no station store, no outbox reads, no marking sent); the server projects both alike.
  const floorToken = (await tokens.create('floor')).token
  const t = Date.now()
  const floorEvents: SyncEvent[] = Array.from({ length: PUSH_EVENTS }, (_, i) => ({
    uuid: randomUUID(),
    type: 'unit.received',
    occurredAt: new Date(t + i).toISOString(),
    stationId: 'floor',
    unit: { gtin: GTIN, serial: `F${i}` },
    payload: { i }
  }))
  const f0 = performance.now()
  for (let i = 0; i < floorEvents.length; i += BATCH) {
    const res = await fetch(`${server.url}/v1/sync/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${floorToken}` },
      body: JSON.stringify({ events: floorEvents.slice(i, i + BATCH) })
    })
    if (res.status !== 200) throw new Error(`floor push: ${res.status}`)
    await res.arrayBuffer()
  }
  const floorRate = PUSH_EVENTS / ((performance.now() - f0) / 1000)

  const pusher = await station()
  const pusherId = (await pusher.handlers['station.info']({})).stationId
  const pushToken = (await tokens.create(pusherId)).token
  await pusher.handlers['settings.update']({ syncServerUrl: server.url, syncToken: pushToken })
  await pusher.handlers['sync.syncNow']({}) // warm-up: the settings event
  // Receipts of units (the event carries GTIN + serial, and the server projects the registry).
  const db = pusher.store.db
  const itemId = Number(db.prepare(`INSERT INTO items (sku, gtin, description, tracking, created_at) VALUES ('BENCH', ?, 'Bench item', 'serial', ?)`).run(GTIN, new Date().toISOString()).lastInsertRowid)
  const insertUnit = db.prepare(`INSERT INTO units (item_id, serial, status, received_at, updated_at) VALUES (?, ?, 'received', ?, ?)`)
  db.transaction(() => {
    const at = new Date().toISOString()
    for (let i = 0; i < PUSH_EVENTS; i++) {
      const unitId = Number(insertUnit.run(itemId, `S${i}`, at, at).lastInsertRowid)
      pusher.eventLog.append({ type: 'unit.received', unitId, payload: { i, note: 'bench' } })
    }
  })()
  // The engine's push path (outbox batch → validate → POST → mark sent), timed alone: a sync round
  // then pulls every change too (here 2 × PUSH_EVENTS registry changes), timed apart below.
  const client = createSyncClient({ baseUrl: server.url, token: pushToken, stationId: pusherId, timeoutMs: 120_000 })
  const p0 = performance.now()
  for (;;) {
    const round = await pushBatch(pusher.sync.repo, client, BATCH, () => new Date())
    if (round.sent === 0 && round.refused === 0) break
  }
  const pushSeconds = (performance.now() - p0) / 1000
  const r0round = performance.now()
  const pushed = await pusher.handlers['sync.syncNow']({})
  const roundSeconds = (performance.now() - r0round) / 1000
  if (pushed.pending !== 0 || pushed.lastError) throw new Error(`push did not drain: ${JSON.stringify(pushed)}`)
  report(
    `one station pushing its outbox of receipts (batches of ${BATCH.toLocaleString('en-US')})`,
    PUSH_EVENTS / pushSeconds,
    'events/s',
    5000,
    'higher',
    `${PUSH_EVENTS.toLocaleString('en-US')} events in ${pushSeconds.toFixed(1)} s; floor: the same count POSTed ready-made ${Math.round(floorRate).toLocaleString('en-US')} events/s; the sync round after it (pulling ${(2 * PUSH_EVENTS).toLocaleString('en-US')} registry changes) ${roundSeconds.toFixed(1)} s; load ${loadavg()[0]!.toFixed(1)}`
  )
  await pusher.close()

  // ── 2. pull a large registry into an empty station ─────────────────────────────────────────────
  // The registry's change feed is written straight into PostgreSQL (pushing 1 M events through the
  // API first would take minutes), one transaction per 5,000 units as a busy server would.
  const g0 = performance.now()
  for (let from = 0; from < REGISTRY; from += PER_TX) {
    await pool.query(
      `INSERT INTO changes (kind, key, body)
       SELECT 'unit', $1 || '/R' || lpad(n::text, 8, '0'),
              jsonb_build_object('gtin', $1::text, 'serial', 'R' || lpad(n::text, 8, '0'), 'status', 'stored', 'condition', null,
                'locationCode', 'A01-01-01', 'plateCode', null, 'station', 'dock-x', 'lastEventUuid', gen_random_uuid()::text,
                'lastEventAt', '2026-05-01T10:00:00.000Z')
         FROM generate_series($2::int, $3::int) AS n`,
      [GTIN, from, Math.min(REGISTRY, from + PER_TX) - 1]
    )
  }
  console.log(`registry of ${REGISTRY.toLocaleString('en-US')} units built upstream in ${((performance.now() - g0) / 1000).toFixed(1)} s`)

  const puller = await station()
  const pullerId = (await puller.handlers['station.info']({})).stationId
  const pullToken = (await tokens.create(pullerId)).token
  // Floor, same run: fetching every page and parsing its JSON, applying nothing.
  const r0 = performance.now()
  let cursor = '0'
  let fetched = 0
  for (;;) {
    const res = await fetch(`${server.url}/v1/sync/changes?cursor=${cursor}&limit=5000`, { headers: { authorization: `Bearer ${pullToken}` } })
    const page = (await res.json()) as { changes: unknown[]; cursor: string; more: boolean }
    fetched += page.changes.length
    cursor = page.cursor
    if (!page.more) break
  }
  const floorPull = (performance.now() - r0) / 1000

  await puller.handlers['settings.update']({ syncServerUrl: server.url, syncToken: pullToken })
  const q0 = performance.now()
  const pulled = await puller.handlers['sync.syncNow']({})
  const pullSeconds = (performance.now() - q0) / 1000
  const held = puller.sync.repo.upstreamUnitCount()
  if (pulled.lastError || held < REGISTRY) throw new Error(`pull incomplete: ${held} of ${REGISTRY}, ${JSON.stringify(pulled)}`)
  report(
    `pulling a ${REGISTRY.toLocaleString('en-US')}-unit registry into an empty station`,
    pullSeconds,
    's',
    60 * (REGISTRY / 1_000_000),
    'lower',
    `${Math.round(held / pullSeconds).toLocaleString('en-US')} units/s; floor: fetching + parsing the ${fetched.toLocaleString('en-US')} changes without applying ${floorPull.toFixed(1)} s`
  )
  await puller.close()
} finally {
  await server?.stop()
  await pool.end()
  await cluster.stop()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
}
