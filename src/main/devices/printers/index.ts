/** Printer transports chosen per printer by its address. */
import { err, ok, type Result } from '../../../shared/result'
import { parsePrinterUri, type PrinterAddress } from './printer-uri'
import { createSerialTransport } from './serial'
import { createSpoolerTransport } from './spooler'
import { createTcpTransport } from './tcp'
import type { PrinterTransport } from './types'
import { createUsbTransport } from './usb'

export function transportFor(address: PrinterAddress): PrinterTransport {
  switch (address.kind) {
    case 'tcp':
      return createTcpTransport(address)
    case 'usb':
      return createUsbTransport(address)
    case 'serial':
      return createSerialTransport(address)
    case 'lp':
      return createSpoolerTransport({ queue: address.queue })
  }
}

export function openTransport(uri: string): Result<PrinterTransport> {
  const address = parsePrinterUri(uri)
  return address.ok ? ok(transportFor(address.value)) : err(address.error.code, address.error.message, address.error.details)
}

export type { PrinterTransport } from './types'
export type { PrinterStatus } from './zebra-status'
