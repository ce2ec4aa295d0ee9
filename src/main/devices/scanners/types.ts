import type { DeviceState } from '../../../shared/model/devices'

/** How a scan reached the station. `wedge` scans come from the renderer; `test` from the Devices test box. */
export type ScanSource = 'serial' | 'hid' | 'wedge' | 'simulator' | 'test'

/** One complete scan as a driver read it: the bytes exactly as received, before any interpretation. */
export interface RawScan {
  deviceId: string
  source: ScanSource
  /** Data bytes as received (for HID POS: the decoded-data bytes of all reports of the scan). */
  raw: Uint8Array
  /** AIM symbology identifier reported out of band (HID POS symbology fields), e.g. `]C1`. */
  symbology?: string
  at: Date
}

/** Bytes a driver had to throw away: a frame cut by an unplug, an over-long scan, a bad report. */
export interface RejectedScan {
  deviceId: string
  source: ScanSource
  raw: Uint8Array
  /** Stable code: `scan.partial`, `scan.too_long`, `hid.bad_report`, … */
  code: string
  reason: string
  at: Date
}

export interface ScannerStatus {
  state: DeviceState
  error: string | null
}

export interface ScannerEvents {
  scan: (scan: RawScan) => void
  rejected: (rejected: RejectedScan) => void
  status: (status: ScannerStatus) => void
}

/**
 * What every scanner transport implements (serial, HID POS, simulator). Drivers reconnect by
 * themselves after an unplug and report it through `status`; `close` stops them for good.
 */
export interface ScannerDriver {
  readonly id: string
  readonly name: string
  readonly transport: 'serial' | 'hid' | 'simulator'
  readonly simulated: boolean
  open(): Promise<void>
  close(): Promise<void>
  status(): ScannerStatus
  on<E extends keyof ScannerEvents>(event: E, listener: ScannerEvents[E]): () => void
}

/** Longest scan the station accepts; longer input is rejected with a reason (GS1 data is < 100 bytes). */
export const MAX_SCAN_BYTES = 4096

/** Reconnect delays after an unplug: fast at first, then at most every `maxMs`. */
export interface Backoff {
  initialMs: number
  maxMs: number
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 250, maxMs: 5000 }

export function backoffDelay(attempt: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt, 16))
}

/** A tiny typed emitter the drivers share (no node:events typing gymnastics). */
export function createEmitter<Events extends { [K in keyof Events]: (...args: never[]) => void }>() {
  const listeners = new Map<keyof Events, Set<(...args: unknown[]) => void>>()
  return {
    on<E extends keyof Events>(event: E, listener: Events[E]): () => void {
      const set = listeners.get(event) ?? new Set()
      set.add(listener as unknown as (...args: unknown[]) => void)
      listeners.set(event, set)
      return () => set.delete(listener as unknown as (...args: unknown[]) => void)
    },
    emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void {
      listeners.get(event)?.forEach((l) => l(...(args as unknown[])))
    }
  }
}
