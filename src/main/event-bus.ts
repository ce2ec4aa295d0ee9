import type { EventName, StationEvents } from '../shared/contract'

type Listener<E extends EventName> = (payload: StationEvents[E]) => void
export type AnyEventListener = <E extends EventName>(event: E, payload: StationEvents[E]) => void

/** Station → UI events. Hosts subscribe once with `onAny` and forward to their clients. */
export interface EventBus {
  emit<E extends EventName>(event: E, payload: StationEvents[E]): void
  on<E extends EventName>(event: E, listener: Listener<E>): () => void
  onAny(listener: AnyEventListener): () => void
}

export function createEventBus(onListenerError: (error: unknown) => void = () => {}): EventBus {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const anyListeners = new Set<AnyEventListener>()
  const safely = (fn: () => void) => {
    try {
      fn()
    } catch (error) {
      onListenerError(error)
    }
  }
  return {
    emit(event, payload) {
      listeners.get(event)?.forEach((l) => safely(() => l(payload)))
      anyListeners.forEach((l) => safely(() => l(event, payload)))
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (payload: unknown) => void)
      listeners.set(event, set)
      return () => set.delete(listener as (payload: unknown) => void)
    },
    onAny(listener) {
      anyListeners.add(listener)
      return () => anyListeners.delete(listener)
    }
  }
}
