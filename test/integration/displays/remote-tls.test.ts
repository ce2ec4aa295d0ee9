import { X509Certificate } from 'node:crypto'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHeadless, type HeadlessHost } from '../../../src/main/headless'
import { silentLogger } from '../../../src/main/logging'
import { CERTIFICATE_FILE, PRIVATE_KEY_FILE, TLS_FOLDER } from '../../../src/main/web/tls/station-certificate'
import { CODE_LIFETIME_MS } from '../../../src/main/workflows/displays/pairing'
import type { PairingCode } from '../../../src/shared/contract-areas/displays'
import { WS_CLOSE_REVOKED } from '../../../src/shared/ws-protocol'
import { makeTempDir } from '../../helpers/store'
import { until } from '../../helpers/wait'
import { connectWss, httpCall, httpsCall, pairOver, pinned } from '../../helpers/tls'

let host: HeadlessHost
let dataDir: string
let rendererDir: string
let trust: ReturnType<typeof pinned>
let clockOffset = 0
const now = () => new Date(Date.now() + clockOffset)

const newCode = async (): Promise<PairingCode> => {
  const r = await host.station.dispatch('displays.createCode', {})
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value as PairingCode
}

const pair = async (name = 'Door 1 wall'): Promise<{ token: string; display: { id: number } }> => {
  const answer = await pairOver(host.port, trust, { code: (await newCode()).code, name })
  expect(answer.status, answer.body).toBe(200)
  return (JSON.parse(answer.body) as { value: { token: string; display: { id: number } } }).value
}

beforeAll(async () => {
  rendererDir = makeTempDir('dockside-ui-')
  mkdirSync(rendererDir, { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dockside</title>')
  dataDir = makeTempDir()
  host = await startHeadless({ dataDir, port: 0, listen: '127.0.0.1', demo: true, rendererDir, version: 'test', logger: silentLogger(), now })
  const certificate = readFileSync(join(dataDir, TLS_FOLDER, CERTIFICATE_FILE), 'utf8')
  trust = pinned(certificate, host.remote!.fingerprint)
})
afterAll(async () => {
  await host?.close()
})

describe('--listen: TLS only, with the station certificate', () => {
  it('refuses a client that does not trust the certificate, answers one that pins its fingerprint', async () => {
    await expect(httpsCall(host.port, '/')).rejects.toThrow(/self[- ]signed|unable to verify/i)
    const answer = await httpsCall(host.port, '/', { trust })
    expect(answer.status).toBe(200)
    expect(answer.body).toContain('<title>Dockside</title>')
    await expect(httpsCall(host.port, '/', { trust: pinned(readFileSync(join(dataDir, TLS_FOLDER, CERTIFICATE_FILE), 'utf8'), 'AB:CD') })).rejects.toThrow(/not the pinned/)
  })

  it('serves nothing over plain http on that port', async () => {
    const outcome = await httpCall(host.port, '/').then(
      (a) => a,
      (error: Error) => error
    )
    if (outcome instanceof Error) expect(outcome.message).toMatch(/socket hang up|ECONNRESET|Parse Error|EPROTO/i)
    else expect(outcome.body).not.toContain('Dockside')
  })

  it('keeps the certificate in the data folder (key readable by its owner only) and prints its real fingerprint', () => {
    const certificate = new X509Certificate(readFileSync(join(dataDir, TLS_FOLDER, CERTIFICATE_FILE)))
    expect(host.remote?.fingerprint).toBe(certificate.fingerprint256)
    expect(host.remote?.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(statSync(join(dataDir, TLS_FOLDER, PRIVATE_KEY_FILE)).mode & 0o777).toBe(0o600)
  })

  it('refuses a Host or Origin that is not the listen address', async () => {
    expect((await httpsCall(host.port, '/', { trust, headers: { Host: `evil.example:${host.port}` } })).status).toBe(403)
    const answer = await httpsCall(host.port, '/pair', { method: 'POST', trust, body: '{}', headers: { Origin: `https://evil.example:${host.port}` } })
    expect(answer.status).toBe(403)
  })

  it('refuses, with exit-2 style codes, a port already taken on the listen address', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()))
    const port = (blocker.address() as { port: number }).port
    try {
      await expect(startHeadless({ dataDir: makeTempDir(), port, listen: '127.0.0.1', demo: false, rendererDir, version: 'test', logger: silentLogger() })).rejects.toMatchObject({ code: 'displays.port_in_use' })
    } finally {
      blocker.close()
    }
  })
})

