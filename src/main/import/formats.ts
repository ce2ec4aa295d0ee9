/**
 * Import formats (README.md, "Import formats"): one kind per file, the kind from a `kind` line above the
 * header or from the header columns. Every cell is checked here without the database (shape, check
 * digits, dates, enumerations, duplicates within the file); `apply.ts` checks references against the
 * store and writes. Rows are numbered as a spreadsheet shows them (1-based, counting the header).
 */

import { validateSerialRule, type SerialCharset, type SerialRule } from '../../shared/codes/serial-rules'
import type { ImportIssue, ImportKind, Tracking } from '../../shared/contract-areas/receiving'

export type { AsnRecord, Cell, ImportBatch, ItemRecord, LocationRecord, PoRecord, SupplierRecord } from './records'
import type { Cell, ImportBatch, ItemRecord, LocationRecord, OperatorImportRecord } from './records'

import { crossCheckShipments, toShipmentRecords } from './shipment-format'
import { COLUMNS, PIN_COLUMNS } from './columns'
import { cellText, isBlankRow, normalizeHeader } from './header'

export { COLUMNS } from './columns'
export { detectKind, normalizeHeader } from './header'

export interface ValidationOutput {
  batch: ImportBatch
  errors: ImportIssue[]
  rows: number
}

/** Where a streaming validator puts problems (an array, or the bounded list of src/main/import/issues.ts). */
export interface IssueSink {
  push(...issues: ImportIssue[]): number
  readonly length: number
}

/** One validated record of any kind, as a sink receives it. */
export type AnyRecord = ImportBatch['records'][number]

/** Row-at-a-time validation: rows stream in, only the compact records and problems are kept. */
export interface SheetValidator {
  /** Validates one row (`index` 0-based as in the file); returns false when the header itself was refused. */
  row(cells: readonly Cell[], index: number): void
  finish(): ValidationOutput
}

/**
 * Checks the header of a sheet and returns a validator for its data rows (no database). With `sink`,
 * each valid record goes to the sink as it is checked and none is kept; with `issues`, problems go there
 * (a bounded list): memory then stays bounded whatever the file's size (the caller stages the records).
 */
export function createSheetValidator(kind: ImportKind, headerCells: readonly Cell[], headerIndex: number, sink?: (record: AnyRecord) => void, issues?: IssueSink): SheetValidator {
  const errors: IssueSink = issues ?? ([] as ImportIssue[])
  const columns = COLUMNS[kind]
  const header = headerCells.map((c) => normalizeHeader(cellText(c)))
  const headerRow = headerIndex + 1
  const index = new Map<string, number>()
  let duplicated = false
  let pinColumn = false
  header.forEach((name, i) => {
    if (name === '') return
    if (kind === 'operators' && PIN_COLUMNS.has(name)) {
      // Refused before any row is read: a PIN in a file is a secret on a shared drive.
      errors.push({ row: headerRow, column: cellText(headerCells[i]), rule: 'pin_column', message: `PINs are never imported: remove column "${cellText(headerCells[i])}". Each operator chooses a PIN at first sign-in, or an administrator sets one in Settings → Operators.` })
      pinColumn = true
    } else if (!columns.some((c) => c.name === name)) {
      errors.push({ row: headerRow, column: cellText(headerCells[i]), rule: 'unknown_column', message: `Unknown column "${cellText(headerCells[i])}" for kind ${kind}: the columns are ${columns.map((c) => c.name).join(', ')}.` })
    } else if (index.has(name)) {
      errors.push({ row: headerRow, column: name, rule: 'duplicate_column', message: `Column "${name}" appears twice.` })
      duplicated = true
    } else index.set(name, i)
  })
  let headerRefused = false
  for (const c of columns) {
    if (c.required && !index.has(c.name)) {
      errors.push({ row: headerRow, column: c.name, rule: 'missing_column', message: `Column "${c.name}" is required for kind ${kind}.` })
      headerRefused = true
    }
  }
  // An unknown column is reported and its cells ignored, but every row is still checked, so the report
  // lists every bad row (the file is refused either way). Without a required column (or with one twice)
  // the rows cannot be read meaningfully: the header problem is the report.
  if (duplicated || pinColumn) headerRefused = true
  const records: Array<Record<string, unknown> & { row: number }> = []
  let dataRows = 0
  let seenRows = 0
  return {
    row(cells, r) {
      seenRows++
      if (headerRefused || isBlankRow(cells)) return
      dataRows++
      const row = r + 1
      const rec: Record<string, unknown> & { row: number } = { row }
      let rowOk = true
      for (let i = header.length; i < cells.length; i++) {
        if (cellText(cells[i]).trim() !== '' || typeof cells[i] !== 'string') {
          errors.push({ row, column: null, rule: 'extra_cell', message: `Cell ${i + 1} has a value but no column header.`, value: cellText(cells[i]).slice(0, 100) })
          rowOk = false
          break
        }
      }
      for (const c of columns) {
        const at = index.get(c.name)
        const raw = at === undefined ? '' : cells[at]
        if (raw !== undefined && typeof raw !== 'string') {
          errors.push({ row, column: c.name, rule: 'cell', message: `${c.name}: ${raw.error}` })
          rowOk = false
          continue
        }
        const v = (raw ?? '').trim()
        if (v === '') {
          if (c.required) {
            errors.push({ row, column: c.name, rule: 'required', message: `${c.name} is required.` })
            rowOk = false
          }
          rec[c.name] = null
          continue
        }
        const p = c.parse(v)
        if (!p.ok) {
          errors.push({ row, column: c.name, rule: p.rule, message: `${c.name} ${p.message}.`, value: v.length > 100 ? `${v.slice(0, 100)}…` : v })
          rowOk = false
        } else rec[c.name] = p.value
      }
      if (!rowOk) return
      if (sink) {
        const one = toBatch(kind, [rec], errors).records[0]
        if (one) sink(one)
      } else records.push(rec)
    },
    finish() {
      const listed = (): ImportIssue[] => (Array.isArray(errors) ? errors : (errors as unknown as { list(): ImportIssue[] }).list())
      if (headerRefused) return { batch: { kind, records: [] } as unknown as ImportBatch, errors: listed(), rows: seenRows }
      const batch = toBatch(kind, records, errors)
      return { batch, errors: listed(), rows: dataRows }
    }
  }
}

