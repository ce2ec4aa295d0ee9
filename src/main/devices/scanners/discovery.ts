import type { WatchDevices } from '../hotplug'
import type { DeviceRegistry } from '../registry'
import { createHidPosScanner, createNodeHidBackend, DATALOGIC_VID, hidScannerId, HONEYWELL_VID, isHidPosScanner, ZEBRA_VID, type HidBackend, type HidDeviceInfo } from './hid-pos-driver'
import { suffixTerminators } from './serial-framer'
import { createSerialScanner, type OpenSerial } from './serial-scanner'
import type { RawScan, RejectedScan, ScannerDriver } from './types'

/** What `serialport.list()` reports (the fields we use). */
export interface SerialPortInfo {
  path: string
  manufacturer?: string | undefined
  serialNumber?: string | undefined
  pnpId?: string | undefined
  vendorId?: string | undefined
  productId?: string | undefined
}

export type ListSerialPorts = () => Promise<SerialPortInfo[]>

export const listSerialPorts: ListSerialPorts = async () => {
  const { SerialPort } = await import('serialport')
  return SerialPort.list()
}

export interface UsbPrinterInfo {
  vendorId: number
  productId: number
  manufacturer: string | null
  product: string | null
  serialNumber: string | null
  bus: string | null
  address: number | null
  zebra: boolean
}

export type ListUsbPrinters = () => Promise<UsbPrinterInfo[]>

export const ZEBRA_PRINTER_VID = 0x0a5f
const USB_CLASS_PRINTER = 7

/** USB printers: Zebra's vendor id, or any device with a printer-class (07) interface. */
export const listUsbPrinters: ListUsbPrinters = async () => {
  // `usb` 3.x (node-usb-rs) has no getDeviceList(); its WebUSB object lists every device.
  const { usb } = await import('usb')
  const devices = await usb.getDevices()
  const out: UsbPrinterInfo[] = []
  for (const d of devices) {
    let printerClass = d.deviceClass === USB_CLASS_PRINTER
    try {
      printerClass ||= d.configurations.some((c) => c.interfaces.some((i: { alternates: { interfaceClass: number }[] }) => i.alternates.some((a) => a.interfaceClass === USB_CLASS_PRINTER)))
    } catch {
      // descriptors unreadable without permissions: decide by vendor id alone
    }
    if (d.vendorId !== ZEBRA_PRINTER_VID && !printerClass) continue
    const read = <T>(f: () => T): T | null => {
      try {
        return f()
      } catch {
        return null
      }
    }
    out.push({
      vendorId: d.vendorId,
      productId: d.productId,
      manufacturer: read(() => d.manufacturerName),
      product: read(() => d.productName),
      serialNumber: read(() => d.serialNumber),
      bus: read(() => d.bus),
      address: read(() => d.address),
      zebra: d.vendorId === ZEBRA_PRINTER_VID
    })
  }
  return out
}

/** USB vendor ids of scanner makers: their serial (USB-CDC) ports are taken as scanners. */
export const SCANNER_VENDOR_IDS: ReadonlySet<number> = new Set([HONEYWELL_VID, ZEBRA_VID, DATALOGIC_VID, 0x1eab /* Newland */, 0x2dd6 /* Zebra/Symbol newer */])

export function isScannerSerialPort(port: SerialPortInfo): boolean {
  const vid = port.vendorId ? parseInt(port.vendorId, 16) : NaN
  return SCANNER_VENDOR_IDS.has(vid)
}

/** Turns a probe failure into one sentence an installer can act on. */
export function describeProbeError(kind: 'serial' | 'hid' | 'usb', error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (kind === 'serial' && /udevadm|spawn|ENOENT/i.test(message)) {
    return `Listing serial ports needs udevadm (package "udev"); it failed: ${message}. Give the port path directly (dockside scan --port /dev/ttyACM0).`
  }
  if (kind === 'usb' && /\/sys\/bus\/usb|LIBUSB|not found/i.test(message)) {
    return `USB devices cannot be listed on this system (${message}); on Linux /sys/bus/usb must be readable.`
  }
  if (kind === 'hid' && /Cannot find module|binding|\.node/i.test(message)) {
    return `The HID library (node-hid) could not be loaded: ${message}`
  }
  return `${kind === 'serial' ? 'Serial port' : kind === 'hid' ? 'HID' : 'USB'} discovery failed: ${message}`
}

export interface DeviceReport {
  serialPorts: (SerialPortInfo & { scanner: boolean })[]
  hidScanners: HidDeviceInfo[]
  usbPrinters: UsbPrinterInfo[]
  errors?: { serialPorts?: string; hidScanners?: string; usbPrinters?: string }
}

