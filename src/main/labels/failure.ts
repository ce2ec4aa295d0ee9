import { english, type MessageCode, type ParamsOf } from '../../shared/messages/catalog'
import type { Result } from '../../shared/result'

/** An error result with a message code: its `message` is the English text (CLI, logs), `params` go to the UI. */
export function failure<C extends MessageCode>(code: C, params: ParamsOf<C>, details?: Record<string, unknown>): Result<never> {
  return { ok: false, error: { code, message: english({ code, params }), params, ...(details === undefined ? {} : { details }) } }
}
