import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Station } from '../../../src/main/station'
import { encodeEpc } from '../../../src/shared/codes/epc'
import { POSTGRES_MISSING, postgresAvailable, startTestPostgres, type TestPostgres } from '../../helpers/postgres'
import { startInProcessServer, type InProcessServer } from '../../helpers/server'
import { BIN, PROJECT_ROOT } from '../../helpers/station-server'
import { makeTempDir } from '../../helpers/store'
import { connect, startSyncStation, stationIdOf } from '../../helpers/sync-station'
import { freePort } from '../../../src/server/db/local-cluster'
import { dm, MONITOR_GTIN } from '../receiving/rig'

const lookupCli = async (dataDir: string, code: string) => {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'lookup', code, '--data-dir', dataDir], { cwd: PROJECT_ROOT, timeout: 120_000 })
    return { code: 0, json: JSON.parse(stdout) as Record<string, unknown> }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, json: null, stderr: e.stderr }
  }
}

// Real PostgreSQL and two stations on a busy 2-core machine: generous bounds, never speed.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const available = postgresAvailable()
const SERIAL = 'MN00004005'
/** Loading door 5 at station B (the demo's own reader feeds door-1). */
const DOOR_5 = { terminalId: 'door-5', host: 'ws' } as const

/** The monitor's EPC: an alphanumeric serial needs SGTIN-198. */
function monitorEpc(serial: string): string {
  const r = encodeEpc({ scheme: 'sgtin-198', filter: 1, companyPrefix: '9521234', itemReference: '054321', serial })
  if (!r.ok) throw new Error(r.error.message)
  return r.value.hex
}

