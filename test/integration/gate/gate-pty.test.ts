import { afterEach, beforeEach, expect, it } from 'vitest'
import type { GateView } from '../../../src/shared/contract-areas/gate'
import type { ReaderOutputs } from '../../../src/shared/model/station'
import { importFile } from '../../../src/main/import'
import type { Station } from '../../../src/main/station'
import { seedGateStock, sgtinHex, writeShipmentCsv, type GateStock } from '../../helpers/gate-fixture'
import { startRfidSimRig, until, type RfidSimRig } from '../../helpers/rfid-sim'
import { makeTempDir, startTestStation } from '../../helpers/store'

const DOOR = { terminalId: 'door-7', host: 'ws' } as const
let station: Station
let rig: RfidSimRig | null = null
let dir: string
let stock: GateStock

beforeEach(async () => {
  dir = makeTempDir('dockside-gate-')
  station = await startTestStation({ dataDir: makeTempDir() })
  stock = await seedGateStock(station, dir, ['1000', '1001', '1002', '1003', '1004', '1005', '1006'], ['2000', '2001', '2002', '2003', '2004'])
  const sh = writeShipmentCsv(dir, 'sh.csv', [
    ...['1000', '1001', '1002', '1003', '1004', '1005'].map((s) => `SH-1,ACME,Acme Corp,"1 Main St",DOOR-7,PEN,${s},`),
    `SH-1,ACME,,,,,,${stock.pallet.sscc}`
  ])
  const report = await importFile(station.store.db, station.eventLog, sh, { kind: 'shipment' })
  expect(report.errors).toEqual([])
  expect(report.summary).toMatchObject({ shipments: 1, lines: 1, expectedUnits: 6, expectedPlates: 1 })
})

afterEach(async () => {
  await station.close()
  await rig?.close()
  rig = null
})

async function attachReader(tags: Array<{ epc: string; antenna?: number }>, corruptEvery = 0, reader: { protocol?: 'thingmagic' | 'r2000'; outputs?: ReaderOutputs } = {}) {
  const protocol = reader.protocol ?? 'thingmagic'
  rig = await startRfidSimRig(protocol, { tags, rate: 400, ...(corruptEvery ? { corrupt: { every: corruptEvery } } : {}) })
  const id = `rfid:${rig.devicePath}`
  const antennas = protocol === 'thingmagic' ? { antennas: [1, 2], directionAntennas: [1, 2] as [number, number] } : { antennas: [1] }
  await station.handlers['settings.update']({ rfidReaders: [{ path: rig.devicePath, protocol, ...antennas, ...(reader.outputs ? { outputs: reader.outputs } : {}) }], rfidTerminals: { [id]: DOOR.terminalId }, gateSilenceMs: 60_000 })
  await until(() => station.devices.list().some((d) => d.id === id && d.state === 'connected'), 15_000, 'the reader to connect')
}

const gateState = () => station.handlers['gate.state']({}, DOOR) as GateView

