import type { DeviceState } from '../../../shared/model/devices'

/** The serial protocols a reader can speak. */
export type RfidProtocol = 'thingmagic' | 'r2000' | 'ascii'

export const RFID_PROTOCOLS: readonly RfidProtocol[] = ['thingmagic', 'r2000', 'ascii']

/** A stable code plus its parameters: the renderer and the CLI turn it into words (docs/codes/rfid.md). */
export interface RfidIssue {
  code: string
  params: Record<string, string | number>
}

/** One tag read as the reader reported it, after the frame (and, where the protocol has one, the tag CRC) checked out. */
export interface TagRead {
  deviceId: string
  /** EPC bank contents after the PC word, upper-case hex (what `decodeEpc` takes). */
  epc: string
  /** Antenna port, 1-based; null when the protocol does not say (ASCII readers). */
  antenna: number | null
  /** Received signal strength in dBm; null when the protocol does not say. */
  rssi: number | null
  /** Carrier frequency in kHz when reported. */
  frequencyKhz: number | null
  /** Phase of the tag's reply (ThingMagic: 0–180 degrees) when reported. */
  phase: number | null
  /** The reader's own timestamp in ms (ThingMagic: since the last keep-alive) when reported. */
  readerMs: number | null
  /** Gen2 protocol-control word when reported. */
  pc: number | null
  /** When the station received it. */
  at: number
}

/** Bytes a framer or record parser refused. Never carries an EPC: a rejected frame is only counted. */
export interface RejectedFrame {
  kind: 'rejected'
  code: RejectCode
  /** How many bytes were thrown away. */
  bytes: number
  /** Hex of the first bytes (≤ 24), for logs and diagnostics. */
  sample: string
}

export type RejectCode =
  | 'rfid.bad_crc'
  | 'rfid.truncated'
  | 'rfid.noise'
  | 'rfid.bad_tag_crc'
  | 'rfid.bad_record'
  | 'rfid.bad_line'
  | 'rfid.line_too_long'

export interface RfidCounters {
  /** Tag reads delivered (every repeat counts). */
  reads: number
  /** Frames and lines refused, all reasons together (= the sum of the ones below). */
  badFrames: number
  badCrc: number
  badTagCrc: number
  truncated: number
  noise: number
  badRecords: number
  badLines: number
  keepAlives: number
  /** Error answers from the reader (a non-zero status, an R2000 error code). */
  readerErrors: number
  /** Times the watchdog restarted a silent inventory. */
  watchdogRestarts: number
  /** Times the port was reopened after an unplug. */
  reconnects: number
}

export function emptyCounters(): RfidCounters {
  return { reads: 0, badFrames: 0, badCrc: 0, badTagCrc: 0, truncated: 0, noise: 0, badRecords: 0, badLines: 0, keepAlives: 0, readerErrors: 0, watchdogRestarts: 0, reconnects: 0 }
}

const COUNTER_OF: Record<RejectCode, keyof RfidCounters> = {
  'rfid.bad_crc': 'badCrc',
  'rfid.truncated': 'truncated',
  'rfid.noise': 'noise',
  'rfid.bad_tag_crc': 'badTagCrc',
  'rfid.bad_record': 'badRecords',
  'rfid.bad_line': 'badLines',
  'rfid.line_too_long': 'badLines'
}

/** Adds one rejection to the counters. */
export function countRejected(counters: RfidCounters, code: RejectCode): void {
  counters.badFrames++
  counters[COUNTER_OF[code]]++
}

/** What the reader said about itself during the handshake. */
export interface ReaderInfo {
  protocol: RfidProtocol
  /** Model / hardware id as the reader reports it (hex for ThingMagic, `R2000` for the A0 modules). */
  model: string
  firmware: string
}

export interface ReaderStatus {
  state: DeviceState
  /** True while an inventory (continuous read) is running. */
  reading: boolean
  /** Why the reader is not connected or not reading, as a code; null when all is well. */
  issue: RfidIssue | null
  info: ReaderInfo | null
}

/** Reader settings applied at every (re)connect. Anything left out stays as the reader has it. */
export interface ReaderSettings {
  /** Regulatory region: `NA2`, `EU3`, … (ThingMagic) or `FCC`, `ETSI`, `CHN` (R2000). */
  region?: string
  /** Read power in dBm (ThingMagic 0–30 in 0.01 steps; R2000 whole dBm 0–33). */
  powerDbm?: number
  /** Antenna ports to read on, 1-based. */
  antennas?: readonly number[]
  /** Gen2 session 0–3 (S1/S2 keep a tag quiet after its read: fewer repeats at a portal). */
  session?: 0 | 1 | 2 | 3
  /** Gen2 inventory target. */
  target?: 'A' | 'B' | 'AB' | 'BA'
}

export interface ReaderEvents {
  tag: (read: TagRead) => void
  rejected: (rejected: RejectedFrame) => void
  /** A reader-side problem that did not stop the reader: an error status, a watchdog restart. */
  issue: (issue: RfidIssue) => void
  status: (status: ReaderStatus) => void
}

/**
 * What every RFID reader driver implements (the serial drivers and the in-process simulator).
 * Drivers reconnect by themselves after an unplug and restart the inventory if it was running.
 */
export interface RfidReader {
  readonly id: string
  readonly name: string
  readonly protocol: RfidProtocol
  readonly simulated: boolean
  /** Opens the port and runs the handshake; resolves once connected, rejects with an RfidFailure when it cannot. */
  open(): Promise<void>
  close(): Promise<void>
  startInventory(): Promise<void>
  stopInventory(): Promise<void>
  /** Drives a general-purpose output (stack light, buzzer) where the reader has one. */
  setOutput(pin: number, high: boolean): Promise<void>
  status(): ReaderStatus
  counters(): RfidCounters
  on<E extends keyof ReaderEvents>(event: E, listener: ReaderEvents[E]): () => void
}

/** A failure with a stable code and parameters (the message is for logs and the CLI only). */
export class RfidFailure extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number>,
    message: string
  ) {
    super(message)
    this.name = 'RfidFailure'
  }

  issue(): RfidIssue {
    return { code: this.code, params: this.params }
  }
}

/** Hex of the first `max` bytes of a buffer region. */
export function hexSample(buf: Uint8Array, start: number, end: number, max = 24): string {
  return Buffer.from(buf.subarray(start, Math.min(end, start + max))).toString('hex').toUpperCase()
}
