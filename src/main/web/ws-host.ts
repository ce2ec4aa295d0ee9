import { randomUUID, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, Server } from 'node:http'
import { DISPLAY_EVENTS } from '../../shared/access'
import { WebSocketServer, type WebSocket } from 'ws'
import { TERMINAL_ID_PATTERN, type CallContext, type EventName, type StationEvents } from '../../shared/contract'
import { err } from '../../shared/result'
import { WS_CLOSE_REVOKED, WS_DISPLAY_PREFIX, WS_PATH, WS_PROTOCOL, WS_TOKEN_PREFIX, type WsCall, type WsServerMessage } from '../../shared/ws-protocol'
import type { EventBus } from '../event-bus'
import type { Logger } from '../logging'
import type { Dispatch } from '../rpc/dispatch'
import { isAllowedHost, isAllowedOrigin, LOOPBACK_POLICY, type HostPolicy } from './origin-check'
import { parseRequestTarget } from './request-target'

/** Frames above this close the socket; calls above MAX_CALL_BYTES get a typed error first. */
const HARD_FRAME_LIMIT = 16 * 1024 * 1024

function tokenMatches(offered: string | undefined, token: string): boolean {
  if (!offered) return false
  const a = Buffer.from(offered)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function offeredToken(req: IncomingMessage, prefix: string): string | undefined {
  const header = req.headers['sec-websocket-protocol']
  if (!header) return undefined
  const parts = header.split(',').map((p) => p.trim())
  if (!parts.includes(WS_PROTOCOL)) return undefined
  return parts.find((p) => p.startsWith(prefix))?.slice(prefix.length)
}

/** A call id is echoed back: only a safe integer survives JSON both ways (1e400 would come back as null). */
export function parseCall(data: string): WsCall | null {
  try {
    const msg = JSON.parse(data) as Partial<WsCall>
    if (typeof msg !== 'object' || msg === null || !Number.isSafeInteger(msg.id) || typeof msg.method !== 'string') return null
    return { id: msg.id as number, method: msg.method, input: msg.input }
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
  /** The names and scheme connections must be addressed to (default: loopback over http). */
  policy?: HostPolicy
  /** Paired remote displays (only with `--listen`, ADR 0018): their token opens a read-only connection. */
  displays?: {
    authenticate(token: string): { id: number } | null
    onRevoked(listener: (id: number) => void): () => void
  }
}

/** The contract over a WebSocket: same dispatcher as IPC, plus Host/Origin/token checks at upgrade. */
export function attachWsHost(options: WsHostOptions): { close(): void; clientCount(): number } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_LIMIT, handleProtocols: () => WS_PROTOCOL })
  const refuse = (socket: import('node:stream').Duplex, status: string, why: string) => {
    options.logger.warn({ why }, 'websocket connection refused')
    try {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${why}\n`)
    } catch {
      // the peer is gone already
    }
    socket.destroy()
  }

  /** The paired display a connection speaks for (none: the launch token's full client). */
  const displayOf = new WeakMap<WebSocket, number>()
  const policy = options.policy ?? LOOPBACK_POLICY

  // Total: nothing a client sends at upgrade time can throw past this handler.
  options.server.on('upgrade', (req, socket, head) => {
    socket.on('error', (error) => options.logger.warn({ err: error }, 'websocket upgrade socket error'))
    try {
      const port = options.port()
      const target = parseRequestTarget(req.url)
      if (!target.ok) return refuse(socket, '400 Bad Request', 'Bad request target.')
      if (target.pathname !== WS_PATH) return refuse(socket, '404 Not Found', 'Unknown path.')
      if (!isAllowedHost(req.headers.host, port, policy)) return refuse(socket, '403 Forbidden', 'Host not allowed.')
      if (!isAllowedOrigin(req.headers.origin, port, policy)) return refuse(socket, '403 Forbidden', 'Origin not allowed.')
      let displayId: number | undefined
      if (!tokenMatches(offeredToken(req, WS_TOKEN_PREFIX), options.token)) {
        const displayToken = options.displays ? offeredToken(req, WS_DISPLAY_PREFIX) : undefined
        const display = displayToken ? options.displays?.authenticate(displayToken) : null
        if (!display) return refuse(socket, '401 Unauthorized', displayToken ? 'Unknown or revoked display: pair this display again.' : 'Missing or wrong station token.')
        displayId = display.id
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        if (displayId !== undefined) displayOf.set(ws, displayId)
        wss.emit('connection', ws, req)
      })
    } catch (error) {
      options.logger.error({ err: error }, 'websocket upgrade failed')
      refuse(socket, '400 Bad Request', 'Bad upgrade request.')
    }
  })

  const send = (ws: WebSocket, message: WsServerMessage) => {
    try {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
    } catch (error) {
      options.logger.warn({ err: error }, 'websocket send failed')
    }
  }

  /** The terminal a connection speaks for: the page names itself (`?terminal=`), else a new one per connection. */
  const terminalOf = (req: IncomingMessage, fallback = `ws-${randomUUID()}`): string => {
    let named: string | null = null
    try {
      named = new URL(req.url ?? '/', 'http://localhost').searchParams.get('terminal')
    } catch {
      named = null
    }
    return named && TERMINAL_ID_PATTERN.test(named) ? named : fallback
  }

  const onMessage = async (ws: WebSocket, ctx: CallContext, data: import('ws').RawData, isBinary: boolean) => {
    const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer).byteLength
    if (isBinary) return send(ws, { id: null, result: err('bad_message', 'Station messages are JSON text, not binary.') })
    const call = parseCall(data.toString())
    if (!call) return send(ws, { id: null, result: err('bad_message', 'A station message must be JSON {id: safe integer, method: string, input}.') })
    send(ws, { id: call.id, result: await options.dispatch(call.method, call.input, ctx, bytes) })
  }

  wss.on('connection', (ws, req: IncomingMessage) => {
    const displayId = displayOf.get(ws)
    const ctx: CallContext = displayId === undefined ? { terminalId: terminalOf(req), host: 'ws' } : { terminalId: terminalOf(req, `display-${displayId}`), host: 'ws', displayId }
    ws.on('message', (data, isBinary) => {
      onMessage(ws, ctx, data, isBinary).catch((error: unknown) => {
        options.logger.error({ err: error }, 'websocket message failed')
        send(ws, { id: null, result: err('internal', 'The station could not handle the message.') })
      })
    })
    ws.on('error', (error) => options.logger.warn({ err: error }, 'websocket client error'))
  })
  wss.on('error', (error) => options.logger.warn({ err: error }, 'websocket server error'))

  const unsubscribe = options.events.onAny(<E extends EventName>(event: E, payload: StationEvents[E]) => {
    const forDisplays = DISPLAY_EVENTS.has(event)
    for (const client of wss.clients) if (forDisplays || !displayOf.has(client)) send(client, { event, payload })
  })
  // A revoked display is cut off at once, not at its next call.
  const offRevoked = options.displays?.onRevoked((id) => {
    for (const client of wss.clients) if (displayOf.get(client) === id) client.close(WS_CLOSE_REVOKED, 'displays.revoked')
  })

  return {
    clientCount: () => wss.clients.size,
    close: () => {
      unsubscribe()
      offRevoked?.()
      for (const client of wss.clients) client.terminate()
      wss.close()
    }
  }
}
