import { z } from 'zod'
import type { DeviceState } from '../model/devices'
import { SCANNER_KINDS, type RegisteredScanner } from '../model/scanners'

/** A registered scanner with what the station sees of it now. */
export interface RegisteredScannerView extends RegisteredScanner {
  /** The id its scans, summaries and journal rows carry (`serial:<port>` or the HID device id). */
  deviceId: string
  /** `disabled` when turned off; `disconnected` when the port is not there (or not open yet). */
  state: DeviceState
  /** Why the port could not be opened (English, from the driver), null when fine. */
  lastError: string | null
}

/** What site IT can pick from when adding a scanner. */
export interface ScannerPorts {
  serialPorts: { path: string; manufacturer: string | null; scanner: boolean; registeredId: number | null }[]
  hidScanners: { deviceId: string; name: string; state: DeviceState; simulated: boolean; registeredId: number | null }[]
  /** A bus that could not be listed (English, as the probe says it); the others still are. */
  errors: Record<string, string>
}

const scannerId = z.number().int().positive()
const terminal = z.string().max(64).nullable()
// Baud and suffix are checked by the registry (a translated reason), not only here; these bound the size.
const baud = z.number().int().min(0).max(10_000_000)
const suffix = z.string().max(20)

export const scannerRegistryMethods = {
  /** The scanners site IT added, with their state now. */
  'scanners.registered': { input: z.object({}).strict() },
  /** Serial ports the station lists and the HID POS scanners connected now (the add form's picker). */
  'scanners.ports': { input: z.object({}).strict() },
  /** Adds a scanner by port (a /dev node or a symlink such as /dev/serial/by-id/…), or a connected HID scanner. */
  'scanners.add': {
    input: z
      .object({ port: z.string().trim().min(1).max(260), kind: z.enum(SCANNER_KINDS).optional(), name: z.string().trim().max(80).optional(), baud: baud.optional(), suffix: suffix.optional(), terminal: terminal.optional() })
      .strict()
  },
  'scanners.update': {
    input: z
      .object({ id: scannerId, name: z.string().trim().max(80).optional(), port: z.string().trim().min(1).max(260).optional(), baud: baud.optional(), suffix: suffix.optional(), terminal: terminal.optional(), enabled: z.boolean().optional() })
      .strict()
  },
  'scanners.remove': { input: z.object({ id: scannerId }).strict() }
} as const

export interface ScannerRegistryOutputs {
  'scanners.registered': RegisteredScannerView[]
  'scanners.ports': ScannerPorts
  'scanners.add': RegisteredScannerView
  'scanners.update': RegisteredScannerView
  'scanners.remove': { removed: number }
}
