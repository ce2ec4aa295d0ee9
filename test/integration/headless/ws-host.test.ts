import { existsSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WS_PROTOCOL } from '../../../src/shared/ws-protocol'
import { PROJECT_ROOT, startServer, type RunningServer } from '../../helpers/station-server'

type Reply = { id: number | null; result: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }

function connect(server: RunningServer, opts: { token?: string | null; origin?: string | null; host?: string } = {}): Promise<WebSocket> {
  const protocols = [WS_PROTOCOL]
  if (opts.token !== null) protocols.push(`token.${opts.token ?? server.token}`)
  const headers: Record<string, string> = {}
  if (opts.host) headers.Host = opts.host
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, protocols, {
    ...(opts.origin === null ? {} : { origin: opts.origin ?? server.origin }),
    headers
  })
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

function call(ws: WebSocket, message: string | Buffer): Promise<Reply> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const parsed = JSON.parse(data.toString()) as Reply | { event: string }
      if ('result' in parsed) {
        ws.off('message', onMessage)
        resolve(parsed)
      }
    }
    ws.on('message', onMessage)
    ws.send(message)
  })
}

const rpc = (ws: WebSocket, id: number, method: string, input: unknown) => call(ws, JSON.stringify({ id, method, input }))

describe('headless host: the contract over a WebSocket on 127.0.0.1', () => {
  let server: RunningServer

  beforeAll(async () => {
    if (!existsSync(join(PROJECT_ROOT, 'out/renderer/index.html'))) throw new Error('Build the UI first: npm run build (npm test does it).')
    server = await startServer({ demo: true })
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('answers a valid call with the station info', async () => {
    const ws = await connect(server)
    const reply = await rpc(ws, 1, 'station.info', {})
    expect(reply.id).toBe(1)
    expect(reply.result.ok).toBe(true)
    expect(reply.result.value).toMatchObject({ host: 'headless', demo: true, schemaVersion: expect.any(Number) })
    ws.close()
  })

  it.each([
    ['a wrong token', { token: 'deadbeef' }, 'HTTP 401'],
    ['no token', { token: null }, 'HTTP 401'],
    ['a foreign Origin', { origin: 'http://evil.example' }, 'HTTP 403'],
    ['no Origin', { origin: null }, 'HTTP 403'],
    ['a rebinding Host', { host: `evil.example:${0}` }, 'HTTP 403']
  ])('refuses a connection with %s', async (_label, opts, status) => {
    await expect(connect(server, opts)).rejects.toThrow(status)
  })

  it('refuses pages for a foreign Host header', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: server.port, path: '/', headers: { Host: 'evil.example' } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
        .on('error', reject)
        .end()
    })
    expect(status).toBe(403)
    const ok = await fetch(`http://127.0.0.1:${server.port}/`)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'")
  })

  it('gives typed errors for malformed and oversized calls and changes nothing', async () => {
    const ws = await connect(server)
    const before = (await rpc(ws, 1, 'settings.get', {})).result.value
    expect((await rpc(ws, 6, 'settings.update', { stationName: 'Nobody signed in' })).result.error?.code).toBe('access.sign_in_required')
    expect((await rpc(ws, 7, 'session.signIn', { operatorId: 3, pin: '2468' })).result.ok).toBe(true)
    const bad = await call(ws, '{not json')
    expect(bad.result.error?.code).toBe('bad_message')
    expect((await call(ws, Buffer.from([0, 1, 2]))).result.error?.code).toBeDefined()
    expect((await rpc(ws, 2, 'no.such', {})).result.error?.code).toBe('unknown_method')
    expect((await rpc(ws, 3, 'settings.update', { stationName: 12 })).result.error?.code).toBe('invalid_input')
    const huge = await rpc(ws, 4, 'settings.update', { stationName: 'x'.repeat(10 * 1024 * 1024) })
    expect(huge.result.error?.code).toBe('payload_too_large')
    expect((await rpc(ws, 5, 'settings.get', {})).result.value).toEqual(before)
    ws.close()
  })

  it('pushes events to every connected client', async () => {
    const a = await connect(server)
    const b = await connect(server)
    const event = new Promise<unknown>((resolve) =>
      b.on('message', (data) => {
        const msg = JSON.parse(data.toString()) as { event?: string; payload?: unknown }
        if (msg.event === 'settings.changed') resolve(msg.payload)
      })
    )
    expect((await rpc(a, 1, 'session.signIn', { operatorId: 3, pin: '2468' })).result.ok).toBe(true)
    await rpc(a, 2, 'settings.update', { dock: 'Dock 9' })
    expect(await event).toMatchObject({ dock: 'Dock 9' })
    a.close()
    b.close()
  })

  it('a second station on the same data dir refuses to start', async () => {
    await expect(startServer({ dataDir: server.dataDir })).rejects.toThrow(/Another Dockside station .* is already using/)
  })
})
