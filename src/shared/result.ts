import type { ParamValue } from './messages/format'

/** The only shape that crosses a boundary (IPC, WebSocket, parser API): never a thrown error. */
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E }

export interface AppError {
  /** Stable machine-readable code, e.g. `station.invalid_input`, `gs1.check_digit`, `receiving.duplicate`. */
  code: string
  /** The English text of the code (CLI, logs); a UI renders `code` + `params` in its own language. */
  message: string
  /** The code's parameters (see shared/messages). */
  params?: Readonly<Record<string, ParamValue>>
  /** Optional structured detail (the field, AI, position, …). */
  details?: Record<string, unknown>
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value })

export const err = (code: string, message: string, details?: Record<string, unknown>, params?: Readonly<Record<string, ParamValue>>): Result<never> => ({
  ok: false,
  error: { code, message, ...(params ? { params } : {}), ...(details === undefined ? {} : { details }) }
})
