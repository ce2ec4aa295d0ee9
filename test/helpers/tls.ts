import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { PeerCertificate } from 'node:tls'
import WebSocket from 'ws'
import { WS_DISPLAY_PREFIX, WS_PROTOCOL, WS_TOKEN_PREFIX } from '../../src/shared/ws-protocol'

export interface Answer {
  status: number
  body: string
}

/**
 * The station's certificate is self-signed: a client trusts it by pinning its SHA-256 fingerprint
 * (the one `dockside serve --listen` prints), never by name.
 */
export function pinned(certificate: string, fingerprint: string) {
  return {
    ca: certificate,
    checkServerIdentity: (_host: string, cert: PeerCertificate) => (cert.fingerprint256 === fingerprint ? undefined : new Error(`fingerprint ${cert.fingerprint256} is not the pinned ${fingerprint}`))
  }
}

export interface TlsCallOptions {
  method?: string
  body?: string | Buffer
  headers?: Record<string, string>
  /** Trust: `pinned(…)`, or nothing (the system's CAs, which do not know the station). */
  trust?: ReturnType<typeof pinned>
  timeoutMs?: number
}

export function httpsCall(port: number, path: string, options: TlsCallOptions = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { host: '127.0.0.1', port, path, agent: false, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers }, timeout: options.timeoutMs ?? 10_000, ...(options.trust ?? {}) },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      }
    )
    req.on('timeout', () => req.destroy(new Error('timed out')))
    req.on('error', reject)
    req.end(options.body)
  })
}

/** Plain http to a port: for showing that the TLS port serves nothing without TLS. */
export function httpCall(port: number, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}` }, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('timeout', () => req.destroy(new Error('timed out')))
    req.on('error', reject)
    req.end()
  })
}

export function pairOver(port: number, trust: ReturnType<typeof pinned>, body: unknown): Promise<Answer> {
  return httpsCall(port, '/pair', { method: 'POST', trust, body: typeof body === 'string' ? body : JSON.stringify(body), headers: { Origin: `https://127.0.0.1:${port}`, 'Content-Type': 'application/json' } })
}

export interface WssClient {
  ws: WebSocket
  call(method: string, input?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; params?: Record<string, unknown> } }>
  events: Array<{ event: string; payload: unknown }>
  closed: Promise<number>
}

/** A wss connection with a display token (or the launch token), as the served UI makes it. */
export function connectWss(port: number, trust: ReturnType<typeof pinned>, credential: { display: string } | { token: string }, terminal?: string): Promise<WssClient> {
  const offered = 'display' in credential ? `${WS_DISPLAY_PREFIX}${credential.display}` : `${WS_TOKEN_PREFIX}${credential.token}`
  const ws = new WebSocket(`wss://127.0.0.1:${port}/ws${terminal ? `?terminal=${terminal}` : ''}`, [WS_PROTOCOL, offered], { origin: `https://127.0.0.1:${port}`, ...(trust as object) })
  const pending = new Map<number, (r: never) => void>()
  const events: WssClient['events'] = []
  let next = 1
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as { id?: number; result?: unknown; event?: string; payload?: unknown }
    if (m.event !== undefined) events.push({ event: m.event, payload: m.payload })
    else if (typeof m.id === 'number') pending.get(m.id)?.(m.result as never)
  })
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    ws.once('open', () =>
      resolve({
        ws,
        events,
        closed,
        call: (method, input = {}) =>
          new Promise((done) => {
            const id = next++
            pending.set(id, done as never)
            ws.send(JSON.stringify({ id, method, input }))
          })
      })
    )
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)))
    ws.once('error', reject)
  })
}
