import { afterEach, expect, it } from 'vitest'
import { importFile } from '../../../src/main/import'
import type { Station } from '../../../src/main/station'
import type { GateView } from '../../../src/shared/contract-areas/gate'
import { seedGateStock, sgtinHex, writeShipmentCsv } from '../../helpers/gate-fixture'
import { startRfidSimRig, until, type RfidSimRig } from '../../helpers/rfid-sim'
import { makeTempDir, startTestStation } from '../../helpers/store'

const DOOR = { terminalId: 'door-7', host: 'ws' } as const
let station: Station | null = null
let rig: RfidSimRig | null = null

afterEach(async () => {
  await station?.close()
  await rig?.close()
  station = null
  rig = null
})

it('a session read over a pty is recorded (one row per unique EPC, in batches) and is still there after a restart', async () => {
  const dataDir = makeTempDir()
  const dir = makeTempDir('dockside-gate-')
  station = await startTestStation({ dataDir })
  await seedGateStock(station, dir, ['1000', '1001', '1002', '1003'], [])
  const sh = writeShipmentCsv(dir, 'sh.csv', ['1000', '1001', '1002'].map((s) => `SH-9,ACME,Acme Corp,"1 Main St",DOOR-7,PEN,${s},`))
  expect((await importFile(station.store.db, station.eventLog, sh, { kind: 'shipment' })).errors).toEqual([])

  const tags = [...['1000', '1001', '1002'].map((s) => ({ epc: sgtinHex(s), antenna: 1 })), { epc: sgtinHex('1003'), antenna: 2 }]
  rig = await startRfidSimRig('thingmagic', { tags, rate: 800 })
  const id = `rfid:${rig.devicePath}`
  await station.handlers['settings.update']({ rfidReaders: [{ path: rig.devicePath, protocol: 'thingmagic', antennas: [1, 2] }], rfidTerminals: { [id]: DOOR.terminalId }, gateSilenceMs: 60_000 })
  await until(() => station!.devices.list().some((d) => d.id === id && d.state === 'connected'), 15_000, 'the reader to connect')

  // Rows written while reading: a few per batch (the changed EPCs and the session), not one per read.
  const db = station.store.db
  const start = (await station.handlers['gate.start']({ shipment: 'SH-9' }, DOOR)) as GateView
  expect(start.door).toBe('DOOR-7')
  const changes0 = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
  await until(() => (station!.handlers['gate.state']({}, DOOR) as GateView).counts.reads >= 400, 20_000, '400 reads')
  const during = await station.handlers['gate.sessions']({ door: 'DOOR-7' })
  expect(during).toMatchObject([{ terminalId: 'door-7', door: 'DOOR-7', shipment: 'SH-9', state: 'reading' }])
  const rowsWritten = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n - changes0
  const view = (await station.handlers['gate.end']({}, DOOR)) as GateView
  expect(rowsWritten).toBeLessThan(view.counts.reads / 2)

  const sessionId = (await station.handlers['gate.sessions']({ door: 'DOOR-7' }))[0]!.id
  const before = await station.handlers['gate.sessionReads']({ sessionId })
  expect(before.session).toMatchObject({ id: sessionId, state: 'ended', endReason: 'gate.end.button', reads: view.counts.reads, uniqueTags: 4 })
  expect(before.reads).toHaveLength(4)
  expect(before.reads.reduce((n, r) => n + r.count, 0)).toBe(view.counts.reads)
  expect(before.reads.find((r) => r.epc === sgtinHex('1003'))).toMatchObject({ cls: 'unexpected', reason: 'gate.tag.not_on_shipment', antennas: [2] })
  for (const r of before.reads) {
    const live = view.tags.find((t) => t.epc === r.epc)!
    expect(r).toEqual({ epc: live.epc, cls: live.cls, reason: live.reason, firstSeen: live.firstSeen, lastSeen: live.lastSeen, count: live.count, peakRssi: live.peakRssi, antennas: live.antennas })
  }

  // A second session left reading when the station stops: ended as interrupted at the next start.
  station.handlers['gate.reset']({}, DOOR)
  await station.handlers['gate.start']({ shipment: null, door: 'DOOR-7' }, DOOR)
  await until(() => (station!.handlers['gate.state']({}, DOOR) as GateView).counts.read === 4, 20_000, 'the free read')
  await station.close()
  await rig.close()
  rig = null

  station = await startTestStation({ dataDir })
  const sessions = await station.handlers['gate.sessions']({ door: 'DOOR-7' })
  expect(sessions.map((s) => [s.state, s.endReason, s.shipment])).toEqual([
    ['ended', 'gate.end.restart', null],
    ['ended', 'gate.end.button', 'SH-9']
  ])
  expect(sessions[0]!.uniqueTags).toBe(4)
  expect(await station.handlers['gate.sessionReads']({ sessionId })).toEqual(before)
  expect(await station.handlers['gate.sessions']({ door: 'DOOR-1' })).toEqual([])
  await expect(Promise.resolve().then(() => station!.handlers['gate.sessionReads']({ sessionId: 9999 }))).rejects.toMatchObject({ code: 'gate.unknown_session', params: { sessionId: 9999 } })
}, 90_000)
