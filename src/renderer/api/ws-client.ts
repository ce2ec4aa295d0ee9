import type { EventName, MethodName, StationClient, StationEvents } from '../../shared/contract'
import type { Result } from '../../shared/result'
import { WS_CLOSE_REVOKED, WS_DISPLAY_PREFIX, WS_PATH, WS_PROTOCOL, WS_TOKEN_PREFIX, type WsServerMessage } from '../../shared/ws-protocol'

export type ConnectionState = 'connecting' | 'open' | 'closed'

export interface WsClient extends StationClient {
  state(): ConnectionState
  onState(listener: (state: ConnectionState) => void): () => void
  close(): void
}

const RETRY_MS = [250, 500, 1000, 2000, 5000]

/** The launch token (the station's own browser), or a paired display's token (ADR 0018). */
export type Credential = { token: string } | { display: string }

export interface WsClientOptions {
  /** A display that cannot (or can no longer) connect: revoked while open, or refused before it ever opened. */
  onRefused?: () => void
}

/**
 * The headless transport: one WebSocket to the page's own origin, the per-launch token offered as a
 * subprotocol. Reconnects by itself; calls made while disconnected fail fast with a typed error.
 */
export function createWsClient(location: { host: string; protocol: string }, credential: string | Credential, terminalId: string, options: WsClientOptions = {}): WsClient {
  const offered = typeof credential === 'string' ? `${WS_TOKEN_PREFIX}${credential}` : 'token' in credential ? `${WS_TOKEN_PREFIX}${credential.token}` : `${WS_DISPLAY_PREFIX}${credential.display}`
  let everOpened = false
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}?terminal=${encodeURIComponent(terminalId)}`
  const pending = new Map<number, (result: Result<unknown>) => void>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const stateListeners = new Set<(state: ConnectionState) => void>()
  let socket: WebSocket | null = null
  let state: ConnectionState = 'connecting'
  let nextId = 1
  let attempt = 0
  let stopped = false

  const setState = (next: ConnectionState) => {
    state = next
    stateListeners.forEach((l) => l(next))
  }

  const failPending = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'connection_lost', message } })
    pending.clear()
  }

  const connect = () => {
    setState('connecting')
    const ws = new WebSocket(url, [WS_PROTOCOL, offered])
    socket = ws
    ws.onopen = () => {
      attempt = 0
      everOpened = true
      setState('open')
    }
    ws.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as WsServerMessage
      if ('event' in message) {
        listeners.get(message.event)?.forEach((l) => l(message.payload))
      } else if (message.id !== null) {
        pending.get(message.id)?.(message.result)
        pending.delete(message.id)
      }
    }
    ws.onclose = (event) => {
      socket = null
      failPending('The connection to the station was lost.')
      setState('closed')
      if (options.onRefused && (event.code === WS_CLOSE_REVOKED || !everOpened)) {
        stopped = true
        options.onRefused()
        return
      }
      if (!stopped) setTimeout(connect, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)])
    }
  }
  connect()

  return {
    call: <M extends MethodName>(method: M, input: unknown) =>
      new Promise<Result<never>>((resolve) => {
        if (!socket || socket.readyState !== WebSocket.OPEN) {
          resolve({ ok: false, error: { code: 'disconnected', message: 'Not connected to the station.' } })
          return
        }
        const id = nextId++
        pending.set(id, resolve as (r: Result<unknown>) => void)
        socket.send(JSON.stringify({ id, method, input }))
      }),
    on: <E extends EventName>(event: E, listener: (payload: StationEvents[E]) => void) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (payload: unknown) => void)
      listeners.set(event, set)
      return () => set.delete(listener as (payload: unknown) => void)
    },
    state: () => state,
    onState: (listener) => {
      stateListeners.add(listener)
      return () => stateListeners.delete(listener)
    },
    close: () => {
      stopped = true
      socket?.close()
    }
  }
}

/** Takes the token from `#token=…` once, keeps it for this tab, and removes it from the address bar. */
export function takeToken(win: Window): string | null {
  const match = /(?:^#|&)token=([0-9a-f]+)/.exec(win.location.hash)
  if (match?.[1]) {
    win.sessionStorage.setItem('dockside.token', match[1])
    win.history.replaceState(null, '', win.location.pathname + win.location.search)
    return match[1]
  }
  return win.sessionStorage.getItem('dockside.token')
}

const TERMINAL_PATTERN = /^[A-Za-z0-9._-]{1,64}$/

/**
 * This page's terminal id (ADR 0009): `#terminal=door-5` names it (a wall display), else the id this
 * tab had before (a reload resumes its open order), else a new one. Kept per tab, so two tabs are two
 * terminals.
 */
export function takeTerminalId(win: Window): string {
  const match = /(?:^#|&)terminal=([A-Za-z0-9._-]{1,64})/.exec(win.location.hash)
  const stored = win.sessionStorage.getItem('dockside.terminal')
  const id = match?.[1] ?? (stored && TERMINAL_PATTERN.test(stored) ? stored : `tab-${Math.random().toString(36).slice(2, 10)}`)
  win.sessionStorage.setItem('dockside.terminal', id)
  return id
}