export interface ProbeDeps {
  listSerial?: ListSerialPorts
  hid?: HidBackend
  listUsbPrinters?: ListUsbPrinters
}

/** One look at every bus (the `dockside devices list` report); a failing probe never hides the others. */
export async function probeDevices(deps: ProbeDeps = {}): Promise<DeviceReport> {
  const errors: NonNullable<DeviceReport['errors']> = {}
  const [serial, hid, usb] = await Promise.allSettled([
    (deps.listSerial ?? listSerialPorts)(),
    (deps.hid ?? createNodeHidBackend()).devices(),
    (deps.listUsbPrinters ?? listUsbPrinters)()
  ])
  const report: DeviceReport = { serialPorts: [], hidScanners: [], usbPrinters: [] }
  if (serial.status === 'fulfilled') report.serialPorts = serial.value.map((p) => ({ ...p, scanner: isScannerSerialPort(p) }))
  else errors.serialPorts = describeProbeError('serial', serial.reason)
  if (hid.status === 'fulfilled') report.hidScanners = hid.value.filter(isHidPosScanner)
  else errors.hidScanners = describeProbeError('hid', hid.reason)
  if (usb.status === 'fulfilled') report.usbPrinters = usb.value
  else errors.usbPrinters = describeProbeError('usb', usb.reason)
  if (Object.keys(errors).length > 0) report.errors = errors
  return report
}

/** A registered serial scanner as the manager opens it. */
export interface SerialScannerConfig {
  path: string
  name: string
  baudRate: number
  suffix: 'cr' | 'lf' | 'crlf' | 'tab' | 'none'
  enabled: boolean
}

const configKey = (c: SerialScannerConfig) => JSON.stringify([c.path, c.name, c.baudRate, c.suffix])

export interface ScannerManagerOptions {
  registry: DeviceRegistry
  onScan: (scan: RawScan) => void
  onRejected: (rejected: RejectedScan) => void
  hid?: HidBackend | null
  listSerial?: ListSerialPorts | null
  openSerial?: OpenSerial
  /** Silence that ends a serial frame without CR/LF (default 150 ms; 0 = only CR/LF end a scan). */
  serialSilenceMs?: number
  /**
   * Serial scanners site IT registered (ADR 0017), besides ports with a scanner maker's vendor id. A
   * registered port's settings win over discovery; a disabled one is not opened at all.
   */
  serialScanners?: () => readonly SerialScannerConfig[]
  disabled?: () => readonly string[]
  /**
   * Hot-plug poll period when no watch is running (`watch` absent or unable); 0 = only when
   * `refresh()` is called.
   */
  pollMs?: number
  /** Hot-plug by watching device nodes: a discovery pass on each change instead of a fast poll. */
  watch?: WatchDevices | null
  /** The slow safety poll while the watch runs (default 60 s; 0 = none). */
  watchedPollMs?: number
  log?: (level: 'info' | 'warn', message: string, detail?: Record<string, unknown>) => void
}

/**
 * Keeps one driver per scanner in the device registry: finds HID POS scanners and serial scanners,
 * polls for hot-plug, and forwards every scan and rejection to the pipeline. A probe that fails (no
 * udevadm, no /sys) is reported once as a message, and the station keeps going.
 */
