import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Station } from '../../../src/main/station'
import { freePort } from '../../../src/server/db/local-cluster'
import { putMasterData } from '../../../src/server/sync/master'
import { SYNC_TOKEN_REDACTED } from '../../../src/shared/model/station'
import { POSTGRES_MISSING, postgresAvailable, startTestPostgres, type TestPostgres } from '../../helpers/postgres'
import { startInProcessServer, type InProcessServer } from '../../helpers/server'
import { connect, startSyncStation, stationIdOf } from '../../helpers/sync-station'
import { until } from '../../helpers/wait'
import { dm, MONITOR_GTIN } from '../receiving/rig'

// Real PostgreSQL on a busy 2-core CI machine: generous bounds, never speed.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const available = postgresAvailable()

async function receive(s: Station, serial: string): Promise<void> {
  await s.dispatch('session.signIn', { operatorId: 2, pin: '4321' })
  await s.dispatch('receiving.open', { order: 'PO-1001' })
  const out = await s.dispatch('receiving.submit', { text: dm(MONITOR_GTIN, serial) })
  expect(out).toMatchObject({ ok: true, value: { outcome: 'accepted' } })
}

describe.skipIf(!available)(`two stations and one upstream server on real PostgreSQL${available ? '' : ` — skipped: ${POSTGRES_MISSING}`}`, () => {
  let pgc: TestPostgres
  let server: InProcessServer
  let a: Station
  let b: Station
  let tokenA = ''
  const history = async (serial: string) => {
    const stationA = await stationIdOf(a)
    const res = await fetch(`${server.url}/v1/units/${MONITOR_GTIN}/${serial}`, { headers: { authorization: `Bearer ${tokenA}` } })
    expect(res.status, `registry of ${stationA}`).toBe(200)
    return (await res.json()) as { unit: Record<string, unknown>; history: { type: string; station: string }[] }
  }

  beforeAll(async () => {
    pgc = await startTestPostgres()
    server = await startInProcessServer(pgc.url)
    a = await startSyncStation()
    b = await startSyncStation()
    tokenA = await connect(a, server.url, server.token)
    await connect(b, server.url, server.token)
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
    await server?.close()
    await pgc?.stop()
  })

  it('a unit received at A is pushed once, B pulls it into its registry, and the history is upstream', async () => {
    await receive(a, 'MN00004001')
    expect(a.sync.engine.status().pending).toBeGreaterThan(0)
    const sa = await a.handlers['sync.syncNow']({})
    expect(sa).toMatchObject({ state: 'idle', pending: 0, lastError: null, conflicts: 0 })
    expect(sa.lastSyncAt).not.toBeNull()
    const events = Number((await server.pool.query('SELECT count(*) AS n FROM station_events')).rows[0].n)
    const local = (a.store.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n
    expect(events).toBe(local)
    // Sync again: nothing new is stored twice.
    await a.handlers['sync.syncNow']({})
    expect(Number((await server.pool.query('SELECT count(*) AS n FROM station_events')).rows[0].n)).toBe(local)

    expect(await b.handlers['sync.syncNow']({})).toMatchObject({ state: 'idle', lastError: null })
    expect(b.sync.repo.upstreamUnit(MONITOR_GTIN, 'MN00004001')).toMatchObject({ status: 'received', station: await stationIdOf(a) })
    const h = await history('MN00004001')
    expect(h.history.map((e) => e.type)).toContain('unit.received')
  })

  it('master data follows upstream through the importer\'s apply path', async () => {
    await putMasterData(server.pool, [
      { kind: 'location', key: 'DOCK-9', body: { name: 'Dock nine', kind: 'dock', parent: null, gln: null } },
      { kind: 'supplier', key: 'SUP-UP', body: { name: 'Upstream Supplies', gln: null } },
      { kind: 'item', key: 'UP-ITEM-1', body: { gtin: '09521234000037', description: 'Upstream item', tracking: 'serial', defaultBin: null } },
      { kind: 'item', key: 'BAD-ITEM', body: { gtin: '123', description: 'wrong GTIN' } },
      { kind: 'recall', key: 'RC-1', body: { item: 'PEN-INS-5', lot: 'L2405', reason: 'sealing defect' } },
      { kind: 'recall', key: 'RC-2', body: { item: 'NO-SUCH-SKU', lot: 'X1' } }
    ])
    await b.handlers['sync.syncNow']({})
    const db = b.store.db
    expect(db.prepare(`SELECT name FROM locations WHERE code = 'DOCK-9'`).get()).toEqual({ name: 'Dock nine' })
    expect(db.prepare(`SELECT name FROM suppliers WHERE code = 'SUP-UP'`).get()).toEqual({ name: 'Upstream Supplies' })
    expect(db.prepare(`SELECT gtin, tracking FROM items WHERE sku = 'UP-ITEM-1'`).get()).toEqual({ gtin: '09521234000037', tracking: 'serial' })
    expect(db.prepare(`SELECT count(*) AS n FROM events WHERE type = 'sync.master_refused'`).get()).toEqual({ n: 2 })
    // A recall notice holds the lot here (receiving refuses its units, the gate keeps them).
    expect(db.prepare(`SELECT l.status, l.status_note FROM lots l JOIN items i ON i.id = l.item_id WHERE i.sku = 'PEN-INS-5' AND l.lot = 'L2405'`).get()).toEqual({ status: 'recalled', status_note: 'sealing defect' })
    expect(db.prepare(`SELECT count(*) AS n FROM events WHERE type = 'lot.recalled'`).get()).toEqual({ n: 1 })
    // The cursor moved with the page: pulling again applies nothing new.
    const imports = (db.prepare(`SELECT count(*) AS n FROM events WHERE type = 'import.applied'`).get() as { n: number }).n
    await b.handlers['sync.syncNow']({})
    expect((db.prepare(`SELECT count(*) AS n FROM events WHERE type = 'import.applied'`).get() as { n: number }).n).toBe(imports)
  })

  it('the same serial received at both while offline is a conflict on both after they reconnect; a supervisor resolves it', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`
    for (const s of [a, b]) await s.handlers['settings.update']({ syncServerUrl: dead })
    await receive(a, 'MN00004002')
    await receive(b, 'MN00004002')
    const offline = await a.handlers['sync.syncNow']({})
    expect(offline).toMatchObject({ state: 'offline', lastError: 'sync.unreachable' })
    expect(offline.pending).toBeGreaterThan(0)

    for (const s of [a, b]) await s.handlers['settings.update']({ syncServerUrl: server.url })
    await a.handlers['sync.syncNow']({})
    await b.handlers['sync.syncNow']({})
    await a.handlers['sync.syncNow']({})
    for (const s of [a, b]) {
      const status = s.sync.engine.status()
      expect(status).toMatchObject({ state: 'idle', pending: 0, conflicts: 1 })
      const [conflict] = await s.handlers['sync.conflicts']({})
      expect(conflict).toMatchObject({ gtin: MONITOR_GTIN, serial: 'MN00004002', counterfeitSuspect: true, resolvedAt: null })
      expect(conflict!.stations.sort()).toEqual([await stationIdOf(a), await stationIdOf(b)].sort())
      expect(s.store.db.prepare(`SELECT count(*) AS n FROM events WHERE type = 'sync.conflict_raised'`).get()).toEqual({ n: 1 })
      // Kept at both: the local unit is still there.
      expect(s.store.db.prepare(`SELECT count(*) AS n FROM units WHERE serial = 'MN00004002'`).get()).toEqual({ n: 1 })
    }
    const [open] = await a.handlers['sync.conflicts']({})
    const resolved = await a.handlers['sync.resolveConflict']({ id: open!.id, note: 'B returned the unit: supplier mislabelled' })
    expect(resolved).toMatchObject({ resolvedBy: expect.any(String), note: 'B returned the unit: supplier mislabelled' })
    expect(resolved.resolvedAt).not.toBeNull()
    expect(a.sync.engine.status().conflicts).toBe(0)
    expect(await a.dispatch('sync.resolveConflict', { id: open!.id, note: 'again' })).toMatchObject({ ok: false, error: { code: 'sync.no_such_conflict' } })
    expect((await a.handlers['sync.conflicts']({ includeResolved: true })).length).toBe(1)
  })

  it('the token never leaves the station: redacted in settings, events and diagnostics', async () => {
    expect(tokenA.length).toBeGreaterThan(20)
    expect((await a.handlers['settings.get']({})).syncToken).toBe(SYNC_TOKEN_REDACTED)
    // Writing the placeholder back keeps the token.
    await a.handlers['settings.update']({ syncToken: SYNC_TOKEN_REDACTED })
    expect(await a.handlers['sync.syncNow']({})).toMatchObject({ state: 'idle' })
    const payloads = (a.store.db.prepare('SELECT payload FROM events').all() as { payload: string }[]).map((r) => r.payload).join('\n')
    expect(payloads).not.toContain(tokenA)
    const diag = await a.handlers['diagnostics.export']({})
    expect(readFileSync(diag.path, 'utf8')).not.toContain(tokenA)
    const upstream = (await server.pool.query('SELECT payload::text AS p FROM station_events')).rows.map((r: { p: string }) => r.p).join('\n')
    expect(upstream).not.toContain(tokenA)
  })

  it('on its own timer: a station configured after start pushes without "sync now", and backs off while the server is away', async () => {
    const c = await startSyncStation({ sync: { auto: true, intervalMs: 200, debounceMs: 50, backoffBaseMs: 100, backoffMaxMs: 400 } })
    try {
      const changes: string[] = []
      c.events.on('sync.changed', (s) => changes.push(s.state))
      expect(c.sync.engine.status().state).toBe('not-configured')
      await connect(c, server.url, server.token)
      await until(() => c.sync.engine.status().pending === 0 && c.sync.engine.status().lastSyncAt !== null, { timeoutMs: 60_000 })
      await receive(c, 'MN00004003')
      await until(() => c.sync.engine.status().pending === 0, { timeoutMs: 60_000 })
      await c.handlers['settings.update']({ syncServerUrl: `http://127.0.0.1:${await freePort()}` })
      await until(() => c.sync.engine.status().state === 'offline', { timeoutMs: 60_000 })
      expect(changes).toContain('syncing')
    } finally {
      await c.close()
    }
  })
})
