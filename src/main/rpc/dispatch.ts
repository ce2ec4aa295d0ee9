import { contract, isMethodName, MAX_CALL_BYTES, type StationHandlers } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { AppFailure } from '../errors'

export type Dispatch = (method: unknown, input: unknown, payloadBytes?: number) => Promise<Result<unknown>>

export interface DispatchLogger {
  error(obj: object, msg: string): void
}

/**
 * The one main-side boundary: every call from IPC or WebSocket passes here. It checks the method,
 * the size and the input schema, runs the handler and turns any failure into a typed error result.
 */
export function createDispatcher(handlers: StationHandlers, logger: DispatchLogger, translate?: (error: unknown) => AppFailure | null): Dispatch {
  return async (method, input, payloadBytes) => {
    if (!isMethodName(method)) {
      return err('unknown_method', `There is no station method called ${JSON.stringify(String(method).slice(0, 80))}.`)
    }
    if (payloadBytes !== undefined && payloadBytes > MAX_CALL_BYTES) {
      return err('payload_too_large', `The call to ${method} is ${payloadBytes} bytes; the limit is ${MAX_CALL_BYTES}.`)
    }
    const parsed = contract[method].input.safeParse(input ?? {})
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue && issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : ''
      return err('invalid_input', `Invalid input for ${method}${where}: ${issue?.message ?? 'rejected'}.`, {
        issues: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.map(String), message: i.message }))
      })
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown
      return ok(await handler(parsed.data))
    } catch (error) {
      if (error instanceof AppFailure) return { ok: false, error: error.toAppError() }
      const known = translate?.(error)
      if (known) return { ok: false, error: known.toAppError() }
      logger.error({ err: error, method }, 'station method failed')
      return err('internal', `The station could not complete ${method}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}
