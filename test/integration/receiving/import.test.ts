import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { applyBatch, importFile, importInWorker } from '../../../src/main/import'
import { createPutawayWorkflow } from '../../../src/main/workflows/putaway/workflow'
import { openStore } from '../../../src/main/store/db'
import type { ImportProgress } from '../../../src/shared/contract-areas/receiving'
import { futureAi17 } from '../../helpers/clock'
import { openRig, type Rig } from './rig'
import { writeXlsx } from './xlsx'

const SAMPLES = fileURLToPath(new URL('../../../resources/import-samples/', import.meta.url))
const KINDS = ['suppliers', 'locations', 'items', 'po', 'asn'] as const

let rig: Rig
afterEach(() => rig?.close())

const write = (r: Rig, name: string, text: string) => {
  const path = join(r.dataDir, name)
  writeFileSync(path, text)
  return path
}

/** Everything an import may write, to prove a refused file changed nothing. */
const dump = (r: Rig) =>
  Object.fromEntries(
    ['items', 'suppliers', 'locations', 'inbound_orders', 'inbound_lines', 'inbound_expected_units', 'inbound_expected_plates', 'events', 'outbox'].map((t) => [
      t,
      r.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()
    ])
  )

describe('import: the sample files', () => {
  it('every sample CSV imports, and the XLSX samples give exactly the same data', async () => {
    rig = openRig({ demo: false })
    const summaries: Record<string, unknown> = {}
    for (const k of KINDS) {
      const r = await importFile(rig.db, rig.eventLog, join(SAMPLES, `${k}.csv`))
      expect(r, JSON.stringify(r.errors)).toMatchObject({ kind: k, valid: true, applied: true, errorCount: 0 })
      summaries[k] = r.summary
    }
    expect(summaries).toMatchObject({
      suppliers: { suppliersCreated: 2 },
      locations: { locationsCreated: 9 },
      items: { itemsCreated: 3 },
      po: { ordersCreated: 1, lines: 2 },
      asn: { ordersCreated: 1, lines: 2, expectedUnits: 7, expectedPlates: 4 }
    })
    const fromCsv = dump(rig)
    const xl = openRig({ demo: false })
    try {
      for (const k of KINDS) {
        const r = await importFile(xl.db, xl.eventLog, join(SAMPLES, `${k}.xlsx`))
        expect(r, JSON.stringify(r.errors)).toMatchObject({ kind: k, applied: true })
      }
      const fromXlsx = dump(xl)
      const strip = (d: Record<string, unknown[]>) => ({ ...d, events: undefined, outbox: undefined, inbound_orders: (d.inbound_orders as Array<Record<string, unknown>>).map(({ created_at: _c, ...o }) => o), items: (d.items as Array<Record<string, unknown>>).map(({ created_at: _c, ...o }) => o) })
      expect(strip(fromXlsx)).toEqual(strip(fromCsv))
    } finally {
      xl.close()
    }
  })

  it('an imported ASN with nested plates is received by the pallet SSCC and put away as one tree', async () => {
    rig = openRig({ demo: false })
    for (const k of KINDS) await importFile(rig.db, rig.eventLog, join(SAMPLES, `${k}.csv`))
    rig.svc.open('ASN-4001')
    const r = rig.svc.submit(']C100340000010000000013')
    expect(r).toMatchObject({ outcome: 'accepted', code: 'receiving.pallet_received', received: 11 })
    expect(r.params).toEqual({ code: '340000010000000013', units: 6, quantity: 5, plates: 3 })
    const plates = rig.db.prepare('SELECT c.code, p.code AS parent FROM license_plates c LEFT JOIN license_plates p ON p.id = c.parent_id ORDER BY c.id').all()
    expect(plates).toEqual([
      { code: '340000010000000013', parent: null },
      { code: '340000010000000020', parent: '340000010000000013' },
      { code: '340000010000000037', parent: '340000010000000013' }
    ])
    expect(rig.db.prepare("SELECT made_at, production_line, shift, expiry FROM units WHERE serial = '7001022'").get()).toEqual({ made_at: '2026-06-20', production_line: 'FILL-07', shift: 'A', expiry: '2027-12-31' })
    // The single case on its own SSCC.
    expect(rig.svc.submit('340000010000000044')).toMatchObject({ outcome: 'accepted', received: 1 })
    const pa = createPutawayWorkflow({ db: rig.db, eventLog: rig.eventLog, now: () => new Date() })
    const at = { terminalId: 'pa-1', operatorId: null }
    expect(pa.submit(at, '340000010000000013').state).toMatchObject({ subject: { units: 6 }, suggestion: { code: 'B01-01-01', why: { code: 'putaway.why_zone', params: { zone: 'WH1-STOR' } } } })
    expect(pa.submit(at, 'B01-01-01')).toMatchObject({ moved: { units: 6, plates: 3 } })
  })
})

