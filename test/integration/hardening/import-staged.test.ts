import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile, MAX_LISTED_ERRORS } from '../../../src/main/import'
import { openStore, type Store } from '../../../src/main/store/db'
import { createEventLog, type EventLog } from '../../../src/main/store/event-log'
import { createSettingsRepository } from '../../../src/main/store/repositories/settings'
import { makeTempDir } from '../../helpers/store'
import { writeXlsx } from '../receiving/xlsx'

/**
 * Staged imports (issue 11, finding 7): every kind is checked with SQL over its staging table and
 * applied from it. The report is the one it always was: every bad row with its row number (a capped
 * list with the exact count), nothing written unless every row is good.
 */
const SAMPLES = fileURLToPath(new URL('../../../resources/import-samples/', import.meta.url))
let dir: string
let store: Store
let events: EventLog
const TABLES = ['suppliers', 'locations', 'items', 'inbound_orders', 'inbound_lines', 'inbound_expected_units', 'inbound_expected_plates', 'outbound_shipments', 'outbound_expected_units', 'events']
const counts = () => TABLES.map((t) => store.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number)
const file = (name: string, lines: string[]) => {
  const path = join(dir, name)
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}
const problems = (r: { errors: Array<{ row: number; column: string | null; rule: string }> }) => r.errors.map((e) => `${e.row}:${e.column}:${e.rule}`)

beforeAll(async () => {
  dir = makeTempDir('dockside-staged-')
  store = openStore({ dataDir: dir, stationLock: false })
  events = createEventLog(store.db, createSettingsRepository(store.db).stationId())
  for (const k of ['suppliers', 'locations', 'items']) expect((await importFile(store.db, events, join(SAMPLES, `${k}.csv`))).applied).toBe(true)
})
afterAll(() => store.close())

async function refused(path: string) {
  const before = counts()
  const r = await importFile(store.db, events, path)
  expect(r.applied).toBe(false)
  expect(counts()).toEqual(before)
  return r
}

