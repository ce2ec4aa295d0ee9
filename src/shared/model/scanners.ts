/** What ends a scan on a serial scanner: CR, LF and CRLF all end it at the first CR or LF. */
export const SCANNER_SUFFIXES = ['cr', 'lf', 'crlf', 'tab', 'none'] as const
export type ScannerSuffix = (typeof SCANNER_SUFFIXES)[number]

/** Baud rates a serial scanner may run at (USB-CDC scanners ignore it). */
export const SCANNER_BAUDS = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400] as const

export const SCANNER_KINDS = ['serial', 'hid'] as const
export type ScannerKind = (typeof SCANNER_KINDS)[number]

/** One scanner site IT added (ADR 0017). `port` is a serial path (a /dev node or a symlink) or a HID device id. */
export interface RegisteredScanner {
  id: number
  name: string
  kind: ScannerKind
  port: string
  baud: number
  suffix: ScannerSuffix
  /** The terminal its scans go to; null: whichever screen was used last. */
  terminal: string | null
  enabled: boolean
  createdAt: string
  updatedAt: string
}

/** The device id the station's drivers, journal and summaries use for a registered scanner. */
export function scannerDeviceId(s: Pick<RegisteredScanner, 'kind' | 'port'>): string {
  return s.kind === 'serial' ? `serial:${s.port}` : s.port
}
