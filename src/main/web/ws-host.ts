import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, Server } from 'node:http'
import { WebSocketServer, type WebSocket } from 'ws'
import { randomUUID } from 'node:crypto'
import { TERMINAL_ID_PATTERN, type CallContext, type EventName, type StationEvents } from '../../shared/contract'
import { err } from '../../shared/result'
import { WS_PATH, WS_PROTOCOL, WS_TOKEN_PREFIX, type WsCall, type WsServerMessage } from '../../shared/ws-protocol'
import type { EventBus } from '../event-bus'
import type { Logger } from '../logging'
import type { Dispatch } from '../rpc/dispatch'
import { isAllowedHost, isAllowedOrigin } from './origin-check'

/** Frames above this close the socket; calls above MAX_CALL_BYTES get a typed error first. */
const HARD_FRAME_LIMIT = 16 * 1024 * 1024

function tokenMatches(offered: string | undefined, token: string): boolean {
  if (!offered) return false
  const a = Buffer.from(offered)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function offeredToken(req: IncomingMessage): string | undefined {
  const header = req.headers['sec-websocket-protocol']
  if (!header) return undefined
  const parts = header.split(',').map((p) => p.trim())
  if (!parts.includes(WS_PROTOCOL)) return undefined
  return parts.find((p) => p.startsWith(WS_TOKEN_PREFIX))?.slice(WS_TOKEN_PREFIX.length)
}

function parseCall(data: string): WsCall | null {
  try {
    const msg = JSON.parse(data) as Partial<WsCall>
    if (typeof msg !== 'object' || msg === null || typeof msg.id !== 'number' || typeof msg.method !== 'string') return null
    return { id: msg.id, method: msg.method, input: msg.input }
  } catch {
    return null
  }
}

export interface WsHostOptions {
  server: Server
  port: () => number
  token: string
  dispatch: Dispatch
  events: EventBus
  logger: Logger
}

/** The contract over a WebSocket: same dispatcher as IPC, plus Host/Origin/token checks at upgrade. */
export function attachWsHost(options: WsHostOptions): { close(): void; clientCount(): number } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_LIMIT, handleProtocols: () => WS_PROTOCOL })
  const refuse = (socket: import('node:stream').Duplex, status: string, why: string) => {
    options.logger.warn({ why }, 'websocket connection refused')
    socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${why}\n`)
    socket.destroy()
  }

  options.server.on('upgrade', (req, socket, head) => {
    const port = options.port()
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    if (path !== WS_PATH) return refuse(socket, '404 Not Found', 'Unknown path.')
    if (!isAllowedHost(req.headers.host, port)) return refuse(socket, '403 Forbidden', 'Host not allowed.')
    if (!isAllowedOrigin(req.headers.origin, port)) return refuse(socket, '403 Forbidden', 'Origin not allowed.')
    if (!tokenMatches(offeredToken(req), options.token)) return refuse(socket, '401 Unauthorized', 'Missing or wrong station token.')
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })

  /** The terminal a connection speaks for: the page names itself (`?terminal=`), else a new one per connection. */
  const terminalOf = (req: IncomingMessage): string => {
    let named: string | null = null
    try {
      named = new URL(req.url ?? '/', 'http://localhost').searchParams.get('terminal')
    } catch {
      named = null
    }
    return named && TERMINAL_ID_PATTERN.test(named) ? named : `ws-${randomUUID()}`
  }

  const send = (ws: WebSocket, message: WsServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
  }

  wss.on('connection', (ws, req: IncomingMessage) => {
    const ctx: CallContext = { terminalId: terminalOf(req), host: 'ws' }
    ws.on('message', async (data, isBinary) => {
      const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer).byteLength
      if (isBinary) return send(ws, { id: null, result: err('bad_message', 'Station messages are JSON text, not binary.') })
      const call = parseCall(data.toString())
      if (!call) return send(ws, { id: null, result: err('bad_message', 'A station message must be JSON {id:number, method:string, input}.') })
      send(ws, { id: call.id, result: await options.dispatch(call.method, call.input, ctx, bytes) })
    })
    ws.on('error', (error) => options.logger.warn({ err: error }, 'websocket client error'))
  })

  const unsubscribe = options.events.onAny(<E extends EventName>(event: E, payload: StationEvents[E]) => {
    for (const client of wss.clients) send(client, { event, payload })
  })

  return {
    clientCount: () => wss.clients.size,
    close: () => {
      unsubscribe()
      for (const client of wss.clients) client.terminate()
      wss.close()
    }
  }
}
