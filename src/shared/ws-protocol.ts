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
/** A paired remote display offers its display token as `display.<token>` instead (ADR 0018). */
export const WS_DISPLAY_PREFIX = 'display.'
/** A remote display pairs here: POST JSON {code, name} → {ok, value: {token, display: {id, name}}} or {ok: false, error}. */
export const PAIR_PATH = '/pair'
/** The WebSocket close code for a display revoked while connected (or a token that no longer pairs). */
export const WS_CLOSE_REVOKED = 4401

/** The served UI uploads an import file's bytes here (POST; same Host, Origin and token checks). */
export const UPLOAD_PATH = '/upload'
export const UPLOAD_TOKEN_HEADER = 'x-dockside-token'
export const UPLOAD_NAME_HEADER = 'x-dockside-file-name'
/** The answer to an upload: the id imports.preview/run take. */
export interface UploadAnswer {
  upload: string
  name: string
  bytes: number
}
