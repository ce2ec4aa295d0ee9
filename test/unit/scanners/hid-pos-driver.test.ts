import { describe, expect, it } from 'vitest'
import { createHidPosScanner, hidScannerId, HONEYWELL_VID, ZEBRA_VID } from '../../../src/main/devices/scanners/hid-pos-driver'
import { buildScannerReportDescriptor } from '../../../src/main/devices/scanners/hid-pos-report'
import { createSimHidBackend } from '../../../src/main/devices/scanners/hid-sim'
import type { RawScan, RejectedScan, ScannerDriver, ScannerStatus } from '../../../src/main/devices/scanners/types'
import { until } from '../../helpers/wait'


function record(driver: ScannerDriver) {
  const scans: RawScan[] = []
  const rejected: RejectedScan[] = []
  const states: ScannerStatus[] = []
  driver.on('scan', (s) => scans.push(s))
  driver.on('rejected', (r) => rejected.push(r))
  driver.on('status', (s) => states.push(s))
  return { scans, rejected, states, texts: () => scans.map((s) => `${s.symbology ?? ''}${Buffer.from(s.raw).toString()}`) }
}

describe('HID POS driver (simulated HID bus)', () => {
  it('switches a Honeywell scanner to HID POS with feature report 0xFE = 01 and reads scans', async () => {
    const bus = createSimHidBackend()
    const dev = bus.plug({ vendorId: HONEYWELL_VID, productId: 0x0b8f, serialNumber: 'HW1', manufacturer: 'Honeywell', product: 'Voyager 1400g' })
    const driver = createHidPosScanner({ device: dev, backend: bus })
    const log = record(driver)
    await driver.open()
    expect(driver.status().state).toBe('connected')
    expect(bus.featureReports(dev.path)).toEqual([[0xfe, 0x01]])
    expect(driver.id).toBe('hid:0c2e:0b8f:HW1')
    expect(driver.name).toBe('Honeywell Voyager 1400g')
    bus.scan(dev.path, '011231231231233310ABC123\x1d99TESTING', ']C1')
    expect(log.texts()).toEqual([']C1011231231231233310ABC123\x1d99TESTING'])
    await driver.close()
  })

  it('does not send the Honeywell switch to other makers, and uses the descriptor layout when offered', async () => {
    const bus = createSimHidBackend()
    const dev = bus.plug({ vendorId: ZEBRA_VID, productId: 0x1300, serialNumber: 'Z1' }, { descriptor: buildScannerReportDescriptor({ shiftBytes: 1 }) })
    const driver = createHidPosScanner({ device: dev, backend: bus })
    await driver.open()
    expect(bus.featureReports(dev.path)).toEqual([])
    expect(driver.layout()).toMatchObject({ source: 'descriptor', dataOffset: 6 })
    await driver.close()
  })

  it('falls back to the documented layout when the backend gives no descriptor', async () => {
    const bus = createSimHidBackend()
    const dev = bus.plug({ vendorId: ZEBRA_VID, productId: 0x1300 }, { descriptor: null })
    const driver = createHidPosScanner({ device: dev, backend: bus })
    await driver.open()
    expect(driver.layout()).toMatchObject({ source: 'documented', dataOffset: 5 })
    await driver.close()
  })

  it('two scanners at once keep their own identity and their own half scans', async () => {
    const bus = createSimHidBackend()
    const a = bus.plug({ vendorId: HONEYWELL_VID, productId: 0x0b8f, serialNumber: 'A' })
    const b = bus.plug({ vendorId: HONEYWELL_VID, productId: 0x0b8f, serialNumber: 'B' })
    const da = createHidPosScanner({ device: a, backend: bus })
    const db = createHidPosScanner({ device: b, backend: bus })
    const la = record(da)
    const lb = record(db)
    await Promise.all([da.open(), db.open()])
    expect(da.id).not.toBe(db.id)
    const long = 'X'.repeat(100)
    // interleave the reports of two multi-report scans
    const { buildScanReports } = await import('../../../src/main/devices/scanners/hid-pos-report')
    const ra = buildScanReports(Buffer.from(`A${long}`), { aim: ']C0' })
    const rb = buildScanReports(Buffer.from(`B${long}`), { aim: ']C0' })
    for (let i = 0; i < Math.max(ra.length, rb.length); i++) {
      if (ra[i]) bus.send(a.path, ra[i]!)
      if (rb[i]) bus.send(b.path, rb[i]!)
    }
    expect(la.texts()).toEqual([`]C0A${long}`])
    expect(lb.texts()).toEqual([`]C0B${long}`])
    expect(la.scans[0]!.deviceId).toBe(hidScannerId(a))
    await Promise.all([da.close(), db.close()])
  })

  it('unplugged mid-scan: the half scan is rejected, the driver reconnects with backoff when the scanner returns on a new path', async () => {
    const bus = createSimHidBackend()
    let lookups = 0
    const counted: typeof bus = { ...bus, devices: () => (lookups++, bus.devices()) }
    const dev = bus.plug({ vendorId: HONEYWELL_VID, productId: 0x0b8f, serialNumber: 'R1' })
    const driver = createHidPosScanner({ device: dev, backend: counted, backoff: { initialMs: 10, maxMs: 40 } })
    const log = record(driver)
    await driver.open()
    const { buildScanReports } = await import('../../../src/main/devices/scanners/hid-pos-report')
    const reports = buildScanReports(Buffer.from('Y'.repeat(120)))
    bus.send(dev.path, reports[0]!)
    bus.unplug(dev.path)
    expect(driver.status().state).toBe('disconnected')
    expect(log.rejected).toHaveLength(1)
    expect(log.rejected[0]).toMatchObject({ code: 'scan.partial' })
    expect(Buffer.from(log.rejected[0]!.raw).toString()).toBe('Y'.repeat(56))
    const away = lookups
    await until(() => lookups >= away + 3, { what: 'several reconnect attempts while the scanner is away' })
    expect(driver.status().state).toBe('disconnected')
    const back = bus.plug({ vendorId: HONEYWELL_VID, productId: 0x0b8f, serialNumber: 'R1', path: '/dev/hidraw-new' })
    await until(() => driver.status().state === 'connected', { what: 'the driver connected' })
    expect(bus.featureReports(back.path)).toEqual([[0xfe, 0x01]])
    bus.scan(back.path, 'AFTER', ']C0')
    expect(log.texts()).toEqual([']C0AFTER'])
    expect(log.states.map((s) => s.state).filter((s, i, all) => s !== all[i - 1])).toEqual(['connected', 'disconnected', 'connected'])
    expect(log.states[1]!.error).toContain('disconnected')
    await driver.close()
    expect(bus.openCount(back.path)).toBe(0)
  })
})