export function createScannerManager(options: ScannerManagerOptions) {
  const drivers = new Map<string, ScannerDriver>()
  const offs = new Map<string, (() => void)[]>()
  const lastScanAt = new Map<string, string>()
  let timer: ReturnType<typeof setInterval> | null = null
  let watching: { close(): void } | null = null
  let refreshing: Promise<string[]> | null = null
  let stopped = false
  const probeErrors = new Map<string, string>()
  /** Drivers opened for a registered scanner, with the settings they were opened with. */
  const registered = new Map<string, string>()

  const isDisabled = (id: string) => options.disabled?.().includes(id) ?? false

  const publish = (driver: ScannerDriver) => {
    const s = driver.status()
    const current = options.registry.list().find((d) => d.id === driver.id)
    options.registry.upsert({
      id: driver.id,
      kind: 'scanner',
      transport: driver.transport,
      name: driver.name,
      state: isDisabled(driver.id) ? 'disabled' : s.state,
      simulated: driver.simulated,
      lastSeenAt: lastScanAt.get(driver.id) ?? current?.lastSeenAt ?? null,
      lastError: s.error
    })
  }

  const add = async (driver: ScannerDriver): Promise<void> => {
    if (drivers.has(driver.id) || stopped) return
    drivers.set(driver.id, driver)
    offs.set(driver.id, [
      driver.on('scan', (scan) => {
        lastScanAt.set(driver.id, scan.at.toISOString())
        options.onScan(scan)
      }),
      driver.on('rejected', (rejected) => options.onRejected(rejected)),
      driver.on('status', () => publish(driver))
    ])
    publish(driver)
    await driver.open()
    publish(driver)
  }

  const remove = async (id: string): Promise<void> => {
    const driver = drivers.get(id)
    registered.delete(id)
    if (!driver) return
    drivers.delete(id)
    offs.get(id)?.forEach((off) => off())
    offs.delete(id)
    await driver.close()
    options.registry.remove(id)
  }

  const noteProbe = (kind: string, error: string | null) => {
    if (error === null) probeErrors.delete(kind)
    else if (probeErrors.get(kind) !== error) {
      probeErrors.set(kind, error)
      options.log?.('warn', error, { kind })
    }
  }

  /** One discovery pass; resolves to the ids of drivers it added. */
  const refresh = (): Promise<string[]> => {
    if (refreshing) return refreshing
    refreshing = (async () => {
      const added: string[] = []
      if (options.hid) {
        try {
          const found = (await options.hid.devices()).filter(isHidPosScanner)
          noteProbe('hid', null)
          const seen = new Set<string>()
          for (const d of found) {
            const id = hidScannerId(d)
            if (seen.has(id)) continue // one interface per scanner
            seen.add(id)
            if (!drivers.has(id)) {
              await add(createHidPosScanner({ device: d, backend: options.hid, id }))
              added.push(id)
            }
          }
        } catch (error) {
          noteProbe('hid', describeProbeError('hid', error))
        }
      }
      const wanted = new Map<string, SerialScannerConfig | null>()
      const off = new Set<string>()
      for (const c of options.serialScanners?.() ?? []) {
        if (c.enabled) wanted.set(c.path, c)
        else off.add(c.path)
      }
      if (options.listSerial) {
        try {
          for (const p of await options.listSerial()) if (isScannerSerialPort(p) && !wanted.has(p.path) && !off.has(p.path)) wanted.set(p.path, null)
          noteProbe('serial', null)
        } catch (error) {
          noteProbe('serial', describeProbeError('serial', error))
        }
      }
      // A registered scanner removed, turned off or changed (port, baud, suffix, name): close its driver.
      for (const [id, key] of [...registered]) {
        const config = wanted.get(id.slice('serial:'.length))
        if (!config || configKey(config) !== key) await remove(id)
      }
      for (const [path, config] of wanted) {
        const id = `serial:${path}`
        // A port found by its vendor id and then registered: reopen it with the registered settings.
        if (config && drivers.has(id) && registered.get(id) !== configKey(config)) await remove(id)
        if (drivers.has(id)) continue
        const silenceMs = config?.suffix === 'none' && !options.serialSilenceMs ? 150 : options.serialSilenceMs
        if (config) registered.set(id, configKey(config))
        await add(
          createSerialScanner({
            id,
            path,
            ...(config ? { name: config.name, baudRate: config.baudRate, terminators: suffixTerminators(config.suffix) } : {}),
            ...(options.openSerial ? { openSerial: options.openSerial } : {}),
            ...(silenceMs !== undefined ? { silenceMs } : {})
          })
        )
        added.push(id)
      }
      return added
    })().finally(() => {
      refreshing = null
    })
    return refreshing
  }

  return {
    add,
    remove,
    refresh,
    get: (id: string) => drivers.get(id),
    drivers: () => [...drivers.values()],
    probeErrors: () => Object.fromEntries(probeErrors),
    /** Re-publish states (after enable/disable). */
    republish: () => drivers.forEach(publish),
    start() {
      void refresh()
      watching ??= options.watch?.(() => void refresh()) ?? null
      const period = watching ? (options.watchedPollMs ?? 60_000) : (options.pollMs ?? 0)
      if (period > 0 && !timer) {
        timer = setInterval(() => void refresh(), period)
        timer.unref?.()
      }
    },
    /** Whether hot-plug runs on a device-node watch (else on the poll). */
    watching: () => watching !== null,
    /** Detaches every driver at once (no scan is delivered after this returns), then closes them. */
    async stop() {
      stopped = true
      if (timer) clearInterval(timer)
      timer = null
      watching?.close()
      watching = null
      offs.forEach((list) => list.forEach((off) => off()))
      offs.clear()
      await refreshing?.catch(() => {})
      const all = [...drivers.values()]
      drivers.clear()
      await Promise.all(all.map((d) => d.close().catch(() => {})))
    }
  }
}

export type ScannerManager = ReturnType<typeof createScannerManager>
