import { buildScanReports, buildScannerReportDescriptor } from './hid-pos-report'
import type { HidBackend, HidDeviceInfo, HidHandle } from './hid-pos-driver'

type Listener = (arg: never) => void

interface SimDevice {
  info: HidDeviceInfo
  descriptor: Uint8Array | null
  handles: Set<SimHandle>
  featureReports: number[][]
}

class SimHandle implements HidHandle {
  private listeners = new Map<string, Set<Listener>>()
  closed = false
  constructor(
    private readonly device: SimDevice,
    private readonly onClose: () => void
  ) {}
  on(event: 'data' | 'error', listener: Listener): this {
    const set = this.listeners.get(event) ?? new Set()
    set.add(listener)
    this.listeners.set(event, set)
    return this
  }
  emit(event: 'data' | 'error', arg: unknown): void {
    this.listeners.get(event)?.forEach((l) => (l as (a: unknown) => void)(arg))
  }
  async sendFeatureReport(data: number[] | Buffer): Promise<number> {
    if (this.closed) throw new Error('device closed')
    this.device.featureReports.push([...data])
    return data.length
  }
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.device.handles.delete(this)
    this.onClose()
  }
}

/**
 * An in-memory HID bus behind the HidBackend seam: plug and unplug devices, send input reports.
 * Imports nothing native; used by demo mode and the tests.
 */
export function createSimHidBackend() {
  const devices = new Map<string, SimDevice>()
  let nextPath = 0
  const withDescriptor = (device: SimDevice, handle: SimHandle): HidHandle => {
    if (!device.descriptor) return handle
    const descriptor = device.descriptor
    return Object.assign(handle, { getReportDescriptor: async () => Buffer.from(descriptor) })
  }
  const backend: HidBackend & {
    plug(info: Partial<HidDeviceInfo> & { vendorId: number; productId: number }, options?: { descriptor?: Uint8Array | null }): HidDeviceInfo
    unplug(path: string): void
    send(path: string, report: Uint8Array): void
    scan(path: string, text: string | Uint8Array, aim?: string): void
    featureReports(path: string): number[][]
    openCount(path: string): number
  } = {
    async devices() {
      return [...devices.values()].map((d) => ({ ...d.info }))
    },
    async open(path) {
      const device = devices.get(path)
      if (!device) throw new Error(`could not open HID device ${path}`)
      const handle = new SimHandle(device, () => {})
      device.handles.add(handle)
      return withDescriptor(device, handle)
    },
    plug(info, options = {}) {
      const path = info.path ?? `/dev/hidraw-sim${nextPath++}`
      const full: HidDeviceInfo = { usagePage: 0x8c, usage: 0x02, interface: 0, ...info, path }
      devices.set(path, { info: full, descriptor: options.descriptor === undefined ? buildScannerReportDescriptor() : options.descriptor, handles: new Set(), featureReports: [] })
      return full
    },
    unplug(path) {
      const device = devices.get(path)
      if (!device) return
      devices.delete(path)
      for (const h of [...device.handles]) h.emit('error', new Error('could not read from HID device'))
    },
    send(path, report) {
      const device = devices.get(path)
      if (!device) throw new Error(`no simulated HID device at ${path}`)
      for (const h of device.handles) if (!h.closed) h.emit('data', Buffer.from(report))
    },
    scan(path, text, aim) {
      const data = typeof text === 'string' ? new TextEncoder().encode(text) : text
      for (const report of buildScanReports(data, aim ? { aim } : {})) backend.send(path, report)
    },
    featureReports: (path) => devices.get(path)?.featureReports ?? [],
    openCount: (path) => devices.get(path)?.handles.size ?? 0
  }
  return backend
}

export type SimHidBackend = ReturnType<typeof createSimHidBackend>
