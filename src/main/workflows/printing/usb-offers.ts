import type { UsbPrinterOffers } from '../../../shared/contract-areas/labels'
import { msg } from '../../../shared/messages/catalog'
import { canonicalPrinterUri } from '../../devices/printers/printer-uri'
import { describeProbeError, type ListUsbPrinters } from '../../devices/scanners/discovery'
import type { PrinterRecord } from './types'

/** A USB bus that never answers must not hold Settings → Printers. */
const LIST_TIMEOUT_MS = 5_000

/**
 * The USB printers the station finds now (issue #10.3, "by USB, listed when present"), each as the
 * `usb://VID:PID/SERIAL` address `print.addPrinter` takes, and the printer it was already added as.
 * A bus that cannot be listed (no libusb, no permission) is said so, never an error on the screen.
 */
export async function usbPrinterOffers(list: ListUsbPrinters, printers: readonly PrinterRecord[]): Promise<UsbPrinterOffers> {
  let timer: NodeJS.Timeout | undefined
  try {
    const found = await Promise.race([
      list(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from the USB bus in ${LIST_TIMEOUT_MS} ms`)), LIST_TIMEOUT_MS)
      })
    ])
    return {
      printers: found.map((p) => {
        const uri = canonicalPrinterUri({ kind: 'usb', vendorId: p.vendorId, productId: p.productId, ...(p.serialNumber ? { serial: p.serialNumber } : {}) })
        return {
          uri,
          vendorId: p.vendorId.toString(16).padStart(4, '0'),
          productId: p.productId.toString(16).padStart(4, '0'),
          manufacturer: p.manufacturer,
          product: p.product,
          serialNumber: p.serialNumber,
          zebra: p.zebra,
          printerId: printers.find((x) => x.active && x.uri === uri)?.id ?? null
        }
      }),
      unavailable: null
    }
  } catch (error) {
    return { printers: [], unavailable: msg('print.usb_unavailable', { problem: describeProbeError('usb', error) }) }
  } finally {
    clearTimeout(timer)
  }
}