describe('pairing and the read-only display role, over real TLS and WebSocket', () => {
  it('a connection without a display token is refused: it can only pair', async () => {
    await expect(connectWss(host.port, trust, { display: 'x'.repeat(43) })).rejects.toThrow(/401/)
  })

  it('pairs with the code shown on the station, reconnects with the token, reads but never writes', async () => {
    const { token, display } = await pair()
    const first = await connectWss(host.port, trust, { display: token }, 'door-1')
    expect(await first.call('displays.self')).toMatchObject({ ok: true, value: { display: { id: display.id, name: 'Door 1 wall' }, remote: { fingerprint: host.remote!.fingerprint } } })
    expect(await first.call('gate.state')).toMatchObject({ ok: true })
    expect(await first.call('receiving.orders')).toMatchObject({ ok: true })
    first.ws.close()
    await first.closed

    const again = await connectWss(host.port, trust, { display: token }, 'door-1')
    for (const [method, input] of [
      ['gate.start', { shipment: null }],
      ['session.signIn', { operatorId: 1, pin: '1234' }],
      ['settings.update', { stationName: 'pwned' }],
      ['receiving.open', { order: 'PO-1' }],
      ['displays.createCode', {}],
      ['operators.list', {}]
    ] as const) {
      expect(await again.call(method, input), method).toMatchObject({ ok: false, error: { code: 'displays.read_only', params: { method } } })
    }
    const listed = await host.station.dispatch('displays.list', {})
    expect(listed).toMatchObject({ ok: true, value: [{ id: display.id, name: 'Door 1 wall', revokedAt: null }] })
    expect((listed as { value: Array<{ lastSeenAt: string | null }> }).value[0]?.lastSeenAt).not.toBeNull()
    again.ws.close()
  })

  it('follows the watched terminal live: receiving progress and gate pushed, other events kept from it', async () => {
    const { token } = await pair('Door 2 wall')
    const display = await connectWss(host.port, trust, { display: token }, 'door-2')
    const operator = await connectWss(host.port, trust, { token: host.token }, 'door-2')
    expect(await operator.call('session.signIn', { operatorId: 1, pin: '1234' })).toMatchObject({ ok: true })
    expect(await operator.call('receiving.open', { order: 'ASN-2001' })).toMatchObject({ ok: true })
    await until(() => display.events.some((e) => e.event === 'receiving.changed' && (e.payload as { terminalId: string }).terminalId === 'door-2'), { what: 'receiving.changed on the display' })
    expect(await display.call('receiving.state')).toMatchObject({ ok: true, value: { order: { number: 'ASN-2001' } } })
    await pair('Another wall')
    // A marker the display does receive, after the events it must not: everything before it was delivered.
    expect(await operator.call('receiving.leave')).toMatchObject({ ok: true })
    await until(() => display.events.filter((e) => e.event === 'receiving.changed').length >= 2, { what: 'the second receiving.changed' })
    expect(operator.events.some((e) => e.event === 'displays.changed')).toBe(true)
    expect(display.events.map((e) => e.event).filter((e) => ['scans.result', 'operators.changed', 'displays.changed', 'print.changed', 'imports.progress'].includes(e))).toEqual([])
    display.ws.close()
    operator.ws.close()
  })

  it('a revoked display is cut off at once and its token opens nothing', async () => {
    const { token, display } = await pair('Office monitor')
    const client = await connectWss(host.port, trust, { display: token })
    expect(await host.station.dispatch('displays.revoke', { id: display.id })).toMatchObject({ ok: true, value: { id: display.id } })
    expect(await client.closed).toBe(WS_CLOSE_REVOKED)
    await expect(connectWss(host.port, trust, { display: token })).rejects.toThrow(/401/)
    const types = host.station.store.db.prepare("SELECT type FROM events WHERE type LIKE 'display.%' ORDER BY id").all() as Array<{ type: string }>
    expect(types.map((t) => t.type)).toEqual(expect.arrayContaining(['display.pairing_code_created', 'display.paired', 'display.revoked']))
  })

  it('refuses a wrong, a used and an expired code with a code of its own', async () => {
    expect(JSON.parse((await pairOver(host.port, trust, { code: 'ZZZZZZZZ', name: 'x' })).body)).toMatchObject({ ok: false, error: { code: 'displays.code_wrong' } })
    const code = await newCode()
    expect((await pairOver(host.port, trust, { code: code.code.toLowerCase().replace(/(....)/, '$1-'), name: 'Dash ok' })).status).toBe(200)
    expect(JSON.parse((await pairOver(host.port, trust, { code: code.code, name: 'Again' })).body)).toMatchObject({ error: { code: 'displays.code_used' } })
    const late = await newCode()
    clockOffset = CODE_LIFETIME_MS + 1000
    try {
      expect(JSON.parse((await pairOver(host.port, trust, { code: late.code, name: 'Late' })).body)).toMatchObject({ error: { code: 'displays.code_expired' } })
    } finally {
      clockOffset = 0
    }
    expect(JSON.parse((await pairOver(host.port, trust, 'not json')).body)).toMatchObject({ error: { code: 'displays.bad_request' } })
  })

  it('a new code replaces one still open', async () => {
    const old = await newCode()
    await newCode()
    expect(JSON.parse((await pairOver(host.port, trust, { code: old.code, name: 'Old' })).body)).toMatchObject({ error: { code: 'displays.code_expired' } })
  })

  it('limits pairing attempts: after five wrong codes even the right one waits', async () => {
    for (let i = 0; i < 5; i++) await pairOver(host.port, trust, { code: `WRONG${i}AA`, name: 'guess' })
    const code = await newCode()
    const answer = await pairOver(host.port, trust, { code: code.code, name: 'Patient' })
    expect(answer.status).toBe(429)
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'displays.too_many_attempts' } })
  })
})
