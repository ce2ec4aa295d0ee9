import { english, type MessageCode, type ParamsOf } from '../messages/catalog'
import type { AppError, Result } from '../result'

/**
 * The error object of a parser failure: the code (worded in shared/messages/en/codes.ts), its
 * parameters (typed from that sentence) and, for the CLI and the logs, the English sentence rebuilt
 * from them, so `message` always equals `english({code, params})`.
 */
export function codeError<C extends MessageCode>(code: C, params: ParamsOf<C>, details?: Record<string, unknown>): AppError {
  const message = english({ code, params })
  return details === undefined ? { code, message, params } : { code, message, params, details }
}

export function fail<C extends MessageCode>(code: C, params: ParamsOf<C>, details?: Record<string, unknown>): Result<never> {
  return { ok: false, error: codeError(code, params, details) }
}