it('classifies matched, missing, unexpected, unknown, foreign and unreadable tags through a real pty, survives corrupted frames and an unplug, and ships in one transaction', async () => {
  const views: GateView[] = []
  station.events.on('gate.changed', (v) => views.push(v))
  const loaded = ['1000', '1001', '1002', '1003', '1004'].map((s) => ({ epc: sgtinHex(s), antenna: 1 }))
  const unexpected = { epc: sgtinHex('1006'), antenna: 2 }
  const unknown = { epc: sgtinHex('7777'), antenna: 1 }
  const foreign = { epc: sgtinHex('55', '0952123', '045678'), antenna: 1 }
  const unreadable = { epc: 'E28011606000020000000001', antenna: 1 }
  await attachReader([...loaded, { epc: stock.pallet.hex, antenna: 1 }, unexpected, unknown, foreign, unreadable], 9)
  const start = await station.handlers['gate.start']({ shipment: 'SH-1' }, DOOR)
  expect(start).toMatchObject({ shipment: 'SH-1', customer: 'ACME', door: 'DOOR-7', state: 'reading', counts: { expected: 11, read: 0 } })

  await until(() => gateState().counts.read === 10, 20_000, 'every tag read')
  let v = gateState()
  expect(v.counts).toMatchObject({ expected: 11, matched: 10, missing: 1, unexpected: 1, unknown: 1, foreign: 1, unreadable: 1 })
  expect(v.missing).toEqual([{ sku: 'PEN', serial: '1005', plate: null }])
  expect(v.alarm).toBe(true)
  expect(v.tags[0]).toMatchObject({ epc: unexpected.epc, cls: 'unexpected', reason: 'gate.tag.not_on_shipment', sku: 'PEN', serial: '1006' })
  expect(v.tags.find((t) => t.plate === stock.pallet.sscc)).toMatchObject({ cls: 'matched', units: 5 })
  expect(v.tags.find((t) => t.epc === unreadable.epc)).toMatchObject({ cls: 'unreadable', reason: 'gate.tag.bad_epc' })
  // Corrupted frames never made a phantom tag; updates came batched, far fewer than reads.
  expect(rig!.sim().stats().corrupted.crc + rig!.sim().stats().corrupted.tag_crc + rig!.sim().stats().corrupted.truncate + rig!.sim().stats().corrupted.noise).toBeGreaterThan(0)
  expect(new Set(v.tags.map((t) => t.epc)).size).toBe(10)
  await until(() => gateState().counts.reads > 60, 20_000, 'repeated reads')
  expect(views.length).toBeLessThan(gateState().counts.reads)
  expect(views.every((x) => x.terminalId === DOOR.terminalId)).toBe(true)

  // Unplug mid-read: the session stays and keeps counting once the reader is back.
  await rig!.unplug()
  await new Promise((r) => setTimeout(r, 300))
  expect(gateState().state).toBe('reading')
  const before = gateState().counts.reads
  await rig!.replug()
  await until(() => gateState().counts.reads > before + 20, 30_000, 'reads after the replug')

  // An unexpected tag blocks the confirm.
  await expect(Promise.resolve().then(() => station.handlers['gate.confirm']({}, DOOR))).rejects.toMatchObject({ code: 'gate.unexpected_present', params: { n: 1 } })

  // The unit is taken off; a new read without it. Short by one unit: a reason is required.
  station.handlers['gate.reset']({}, DOOR)
  rig!.sim().setTags([...loaded, { epc: stock.pallet.hex, antenna: 1 }])
  await station.handlers['gate.start']({ shipment: 'SH-1' }, DOOR)
  await until(() => gateState().counts.matched === 10, 20_000, 'the load read again')
  v = (await station.handlers['gate.end']({}, DOOR))
  expect(v).toMatchObject({ state: 'ended', endReason: 'gate.end.button', alarm: false })
  await expect(Promise.resolve().then(() => station.handlers['gate.confirm']({}, DOOR))).rejects.toMatchObject({ code: 'gate.reason_required', params: { loaded: 10, expected: 11 } })
  const maxBefore = (station.store.db.prepare('SELECT max(id) AS m FROM events').get() as { m: number }).m
  const result = await station.handlers['gate.confirm']({ reason: 'Unit 1005 damaged' }, DOOR)
  expect(result).toEqual({ shipment: 'SH-1', shipped: 10, expected: 11, partial: true })

  const events = station.store.db.prepare('SELECT id, type, unit_id, payload FROM events WHERE id > ? ORDER BY id').all(maxBefore) as Array<{ id: number; type: string; unit_id: number | null; payload: string }>
  const shippedEvents = events.filter((e) => e.type === 'unit.shipped')
  expect(shippedEvents).toHaveLength(10)
  expect(JSON.parse(shippedEvents[0]!.payload)).toMatchObject({ shipment: 'SH-1', customer: 'ACME', door: 'DOOR-7' })
  expect(events.at(-1)).toMatchObject({ type: 'shipment.loaded' })
  const statuses = station.store.db.prepare("SELECT status, count(*) AS n FROM units GROUP BY status ORDER BY status").all()
  expect(statuses).toEqual([{ status: 'shipped', n: 10 }, { status: 'stored', n: 2 }])
  expect(station.handlers['shipments.list']({})).toEqual([expect.objectContaining({ number: 'SH-1', status: 'shipped', partialReason: 'Unit 1005 damaged', customer: 'ACME', shipTo: '1 Main St' })])

  // Look up shows the shipped event in the unit's timeline.
  const found = await station.handlers['lookup.find']({ code: '2003' })
  expect(found.kind).toBe('unit')
  if (found.kind !== 'unit') return
  expect(found.timeline.map((t) => t.summary)).toContainEqual({ code: 'timeline.unit.shipped', params: { shipment: 'SH-1', customer: 'ACME', door: 'DOOR-7' } })

  // Shipped units read again are unexpected (already shipped); the shipment cannot be loaded twice.
  await expect(Promise.resolve().then(() => station.handlers['gate.start']({ shipment: 'SH-1' }, DOOR))).rejects.toMatchObject({ code: 'gate.shipment_closed' })
  await station.handlers['gate.start']({ shipment: null }, DOOR)
  await until(() => gateState().counts.unexpected === 6, 20_000, 'shipped tags flagged')
  expect(gateState().tags.every((t) => t.reason === 'gate.tag.already_shipped')).toBe(true)
}, 120_000)