describe.skipIf(!available)(`receive at A, ship through B's gate, full history at A${available ? '' : ` — skipped: ${POSTGRES_MISSING}`}`, () => {
  let pgc: TestPostgres
  let server: InProcessServer
  let a: Station
  let b: Station
  let tokenA = ''
  const dirA = makeTempDir('dockside-sync-a-')

  beforeAll(async () => {
    pgc = await startTestPostgres()
    server = await startInProcessServer(pgc.url)
    a = await startSyncStation({ dataDir: dirA })
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

  it('a unit received at A is shipped at B on a shipment loaded upstream, and A sees the whole history', async () => {
    const [idA, idB] = [await stationIdOf(a), await stationIdOf(b)]

    // Received at A (dock 1), pushed upstream.
    await a.dispatch('session.signIn', { badge: 'OP-0002' })
    await a.dispatch('receiving.open', { order: 'PO-1001' })
    const receipt = await a.dispatch('receiving.submit', { text: dm(MONITOR_GTIN, SERIAL) })
    expect(receipt, JSON.stringify(receipt)).toMatchObject({ ok: true, value: { outcome: 'accepted' } })
    expect(await a.handlers['sync.syncNow']({})).toMatchObject({ state: 'idle', pending: 0, lastError: null })

    // The shipment is loaded upstream (head office), not at B.
    const admin = await server.token('head-office', { role: 'admin' })
    const load = await fetch(`${server.url}/v1/admin/master`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify([{ kind: 'shipment', key: 'SH-UP-1', body: { customer: 'ACME', customerName: 'Acme Corp', shipTo: '1 Main St', door: 'DOOR-1', lines: [{ item: 'MON-27-BLK', serial: SERIAL }] } }])
    })
    expect(load.status, await load.clone().text()).toBe(200)

    // B sees the unit (received at A) and the shipment.
    expect(await b.handlers['sync.syncNow']({})).toMatchObject({ state: 'idle', lastError: null })
    expect(b.sync.repo.upstreamUnit(MONITOR_GTIN, SERIAL)).toMatchObject({ status: 'received', station: idA })
    expect(b.store.db.prepare(`SELECT count(*) AS n FROM units WHERE serial = ?`).get(SERIAL)).toEqual({ n: 0 })
    // B's Look up: nothing here, but upstream says where the unit is (received at A).
    expect(await b.dispatch('lookup.find', { code: dm(MONITOR_GTIN, SERIAL) })).toMatchObject({ ok: false, error: { code: 'lookup.expected_not_received' } })
    expect(await b.handlers['lookup.upstream']({ code: dm(MONITOR_GTIN, SERIAL) })).toMatchObject({
      state: 'found',
      gtin: MONITOR_GTIN,
      serial: SERIAL,
      unit: { status: 'received', station: idA },
      history: [{ type: 'unit.received', station: idA }]
    })
    expect(b.handlers['shipments.list']({})).toContainEqual(expect.objectContaining({ number: 'SH-UP-1', status: 'open', customer: 'ACME', expectedUnits: 1 }))

    // B's gate at door 5 reads the unit's tag (the gate module's read injection, as the gate tests use).
    await b.dispatch('session.signIn', { badge: 'OP-0002' })
    const started = await b.handlers['gate.start']({ shipment: 'SH-UP-1' }, DOOR_5)
    expect(started).toMatchObject({ shipment: 'SH-UP-1', state: 'reading', counts: { expected: 1 } })
    for (let i = 0; i < 3; i++) b.gate.ingest({ deviceId: 'rfid:door-5-test', epc: monitorEpc(SERIAL), antenna: 1, rssi: -52, frequencyKhz: null, phase: null, at: Date.now() } as never)
    expect(b.gate.session(DOOR_5.terminalId)!.view().counts).toMatchObject({ matched: 1, missing: 0, unexpected: 0 })
    await b.handlers['gate.end']({}, DOOR_5)
    expect(await b.handlers['gate.confirm']({}, DOOR_5)).toEqual({ shipment: 'SH-UP-1', shipped: 1, expected: 1, partial: false })
    expect(b.store.db.prepare(`SELECT status FROM units WHERE serial = ?`).get(SERIAL)).toEqual({ status: 'shipped' })

    // B pushes the shipment; the registry follows; A pulls it.
    expect(await b.handlers['sync.syncNow']({})).toMatchObject({ state: 'idle', pending: 0, lastError: null })
    await a.handlers['sync.syncNow']({})
    expect(a.sync.repo.upstreamUnit(MONITOR_GTIN, SERIAL)).toMatchObject({ status: 'shipped', station: idB })
    // B shipping a unit it never received is no conflict: only two receipts are.
    expect(a.sync.engine.status().conflicts).toBe(0)

    // The full history, as A reads it upstream: received at A … shipped at B.
    const res = await fetch(`${server.url}/v1/units/${MONITOR_GTIN}/${SERIAL}`, { headers: { authorization: `Bearer ${tokenA}` } })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { unit: { status: string; station: string }; history: { type: string; station: string }[] }
    expect(body.unit).toMatchObject({ status: 'shipped', station: idB })
    const steps = body.history.map((e) => `${e.type}@${e.station}`)
    expect(steps[0]).toBe(`unit.received@${idA}`)
    expect(steps.at(-1)).toBe(`unit.shipped@${idB}`)

    // A's Look up (station and CLI) shows its own record and, marked upstream, the shipment at B.
    const local = await a.handlers['lookup.find']({ code: SERIAL })
    expect(local).toMatchObject({ kind: 'unit', unit: { serial: SERIAL, status: 'received' } })
    const up = await a.handlers['lookup.upstream']({ code: SERIAL })
    expect(up).toMatchObject({ state: 'found', unit: { status: 'shipped', station: idB } })
    if (up.state !== 'found') return
    expect(up.history.map((e) => `${e.type}@${e.station}`)).toEqual(steps)
    const cli = await lookupCli(dirA, SERIAL)
    expect(cli.code, cli.stderr).toBe(0)
    expect(cli.json).toMatchObject({ kind: 'unit', unit: { serial: SERIAL }, upstream: { state: 'found', unit: { status: 'shipped', station: idB } } })

    // Offline: the local record still, and upstream "not reachable" as a code.
    await a.handlers['settings.update']({ syncServerUrl: `http://127.0.0.1:${await freePort()}` })
    expect(await a.handlers['lookup.find']({ code: SERIAL })).toMatchObject({ kind: 'unit' })
    expect(await a.handlers['lookup.upstream']({ code: SERIAL })).toMatchObject({ state: 'unavailable', code: 'lookup.upstream_unreachable', params: { url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/) } })
    const offline = await lookupCli(dirA, SERIAL)
    expect(offline.code).toBe(0)
    expect(offline.json).toMatchObject({ kind: 'unit', upstream: { state: 'unavailable', code: 'lookup.upstream_unreachable', message: expect.stringContaining('Upstream not reachable') } })
    await a.handlers['settings.update']({ syncServerUrl: server.url })
  })
})
