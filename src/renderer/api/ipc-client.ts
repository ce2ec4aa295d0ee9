import type { EventName, MethodName, StationClient, StationEvents } from '../../shared/contract'
import type { PreloadBridge } from '../../shared/contract-channels'
import type { Result } from '../../shared/result'

/** The Electron transport: the preload's `window.dockside` bridge. */
export function createIpcClient(bridge: PreloadBridge): StationClient {
  return {
    call: async <M extends MethodName>(method: M, input: unknown) => {
      try {
        return (await bridge.call(method, input)) as Result<never>
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error)
        return { ok: false, error: { code: 'transport', message: detail, params: { detail } } }
      }
    },
    on: <E extends EventName>(event: E, listener: (payload: StationEvents[E]) => void) =>
      bridge.on(event, listener as (payload: unknown) => void)
  }
}
