/**
 * The `shipment` import kind (outbound shipments, README "Gate"): one row per expected unit (item +
 * serial), per expected plate (sscc) or per line quantity (item + qty). Rows of one shipment share
 * its header cells (customer, ship-to, door). Checked here without the database; `apply-shipments.ts`
 * checks references and writes.
 */
import type { ImportIssue } from '../../shared/contract-areas/receiving'
import { code, int, serialText, sscc, text, type Column } from './cells'

export interface ShipmentRecord {
  row: number
  shipment: string
  customer: string
  customerName: string | null
  shipTo: string | null
  door: string | null
  line: number | null
  item: string | null
  serial: string | null
  qty: number | null
  sscc: string | null
}

export const SHIPMENT_COLUMNS: Array<Column<unknown>> = [
  { name: 'shipment', required: true, parse: code(64) },
  { name: 'customer', required: true, parse: code(64) },
  { name: 'customer_name', parse: text(200) },
  { name: 'ship_to', parse: text(300) },
  { name: 'door', parse: code(64) },
  { name: 'line', parse: int(1, 999_999) },
  { name: 'item', parse: text(64) },
  { name: 'serial', parse: serialText },
  { name: 'qty', parse: int(1, 10_000_000) },
  { name: 'sscc', parse: sscc }
]

export function toShipmentRecords(recs: Array<Record<string, unknown> & { row: number }>): ShipmentRecord[] {
  const s = (r: Record<string, unknown>, k: string) => (r[k] as string | null) ?? null
  const n = (r: Record<string, unknown>, k: string) => (r[k] as number | null) ?? null
  return recs.map((r) => ({
    row: r.row,
    shipment: s(r, 'shipment')!,
    customer: s(r, 'customer')!,
    customerName: s(r, 'customer_name'),
    shipTo: s(r, 'ship_to'),
    door: s(r, 'door'),
    line: n(r, 'line'),
    item: s(r, 'item'),
    serial: s(r, 'serial'),
    qty: n(r, 'qty'),
    sscc: s(r, 'sscc')
  }))
}

/** Checks between rows: what each row expects, consistent shipment headers, no duplicate serial or plate. */
export function crossCheckShipments(records: readonly ShipmentRecord[]): ImportIssue[] {
  const errors: ImportIssue[] = []
  const header = new Map<string, ShipmentRecord>()
  const seen = new Map<string, number>()
  const lineItem = new Map<string, { item: string; row: number }>()
  for (const r of records) {
    if (r.sscc === null && r.item === null) errors.push({ row: r.row, column: 'item', rule: 'required', message: 'A row expects an item (with a serial or a qty) or a plate (sscc).' })
    if (r.sscc !== null && (r.item !== null || r.serial !== null || r.qty !== null)) {
      errors.push({ row: r.row, column: 'sscc', rule: 'one_of', message: 'A plate row (sscc) has no item, serial or qty: the plate brings its contents.', value: r.sscc })
    }
    if (r.serial !== null && r.qty !== null && r.qty !== 1) errors.push({ row: r.row, column: 'qty', rule: 'serial_qty', message: 'A row with a serial is one unit: qty must be 1 or empty.', value: String(r.qty) })
    const f = header.get(r.shipment)
    if (!f) header.set(r.shipment, r)
    else {
      for (const [k, column] of [['customer', 'customer'], ['customerName', 'customer_name'], ['shipTo', 'ship_to'], ['door', 'door']] as const) {
        if (r[k] !== null && f[k] !== null && r[k] !== f[k]) errors.push({ row: r.row, column, rule: 'consistent', message: `${column} differs from row ${f.row} of the same shipment (${String(f[k])}).`, value: String(r[k]) })
      }
    }
    const key = r.sscc !== null ? `${r.shipment}\u0000plate\u0000${r.sscc}` : r.serial !== null ? `${r.shipment}\u0000unit\u0000${r.item ?? ''}\u0000${r.serial}` : null
    if (key !== null) {
      const first = seen.get(key)
      if (first !== undefined) errors.push({ row: r.row, column: r.sscc !== null ? 'sscc' : 'serial', rule: 'unique', message: `This ${r.sscc !== null ? 'plate' : 'serial'} is already expected on this shipment in row ${first}.`, value: r.sscc ?? r.serial ?? '' })
      else seen.set(key, r.row)
    }
    if (r.line !== null && r.item !== null) {
      const k = `${r.shipment}\u0000${r.line}`
      const l = lineItem.get(k)
      if (l && l.item !== r.item) errors.push({ row: r.row, column: 'line', rule: 'consistent', message: `Line ${r.line} is another item in row ${l.row}.`, value: String(r.line) })
      else if (!l) lineItem.set(k, { item: r.item, row: r.row })
    }
  }
  return errors
}
