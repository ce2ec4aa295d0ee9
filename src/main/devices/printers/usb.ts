/**
 * USB printer-class transport (Zebra VID 0x0A5F, interface class 7 / subclass 1, bulk OUT + bulk IN).
 * The native `usb` module is loaded only when a USB printer is opened; on Linux the `usblp` kernel
 * driver holds the interface, so it is detached (libusb auto-detach) before the interface is claimed.
 * The transport works on a `ByteLink`; `openUsbLink` is the real one, tests use a simulated link.
 */
import { err, ok, type Result } from '../../../shared/result'
import { createLinkTransport, type ByteLink } from './link'
import type { PrinterAddress } from './printer-uri'
import type { PrinterTransport } from './types'

export const USB_PRINTER_CLASS = 7
/** Bulk OUT writes are split into chunks of this size (a multiple of the 512-byte high-speed packet). */
export const USB_CHUNK = 16 * 1024

type UsbAddress = Extract<PrinterAddress, { kind: 'usb' }>

export type UsbLinkOpener = (address: UsbAddress) => Promise<Result<ByteLink>>

export function createUsbTransport(address: UsbAddress, open: UsbLinkOpener = openUsbLink): PrinterTransport {
  const hex = (n: number) => n.toString(16).padStart(4, '0')
  const uri = `usb://${hex(address.vendorId)}${address.productId !== undefined ? `:${hex(address.productId)}` : ''}${address.serial ? `/${encodeURIComponent(address.serial)}` : ''}`
  return createLinkTransport('usb', uri, () => open(address), USB_CHUNK)
}

/* The slice of node-usb's API used here (WebUSB-style device over a legacy device for auto-detach). */
interface WebUsbEndpoint {
  endpointNumber: number
  direction: 'in' | 'out'
  type: string
}
interface WebUsbDevice {
  vendorId: number
  productId: number
  serialNumber?: string
  configuration?: { interfaces: { interfaceNumber: number; alternate: { interfaceClass: number; endpoints: WebUsbEndpoint[] } }[] } | null
  open(): Promise<void>
  close(): Promise<void>
  selectConfiguration(n: number): Promise<void>
  claimInterface(n: number): Promise<void>
  releaseInterface(n: number): Promise<void>
  transferOut(ep: number, data: Uint8Array): Promise<{ bytesWritten: number; status: string }>
  transferIn(ep: number, length: number): Promise<{ data?: DataView; status: string }>
}
interface LegacyDevice {
  deviceDescriptor: { idVendor: number; idProduct: number }
  setAutoDetachKernelDriver?(enable: boolean): void
  open(): void
}
interface UsbModule {
  getDeviceList(): LegacyDevice[]
  WebUSBDevice: { createInstance(device: LegacyDevice): Promise<WebUsbDevice> }
}

/** Opens the first matching printer-class device with node-usb. */
export async function openUsbLink(address: UsbAddress): Promise<Result<ByteLink>> {
  let usb: UsbModule
  try {
    usb = (await import('usb')) as unknown as UsbModule
  } catch (error) {
    return err('printer.usb_unavailable', `USB printing is not available here: ${error instanceof Error ? error.message : String(error)}`)
  }
  const candidates = usb
    .getDeviceList()
    .filter((d) => d.deviceDescriptor.idVendor === address.vendorId && (address.productId === undefined || d.deviceDescriptor.idProduct === address.productId))
  for (const legacy of candidates) {
    try {
      const dev = await usb.WebUSBDevice.createInstance(legacy)
      if (address.serial && dev.serialNumber !== address.serial) continue
      await dev.open()
      if (!dev.configuration) await dev.selectConfiguration(1)
      const iface = dev.configuration?.interfaces.find((i) => i.alternate.interfaceClass === USB_PRINTER_CLASS)
      if (!iface) {
        await dev.close()
        continue
      }
      legacy.setAutoDetachKernelDriver?.(true) // Linux: let libusb detach usblp while we hold the interface
      await dev.claimInterface(iface.interfaceNumber)
      const out = iface.alternate.endpoints.find((e) => e.direction === 'out' && e.type === 'bulk')
      const inn = iface.alternate.endpoints.find((e) => e.direction === 'in' && e.type === 'bulk')
      if (!out) {
        await dev.close()
        continue
      }
      return ok(webUsbLink(dev, iface.interfaceNumber, out.endpointNumber, inn?.endpointNumber))
    } catch {
      continue
    }
  }
  return err('printer.unreachable', `No USB printer with vendor id ${address.vendorId.toString(16).padStart(4, '0')}${address.serial ? ` and serial ${address.serial}` : ''} is connected (or it is in use).`)
}

function webUsbLink(dev: WebUsbDevice, iface: number, out: number, inn: number | undefined): ByteLink {
  return {
    async write(chunk) {
      const r = await dev.transferOut(out, chunk)
      if (r.status !== 'ok') throw new Error(`USB transfer ${r.status}`)
      return r.bytesWritten
    },
    async read(timeoutMs) {
      if (inn === undefined) return null
      const timer = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs))
      const got = await Promise.race([dev.transferIn(inn, 512), timer])
      if (!got) return null
      if (got.status !== 'ok' || !got.data) return null
      return Buffer.from(got.data.buffer, got.data.byteOffset, got.data.byteLength)
    },
    async close() {
      await dev.releaseInterface(iface).catch(() => undefined)
      await dev.close().catch(() => undefined)
    }
  }
}
