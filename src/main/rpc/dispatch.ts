import { contract, isMethodName, MAX_CALL_BYTES, type CallContext, type MethodName, type StationHandlers } from '../../shared/contract'
import { english, type MessageCode, type ParamsOf } from '../../shared/messages/catalog'
import { ok, type Result } from '../../shared/result'
import { AppFailure } from '../errors'

export type Dispatch = (method: unknown, input: unknown, ctx: CallContext, payloadBytes?: number) => Promise<Result<unknown>>

export interface DispatchLogger {
  error(obj: object, msg: string): void
}

const fail = <C extends MessageCode>(code: C, params: ParamsOf<C>, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: { code, message: english({ code, params }), params, ...(details ? { details } : {}) }
})

/**
 * The one main-side boundary: every call from IPC or WebSocket passes here. It checks the method,
 * the size and the input schema, runs the handler with the caller's terminal and turns any failure
 * into a typed error result (a code with parameters).
 */
/**
 * `translate` turns a known low-level failure (a full disk) into a typed one instead of `internal`;
 * `authorize` refuses a call the caller's terminal may not make (ADR 0015) before its input is read.
 */
export function createDispatcher(
  handlers: StationHandlers,
  logger: DispatchLogger,
  translate?: (error: unknown) => AppFailure | null,
  authorize?: (method: MethodName, ctx: CallContext) => AppFailure | null
): Dispatch {
  return async (method, input, ctx, payloadBytes) => {
    if (!isMethodName(method)) return fail('unknown_method', { method: describeMethod(method) })
    if (payloadBytes !== undefined && payloadBytes > MAX_CALL_BYTES) {
      return fail('payload_too_large', { method, bytes: payloadBytes, limit: MAX_CALL_BYTES })
    }
    const refused = authorize?.(method, ctx)
    if (refused) return { ok: false, error: refused.toAppError() }
    const parsed = contract[method].input.safeParse(input ?? {})
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return fail(
        'invalid_input',
        { method, path: issue && issue.path.length > 0 ? issue.path.join('.') : '', problem: issue?.message ?? 'rejected' },
        { issues: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.map(String), message: i.message })) }
      )
    }
    try {
      const handler = handlers[method] as (input: unknown, ctx: CallContext) => unknown
      return ok(await handler(parsed.data, ctx))
    } catch (error) {
      if (error instanceof AppFailure) return { ok: false, error: error.toAppError() }
      const known = translate?.(error)
      if (known) return { ok: false, error: known.toAppError() }
      logger.error({ err: error, method, terminal: ctx.terminalId }, 'station method failed')
      return fail('internal', { method, detail: error instanceof Error ? error.message : String(error) })
    }
  }
}

/** A method name that is not one, shown safely: an object whose toString is not a function must not throw. */
function describeMethod(method: unknown): string {
  return typeof method === 'string' ? JSON.stringify(method.slice(0, 80)) : `(a ${method === null ? 'null' : typeof method}, not a method name)`
}
