import { afterEach, beforeEach, expect, it } from 'vitest'
import { importFile } from '../../../src/main/import'
import type { Station } from '../../../src/main/station'
import { seedGateStock, writeShipmentCsv } from '../../helpers/gate-fixture'
import { makeTempDir, startTestStation } from '../../helpers/store'

let station: Station
let dir: string
beforeEach(async () => {
  dir = makeTempDir('dockside-ship-')
  station = await startTestStation({ dataDir: makeTempDir() })
  await seedGateStock(station, dir, ['1000'], [])
})
afterEach(async () => { await station.close() })

it('refuses a shipment file with unknown items, a non-door door or a duplicate shipment: every row named, nothing written', async () => {
  const ok = writeShipmentCsv(dir, 'ok.csv', ['SH-1,ACME,Acme,,DOOR-7,PEN,1000,'])
  expect((await importFile(station.store.db, station.eventLog, ok)).applied).toBe(true) // kind detected from the header
  const bad = writeShipmentCsv(dir, 'bad.csv', ['SH-1,ACME,,,DOOR-7,PEN,1001,', 'SH-2,ACME,,,BIN-1,NOPE,1,', 'SH-2,ACME,,,,BOX,5,'])
  const r = await importFile(station.store.db, station.eventLog, bad, { kind: 'shipment' })
  expect(r.applied).toBe(false)
  expect(r.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
    [2, 'shipment', 'exists'],
    [3, 'door', 'reference'],
    [3, 'item', 'reference'],
    [4, 'serial', 'tracking']
  ])
  expect((await station.handlers['shipments.list']({})).map((s) => s.number)).toEqual(['SH-1'])
})

it('a line quantity without serials and a plate row import as lines and expected plates', async () => {
  const f = writeShipmentCsv(dir, 'q.csv', ['SH-9,BETA,Beta Ltd,"Dock Rd 5, Leeds",DOOR-7,BOX,,', 'SH-9,BETA,,,,,,106141412345678908'])
  const r = await importFile(station.store.db, station.eventLog, f)
  expect(r.errors).toEqual([])
  expect(r.summary).toEqual({ shipments: 1, lines: 1, expectedUnits: 0, expectedPlates: 1 })
  expect(station.handlers['shipments.list']({ status: 'open' })).toEqual([expect.objectContaining({ number: 'SH-9', customer: 'BETA', customerName: 'Beta Ltd', shipTo: 'Dock Rd 5, Leeds', door: 'DOOR-7', expectedPlates: 1 })])
})
