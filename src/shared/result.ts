/** The only shape that crosses a boundary (IPC, WebSocket, parser API): never a thrown error. */
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E }

export interface AppError {
  /** Stable machine-readable code, e.g. `invalid_input`, `not_found`, `gs1.check_digit`. */
  code: string
  /** One sentence an operator or site IT person can act on. */
  message: string
  /** Optional structured detail (the field, AI, position, …). */
  details?: Record<string, unknown>
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value })

export const err = (code: string, message: string, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details }
})
