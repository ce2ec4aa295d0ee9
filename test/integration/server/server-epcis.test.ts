import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { EPCIS_MISSING, epcisFilesPresent, officialExamples, officialValidator, type Validate } from '../../helpers/epcis-schema'
import { POSTGRES_MISSING, postgresAvailable, startTestPostgres, type TestPostgres } from '../../helpers/postgres'
import { startInProcessServer, type InProcessServer } from '../../helpers/server'

// Real PostgreSQL and child processes on a busy 2-core CI machine: generous bounds, never speed.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const ready = postgresAvailable() && epcisFilesPresent()
const why = !postgresAvailable() ? POSTGRES_MISSING : EPCIS_MISSING

describe.skipIf(!ready)(`upstream EPCIS 2.0 REST binding on real PostgreSQL${ready ? '' : ` — skipped: ${why}`}`, () => {
  let pgc: TestPostgres
  let server: InProcessServer
  let token: string
  let validate: Validate
  const logLines: string[] = []
  const auth = () => ({ authorization: `Bearer ${token}` })
  const capture = (doc: unknown, headers: Record<string, string> = auth()) =>
    fetch(`${server.url}/capture`, { method: 'POST', headers: { 'content-type': 'application/ld+json', ...headers }, body: JSON.stringify(doc) })
  const count = async () => Number((await server.pool.query('SELECT count(*) AS n FROM epcis_events')).rows[0].n)
  const events = async (query: string) => {
    const res = await fetch(`${server.url}/events${query}`, { headers: auth() })
    expect(res.status, await res.clone().text()).toBe(200)
    const body = (await res.json()) as { epcisBody: { queryResults: { resultsBody: { eventList: Record<string, unknown>[] } } } }
    expect(validate(body).errors).toBe('')
    return { body, list: body.epcisBody.queryResults.resultsBody.eventList, link: res.headers.get('link') }
  }

  beforeAll(async () => {
    pgc = await startTestPostgres()
    server = await startInProcessServer(pgc.url, { logLines, captureLimit: 500 })
    token = await server.token('head-office')
    validate = officialValidator()
  })
  afterAll(async () => {
    await server?.close()
    await pgc?.stop()
  })

  it('OPTIONS /capture states the versions and limits', async () => {
    const res = await fetch(`${server.url}/capture`, { method: 'OPTIONS' })
    expect(res.status).toBe(204)
    expect(res.headers.get('gs1-epcis-version')).toBe('2.0.0')
    expect(res.headers.get('gs1-epcis-capture-limit')).toBe('500')
    expect(Number(res.headers.get('gs1-epcis-capture-file-size-limit'))).toBeGreaterThan(0)
  })

  it("accepts every official example document (202 + Location of a finished capture job)", async () => {
    const examples = officialExamples().filter((e) => e.doc.type === 'EPCISDocument' || e.doc.type === 'EPCISQueryDocument')
    expect(examples.length).toBeGreaterThan(40)
    for (const { name, doc } of examples) {
      const res = await capture(doc)
      expect(res.status, `${name}: ${await res.clone().text()}`).toBe(202)
      const location = res.headers.get('location')
      expect(location, name).toMatch(/^\/capture\/[0-9a-f-]{36}$/)
      const job = await fetch(`${server.url}${location}`, { headers: auth() })
      expect(job.status).toBe(200)
      expect(await job.json(), name).toMatchObject({ running: false, success: true, captureErrorBehaviour: 'rollback', errors: [] })
    }
  })

  it('a document whose events are all stored already is accepted and stores nothing twice', async () => {
    const doc = officialExamples().find((e) => e.name === 'Example_9.6.1-ObjectEvent.jsonld')!.doc
    const before = await count()
    const res = await capture(doc)
    expect(res.status).toBe(202)
    const job = (await (await fetch(`${server.url}${res.headers.get('location')}`, { headers: auth() })).json()) as { storedCount: number; eventCount: number }
    expect(job).toMatchObject({ storedCount: 0, eventCount: 2 })
    expect(await count()).toBe(before)
  })

  it('GET /events filters by bizStep, EPC (exact and pattern), time range and bizLocation', async () => {
    const shipping = await events('?EQ_bizStep=shipping')
    expect(shipping.list.length).toBeGreaterThan(0)
    expect(shipping.list.every((e) => e.bizStep === 'shipping' || e.bizStep === 'urn:epcglobal:cbv:bizstep:shipping')).toBe(true)

    const byEpc = await events(`?MATCH_epc=${encodeURIComponent('urn:epc:id:sgtin:0614141.107346.2018')}`)
    expect(byEpc.list.length).toBeGreaterThan(0)
    expect(byEpc.list.every((e) => JSON.stringify(e).includes('urn:epc:id:sgtin:0614141.107346.2018'))).toBe(true)

    const byPattern = await events(`?MATCH_epc=${encodeURIComponent('urn:epc:idpat:sgtin:0614141.107346.*')}&perPage=1000`)
    expect(byPattern.list.length).toBeGreaterThanOrEqual(byEpc.list.length)

    const parent = await events(`?MATCH_anyEPC=${encodeURIComponent('urn:epc:id:sscc:0614141.1234567890')}`)
    const parentOnly = await events(`?MATCH_epc=${encodeURIComponent('urn:epc:id:sscc:0614141.1234567890')}`)
    expect(parent.list.length).toBeGreaterThan(parentOnly.list.length)

    const window = await events('?GE_eventTime=2005-04-04T00:00:00Z&LT_eventTime=2005-04-05T00:00:00Z&perPage=1000')
    expect(window.list.length).toBeGreaterThan(0)
    for (const e of window.list) {
      const t = Date.parse(String(e.eventTime))
      expect(t >= Date.parse('2005-04-04T00:00:00Z') && t < Date.parse('2005-04-05T00:00:00Z')).toBe(true)
    }
    const loc = await events(`?EQ_bizLocation=${encodeURIComponent('urn:epc:id:sgln:0012345.11111.0')}`)
    expect(loc.list.length).toBeGreaterThan(0)
    expect(loc.list.every((e) => (e.bizLocation as { id: string }).id === 'urn:epc:id:sgln:0012345.11111.0')).toBe(true)
  })

  it('pages with perPage and nextPageToken (Link rel="next") without losing or repeating an event', async () => {
    const total = await count()
    const seen = new Set<string>()
    let next: string | null = '?perPage=7'
    let pages = 0
    while (next) {
      const page = await events(next)
      expect(page.list.length).toBeLessThanOrEqual(7)
      for (const e of page.list) {
        expect(seen.has(String(e.eventID))).toBe(false)
        seen.add(String(e.eventID))
      }
      const m = page.link ? /<\/events(\?[^>]*)>; rel="next"/.exec(page.link) : null
      next = m ? m[1]! : null
      pages++
      expect(pages).toBeLessThan(1000)
    }
    expect(seen.size).toBe(total)
  })

  it('GET /events/{eventID} answers one event; an unknown id is 404 with a code', async () => {
    const id = 'ni:///sha-256;df7bb3c352fef055578554f09f5e2aa41782150ced7bd0b8af24dd3ccb30ba69?ver=CBV2.0'
    const res = await fetch(`${server.url}/events/${encodeURIComponent(id)}`, { headers: auth() })
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { epcisBody: { queryResults: { resultsBody: { eventList: { eventID: string }[] } } } }
    expect(validate(doc).errors).toBe('')
    expect(doc.epcisBody.queryResults.resultsBody.eventList.map((e) => e.eventID)).toEqual([id])
    const missing = await fetch(`${server.url}/events/${encodeURIComponent('urn:uuid:00000000-0000-4000-8000-000000000000')}`, { headers: auth() })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ code: 'epcis.no_such_event' })
  })

  it('wrong, missing or revoked token → 401 and nothing stored', async () => {
    const doc = { ...officialExamples().find((e) => e.name === 'Example_9.6.1-ObjectEvent.jsonld')!.doc }
    const fresh = JSON.parse(JSON.stringify(doc).replaceAll('ni:///sha-256;', 'ni:///sha-256;fresh')) as object
    const before = await count()
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong-token-wrong-token-wrong' }, { authorization: token }, { authorization: `Basic ${token}` }]) {
      const res = await capture(fresh, headers)
      expect(res.status).toBe(401)
      expect(await res.json()).toMatchObject({ code: 'server.unauthorized', status: 401 })
    }
    const revokedToken = await server.token('revoked-station')
    await server.pool.query(`UPDATE station_tokens SET revoked_at = now() WHERE station_id = (SELECT id FROM stations WHERE name = 'revoked-station')`)
    expect((await capture(fresh, { authorization: `Bearer ${revokedToken}` })).status).toBe(401)
    expect((await fetch(`${server.url}/events`, { headers: { authorization: `Bearer ${revokedToken}` } })).status).toBe(401)
    expect(await count()).toBe(before)
  })

  it('malformed documents → 400 with where and why; too many events → 413; nothing stored', async () => {
    const before = await count()
    const bad = async (body: string, code: string, status = 400) => {
      const res = await fetch(`${server.url}/capture`, { method: 'POST', headers: { 'content-type': 'application/ld+json', ...auth() }, body })
      expect(res.status, body.slice(0, 80)).toBe(status)
      const problem = (await res.json()) as { code: string; detail: string }
      expect(problem.code).toBe(code)
      expect(problem.detail.length).toBeGreaterThan(5)
      return problem
    }
    await bad('{not json', 'server.bad_json')
    await bad('[]', 'epcis.not_a_document')
    await bad(JSON.stringify({ type: 'EPCISDocument', epcisBody: {} }), 'epcis.no_event_list')
    const p = await bad(JSON.stringify({ type: 'EPCISDocument', epcisBody: { eventList: [{ type: 'ObjectEvent', action: 'OBSERVE', eventTime: 'yesterday', eventTimeZoneOffset: '+00:00' }] } }), 'epcis.bad_field')
    expect(p.detail).toContain('eventList[0]')
    await bad(JSON.stringify({ type: 'EPCISDocument', epcisBody: { eventList: [{ type: 'MagicEvent' }] } }), 'epcis.bad_event_type')
    const many = Array.from({ length: 501 }, (_, i) => ({ type: 'ObjectEvent', action: 'OBSERVE', eventTime: '2026-01-01T00:00:00Z', eventTimeZoneOffset: '+00:00', epcList: [`urn:epc:id:sgtin:0614141.107346.${i}`] }))
    await bad(JSON.stringify({ type: 'EPCISDocument', epcisBody: { eventList: many } }), 'epcis.too_many_events', 413)
    const huge = JSON.stringify({ type: 'EPCISDocument', epcisBody: { eventList: [], pad: 'x'.repeat(17 * 1024 * 1024) } })
    await bad(huge, 'server.body_too_large', 413)
    expect(await count()).toBe(before)
    const q = await fetch(`${server.url}/events?EQ_color=red`, { headers: auth() })
    expect(q.status).toBe(400)
    expect(await q.json()).toMatchObject({ code: 'epcis.unsupported_query' })
    expect((await fetch(`${server.url}/events?nextPageToken=bogus`, { headers: auth() })).status).toBe(400)
  })

  it("a station's `dockside export epcis` document is captured, once, and found by its units' EPCs", async () => {
    const { execFile } = await import('node:child_process')
    const { promisify } = await import('node:util')
    const { BIN, PROJECT_ROOT } = await import('../../helpers/station-server')
    const { dm, MONITOR_GTIN, openRig } = await import('../receiving/rig')
    const rig = openRig()
    try {
      rig.svc.open('PO-1001')
      rig.svc.submit(dm(MONITOR_GTIN, 'MN00004001'))
      rig.svc.submit(dm(MONITOR_GTIN, 'MN00004002'))
      const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'export', 'epcis', '--data-dir', rig.dataDir], { cwd: PROJECT_ROOT, maxBuffer: 64 * 1024 * 1024 })
      const doc = JSON.parse(stdout) as { epcisBody: { eventList: unknown[] } }
      const before = await count()
      for (let i = 0; i < 2; i++) expect((await capture(doc)).status).toBe(202)
      expect(await count()).toBe(before + doc.epcisBody.eventList.length)
      const found = await events(`?MATCH_epc=${encodeURIComponent('urn:epc:id:sgtin:9521234.054321.MN00004002')}&EQ_bizStep=receiving`)
      expect(found.list).toHaveLength(1)
      expect(found.list[0]).toMatchObject({ type: 'ObjectEvent', 'dockside:stationEventType': 'unit.received', 'dockside:stationId': rig.stationId })
    } finally {
      rig.close()
    }
  })

  it('serves its OpenAPI description', async () => {
    const res = await fetch(`${server.url}/openapi.json`)
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> }
    expect(doc.openapi).toMatch(/^3\./)
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/capture', '/capture/{captureID}', '/events', '/events/{eventID}', '/v1/sync/events', '/v1/sync/changes']))
  })

  it('never writes a token into its log', async () => {
    expect(logLines.length).toBeGreaterThan(10)
    const all = logLines.join('\n')
    expect(all).not.toContain(token)
    expect(all.toLowerCase()).not.toContain('bearer')
  })
})
