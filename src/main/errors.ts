import { english, type MessageCode, type ParamsOf } from '../shared/messages/catalog'
import type { AppError } from '../shared/result'

/**
 * An expected failure a service reports to the caller (not a bug): becomes a typed error result with
 * its code and parameters; `message` is the English text of the code (for the CLI and the logs).
 */
export class AppFailure<C extends MessageCode = MessageCode> extends Error {
  readonly params: ParamsOf<C>

  constructor(
    readonly code: C,
    params: ParamsOf<C>,
    readonly details?: Record<string, unknown>
  ) {
    super(english({ code, params }))
    this.params = params
    this.name = 'AppFailure'
  }

  toAppError(): AppError {
    const base = { code: this.code, message: this.message, params: this.params as AppError['params'] }
    return this.details === undefined ? base : { ...base, details: this.details }
  }
}