describe('import: a file imports completely or not at all', () => {
  it('one bad row: nothing imported, the report names the row (as in a spreadsheet), the column and the rule', async () => {
    rig = openRig()
    const before = dump(rig)
    const file = write(
      rig,
      'items.csv',
      ['kind,items', 'sku,gtin,description,tracking', 'A-1,07350053123458,Tablet,serial', 'A-2,07350053123459,Tablet 2,serial', 'A-3,,Gloves,lot', 'A-4,,Tape,sometimes', ''].join('\n')
    )
    const r = await importFile(rig.db, rig.eventLog, file)
    expect(r).toMatchObject({ kind: 'items', rows: 4, valid: false, applied: false, errorCount: 2 })
    expect(r.errors).toEqual([
      { row: 4, column: 'gtin', rule: 'gtin', message: 'gtin is not a valid GTIN: GTIN check digit should be 8, got 9.', value: '07350053123459' },
      { row: 6, column: 'tracking', rule: 'enum', message: 'tracking must be one of none, lot, serial, lot_serial.', value: 'sometimes' }
    ])
    expect(dump(rig)).toEqual(before)
  })

  it('checks against the store: unknown supplier and item, an order already being received, serial rules, duplicates in the file', async () => {
    rig = openRig()
    rig.svc.open('PO-1001')
    rig.svc.submit(']d20109521234543213' + '21MN00004001')
    const before = dump(rig)
    const po = write(rig, 'po.csv', ['order,supplier,expected_at,line,item,qty', 'PO-7,SUP-NOPE,2026-07-01,1,MON-27-BLK,5', 'PO-7,,,2,NO-SUCH-SKU,5', 'PO-7,,,2,BOX-M,1', 'PO-1001,SUP-ACME,,1,MON-27-BLK,3'].join('\n'))
    const r = await importFile(rig.db, rig.eventLog, po)
    expect(r.kind).toBe('po')
    expect(r.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [2, 'supplier', 'reference'],
      [3, 'item', 'reference'],
      [4, 'line', 'unique'],
      [5, 'order', 'order_started']
    ])
    const asn = write(
      rig,
      'asn.csv',
      ['order,item,serial,lot,sscc', 'ASN-9,MON-27-BLK,MN00000001,,', 'ASN-9,MON-27-BLK,XX1,,', 'ASN-9,MON-27-BLK,MN00000001,,', 'ASN-9,BOX-M,B1,,', 'ASN-9,PEN-INS-5,123456,L1,106141412345678909'].join('\n')
    )
    const a = await importFile(rig.db, rig.eventLog, asn)
    expect(a.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [3, 'serial', 'serial.too_short'],
      [4, 'serial', 'unique'],
      [5, 'serial', 'tracking'],
      [6, 'sscc', 'sscc']
    ])
    expect(a.errors[0]!.message).toMatch(/MON-27-BLK: The serial has 3 characters/)
    expect(dump(rig)).toEqual(before)
  })

  it('an untouched order is replaced by a re-import (order.replaced); a dry run writes nothing', async () => {
    rig = openRig()
    const file = write(rig, 'po.csv', ['kind,po', 'order,supplier,line,item,qty', 'PO-1001,SUP-ACME,1,MON-27-BLK,12'].join('\n'))
    const before = dump(rig)
    const preview = await importFile(rig.db, rig.eventLog, file, { dryRun: true })
    expect(preview).toMatchObject({ valid: true, applied: false, summary: { ordersReplaced: 1, lines: 1 }, preview: [{ row: 3, order: 'PO-1001', qty: 12 }] })
    expect(dump(rig)).toEqual(before)
    const r = await importFile(rig.db, rig.eventLog, file)
    expect(r.applied).toBe(true)
    expect(rig.db.prepare("SELECT qty_expected FROM inbound_lines l JOIN inbound_orders o ON o.id = l.order_id WHERE o.number = 'PO-1001'").all()).toEqual([{ qty_expected: 12 }])
    expect(rig.events('order.replaced')).toHaveLength(1)
    expect(rig.events('import.applied').at(-1)!.payload).toMatchObject({ kind: 'po', source: 'file', origin: 'po.csv', records: 1 })
  })

  it('file-level problems: unknown kind, header without kind, unknown/missing columns, empty, binary, broken quotes', async () => {
    rig = openRig()
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['k.csv', 'kind,widgets\na,b\n1,2', /Unknown kind "widgets"/],
      ['h.csv', 'foo,bar\n1,2', /Cannot tell what this file holds/],
      ['u.csv', 'code,name,colour\nS1,Supplier,red', /Unknown column "colour"/],
      ['m.csv', 'kind,po\norder,item,qty\nPO-1,BOX-M,1', /Column "line" is required/],
      ['e.csv', '', /no header row/],
      ['eh.csv', 'kind,suppliers\ncode,name\n', /header but no data rows/],
      ['b.csv', Buffer.from([0x50, 0x00, 0x01, 0x02]), /binary/],
      ['q.csv', 'code,name\nS1,"unclosed\n', /cannot be read near row/],
      ['x.xlsx', 'not a zip', /not an Excel workbook/]
    ]
    for (const [name, content, message] of cases) {
      const path = join(rig.dataDir, name)
      writeFileSync(path, content)
      const r = await importFile(rig.db, rig.eventLog, path)
      expect(r.applied, name).toBe(false)
      expect(r.errors[0]?.message, name).toMatch(message)
    }
    const missing = await importFile(rig.db, rig.eventLog, join(rig.dataDir, 'nope.csv'))
    expect(missing.errors[0]).toMatchObject({ rule: 'file.not_found', message: 'The file cannot be found.' })
  })

  it('reads semicolon CSV with a BOM, Latin-1 text, quoted commas and header aliases', async () => {
    rig = openRig({ demo: false })
    const latin1 = Buffer.from('\uFEFFcode;name;gln\nSUP-1;"Müller; Söhne";\n', 'utf8')
    writeFileSync(join(rig.dataDir, 's.csv'), latin1)
    expect(await importFile(rig.db, rig.eventLog, join(rig.dataDir, 's.csv'))).toMatchObject({ kind: 'suppliers', applied: true })
    writeFileSync(join(rig.dataDir, 's2.csv'), Buffer.from('code,name\nSUP-2,Caf\xe9 Co\n', 'latin1'))
    expect(await importFile(rig.db, rig.eventLog, join(rig.dataDir, 's2.csv'))).toMatchObject({ applied: true })
    expect(rig.db.prepare('SELECT name FROM suppliers ORDER BY id').all()).toEqual([{ name: 'Müller; Söhne' }, { name: 'Café Co' }])
  })

  it('XLSX cells: numbers too long to be exact, formulas, rich text, error cells, dates', async () => {
    rig = openRig()
    const path = join(rig.dataDir, 'asn.xlsx')
    await writeXlsx(path, [
      ['kind', 'asn'],
      ['order', 'supplier', 'item', 'serial', 'lot', 'expiry', 'sscc'],
      ['ASN-77', 'SUP-MED', 'PEN-INS-5', 123456, { richText: [{ text: 'L2' }, { text: '405' }] }, new Date('2027-06-30T00:00:00Z'), '106141412345678908'],
      ['ASN-77', 'SUP-MED', 'PEN-INS-5', { formula: '123456+1', result: 123457 }, 'L2405', '2027-06-30', 106141412345678910],
      ['ASN-77', 'SUP-MED', 'PEN-INS-5', 123458, { error: '#N/A' }, null, null]
    ])
    const r = await importFile(rig.db, rig.eventLog, path)
    expect(r.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [4, 'sscc', 'cell'],
      [5, 'lot', 'cell']
    ])
    expect(r.errors[0]!.message).toMatch(/too large to keep every digit .* formatted as Text/)
    expect(r.errors[1]!.message).toMatch(/#N\/A/)
    expect(r.preview[0]).toMatchObject({ serial: '123456', lot: 'L2405', expiry: '2027-06-30' })
  })
})

