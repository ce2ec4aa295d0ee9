import fc from 'fast-check'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../src/main/import'
import { COLUMNS } from '../../../src/main/import/formats'
import { IMPORT_KINDS, type ImportKind } from '../../../src/shared/contract-areas/receiving'
import { openRig, type Rig } from './rig'
import { writeXlsx, type XlsxCell } from './xlsx'

// Random cells through the whole import path (reader → validation → store checks → write):
// never a crash, and a file either applies completely (no errors) or changes nothing.

const TABLES = ['items', 'suppliers', 'locations', 'operators', 'inbound_orders', 'inbound_lines', 'inbound_expected_units', 'inbound_expected_plates', 'events', 'outbox']
let rig: Rig
beforeAll(() => {
  rig = openRig()
})
afterAll(() => rig.close())

const counts = () => TABLES.map((t) => rig.count(`SELECT count(*) AS n FROM ${t}`))

// Mostly plausible values (so files do reach the write path), some wrong ones.
const GOOD: Record<string, string[]> = {
  sku: ['NEW-1', 'NEW-2', 'NEW-3', 'MON-27-BLK'],
  item: ['MON-27-BLK', 'BOX-M', 'BAT-AA-24', '09521234000020'],
  code: ['S-1', 'S-2', 'LOC-1', 'LOC-2', 'SUP-ACME'],
  order: ['PO-9', 'ASN-9', 'PO-10', 'ASN-10'],
  supplier: ['SUP-ACME', 'SUP-MED'],
  gtin: ['07350053123458', '04000001543229', '04000001543212'],
  gln: ['9521234000008', '7350053850019'],
  tracking: ['none', 'lot', 'serial', 'lot_serial'],
  kind: ['site', 'zone', 'bin', 'shelf', 'dock'],
  parent: ['DEMO', 'STOR', 'LOC-1', 'A01'],
  sscc: ['340000010000000013', '340000010000000020', 'CASE-1'],
  parent_sscc: ['340000010000000013'],
  serial: ['MN12345678', 'MN12345679', 'MN22345678'],
  lot: ['L2405', 'B7788', 'G2607'],
  date: ['2027-06-30', '2028-01-31'],
  number: ['1', '2', '12'],
  bool: ['yes', 'no'],
  badge: ['B-1', 'B-2', 'OP-0001', 'badge 7'],
  role: ['operator', 'supervisor', 'administrator', 'admin'],
  text: ['Monitor', 'Ünïcödé', 'a,b', 'quote"inside']
}
const BAD = ['NOPE', '2026-02-30', '30/06/2027', '-3', '1.5', '99999999999', '09521234543214', 'maybe', 'L2301', 'x'.repeat(300), '=cmd|calc', '']

function pool(column: string): string[] {
  if (column in GOOD) return GOOD[column]!
  if (/date|_at$|expiry/.test(column)) return GOOD.date!
  if (/qty|line|length|days/.test(column)) return GOOD.number!
  if (column === 'active' || column === 'hold') return GOOD.bool!
  if (column === 'default_bin' || column === 'putaway_zone') return ['A01-01-01', 'STOR']
  if (column === 'serial_charset') return ['numeric', 'alphanumeric', 'cset82']
  return GOOD.text!
}

const cell = (column: string) =>
  fc.oneof(
    { weight: 30, arbitrary: fc.constantFrom(...pool(column)) },
    { weight: 3, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: fc.constantFrom(...BAD) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }
  )

const sheet = fc.constantFrom<ImportKind>(...IMPORT_KINDS).chain((kind) => {
  const required = COLUMNS[kind].filter((c) => c.required).map((c) => c.name)
  const optional = COLUMNS[kind].filter((c) => !c.required).map((c) => c.name)
  return fc
    .record({
      kindLine: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      columns: fc.tuple(fc.oneof({ weight: 9, arbitrary: fc.constant(required) }, { weight: 1, arbitrary: fc.subarray(required) }), fc.subarray(optional)).map(([r, o]) => [...r, ...o]),
      extra: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('colour', 'Notes', '') }),
      rows: fc.integer({ min: 0, max: 5 })
    })
    .chain(({ kindLine, columns, extra, rows }) => {
      const header = extra === undefined ? columns : [...columns, extra]
      return fc.array(fc.tuple(...header.map((h) => cell(h))), { minLength: rows, maxLength: rows }).map((body) => ({ kind, kindLine, header, body: body as string[][] }))
    })
})

const csvEscape = (v: string) => (/[",\n\r;]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v)

const outcomes = { applied: 0, refused: 0 }

async function check(path: string) {
  const before = counts()
  const r = await importFile(rig.db, rig.eventLog, path)
  const after = counts()
  outcomes[r.applied ? 'applied' : 'refused']++
  if (r.applied) {
    expect(r.errors).toEqual([])
    expect(after[TABLES.indexOf('events')]).toBeGreaterThan(before[TABLES.indexOf('events')]!)
  } else {
    expect(after).toEqual(before)
    if (!r.valid) expect(r.errorCount).toBeGreaterThan(0)
  }
  for (const e of r.errors) {
    expect(e.row).toBeGreaterThanOrEqual(1)
    expect(typeof e.message).toBe('string')
  }
}

describe('import fuzz: random cells never crash and never import part of a file', () => {
  it('CSV', async () => {
    let n = 0
    await fc.assert(
      fc.asyncProperty(sheet, async (s) => {
        const lines = [...(s.kindLine ? [`kind,${s.kind}`] : []), s.header.map(csvEscape).join(','), ...s.body.map((r) => r.map(csvEscape).join(','))]
        const path = join(rig.dataDir, `fuzz-${n++}.csv`)
        writeFileSync(path, lines.join(n % 2 ? '\r\n' : '\n'))
        await check(path)
      }),
      { numRuns: 300, seed: 20260628 }
    )
    // the generator must reach the write path, not only refusals
    expect(outcomes.applied).toBeGreaterThan(10)
    expect(outcomes.refused).toBeGreaterThan(10)
  })

  it('XLSX (numbers, dates and errors in cells too)', async () => {
    let n = 0
    const xcell = fc.oneof(
      { weight: 5, arbitrary: fc.constant<XlsxCell | 'keep'>('keep') },
      { weight: 1, arbitrary: fc.integer({ min: -5, max: 2_000_000 }).map<XlsxCell>((v) => v) },
      { weight: 1, arbitrary: fc.double({ noNaN: false }).map<XlsxCell>((v) => v) },
      { weight: 1, arbitrary: fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map<XlsxCell>((d) => d) },
      { weight: 1, arbitrary: fc.constantFrom<XlsxCell>({ error: '#N/A' }, true, null, 1e20, { formula: 'A1', result: 'L2405' }) }
    )
    await fc.assert(
      fc.asyncProperty(sheet, fc.array(xcell, { minLength: 64, maxLength: 64 }), async (s, swaps) => {
        let i = 0
        const body = s.body.map((r) => r.map<XlsxCell>((v) => {
          const swap = swaps[i++ % swaps.length]!
          return swap === 'keep' ? v : swap
        }))
        const path = join(rig.dataDir, `fuzz-${n++}.xlsx`)
        await writeXlsx(path, [...(s.kindLine ? [['kind', s.kind]] : []), s.header, ...body])
        await check(path)
      }),
      { numRuns: 60, seed: 20260629 }
    )
  }, 120_000)
})