/** Checks every cell and row of a sheet held in memory (no database) → records of the kind, and every problem found. */
export function validateSheet(rows: readonly (readonly Cell[])[], kind: ImportKind, headerIndex: number, onRow?: (done: number, total: number) => void): ValidationOutput {
  const validator = createSheetValidator(kind, rows[headerIndex]!, headerIndex)
  const total = rows.length - headerIndex - 1
  for (let r = headerIndex + 1; r < rows.length; r++) {
    validator.row(rows[r]!, r)
    if (onRow && (r - headerIndex) % 2000 === 0) onRow(r - headerIndex, total)
  }
  return validator.finish()
}

/** One validated items row → its record (or null, with the problem added to errors). */
function itemRecordOf(r: Record<string, unknown> & { row: number }, errors: IssueSink): ItemRecord | null {
  const s = (x: Record<string, unknown>, k: string) => (x[k] as string | null) ?? null
  const n = (x: Record<string, unknown>, k: string) => (x[k] as number | null) ?? null
  const rule: SerialRule = {}
  if (n(r, 'serial_min_length') !== null) rule.minLength = n(r, 'serial_min_length')!
  if (n(r, 'serial_max_length') !== null) rule.maxLength = n(r, 'serial_max_length')!
  if (s(r, 'serial_charset') !== null) rule.charset = s(r, 'serial_charset') as SerialCharset
  if (s(r, 'serial_prefix') !== null) rule.prefix = s(r, 'serial_prefix')!
  if (s(r, 'serial_pattern') !== null) rule.pattern = s(r, 'serial_pattern')!
  const hasRule = Object.keys(rule).length > 0
  if (hasRule) {
    const v = validateSerialRule(rule)
    if (!v.ok) {
      const m = v.error.message
      const column = /prefix/.test(m) ? 'serial_prefix' : /minLength/.test(m) ? 'serial_min_length' : /maxLength/.test(m) ? 'serial_max_length' : /charset/.test(m) ? 'serial_charset' : 'serial_pattern'
      errors.push({ row: r.row, column, rule: v.error.code, message: m })
      return null
    }
  }
  const tracking = s(r, 'tracking') as Tracking
  if (hasRule && (tracking === 'none' || tracking === 'lot')) {
    errors.push({ row: r.row, column: 'tracking', rule: 'serial_rule', message: `A serial rule needs tracking serial or lot_serial, not ${tracking}.` })
    return null
  }
  return { row: r.row, sku: s(r, 'sku')!, gtin: s(r, 'gtin'), description: s(r, 'description')!, tracking, serialRule: hasRule ? rule : null, shelfLifeDays: n(r, 'shelf_life_days'), defaultBin: s(r, 'default_bin'), putawayZone: s(r, 'putaway_zone') }
}

