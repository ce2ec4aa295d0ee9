import { afterEach, describe, expect, it } from 'vitest'
import { createSerialScanner } from '../../../src/main/devices/scanners/serial-scanner'
import type { RawScan, RejectedScan, ScannerStatus } from '../../../src/main/devices/scanners/types'
import { openPtyPair, type PtyPair } from '../../helpers/pty'
import { until } from '../../helpers/wait'


let pty: PtyPair | null = null
afterEach(async () => {
  await pty?.close()
  pty = null
})

function watch(driver: ReturnType<typeof createSerialScanner>) {
  const scans: RawScan[] = []
  const rejected: RejectedScan[] = []
  const states: ScannerStatus[] = []
  driver.on('scan', (s) => scans.push(s))
  driver.on('rejected', (r) => rejected.push(r))
  driver.on('status', (s) => states.push(s))
  return { scans, rejected, states, texts: () => scans.map((s) => Buffer.from(s.raw).toString('latin1')) }
}

describe('serial scanner on a real pty (socat)', () => {
  it('reads CR/LF-framed scans with AIM ids and GS bytes', async () => {
    pty = await openPtyPair()
    const driver = createSerialScanner({ id: 'serial:test', path: pty.devicePath, silenceMs: 0 })
    const log = watch(driver)
    await driver.open()
    expect(driver.status().state).toBe('connected')
    pty.write(']C1011231231231233310ABC123\x1d99TESTING\r\n')
    pty.write(']d2010952123454321321SN1\r')
    pty.write('BIN-A-01\n')
    await until(() => log.scans.length === 3, { what: 'three scans' })
    expect(log.texts()).toEqual([']C1011231231231233310ABC123\x1d99TESTING', ']d2010952123454321321SN1', 'BIN-A-01'])
    expect(log.scans[0]).toMatchObject({ deviceId: 'serial:test', source: 'serial' })
    await driver.close()
  })

  it('frames on silence when the scanner sends no suffix', async () => {
    pty = await openPtyPair()
    const driver = createSerialScanner({ id: 's', path: pty.devicePath, silenceMs: 100 })
    const log = watch(driver)
    await driver.open()
    pty.write('NOSUFFIX1')
    await until(() => log.scans.length === 1, { what: 'the first scan' })
    pty.write('NOSUFFIX2')
    await until(() => log.scans.length === 2, { what: 'the second scan' })
    expect(log.texts()).toEqual(['NOSUFFIX1', 'NOSUFFIX2'])
    await driver.close()
  })

  it('unplug mid-scan rejects the partial frame; replug reconnects by itself and scanning goes on', { timeout: 150_000 }, async () => {
    pty = await openPtyPair()
    const driver = createSerialScanner({ id: 's', path: pty.devicePath, silenceMs: 0, backoff: { initialMs: 20, maxMs: 100 } })
    const log = watch(driver)
    await driver.open()
    pty.write('BEFORE\r')
    await until(() => log.scans.length === 1, { what: 'the first scan' })
    pty.write('0109521234')
    await until(() => driver.pendingBytes() === 10, { what: 'the half scan to reach the driver' })
    await pty.unplug()
    // Generous: on a loaded 2-core machine the close of a killed socat's pty can take seconds to surface.
    await until(() => driver.status().state === 'disconnected', { what: 'disconnect', timeoutMs: 45_000 })
    expect(log.rejected).toHaveLength(1)
    expect(log.rejected[0]).toMatchObject({ code: 'scan.partial' })
    expect(Buffer.from(log.rejected[0]!.raw).toString()).toBe('0109521234')
    // It keeps retrying while the port is gone: a retry reports the missing port.
    await until(() => /does not exist/.test(driver.status().error ?? ''), { what: 'a reconnect attempt on the missing port' })
    expect(driver.status().state).toBe('disconnected')
    await pty.replug()
    await until(() => driver.status().state === 'connected', { what: 'reconnect', timeoutMs: 30_000 })
    pty.write('AFTER\r')
    await until(() => log.scans.length === 2, { what: 'the second scan' })
    expect(log.texts()).toEqual(['BEFORE', 'AFTER'])
    await driver.close()
  })

  it('a port that does not exist yet: clear status, then connects when it appears', async () => {
    pty = await openPtyPair()
    await pty.unplug()
    const driver = createSerialScanner({ id: 's', path: pty.devicePath, silenceMs: 0, backoff: { initialMs: 20, maxMs: 50 } })
    const log = watch(driver)
    await driver.open()
    expect(driver.status()).toMatchObject({ state: 'disconnected' })
    expect(driver.status().error).toContain('does not exist')
    await pty.replug()
    await until(() => driver.status().state === 'connected', { what: 'the driver connected' })
    pty.write('LATE\r')
    await until(() => log.scans.length === 1, { what: 'the first scan' })
    await driver.close()
  })

  it('two scanners at once keep their own frames', async () => {
    pty = await openPtyPair()
    const other = await openPtyPair()
    try {
      const a = createSerialScanner({ id: 'a', path: pty.devicePath, silenceMs: 0 })
      const b = createSerialScanner({ id: 'b', path: other.devicePath, silenceMs: 0 })
      const la = watch(a)
      const lb = watch(b)
      await Promise.all([a.open(), b.open()])
      pty.write('A1-')
      other.write('B1-')
      pty.write('END\r')
      other.write('END\r')
      await until(() => la.scans.length === 1 && lb.scans.length === 1, { what: 'one scan on each scanner' })
      expect(la.texts()).toEqual(['A1-END'])
      expect(lb.texts()).toEqual(['B1-END'])
      await Promise.all([a.close(), b.close()])
    } finally {
      await other.close()
    }
  })
})