describe('staged imports report every bad row and write nothing', () => {
  it('suppliers: a code twice', async () => {
    const r = await refused(file('s.csv', ['kind,suppliers', 'code,name', 'S-A,One', 'S-B,Two', 'S-A,Three']))
    expect(problems(r)).toEqual(['5:code:unique'])
    expect(r.errors[0]!.message).toContain('row 3')
  })

  it('locations: a code twice (any case), a parent loop, a parent nowhere; a child before its parent applies', async () => {
    const r = await refused(file('l.csv', ['kind,locations', 'code,name,kind,parent', 'L-A,A,zone,L-B', 'L-B,B,zone,L-A', 'l-a,Again,zone,', 'L-C,C,bin,NOWHERE']))
    expect(problems(r)).toEqual(['3:parent:cycle', '4:parent:cycle', '5:code:unique', '6:parent:reference'])
    const ok = await importFile(store.db, events, file('l2.csv', ['kind,locations', 'code,name,kind,parent', 'L-BIN,Bin,bin,L-ZONE', 'L-ZONE,Zone,zone,WH1']))
    expect(ok).toMatchObject({ applied: true, summary: { locationsCreated: 2 } })
    const parent = store.db.prepare("SELECT p.code FROM locations l JOIN locations p ON p.id = l.parent_id WHERE l.code = 'L-BIN'").pluck().get()
    expect(parent).toBe('L-ZONE')
  })

  it('po: a line twice, a supplier that differs, an unknown item, an unknown supplier', async () => {
    const r = await refused(file('p.csv', ['kind,po', 'order,supplier,line,item,qty', 'PO-S1,SUP-NORD,1,TAB-10-GRY,5', 'PO-S1,SUP-PHARMA,2,TAB-10-GRY,5', 'PO-S1,,1,GLV-NIT-M,1', 'PO-S1,,3,NO-SUCH,1', 'PO-S2,SUP-NOPE,1,GLV-NIT-M,1']))
    expect(problems(r)).toEqual(['4:supplier:consistent', '5:line:unique', '6:item:reference', '7:supplier:reference'])
  })

  it('asn: a serial twice, a serial on an item without serials, a plate with two parents, a serial breaking the item rule', async () => {
    const r = await refused(
      file('a.csv', [
        'kind,asn',
        'order,item,serial,lot,sscc,parent_sscc',
        'ASN-S1,TAB-10-GRY,TB000001,,106141412345678908,',
        'ASN-S1,TAB-10-GRY,TB000001,,,',
        'ASN-S1,GLV-NIT-M,X1,L1,,',
        'ASN-S1,TAB-10-GRY,TB000002,,106141412345678908,106141412345678915',
        'ASN-S1,TAB-10-GRY,ZZ,,,'
      ])
    )
    expect(problems(r)).toEqual(['4:serial:unique', '5:serial:tracking', '6:parent_sscc:consistent', '7:serial:serial.too_short'])
  })

  it('shipment: an unknown item, a serial twice, a door that is not a door; a good one applies with its units and plates', async () => {
    const r = await refused(
      file('sh.csv', ['kind,shipment', 'shipment,customer,door,item,serial,sscc', 'SH-S1,C1,WH1-STOR,TAB-10-GRY,TB000001,', 'SH-S1,C1,,TAB-10-GRY,TB000001,', 'SH-S1,C1,,NO-SUCH,,'])
    )
    expect(problems(r)).toEqual(['3:door:reference', '4:serial:unique', '5:item:reference'])
    const ok = await importFile(store.db, events, file('sh2.csv', ['kind,shipment', 'shipment,customer,door,item,serial,qty,sscc', 'SH-S2,C1,WH1-DOCK-2,TAB-10-GRY,TB000001,,', 'SH-S2,C1,,TAB-10-GRY,TB000002,,', 'SH-S2,C1,,GLV-NIT-M,,4,', 'SH-S2,C1,,,,,106141412345678908']))
    expect(ok).toMatchObject({ applied: true, summary: { shipments: 1, lines: 2, expectedUnits: 2, expectedPlates: 1 } })
    expect(store.db.prepare("SELECT count(*) FROM outbound_expected_units u JOIN outbound_shipments s ON s.id = u.shipment_id WHERE s.number = 'SH-S2'").pluck().get()).toBe(2)
  })

  it('a file with more bad rows than the list holds: the lowest rows are listed, every one is counted', async () => {
    const lines = ['kind,suppliers', 'code,name']
    for (let i = 0; i < 12_000; i++) lines.push(`S-${i % 1000},Name`)
    const r = await refused(file('many.csv', lines))
    expect(r.errorCount).toBe(11_000)
    expect(r.errors).toHaveLength(MAX_LISTED_ERRORS)
    expect(r.truncated).toBe(true)
    expect(r.errors[0]!.row).toBe(1003)
    expect(r.errors.every((e, i) => i === 0 || e.row >= r.errors[i - 1]!.row)).toBe(true)
  })
})

describe('streamed XLSX reader fuzz: damaged workbooks are refused, never hang, never crash', () => {
  it('random byte flips and cuts of a valid workbook', async () => {
    const good = join(dir, 'good.xlsx')
    await writeXlsx(good, [['kind', 'suppliers'], ['code', 'name'], ['SX-1', 'One'], ['SX-2', 'Two']])
    const { readFileSync } = await import('node:fs')
    const bytes = readFileSync(good)
    let n = 0
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), fc.option(fc.nat(bytes.length), { nil: undefined }), async (flips, cut) => {
        const damaged = Buffer.from(bytes)
        for (const [at, x] of flips) damaged[at] = damaged[at]! ^ x
        const path = join(dir, `damaged-${n++}.xlsx`)
        writeFileSync(path, cut === undefined ? damaged : damaged.subarray(0, Math.max(4, cut)))
        const before = counts()
        const r = await Promise.race([importFile(store.db, events, path), new Promise<'hang'>((resolve) => setTimeout(() => resolve('hang'), 15_000))])
        expect(r).not.toBe('hang')
        if (r !== 'hang' && !r.applied) expect(counts()).toEqual(before)
        if (r !== 'hang') for (const e of r.errors) expect(e.message).not.toContain('SX-')
      }),
      { numRuns: 80, seed: 20261203 }
    )
  }, 600_000)
})
