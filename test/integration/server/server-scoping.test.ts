import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { POSTGRES_MISSING, postgresAvailable, startTestPostgres, type TestPostgres } from '../../helpers/postgres'
import { runServerCli, startInProcessServer, type InProcessServer } from '../../helpers/server'
import { changes, push, receivedUnits } from '../../helpers/sync-events'

// Real PostgreSQL on a busy 2-core CI machine: generous bounds, never speed.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const available = postgresAvailable()
const GTIN = '09521234543213'

const epcisDoc = (serial: string) => ({
  '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
  type: 'EPCISDocument',
  schemaVersion: '2.0',
  creationDate: '2026-05-01T10:00:00Z',
  epcisBody: {
    eventList: [
      {
        type: 'ObjectEvent',
        eventID: `urn:uuid:${crypto.randomUUID()}`,
        eventTime: '2026-05-01T10:00:00Z',
        eventTimeZoneOffset: '+00:00',
        epcList: [`urn:epc:id:sgtin:9521234.054321.${serial}`],
        action: 'OBSERVE',
        bizStep: 'receiving'
      }
    ]
  }
})

describe.skipIf(!available)(`admin tokens and site scoping${available ? '' : ` — skipped: ${POSTGRES_MISSING}`}`, () => {
  let pgc: TestPostgres
  let server: InProcessServer
  let admin = ''
  let north1 = ''
  let north2 = ''
  let south = ''
  const call = (path: string, token: string | null, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } })
  const loadMaster = (token: string | null, records: unknown) => call('/v1/admin/master', token, { method: 'POST', body: JSON.stringify(records) })
  const masterCount = async () => Number((await server.pool.query('SELECT count(*) AS n FROM master_data')).rows[0].n)
  const eventList = async (token: string) => {
    const res = await call(`/events?MATCH_anyEPC=${encodeURIComponent('urn:epc:idpat:sgtin:9521234.054321.*')}`, token)
    expect(res.status).toBe(200)
    return ((await res.json()) as { epcisBody: { queryResults: { resultsBody: { eventList: { eventID: string }[] } } } }).epcisBody.queryResults.resultsBody.eventList
  }

  beforeAll(async () => {
    pgc = await startTestPostgres()
    server = await startInProcessServer(pgc.url)
    admin = await server.token('head-office', { role: 'admin' })
    north1 = await server.token('north-dock-1', { site: 'north' })
    north2 = await server.token('north-door-5', { site: 'north' })
    south = await server.token('south-dock-1', { site: 'south' })
  })
  afterAll(async () => {
    await server?.close()
    await pgc?.stop()
  })

  it('POST /v1/admin/master: 401 without a valid token, 403 for a station token, all-or-nothing for an admin', async () => {
    const records = [{ kind: 'item', key: 'MON-27-BLK', body: { gtin: GTIN, description: 'Monitor' } }]
    for (const token of [null, 'not-a-token-at-all-xxxxxxxx']) {
      const res = await loadMaster(token, records)
      expect(res.status).toBe(401)
      expect(await res.json()).toMatchObject({ code: 'server.unauthorized' })
    }
    const asStation = await loadMaster(north1, records)
    expect(asStation.status).toBe(403)
    expect(await asStation.json()).toMatchObject({ code: 'server.admin_only', params: { station: 'north-dock-1' } })
    expect(await masterCount()).toBe(0)

    // A bad record refuses the whole load, naming where.
    const bad = await loadMaster(admin, [...records, { kind: 'shipment', key: 'SH-X', body: { customer: 'ACME' } }])
    expect(bad.status).toBe(400)
    expect(JSON.stringify(await bad.json())).toContain('at least one line or plate')
    expect(await masterCount()).toBe(0)

    const ok = await loadMaster(admin, [
      ...records,
      { kind: 'operator', key: 'OP-0002', body: { name: 'Dana' } },
      { kind: 'shipment', key: 'SH-N1', site: 'north', body: { customer: 'ACME', lines: [{ item: 'MON-27-BLK', serial: 'N-1' }] } },
      { kind: 'shipment', key: 'SH-S1', site: 'south', body: { customer: 'ACME', lines: [{ item: 'MON-27-BLK', serial: 'S-1' }] } },
      { kind: 'order', key: 'PO-N1', site: 'north', body: { lines: [{ item: 'MON-27-BLK', qty: 2 }] } },
      { kind: 'recall', key: 'RC-1', body: { item: 'MON-27-BLK', lot: 'L1', reason: 'sealing defect' } }
    ])
    expect(ok.status, await ok.clone().text()).toBe(200)
    expect(await ok.json()).toEqual({ records: 6, changed: 6 })
  })

  it('an admin token cannot push station events, and a station cannot push as another station', async () => {
    const asAdmin = await push(server.url, admin, receivedUnits('head-office', GTIN, ['A-1']))
    expect(asAdmin).toMatchObject({ status: 403, body: { code: 'server.station_only' } })
    const asOther = await push(server.url, north1, receivedUnits('south-dock-1', GTIN, ['A-1']))
    expect(asOther).toMatchObject({ status: 403, body: { code: 'sync.wrong_station' } })
    expect(Number((await server.pool.query('SELECT count(*) AS n FROM station_events')).rows[0].n)).toBe(0)
  })

  it("a station reads its site's changes and global master data only; an admin reads everything", async () => {
    expect((await push(server.url, north1, receivedUnits('north-dock-1', GTIN, ['N-1']))).status).toBe(200)
    expect((await push(server.url, south, receivedUnits('south-dock-1', GTIN, ['S-1']))).status).toBe(200)
    const keys = async (token: string) => (await changes(server.url, token)).changes.map((c) => `${c.kind}:${c.key}`).sort()
    const global = ['master:item/MON-27-BLK', 'master:operator/OP-0002', 'master:recall/RC-1']
    expect(await keys(north2)).toEqual([...global, 'master:order/PO-N1', 'master:shipment/SH-N1', `unit:${GTIN}/N-1`].sort())
    expect(await keys(south)).toEqual([...global, 'master:shipment/SH-S1', `unit:${GTIN}/S-1`].sort())
    expect(await keys(admin)).toEqual([...global, 'master:order/PO-N1', 'master:shipment/SH-N1', 'master:shipment/SH-S1', `unit:${GTIN}/N-1`, `unit:${GTIN}/S-1`].sort())
  })

  it("the registry answers a unit's history to its own site (and an admin), 404 elsewhere", async () => {
    const inNorth = await call(`/v1/units/${GTIN}/N-1`, north2)
    expect(inNorth.status).toBe(200)
    expect(await inNorth.json()).toMatchObject({ unit: { station: 'north-dock-1', site: 'north', status: 'received' }, history: [{ type: 'unit.received', station: 'north-dock-1' }] })
    const fromSouth = await call(`/v1/units/${GTIN}/N-1`, south)
    expect(fromSouth.status).toBe(404)
    expect(await fromSouth.json()).toMatchObject({ code: 'sync.no_such_unit' })
    expect((await call(`/v1/units/${GTIN}/N-1`, admin)).status).toBe(200)
    expect((await call(`/v1/units/${GTIN}/N-1`, null)).status).toBe(401)
  })

  it("GET /events and /events/{id} answer a station its site's captures only", async () => {
    const doc = epcisDoc('NORTH7')
    const captured = await call('/capture', north1, { method: 'POST', body: JSON.stringify(doc), headers: { 'content-type': 'application/ld+json' } })
    expect(captured.status, await captured.clone().text()).toBe(202)
    const id = doc.epcisBody.eventList[0]!.eventID
    expect((await eventList(north2)).map((e) => e.eventID)).toEqual([id])
    expect(await eventList(south)).toEqual([])
    expect((await eventList(admin)).map((e) => e.eventID)).toEqual([id])
    expect((await call(`/events/${encodeURIComponent(id)}`, south)).status).toBe(404)
    expect((await call(`/events/${encodeURIComponent(id)}`, north2)).status).toBe(200)
    expect((await call(captured.headers.get('location')!, south)).status).toBe(404)
  })

  it('token create keeps its exact output with --site and --role admin; a bad role is a usage error', async () => {
    const env = { DATABASE_URL: pgc.url }
    const north = await runServerCli(['token', 'create', '--station', 'north-bench-3', '--site', 'north'], env)
    expect(north.code, north.stderr).toBe(0)
    expect(north.stdout).toMatch(/^\{"station":"north-bench-3","token":"[A-Za-z0-9_-]{43}"\}\n$/)
    expect((await server.pool.query(`SELECT site FROM stations WHERE name = 'north-bench-3'`)).rows[0]).toEqual({ site: 'north' })
    const hq = await runServerCli(['token', 'create', '--station', 'hq-2', '--role', 'admin'], env)
    expect(hq.stdout).toMatch(/^\{"station":"hq-2","token":"[A-Za-z0-9_-]{43}"\}\n$/)
    const hqToken = (JSON.parse(hq.stdout) as { token: string }).token
    expect((await loadMaster(hqToken, [{ kind: 'supplier', key: 'SUP-9', body: { name: 'Nine' } }])).status).toBe(200)
    // Rotation keeps the role.
    const rotated = await runServerCli(['token', 'rotate', '--station', 'hq-2'], env)
    const rotatedToken = (JSON.parse(rotated.stdout) as { token: string }).token
    expect((await loadMaster(hqToken, [])).status).toBe(401)
    expect((await loadMaster(rotatedToken, [{ kind: 'supplier', key: 'SUP-9', body: { name: 'Nine' } }])).status).toBe(200)
    const bad = await runServerCli(['token', 'create', '--station', 'x-1', '--role', 'root'], env)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('server.usage')
  })
})