function toBatch(kind: ImportKind, recs: Array<Record<string, unknown> & { row: number }>, errors: IssueSink): ImportBatch {
  const s = (r: Record<string, unknown>, k: string) => (r[k] as string | null) ?? null
  const n = (r: Record<string, unknown>, k: string) => (r[k] as number | null) ?? null
  switch (kind) {
    case 'items':
      return {
        kind,
        records: recs.flatMap((r) => {
          const item = itemRecordOf(r, errors)
          return item ? [item] : []
        })
      }
    case 'suppliers':
      return { kind, records: recs.map((r) => ({ row: r.row, code: s(r, 'code')!, name: s(r, 'name')!, gln: s(r, 'gln') })) }
    case 'locations':
      return { kind, records: recs.map((r) => ({ row: r.row, code: s(r, 'code')!, name: s(r, 'name')!, kind: s(r, 'kind') as LocationRecord['kind'], parent: s(r, 'parent'), gln: s(r, 'gln'), active: (r.active as boolean | null) ?? true, hold: (r.hold as boolean | null) ?? null })) }
    case 'po':
      return { kind, records: recs.map((r) => ({ row: r.row, order: s(r, 'order')!, supplier: s(r, 'supplier'), expectedAt: s(r, 'expected_at'), line: n(r, 'line')!, item: s(r, 'item')!, qty: n(r, 'qty')!, lot: s(r, 'lot') })) }
    case 'asn':
      return {
        kind,
        records: recs.map((r) => ({
          row: r.row,
          order: s(r, 'order')!,
          supplier: s(r, 'supplier'),
          poNumber: s(r, 'po_number'),
          expectedAt: s(r, 'expected_at'),
          line: n(r, 'line'),
          item: s(r, 'item')!,
          serial: s(r, 'serial'),
          lot: s(r, 'lot'),
          expiry: s(r, 'expiry'),
          qty: n(r, 'qty') ?? 1,
          sscc: s(r, 'sscc'),
          parentSscc: s(r, 'parent_sscc'),
          madeAt: s(r, 'made_at'),
          productionLine: s(r, 'production_line'),
          shift: s(r, 'shift')
        }))
      }
    case 'shipment':
      return { kind, records: toShipmentRecords(recs) }
    case 'operators':
      return { kind, records: recs.map((r) => ({ row: r.row, name: s(r, 'name')!, badge: s(r, 'badge'), role: s(r, 'role') as OperatorImportRecord['role'] })) }
  }
}

