import type { EventName, StationEvents } from '../../shared/contract'

/** How a workflow module pushes an event to the connected UIs (the station's event bus). */
export type StationEmit = <E extends EventName>(event: E, payload: StationEvents[E]) => void
