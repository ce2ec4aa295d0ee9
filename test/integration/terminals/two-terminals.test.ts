import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/main/logging'
import { createStation, type Station } from '../../../src/main/station'
import type { CallContext } from '../../../src/shared/contract'
import type { ScanResult } from '../../../src/shared/contract-areas/scans'
import { testNow } from '../../helpers/clock'
import { openPtyPair, type PtyPair } from '../../helpers/pty'
import { makeTempDir } from '../../helpers/store'
import { until } from '../../helpers/wait'
import { signInOn } from '../../helpers/auth'

const MONITOR_GTIN = '09521234543213'
const GS = '\u001d'
const dataMatrix = (serial: string) => `]d201${MONITOR_GTIN}21${serial}${GS}`

const RECEIVING: CallContext = { terminalId: 'dock-1', host: 'ws' }
const PUTAWAY: CallContext = { terminalId: 'dock-2', host: 'ws' }

const stations: Station[] = []
const ptys: PtyPair[] = []
afterEach(async () => {
  for (const s of stations.splice(0)) await s.close()
  await Promise.all(ptys.splice(0).map((p) => p.close()))
})

async function start(dataDir: string, ports: string[]) {
  const station = await createStation({
    dataDir,
    host: 'headless',
    version: 'test',
    logger: silentLogger(),
    demo: true,
    now: testNow,
    scanners: { hid: null, listSerial: null, pollMs: 0, serialSilenceMs: 0, simulated: false }
  })
  stations.push(station)
  const results: ScanResult[] = []
  station.events.on('scans.result', (r) => results.push(r))
  for (const port of ports) await station.dispatch('scanners.add', { port })
  // Each screen has its own session (ADR 0015): an administrator at the receiving screen, an operator at put-away.
  await signInOn(station, 'administrator', RECEIVING)
  await signInOn(station, 'operator', PUTAWAY)
  return { station, results }
}

const call = async <T>(s: Station, method: string, input: unknown, ctx: CallContext): Promise<T> => {
  const r = await s.dispatch(method, input, ctx)
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`)
  return r.value as T
}

describe('two terminals on one station (ADR 0012)', () => {
  it('receiving on one terminal and put-away on the other, each with its own scanner, do not interfere; a restart resumes', async () => {
    const scannerA = await openPtyPair()
    const scannerB = await openPtyPair()
    ptys.push(scannerA, scannerB)
    const dataDir = makeTempDir()
    const { station, results } = await start(dataDir, [scannerA.devicePath, scannerB.devicePath])
    const idA = `serial:${scannerA.devicePath}`
    const idB = `serial:${scannerB.devicePath}`
    await until(() => [idA, idB].every((id) => station.devices.list().find((d) => d.id === id)?.state === 'connected'), { what: 'both serial scanners connected' })

    await call(station, 'scanners.assign', { deviceId: idA, terminalId: RECEIVING.terminalId }, RECEIVING)
    await call(station, 'scanners.assign', { deviceId: idB, terminalId: PUTAWAY.terminalId }, RECEIVING)
    expect(await call(station, 'scans.setWorkflow', { workflow: 'receiving' }, RECEIVING)).toEqual({ workflow: 'receiving' })
    expect(await call(station, 'scans.setWorkflow', { workflow: 'putaway' }, PUTAWAY)).toEqual({ workflow: 'putaway' })
    await call(station, 'receiving.open', { order: 'PO-1001' }, RECEIVING)

    // Scanner A feeds the receiving terminal: the unit is received on its open order.
    scannerA.write(`${dataMatrix('MN00004001')}\r\n`)
    await until(() => results.length === 1, { what: 'receiving scan result' })
    expect(results[0]).toMatchObject({ deviceId: idA, terminalId: 'dock-1', workflow: 'receiving', outcome: 'accepted', code: 'receiving.received' })

    // Scanner B feeds the put-away terminal: the same unit, then a bin.
    scannerB.write(`${dataMatrix('MN00004001')}\r\n`)
    await until(() => results.length === 2, { what: 'put-away subject result' })
    expect(results[1]).toMatchObject({ deviceId: idB, terminalId: 'dock-2', workflow: 'putaway', outcome: 'accepted', code: 'putaway.subject' })
    scannerB.write('A01-01-01\r\n')
    await until(() => results.length === 3, { what: 'put-away move result' })
    expect(results[2]).toMatchObject({ terminalId: 'dock-2', workflow: 'putaway', code: 'putaway.moved' })

    // Each terminal kept its own state: the put-away terminal never opened the order.
    const receivingState = await call<{ order: { number: string } | null }>(station, 'receiving.state', {}, RECEIVING)
    const putawayState = await call<{ order: unknown }>(station, 'receiving.state', {}, PUTAWAY)
    expect(receivingState.order?.number).toBe('PO-1001')
    expect(putawayState.order).toBeNull()
    const terminals = await call<Array<{ id: string; workflow: string; scanners: string[] }>>(station, 'terminals.list', {}, RECEIVING)
    expect(terminals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'dock-1', workflow: 'receiving', scanners: [idA] }),
        expect.objectContaining({ id: 'dock-2', workflow: 'putaway', scanners: [idB] })
      ])
    )

    // A restart resumes where each terminal was.
    await stations.pop()!.close()
    const again = await start(dataDir, [])
    const resumed = await call<{ order: { number: string } | null }>(again.station, 'receiving.state', {}, RECEIVING)
    expect(resumed.order?.number).toBe('PO-1001')
    expect(again.station.scanning.pipeline.router.active('dock-1')).toBe('receiving')
    expect(again.station.scanning.pipeline.router.active('dock-2')).toBe('putaway')
  })

  it('a wedge scan goes to the terminal it was typed on, whatever the others do', async () => {
    const { station, results } = await start(makeTempDir(), [])
    await call(station, 'scans.setWorkflow', { workflow: 'receiving' }, RECEIVING)
    await call(station, 'receiving.open', { order: 'PO-1001' }, RECEIVING)
    await call(station, 'scans.setWorkflow', { workflow: 'lookup' }, PUTAWAY)
    const onReceiving = await call<ScanResult>(station, 'scans.submit', { text: dataMatrix('MN00004002'), source: 'wedge' }, RECEIVING)
    const onLookup = await call<ScanResult>(station, 'scans.submit', { text: 'MN00004002', source: 'wedge' }, PUTAWAY)
    expect(onReceiving).toMatchObject({ terminalId: 'dock-1', workflow: 'receiving', code: 'receiving.received' })
    expect(onLookup).toMatchObject({ terminalId: 'dock-2', workflow: 'lookup', code: 'lookup.unit' })
    expect(results.map((r) => r.terminalId)).toEqual(['dock-1', 'dock-2'])
  })
})