it('ends a session after the configured silence', async () => {
  await attachReader([{ epc: sgtinHex('1000'), antenna: 1 }])
  await station.handlers['settings.update']({ gateSilenceMs: 400 })
  await station.handlers['gate.start']({ shipment: 'SH-1' }, DOOR)
  await until(() => gateState().counts.read === 1, 20_000, 'the tag')
  rig!.sim().mute(true)
  await until(() => gateState().state === 'ended', 10_000, 'the silence end')
  expect(gateState().endReason).toBe('gate.end.silence')
}, 60_000)

for (const [protocol, pins] of [
  ['thingmagic', { green: 1, red: 2, buzzer: 3 }],
  ['r2000', { green: 3, red: 4 }]
] as const) {
  it(`${protocol}: the reader's outputs follow the verdict (green clean, red + buzzer on an unexpected tag, again after a reconnect, off on reset)`, async () => {
    const load = [...['1000', '1001', '1002', '1003', '1004', '1005'].map((s) => ({ epc: sgtinHex(s), antenna: 1 })), { epc: stock.pallet.hex, antenna: 1 }]
    await attachReader(load, 0, { protocol, outputs: pins })
    const outs = () => rig!.sim().outputs()
    const lit = (o: Record<number, boolean>) => ({ green: o[pins.green] === true, red: o[pins.red] === true, ...('buzzer' in pins ? { buzzer: o[pins.buzzer] === true } : {}) })
    const none = { green: false, red: false, ...('buzzer' in pins ? { buzzer: false } : {}) }
    // Each output is its own command on the wire: wait for the whole set, not for the first pin of it.
    const untilLit = async (want: Record<string, boolean>, ms: number, what: string) => {
      await until(() => JSON.stringify(lit(outs())) === JSON.stringify(want), ms, what).catch((error: unknown) => {
        throw new Error(`${String(error)}; outputs now ${JSON.stringify(lit(outs()))}, wanted ${JSON.stringify(want)}`)
      })
    }
    await station.handlers['gate.start']({ shipment: 'SH-1' }, DOOR)
    await until(() => gateState().counts.missing === 0, 20_000, 'the whole load read')
    await untilLit({ ...none, green: true }, 10_000, 'green on')

    rig!.sim().setTags([...load, { epc: sgtinHex('1006'), antenna: 1 }])
    await until(() => gateState().counts.unexpected === 1, 20_000, 'the unexpected tag')
    await untilLit({ ...none, red: true, ...('buzzer' in pins ? { buzzer: true } : {}) }, 10_000, 'red and buzzer on')

    // Unplugged and back (a fresh reader, its outputs unknown): the verdict's outputs are written again.
    await rig!.unplug()
    await rig!.replug()
    await untilLit({ ...none, red: true, ...('buzzer' in pins ? { buzzer: true } : {}) }, 20_000, 'red and buzzer written again after the reconnect')

    await station.handlers['gate.end']({}, DOOR)
    await untilLit({ ...none, red: true }, 10_000, 'the buzzer off when reading ends, red still on')

    station.handlers['gate.reset']({}, DOOR)
    await untilLit(none, 10_000, 'every output off on reset')
  }, 90_000)
}
