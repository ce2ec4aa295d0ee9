import type { z } from 'zod'
import { EVENT_NAMES } from './contract-channels'
import { stationMethods, type StationAreaEvents, type StationOutputs } from './contract-areas/station'
import { scansMethods, type ScansAreaEvents, type ScansOutputs } from './contract-areas/scans'
import { labelsMethods, type LabelsAreaEvents, type LabelsOutputs } from './contract-areas/labels'
import { receivingMethods, type ReceivingAreaEvents, type ReceivingOutputs } from './contract-areas/receiving'
import { syncMethods, type SyncAreaEvents, type SyncOutputs } from './contract-areas/sync'
import { gateMethods, type GateAreaEvents, type GateOutputs } from './contract-areas/gate'
import { accessMethods, type AccessAreaEvents, type AccessOutputs } from './contract-areas/access'
import { scannerRegistryMethods, type ScannerRegistryOutputs } from './contract-areas/scanner-registry'
import type { Result } from './result'

/**
 * The station contract: every method the UI (or any client) may call, with its input schema, grouped
 * by area in `contract-areas/`. The Electron IPC bridge, the preload proxy and the WebSocket server and
 * client are all derived from this one object, so a method is added in its area file and nowhere else.
 */
export const contract = {
  ...stationMethods,
  ...scansMethods,
  ...labelsMethods,
  ...receivingMethods,
  ...syncMethods,
  ...gateMethods,
  ...accessMethods,
  ...scannerRegistryMethods
} as const satisfies Record<keyof MethodOutputs, { input: z.ZodType }>

/** What each method resolves to when it succeeds. */
export interface MethodOutputs extends StationOutputs, ScansOutputs, LabelsOutputs, ReceivingOutputs, SyncOutputs, GateOutputs, AccessOutputs, ScannerRegistryOutputs {}

/** Events the station pushes to every connected UI. */
export interface StationEvents extends StationAreaEvents, ScansAreaEvents, LabelsAreaEvents, ReceivingAreaEvents, SyncAreaEvents, GateAreaEvents, AccessAreaEvents {}

export type MethodName = keyof typeof contract
export type MethodInput<M extends MethodName> = z.input<(typeof contract)[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<(typeof contract)[M]['input']>

/**
 * Who is calling: every call carries the terminal it came from (an Electron window, a WebSocket
 * connection, the CLI), the way VS Code passes a context with every IPC call. Workflow state (the
 * open order, the current plate, the active scan workflow…) belongs to a terminal (ADR 0009).
 */
export interface CallContext {
  terminalId: string
  host: 'electron' | 'ws' | 'cli' | 'internal'
}

/** A terminal id as a client may name itself: `door-5`, `desktop`, a UUID. */
export const TERMINAL_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: CallContext) => Promise<MethodOutputs[M]> | MethodOutputs[M]

/** The station API as the main side implements it (inputs already validated). */
export type StationHandlers = { [M in MethodName]: Handler<M> }

/** The same, callable inside the station (tests, CLI) without a context: the station's own terminal. */
export type InternalHandlers = { [M in MethodName]: (input: ParsedInput<M>, ctx?: CallContext) => Promise<MethodOutputs[M]> | MethodOutputs[M] }

/** The station API as a client sees it: typed results, never a thrown error. */
export interface StationClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutputs[M]>>
  on<E extends EventName>(event: E, listener: (payload: StationEvents[E]) => void): () => void
}

export type EventName = keyof StationEvents

// Compile-time checks: every output has a method, and the preload's event list is the event map.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const methodsMatch: Exact<MethodName, keyof MethodOutputs> = true
const eventNamesMatch: Exact<(typeof EVENT_NAMES)[number], EventName> = true
void methodsMatch
void eventNamesMatch

export const METHOD_NAMES = Object.keys(contract) as MethodName[]

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value)
}

/** A call larger than this is refused before it is parsed (a scan or a settings change is tiny). */
export const MAX_CALL_BYTES = 1024 * 1024
