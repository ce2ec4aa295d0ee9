import { afterEach, describe, expect, it } from 'vitest'
import type { UsbPrinterInfo } from '../../../src/main/devices/scanners/discovery'
import { silentLogger } from '../../../src/main/logging'
import { createStation, type Station } from '../../../src/main/station'
import type { CallContext } from '../../../src/shared/contract'
import { signInOn } from '../../helpers/auth'
import { testNow } from '../../helpers/clock'
import { makeTempDir } from '../../helpers/store'

// Settings → Printers "by USB (listed when present)" (issue #10.3), on a simulated USB bus.
const IT: CallContext = { terminalId: 'it-1', host: 'ws' }
const ZEBRA: UsbPrinterInfo = { vendorId: 0x0a5f, productId: 0x0166, manufacturer: 'Zebra Technologies', product: 'ZTC ZT411-203dpi ZPL', serialNumber: 'D4J19/3801234', bus: '1', address: 7, zebra: true }
const GENERIC: UsbPrinterInfo = { vendorId: 0x04b8, productId: 0x0e28, manufacturer: null, product: null, serialNumber: null, bus: '1', address: 9, zebra: false }

let station: Station | undefined
afterEach(async () => {
  await station?.close()
  station = undefined
})

const start = (list: () => Promise<UsbPrinterInfo[]>) =>
  createStation({ dataDir: makeTempDir(), host: 'headless', version: 'test', logger: silentLogger(), demo: true, now: testNow, printing: { pollMs: 0, listUsbPrinters: list } })

describe('print.usbPrinters', () => {
  it('lists each USB printer with the address to add it by, then as the printer it was added as; administrators only', async () => {
    station = await start(async () => [ZEBRA, GENERIC])
    const s = station
    await signInOn(s, 'operator', IT)
    expect(await s.dispatch('print.usbPrinters', {}, IT)).toMatchObject({ ok: false })
    await signInOn(s, 'administrator', IT)
    const first = await s.dispatch('print.usbPrinters', {}, IT)
    expect(first).toEqual({
      ok: true,
      value: {
        printers: [
          { uri: 'usb://0a5f:0166/D4J19%2F3801234', vendorId: '0a5f', productId: '0166', manufacturer: 'Zebra Technologies', product: 'ZTC ZT411-203dpi ZPL', serialNumber: 'D4J19/3801234', zebra: true, printerId: null },
          { uri: 'usb://04b8:0e28', vendorId: '04b8', productId: '0e28', manufacturer: null, product: null, serialNumber: null, zebra: false, printerId: null }
        ],
        unavailable: null
      }
    })
    // The offered address is what print.addPrinter takes, and the same printer is not offered as new again.
    const added = await s.dispatch('print.addPrinter', { uri: 'usb://0a5f:0166/D4J19%2F3801234', name: 'Dock 2 Zebra' }, IT)
    expect(added).toMatchObject({ ok: true, value: { uri: 'usb://0a5f:0166/D4J19%2F3801234', name: 'Dock 2 Zebra' } })
    const id = (added as { ok: true; value: { id: string } }).value.id
    const again = (await s.dispatch('print.usbPrinters', {}, IT)) as { ok: true; value: { printers: { printerId: string | null }[] } }
    expect(again.value.printers.map((p) => p.printerId)).toEqual([id, null])
  })

  it('a bus that cannot be listed (no libusb, no permission) is said so as print.usb_unavailable, not an error', async () => {
    station = await start(() => Promise.reject(new Error('LIBUSB_ERROR_ACCESS')))
    await signInOn(station, 'administrator', IT)
    const r = await station.dispatch('print.usbPrinters', {}, IT)
    expect(r).toMatchObject({ ok: true, value: { printers: [], unavailable: { code: 'print.usb_unavailable', params: { problem: expect.stringContaining('LIBUSB_ERROR_ACCESS') } } } })
  })
})
