import { DescriptorError, DOCUMENTED_LAYOUT, HidPosAssembler, layoutFromDescriptor, parseReportDescriptor, USAGE_PAGE_BARCODE_SCANNER, type HidPosLayout } from './hid-pos-report'
import { backoffDelay, createEmitter, DEFAULT_BACKOFF, MAX_SCAN_BYTES, type Backoff, type ScannerDriver, type ScannerEvents, type ScannerStatus } from './types'

export interface HidDeviceInfo {
  path: string
  vendorId: number
  productId: number
  serialNumber?: string
  manufacturer?: string
  product?: string
  usagePage?: number
  usage?: number
  interface?: number
}

/** An open HID device: the part of node-hid's HIDAsync the driver uses. */
export interface HidHandle {
  on(event: 'data', listener: (report: Buffer) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  sendFeatureReport(data: number[] | Buffer): Promise<number>
  /** node-hid ≥ 3.x on hidapi ≥ 0.14 exposes it on some builds; optional. */
  getReportDescriptor?(): Promise<Buffer | number[]>
  close(): Promise<void>
}

/** The hardware seam: node-hid in production, the simulator in demo mode and tests. */
export interface HidBackend {
  devices(): Promise<HidDeviceInfo[]>
  open(path: string): Promise<HidHandle>
}

/** node-hid, loaded lazily so nothing native loads unless a HID scanner is looked for. */
export function createNodeHidBackend(): HidBackend {
  return {
    async devices() {
      const HID = await import('node-hid')
      const list = await HID.devicesAsync()
      return list.filter((d) => d.path).map((d) => ({ ...d, path: d.path! }))
    },
    async open(path) {
      const HID = await import('node-hid')
      const device = await HID.HIDAsync.open(path)
      return device as unknown as HidHandle
    }
  }
}

export const HONEYWELL_VID = 0x0c2e
export const ZEBRA_VID = 0x05e0
export const DATALOGIC_VID = 0x05f9

export const isHidPosScanner = (d: HidDeviceInfo): boolean => d.usagePage === USAGE_PAGE_BARCODE_SCANNER

const hex4 = (n: number) => n.toString(16).padStart(4, '0')

/** A stable identity across replugs: vendor, product and serial number (the path changes on Linux). */
export function hidScannerId(d: HidDeviceInfo): string {
  return `hid:${hex4(d.vendorId)}:${hex4(d.productId)}:${d.serialNumber || d.path}`
}

function sameDevice(a: HidDeviceInfo, b: HidDeviceInfo): boolean {
  if (a.vendorId !== b.vendorId || a.productId !== b.productId) return false
  if (a.serialNumber || b.serialNumber) return a.serialNumber === b.serialNumber && (a.interface === undefined || b.interface === undefined || a.interface === b.interface)
  return a.path === b.path
}

/** Reads the device's report descriptor when the backend offers it; the documented layout otherwise. */
export async function resolveLayout(handle: HidHandle): Promise<{ layout: HidPosLayout; note: string | null }> {
  if (typeof handle.getReportDescriptor !== 'function') return { layout: DOCUMENTED_LAYOUT, note: null }
  try {
    const raw = await handle.getReportDescriptor()
    const layout = layoutFromDescriptor(parseReportDescriptor(Uint8Array.from(raw)))
    if (layout) return { layout, note: null }
    return { layout: DOCUMENTED_LAYOUT, note: 'The report descriptor has no Decoded Data field; using the documented 64-byte layout.' }
  } catch (error) {
    const why = error instanceof DescriptorError ? error.message : String(error)
    return { layout: DOCUMENTED_LAYOUT, note: `Could not read the report descriptor (${why}); using the documented 64-byte layout.` }
  }
}

export interface HidPosScannerOptions {
  device: HidDeviceInfo
  backend: HidBackend
  id?: string
  name?: string
  backoff?: Backoff
  maxBytes?: number
}

/**
 * A USB HID POS scanner. Opens the device, switches Honeywell scanners to HID POS output (feature
 * report 0xFE = 01), assembles scans from input reports. When the device disappears the half scan is
 * rejected as `scan.partial` and the driver looks for the same device (vendor, product, serial) again
 * with backoff, whatever path it comes back on.
 */
export function createHidPosScanner(options: HidPosScannerOptions): ScannerDriver & { device(): HidDeviceInfo; layout(): HidPosLayout | null } {
  const emitter = createEmitter<ScannerEvents>()
  const id = options.id ?? hidScannerId(options.device)
  const backoff = options.backoff ?? DEFAULT_BACKOFF
  let info = options.device
  let status: ScannerStatus = { state: 'disconnected', error: null }
  let handle: HidHandle | null = null
  let assembler: HidPosAssembler | null = null
  let closed = true
  let attempt = 0
  let retry: ReturnType<typeof setTimeout> | null = null
  let connecting: Promise<void> | null = null

  const setStatus = (next: ScannerStatus) => {
    if (next.state === status.state && next.error === status.error) return
    status = next
    emitter.emit('status', status)
  }

  const scheduleRetry = () => {
    if (closed || retry) return
    retry = setTimeout(() => {
      retry = null
      void connect()
    }, backoffDelay(attempt++, backoff))
    retry.unref?.()
  }

  const lost = (h: HidHandle, why: string) => {
    if (handle !== h) return
    handle = null
    const partial = assembler?.discard()
    assembler = null
    if (partial) {
      emitter.emit('rejected', {
        deviceId: id,
        source: 'hid',
        raw: partial,
        code: 'scan.partial',
        reason: `The scan was cut off after ${partial.length} bytes (the scanner disconnected mid-scan); it was discarded.`,
        at: new Date()
      })
    }
    void h.close().catch(() => {})
    if (closed) return
    setStatus({ state: 'disconnected', error: why })
    scheduleRetry()
  }

  const connect = (): Promise<void> => {
    if (connecting) return connecting
    connecting = (async () => {
      try {
        const found = (await options.backend.devices()).find((d) => isHidPosScanner(d) && sameDevice(d, info))
        if (!found) throw new Error('The scanner is not connected.')
        info = found
        const h = await options.backend.open(found.path)
        if (closed) {
          await h.close()
          return
        }
        if (found.vendorId === HONEYWELL_VID) {
          try {
            await h.sendFeatureReport([0xfe, 0x01])
          } catch (error) {
            await h.close().catch(() => {})
            throw new Error(`Honeywell scanner did not accept the HID POS switch (feature report 0xFE): ${error instanceof Error ? error.message : String(error)}`)
          }
        }
        const { layout, note } = await resolveLayout(h)
        const a = new HidPosAssembler(layout, options.maxBytes ?? MAX_SCAN_BYTES)
        handle = h
        assembler = a
        attempt = 0
        h.on('data', (report) => {
          if (handle !== h) return
          const result = a.feed(report)
          const at = new Date()
          if (result.kind === 'scan') {
            const scan = { deviceId: id, source: 'hid' as const, raw: result.data, at }
            emitter.emit('scan', result.symbology ? { ...scan, symbology: result.symbology } : scan)
          } else if (result.kind === 'rejected') {
            emitter.emit('rejected', { deviceId: id, source: 'hid', raw: result.data, code: result.code, reason: result.reason, at })
          }
        })
        h.on('error', (error) => lost(h, `HID scanner disconnected: ${error.message}`))
        setStatus({ state: 'connected', error: note })
      } catch (error) {
        setStatus({ state: 'disconnected', error: error instanceof Error ? error.message : String(error) })
        scheduleRetry()
      } finally {
        connecting = null
      }
    })()
    return connecting
  }

  return {
    id,
    name: options.name ?? ([info.manufacturer, info.product].filter(Boolean).join(' ') || `HID scanner ${hex4(info.vendorId)}:${hex4(info.productId)}`),
    transport: 'hid',
    simulated: false,
    device: () => info,
    layout: () => assembler?.layout ?? null,
    status: () => status,
    on: emitter.on,
    async open() {
      if (!closed) return
      closed = false
      attempt = 0
      await connect()
    },
    async close() {
      closed = true
      if (retry) clearTimeout(retry)
      retry = null
      await connecting
      const h = handle
      handle = null
      assembler = null
      if (h) await h.close().catch(() => {})
      setStatus({ state: 'disconnected', error: null })
    }
  }
}
