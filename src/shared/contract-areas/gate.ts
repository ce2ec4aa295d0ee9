import { z } from 'zod'

/** The loading-door gate (ADR 0013): sessions per terminal, outbound shipments, reader live view. */

/** How the gate judged one tag (README "Gate"). `missing` is for expected units, never for a tag. */
export type TagClass = 'matched' | 'unexpected' | 'unknown' | 'foreign' | 'unreadable'

/** Why a tag that is ours must not leave on this shipment: a code of the message tables. */
export type UnexpectedReason = 'gate.tag.not_on_shipment' | 'gate.tag.on_hold' | 'gate.tag.recalled' | 'gate.tag.already_shipped'

export interface GateTag {
  /** Upper-case hex as read. */
  epc: string
  cls: TagClass
  /** A message code when the class needs a reason (unexpected, unreadable). */
  reason: string | null
  scheme: string | null
  /** What the tag names: a unit (sku + serial), a plate (plate + units), or nothing known. */
  sku: string | null
  serial: string | null
  plate: string | null
  units: number
  count: number
  peakRssi: number | null
  antennas: number[]
  direction: 'in' | 'out' | null
  firstSeen: number
  lastSeen: number
}

/** An expected unit not (yet) read. */
export interface GateUnitRef {
  sku: string
  serial: string
  plate: string | null
}

export interface GateCounts {
  expected: number
  /** Unique EPCs read. */
  read: number
  /** Expected units covered by a matched tag (a pallet tag covers its whole tree). */
  matched: number
  missing: number
  unexpected: number
  unknown: number
  foreign: number
  unreadable: number
  /** Every read, repeats included. */
  reads: number
}

export type GateState = 'reading' | 'ended' | 'confirmed' | 'held'

export interface GateView {
  terminalId: string
  state: GateState
  shipment: string | null
  customer: string | null
  door: string | null
  counts: GateCounts
  /** Unexpected tags first, then the rest by first sight (at most 1,000 listed). */
  tags: GateTag[]
  missing: GateUnitRef[]
  /** True while an unexpected tag is in the session: the screen flashes red and sounds the alarm. */
  alarm: boolean
  startedAt: string
  endedAt: string | null
  /** Why the session ended: a message code (`gate.end.silence`, `gate.end.button`, `gate.end.scan`). */
  endReason: string | null
}

export interface ShipmentSummary {
  number: string
  status: string
  customer: string | null
  customerName: string | null
  shipTo: string | null
  door: string | null
  expectedUnits: number
  expectedPlates: number
  shippedAt: string | null
  partialReason: string | null
}

export interface ConfirmResult {
  shipment: string
  shipped: number
  expected: number
  partial: boolean
}

/** A recorded gate session (migration 0007), most recent first in `gate.sessions`. */
export interface GateSessionSummary {
  id: number
  terminalId: string
  door: string | null
  shipment: string | null
  state: GateState
  startedAt: string
  endedAt: string | null
  /** A message code (`gate.end.*`); `gate.end.restart` when the station stopped while it read. */
  endReason: string | null
  reads: number
  uniqueTags: number
}

/** One unique EPC of a recorded session (first/last seen in ms since the epoch). */
export interface GateSessionRead {
  epc: string
  cls: TagClass
  reason: string | null
  firstSeen: number
  lastSeen: number
  count: number
  peakRssi: number | null
  antennas: number[]
}

export interface ReaderLiveView {
  deviceId: string
  terminalId: string | null
  readsPerSecond: number
  rssiByAntenna: Record<number, number>
}

const codeText = z.string().trim().min(1).max(64)

export const gateMethods = {
  /** Start a session on this terminal: a shipment (or null for a free read) at a door. */
  'gate.start': { input: z.object({ shipment: codeText.nullable(), door: codeText.nullable().optional() }).strict() },
  'gate.state': { input: z.object({}).strict() },
  /** End the read (the button); the verdict stays on screen until confirm, hold or reset. */
  'gate.end': { input: z.object({}).strict() },
  /** Drop this terminal's session (nothing written). */
  'gate.reset': { input: z.object({}).strict() },
  /** Confirm the load: one `unit.shipped` per matched unit and the shipment's status, in one transaction. */
  'gate.confirm': { input: z.object({ reason: z.string().trim().min(1).max(500).optional() }).strict() },
  /** Hold the load at the door (recorded with a reason; nothing ships). */
  'gate.hold': { input: z.object({ reason: z.string().trim().min(1).max(500) }).strict() },
  'gate.readers': { input: z.object({}).strict() },
  /** Recorded sessions, most recent first: of one door, or of every door when `door` is left out. */
  'gate.sessions': { input: z.object({ door: codeText.nullable().optional(), limit: z.number().int().min(1).max(500).optional() }).strict() },
  /** One recorded session with its reads (one row per unique EPC); fails with `gate.unknown_session`. */
  'gate.sessionReads': { input: z.object({ sessionId: z.number().int().positive() }).strict() },
  'shipments.list': { input: z.object({ status: z.enum(['open', 'loading', 'shipped', 'all']).optional() }).strict() }
} as const

export interface GateOutputs {
  'gate.start': GateView
  'gate.state': GateView | null
  'gate.end': GateView
  'gate.reset': null
  'gate.confirm': ConfirmResult
  'gate.hold': GateView
  'gate.readers': ReaderLiveView[]
  'gate.sessions': GateSessionSummary[]
  'gate.sessionReads': { session: GateSessionSummary; reads: GateSessionRead[] }
  'shipments.list': ShipmentSummary[]
}

export interface GateAreaEvents {
  /** At most one per terminal per ~33 ms, never one per tag. */
  'gate.changed': GateView
}
