import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Station } from '../../../src/main/station'
import { FAULTS, seeded, startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy'
import { POSTGRES_MISSING, postgresAvailable, startTestPostgres, type TestPostgres } from '../../helpers/postgres'
import { startInProcessServer, type InProcessServer } from '../../helpers/server'
import { receivedUnits, push } from '../../helpers/sync-events'
import { connect, startSyncStation, stationIdOf } from '../../helpers/sync-station'

// Real PostgreSQL on a busy 2-core CI machine: generous bounds, never speed.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 300_000 })

const available = postgresAvailable()
const ROUNDS = Number(process.env.SYNC_FAULT_ROUNDS ?? 1000)
const SEED = Number(process.env.SYNC_FAULT_SEED ?? 20261202)

describe.skipIf(!available)(`sync through a fault-injecting proxy${available ? '' : ` — skipped: ${POSTGRES_MISSING}`}`, () => {
  let pgc: TestPostgres
  let server: InProcessServer
  let proxy: FaultProxy
  let station: Station

  beforeAll(async () => {
    pgc = await startTestPostgres()
    server = await startInProcessServer(pgc.url)
    const target = new URL(server.url)
    proxy = await startFaultProxy({ host: target.hostname, port: Number(target.port) })
    station = await startSyncStation({ sync: { batchSize: 7, pullLimit: 5, requestTimeoutMs: 10_000 } })
    await connect(station, proxy.url, server.token)
  })
  afterAll(async () => {
    await station?.close()
    await proxy?.close()
    await server?.close()
    await pgc?.stop()
  })

  it(`${ROUNDS} seeded rounds of dropped connections, cut bodies, delays, duplicated/reordered answers and 500s: every event stored exactly once, the outbox drains`, async () => {
    const random = seeded(SEED)
    // Half the connections meet a fault, the other half pass (so some rounds get through whole).
    proxy.setChooser(() => (random() < 0.5 ? 'pass' : FAULTS[1 + Math.floor(random() * (FAULTS.length - 1))]!))
    // Another station's units flow in meanwhile, so pulls have pages to lose too.
    const otherToken = await server.token('dock-other')
    let otherPushed = 0
    const outcomes = new Map<string, number>()
    for (let round = 0; round < ROUNDS; round++) {
      const n = 1 + Math.floor(random() * 4)
      for (let i = 0; i < n; i++) station.eventLog.append({ type: 'test.tick', payload: { round, i } })
      if (round % 50 === 0) {
        const r = await push(server.url, otherToken, receivedUnits('dock-other', '09521234543213', [`OT${round}-a`, `OT${round}-b`]))
        expect(r.status).toBe(200)
        otherPushed += 2
      }
      const status = await station.handlers['sync.syncNow']({})
      const key = status.lastError ?? 'ok'
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
    }
    // Every kind of fault happened, and rounds both failed and succeeded.
    for (const f of FAULTS) expect(proxy.counts[f], `fault ${f}`).toBeGreaterThan(0)
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(0)
    expect(ROUNDS - (outcomes.get('ok') ?? 0)).toBeGreaterThan(0)

    // The network heals: the outbox drains and the pull catches up.
    proxy.setChooser(() => 'pass')
    const healed = await station.handlers['sync.syncNow']({})
    expect(healed).toMatchObject({ state: 'idle', pending: 0, lastError: null })

    const stationId = await stationIdOf(station)
    const local = station.store.db.prepare('SELECT uuid FROM events ORDER BY id').all() as { uuid: string }[]
    const { rows } = await server.pool.query<{ uuid: string; n: string }>(
      `SELECT e.uuid::text AS uuid, count(*) OVER (PARTITION BY e.uuid)::text AS n FROM station_events e JOIN stations s ON s.id = e.station_id WHERE s.name = $1`,
      [stationId]
    )
    expect(rows.every((r) => r.n === '1')).toBe(true)
    expect(new Set(rows.map((r) => r.uuid))).toEqual(new Set(local.map((r) => r.uuid)))
    expect((station.store.db.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get() as { n: number }).n).toBe(0)
    // Every unit the other station received arrived here, once.
    expect(station.sync.repo.upstreamUnitCount()).toBe(otherPushed)
    console.log(`fault rounds: ${ROUNDS}, events: ${local.length}, faults: ${JSON.stringify(proxy.counts)}, round outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}`)
  })
})
