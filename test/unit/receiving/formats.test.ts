import { describe, expect, it } from 'vitest'
import { crossCheck, detectKind, normalizeHeader, validateSheet, type Cell } from '../../../src/main/import/formats'
import { readCsv } from '../../../src/main/import/read'

const csv = (text: string) => readCsv(Buffer.from(text))

describe('import formats: kind detection', () => {
  it('reads the kind from a kind line (kind,<kind> or kind=<kind>) or from the header columns', () => {
    expect(detectKind(csv('kind,asn\norder,item,serial\n'))).toEqual({ kind: 'asn', headerIndex: 1 })
    expect(detectKind(csv('\n\nkind=po\n\norder,line,item,qty\n'))).toEqual({ kind: 'po', headerIndex: 4 })
    expect(detectKind(csv('order,line,item,qty\n'))).toEqual({ kind: 'po', headerIndex: 0 })
    expect(detectKind(csv('order,item,serial\n'))).toMatchObject({ kind: 'asn' })
    expect(detectKind(csv('Order Number,Item,Quantity\n'))).toMatchObject({ kind: 'asn' })
    expect(detectKind(csv('SKU,GTIN,Description,Tracking\n'))).toMatchObject({ kind: 'items' })
    expect(detectKind(csv('code,name,kind,parent\n'))).toMatchObject({ kind: 'locations' })
    // a locations header starting with "kind" is a header, not a kind line
    expect(detectKind(csv('kind,code,name\n'))).toMatchObject({ kind: 'locations', headerIndex: 0 })
    expect(detectKind(csv('code,name\n'))).toMatchObject({ kind: 'suppliers' })
    expect(detectKind(csv('kind,pallets\na,b\n'))).toMatchObject({ rule: 'kind', row: 1 })
    expect(detectKind(csv('kind,items\n'))).toMatchObject({ rule: 'empty', row: 2 })
    expect(detectKind(csv('kind,items\nsku,description,tracking\n'), 'po')).toMatchObject({ rule: 'kind' })
    expect(detectKind([])).toMatchObject({ rule: 'empty' })
  })

  it('normalises header spellings', () => {
    expect(['Order Number', ' Quantity ', 'parent-sscc', 'Production Date', 'EXPIRY'].map(normalizeHeader)).toEqual(['order', 'qty', 'parent_sscc', 'made_at', 'expiry'])
  })
})

describe('import formats: rows', () => {
  it('numbers rows as a spreadsheet does (kind line, header, blank lines counted) and checks every cell', () => {
    const rows = csv(['kind,suppliers', 'code,name,gln', 'S-1,One,', '', 'S 2,Two,7350053850018', 'S-3,"Three\nlines",', 'S-4,Four,,extra'].join('\n'))
    const v = validateSheet(rows, 'suppliers', 1)
    expect(v.rows).toBe(4)
    expect(v.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [5, 'code', 'code'],
      [5, 'gln', 'gln'],
      [6, 'name', 'text'],
      [7, null, 'extra_cell']
    ])
    expect(v.errors[1]!.message).toBe('gln GLN check digit should be 9.')
    expect(v.batch.records).toEqual([{ row: 3, code: 'S-1', name: 'One', gln: null }])
  })

  it('an unknown column is reported and every bad row is still listed; a missing required column is the whole report', () => {
    const v = validateSheet(csv(['code,name,colour', 'S 1,One,red', 'S-2,,blue'].join('\n')), 'suppliers', 0)
    expect(v.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [1, 'colour', 'unknown_column'],
      [2, 'code', 'code'],
      [3, 'name', 'required']
    ])
    const missing = validateSheet(csv(['code,colour', 'S 1,red'].join('\n')), 'suppliers', 0)
    expect(missing.errors.map((e) => e.rule)).toEqual(['unknown_column', 'missing_column'])
  })

  it('dates, integers, enums, SSCCs, serial rules', () => {
    const rows: Cell[][] = [
      ['sku', 'description', 'tracking', 'serial_min_length', 'serial_max_length', 'serial_pattern', 'shelf_life_days'],
      ['A', 'a', 'serial', '8', '4', '', ''],
      ['B', 'b', 'lot', '8', '', '', ''],
      ['C', 'c', 'serial', '', '', '(a+)+', '1.5'],
      ['D', 'd', 'SERIAL', '', '', '', { error: 'holds the spreadsheet error #REF!' }]
    ]
    const v = validateSheet(rows, 'items', 0)
    expect(v.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [4, 'shelf_life_days', 'integer'],
      [5, 'shelf_life_days', 'cell'],
      [2, 'serial_min_length', 'serial.rule_invalid'],
      [3, 'tracking', 'serial_rule']
    ])
    const asn = validateSheet(
      [
        ['order', 'item', 'serial', 'qty', 'expiry', 'sscc', 'parent_sscc'],
        ['A1', 'X', '1', '2', '2027-02-29', '106141412345678908', '106141412345678908'],
        ['A1', 'X', '2', '', '2028-02-29', '106141412345678909', '']
      ],
      'asn',
      0
    )
    expect(asn.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [2, 'expiry', 'date'],
      [3, 'sscc', 'sscc']
    ])
  })

  it('cross-row checks: duplicates, order headers that disagree, plate nesting loops, lines reused', () => {
    const r = (row: number, o: Partial<Record<string, unknown>>) => ({ row, order: 'A', supplier: null, poNumber: null, expectedAt: null, line: null, item: 'X', serial: null, lot: null, expiry: null, qty: 1, sscc: null, parentSscc: null, madeAt: null, productionLine: null, shift: null, ...o })
    const errors = crossCheck({
      kind: 'asn',
      records: [
        r(2, { serial: 'S1', supplier: 'SUP-1', sscc: 'P1', parentSscc: 'P2' }),
        r(3, { serial: 'S1', supplier: 'SUP-2' }),
        r(4, { serial: 'S2', qty: 3, sscc: 'P2', parentSscc: 'P1' }),
        r(5, { line: 1, item: 'X' }),
        r(6, { line: 1, item: 'Y' })
      ] as never
    })
    expect(errors.map((e) => [e.row, e.column, e.rule])).toEqual(
      expect.arrayContaining([
        [3, 'supplier', 'consistent'],
        [3, 'serial', 'unique'],
        [4, 'qty', 'serial_qty'],
        [6, 'line', 'consistent'],
        [2, 'parent_sscc', 'cycle']
      ])
    )
  })

  it('reads semicolon and tab separated files', () => {
    expect(csv('code;name\nS1;"a;b"\n')).toEqual([['code', 'name'], ['S1', 'a;b']])
    expect(csv('code\tname\nS1\tx')).toEqual([['code', 'name'], ['S1', 'x']])
  })
})