describe('import: one path for files and the upstream sync', () => {
  it('applyBatch takes parsed records (the sync path) with the same checks and all-or-nothing rule', () => {
    rig = openRig()
    const bad = applyBatch(rig.db, rig.eventLog, { kind: 'suppliers', records: [{ row: 1, code: 'S-1', name: 'One', gln: null }, { row: 2, code: 'S-1', name: 'Dup', gln: null }] }, { source: 'sync', origin: 'batch-7' })
    expect(bad).toMatchObject({ applied: false, errors: [{ row: 2, column: 'code', rule: 'unique' }] })
    const good = applyBatch(rig.db, rig.eventLog, { kind: 'suppliers', records: [{ row: 1, code: 'S-1', name: 'One', gln: null }] }, { source: 'sync', origin: 'batch-8' })
    expect(good).toMatchObject({ applied: true, summary: { suppliersCreated: 1 } })
    expect(rig.events('import.applied').at(-1)!.payload).toMatchObject({ source: 'sync', origin: 'batch-8' })
  })
})

describe('import: worker thread', () => {
  it('imports in a worker with its own connection while the station holds the data dir, with progress', async () => {
    rig = openRig()
    const lines = ['kind,asn', 'order,supplier,item,serial,lot,expiry']
    // An expiry ahead of the station's clock (the suite also runs with the clock a year ahead).
    const ai17 = futureAi17()
    const expiry = `20${ai17.slice(0, 2)}-${ai17.slice(2, 4)}-${ai17.slice(4, 6)}`
    for (let n = 0; n < 3000; n++) lines.push(`ASN-W1,SUP-MED,PEN-INS-5,${900000 + n},L2405,${expiry}`)
    const file = write(rig, 'big.csv', lines.join('\n'))
    const progress: ImportProgress[] = []
    const r = await importInWorker({ file, dataDir: rig.dataDir }, (p) => progress.push(p))
    expect(r, JSON.stringify(r.errors.slice(0, 3))).toMatchObject({ applied: true, rows: 3000, summary: { expectedUnits: 3000 } })
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['read', 'validate', 'apply', 'done']))
    // the station's connection sees the committed rows
    expect(rig.count("SELECT count(*) AS n FROM inbound_expected_units e JOIN inbound_orders o ON o.id = e.order_id WHERE o.number = 'ASN-W1'")).toBe(3000)
    rig.svc.open('ASN-W1')
    expect(rig.svc.submit('900123')).toMatchObject({ outcome: 'accepted' })
    const dry = await importInWorker({ file, dataDir: rig.dataDir, dryRun: true })
    expect(dry).toMatchObject({ applied: false, errors: [{ rule: 'order_started' }] })
  })

  it('a read-only look at the result after the worker: the store is not locked by it', async () => {
    rig = openRig()
    const file = write(rig, 's.csv', 'code,name\nS-W,Worker supplier\n')
    await importInWorker({ file, dataDir: rig.dataDir })
    const ro = openStore({ dataDir: rig.dataDir, readonly: true })
    try {
      expect(ro.db.prepare("SELECT name FROM suppliers WHERE code = 'S-W'").get()).toEqual({ name: 'Worker supplier' })
    } finally {
      ro.close()
    }
  })
})