/** Checks between rows of one file (duplicates, order headers that disagree, plate nesting). */
export function crossCheck(batch: ImportBatch): ImportIssue[] {
  const errors: ImportIssue[] = []
  const unique = <R extends { row: number }>(records: R[], key: (r: R) => string | null, column: string, what: string) => {
    const seen = new Map<string, number>()
    for (const r of records) {
      const k = key(r)
      if (k === null) continue
      const first = seen.get(k)
      if (first !== undefined) errors.push({ row: r.row, column, rule: 'unique', message: `${what} already appears in row ${first}.`, value: k.split('\u0000').pop()! })
      else seen.set(k, r.row)
    }
  }
  const sameHeader = <R extends { row: number; order: string }>(records: R[], fields: Array<[keyof R & string, string]>) => {
    const first = new Map<string, R>()
    for (const r of records) {
      const f = first.get(r.order)
      if (!f) {
        first.set(r.order, r)
        continue
      }
      for (const [k, column] of fields) {
        if (r[k] !== null && f[k] !== null && r[k] !== f[k]) {
          errors.push({ row: r.row, column, rule: 'consistent', message: `${column} differs from row ${f.row} of the same order (${String(f[k])}).`, value: String(r[k]) })
        } else if (f[k] === null && r[k] !== null) f[k] = r[k]
      }
    }
  }
  switch (batch.kind) {
    case 'items':
      unique(batch.records, (r) => r.sku, 'sku', 'This SKU')
      unique(batch.records, (r) => r.gtin, 'gtin', 'This GTIN')
      break
    case 'suppliers':
      unique(batch.records, (r) => r.code, 'code', 'This supplier code')
      break
    case 'locations': {
      unique(batch.records, (r) => r.code.toUpperCase(), 'code', 'This location code')
      const parent = new Map(batch.records.map((r) => [r.code, r.parent]))
      for (const r of batch.records) {
        let p = r.parent
        for (let depth = 0; p !== null && depth <= batch.records.length; depth++) {
          if (p === r.code) {
            errors.push({ row: r.row, column: 'parent', rule: 'cycle', message: `Location ${r.code} would be inside itself (parent chain loops).`, value: r.parent ?? '' })
            break
          }
          p = parent.get(p) ?? null
        }
      }
      break
    }
    case 'po':
      unique(batch.records, (r) => `${r.order}\u0000${r.line}`, 'line', 'This order line')
      sameHeader(batch.records, [['supplier', 'supplier'], ['expectedAt', 'expected_at']])
      break
    case 'asn': {
      sameHeader(batch.records, [['supplier', 'supplier'], ['poNumber', 'po_number'], ['expectedAt', 'expected_at']])
      unique(batch.records, (r) => (r.serial === null ? null : `${r.order}\u0000${r.item}\u0000${r.serial}`), 'serial', 'This serial of this item on this order')
      const plateParent = new Map<string, { parent: string | null; row: number }>()
      const lineKey = new Map<string, { key: string; row: number }>()
      for (const r of batch.records) {
        if (r.serial !== null && r.qty !== 1) errors.push({ row: r.row, column: 'qty', rule: 'serial_qty', message: 'A row with a serial is one unit: qty must be 1 or empty.', value: String(r.qty) })
        if (r.parentSscc !== null && r.sscc === null) errors.push({ row: r.row, column: 'parent_sscc', rule: 'required', message: 'parent_sscc needs the sscc of the case the unit is on.' })
        if (r.parentSscc !== null && r.parentSscc === r.sscc) errors.push({ row: r.row, column: 'parent_sscc', rule: 'cycle', message: 'A plate cannot be inside itself.', value: r.parentSscc })
        if (r.sscc !== null) {
          const k = `${r.order}\u0000${r.sscc}`
          const seen = plateParent.get(k)
          if (seen && seen.parent !== r.parentSscc) {
            errors.push({ row: r.row, column: 'parent_sscc', rule: 'consistent', message: `Plate ${r.sscc} has parent ${seen.parent ?? '(none)'} in row ${seen.row}.`, value: r.parentSscc ?? '' })
          } else if (!seen) plateParent.set(k, { parent: r.parentSscc, row: r.row })
        }
        if (r.line !== null) {
          const k = `${r.order}\u0000${r.line}`
          const key = `${r.item}\u0000${r.lot ?? ''}`
          const seen = lineKey.get(k)
          if (seen && seen.key !== key) errors.push({ row: r.row, column: 'line', rule: 'consistent', message: `Line ${r.line} is another item or lot in row ${seen.row}.`, value: String(r.line) })
          else if (!seen) lineKey.set(k, { key, row: r.row })
        }
      }
      // nesting deeper than a pallet → case → unit chain must not loop
      for (const [k, v] of plateParent) {
        const order = k.split('\u0000')[0]!
        let p = v.parent
        for (let depth = 0; p !== null; depth++) {
          if (depth > 8 || p === k.split('\u0000')[1]) {
            errors.push({ row: v.row, column: 'parent_sscc', rule: 'cycle', message: 'The plate nesting loops or is deeper than 8 levels.', value: v.parent ?? '' })
            break
          }
          p = plateParent.get(`${order}\u0000${p}`)?.parent ?? null
        }
      }
      break
    }
    case 'shipment':
      errors.push(...crossCheckShipments(batch.records))
      break
    case 'operators':
      unique(batch.records, (r) => r.badge, 'badge', 'This badge')
      unique(batch.records, (r) => r.name.toLowerCase(), 'name', 'This name')
      break
  }
  return errors
}
