import type { Result } from './result'

/** Messages on the station WebSocket. The client sends calls; the server answers and pushes events. */
export interface WsCall {
  id: number
  method: string
  input: unknown
}

export type WsServerMessage = { id: number | null; result: Result<unknown> } | { event: string; payload: unknown }

/** The subprotocol the server selects; the token travels as a second offered subprotocol. */
export const WS_PROTOCOL = 'dockside.v1'
export const WS_TOKEN_PREFIX = 'token.'
export const WS_PATH = '/ws'
