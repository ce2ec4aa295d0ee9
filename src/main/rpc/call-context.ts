import { AsyncLocalStorage } from 'node:async_hooks'
import type { CallContext, StationHandlers } from '../../shared/contract'

/**
 * The call being served (ADR 0015): sessions are per terminal, and a few services (printing, sync)
 * record the operator deep below their handlers without a context parameter; they read it from here.
 */
export const currentCall = new AsyncLocalStorage<CallContext>()

/** Every handler runs inside its caller's context. */
export function withCallContext(handlers: StationHandlers): StationHandlers {
  const wrapped: Record<string, (input: unknown, ctx: CallContext) => unknown> = {}
  for (const [name, handler] of Object.entries(handlers) as Array<[string, (input: unknown, ctx: CallContext) => unknown]>) {
    wrapped[name] = (input, ctx) => currentCall.run(ctx, () => handler(input, ctx))
  }
  return wrapped as unknown as StationHandlers
}
