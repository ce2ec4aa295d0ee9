import type { z } from 'zod'
import type { Result } from './result'
import type { DeviceStatus } from './model/devices'
import type { FeedbackTone } from './model/feedback'
import type { OperatorSummary, Session, StationInfo, StationSettings } from './model/station'
import type { SyncStatus } from './model/sync'
import { EVENT_NAMES } from './contract-channels'
import { diagnosticsInput, noInput, settingsPatch, signInInput } from './schemas'

/**
 * The station contract: every method the UI (or any client) may call, with its input schema.
 * The Electron IPC bridge, the preload proxy and the WebSocket server and client are all derived
 * from this one object, so a method is added here and nowhere else.
 */
export const contract = {
  'station.info': { input: noInput },
  'settings.get': { input: noInput },
  'settings.update': { input: settingsPatch },
  'operators.list': { input: noInput },
  'session.current': { input: noInput },
  'session.signIn': { input: signInInput },
  'session.signOut': { input: noInput },
  'devices.list': { input: noInput },
  'sync.status': { input: noInput },
  'diagnostics.export': { input: diagnosticsInput }
} as const satisfies Record<keyof MethodOutputs, { input: z.ZodType }>

/** What each method resolves to when it succeeds. */
export interface MethodOutputs {
  'station.info': StationInfo
  'settings.get': StationSettings
  'settings.update': StationSettings
  'operators.list': OperatorSummary[]
  'session.current': Session
  'session.signIn': Session
  'session.signOut': Session
  'devices.list': DeviceStatus[]
  'sync.status': SyncStatus
  'diagnostics.export': { path: string; bytes: number }
}

export type MethodName = keyof typeof contract
export type MethodInput<M extends MethodName> = z.input<(typeof contract)[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<(typeof contract)[M]['input']>

/** The station API as the main side implements it (inputs already validated). */
export type StationHandlers = { [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutputs[M]> | MethodOutputs[M] }

/** The station API as a client sees it: typed results, never a thrown error. */
export interface StationClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutputs[M]>>
  on<E extends EventName>(event: E, listener: (payload: StationEvents[E]) => void): () => void
}

/** Events the station pushes to every connected UI. */
export interface StationEvents {
  'devices.changed': DeviceStatus[]
  'sync.changed': SyncStatus
  'settings.changed': StationSettings
  'session.changed': Session
  'feedback': { tone: FeedbackTone; message: string }
}

export type EventName = keyof StationEvents

export const METHOD_NAMES = Object.keys(contract) as MethodName[]

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value)
}

/** A call larger than this is refused before it is parsed (a scan or a settings change is tiny). */
export const MAX_CALL_BYTES = 1024 * 1024

// Compile-time check that the preload's event list covers exactly the event map.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const eventNamesMatch: Exact<(typeof EVENT_NAMES)[number], EventName> = true
void eventNamesMatch
