import type { AppError } from '../../shared/result'

/**
 * A store that cannot be opened or used safely. It stops a station from starting, so it reaches site
 * IT on the command line, in the start-up dialog and in the log — in English, naming the file and
 * what to do. `details` carries the same facts for tools.
 */
export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>
  ) {
    super(message)
    this.name = 'StoreError'
  }

  toAppError(): AppError {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details }
  }
}
