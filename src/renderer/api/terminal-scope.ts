import type { EventName, StationClient, StationEvents } from '../../shared/contract'

/** Reads the terminal an event concerns; null for station-wide events (devices, sync, settings…). */
function terminalOf(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null || !('terminalId' in payload)) return null
  const id = (payload as { terminalId: unknown }).terminalId
  return typeof id === 'string' ? id : null
}

/**
 * A client that hears only its own terminal's workflow events (ADR 0009): the station pushes every
 * event to every page, and a receiving screen must not flash for a scan that went to the gate's screen.
 */
export function scopeToTerminal(client: StationClient, terminalId: string): StationClient {
  return {
    call: client.call.bind(client),
    on: <E extends EventName>(event: E, listener: (payload: StationEvents[E]) => void) =>
      client.on(event, (payload) => {
        const target = terminalOf(payload)
        if (target === null || target === terminalId) listener(payload)
      })
  }
}
