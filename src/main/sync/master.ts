import { z } from 'zod'
import { validateSerialRule, type SerialRule } from '../../shared/codes/serial-rules'
import { masterOrderBodySchema, masterRecallBodySchema, masterShipmentBodySchema, type MasterRecallBody } from '../../shared/sync-master'
import type { AsnRecord, ImportBatch, ItemRecord, LocationRecord, PoRecord, SupplierRecord } from '../import/formats'
import type { ShipmentRecord } from '../import/shipment-format'

/**
 * Upstream master records (`master` changes: `{kind, key, ...body}`) as the importer's records, so they
 * go through the same apply path as a file (import/apply.ts). Bodies use the import's field names.
 */
const serialRule = z.record(z.string(), z.unknown())

const item = z.object({
  key: z.string().min(1),
  gtin: z.string().regex(/^\d{14}$/).nullish(),
  description: z.string().min(1).default(''),
  tracking: z.enum(['none', 'lot', 'serial', 'lot_serial']).default('none'),
  serialRule: serialRule.nullish(),
  shelfLifeDays: z.number().int().nullish(),
  defaultBin: z.string().nullish(),
  putawayZone: z.string().nullish()
})
const supplier = z.object({ key: z.string().min(1), name: z.string().min(1), gln: z.string().regex(/^\d{13}$/).nullish() })
const location = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['site', 'zone', 'aisle', 'shelf', 'bin', 'dock', 'door']),
  parent: z.string().nullish(),
  gln: z.string().regex(/^\d{13}$/).nullish(),
  active: z.boolean().default(true)
})

export interface MasterBatches {
  /** In apply order; shipments and orders one batch each, so one refused record holds up no other. */
  batches: ImportBatch[]
  /** Recall notices, in feed order (applied to the lots after the batches). */
  recalls: (MasterRecallBody & { key: string })[]
  /** Records that are not master data this station can hold, as `{kind, key, problem}`. */
  skipped: { kind: string; key: string; problem: string }[]
}

/** What the station already holds: a shipment is loaded once (the gate owns it afterwards). */
export interface HeldHere {
  shipment(number: string): boolean
}

function shipmentRecords(number: string, body: Record<string, unknown>): ShipmentRecord[] | string {
  const r = masterShipmentBodySchema.safeParse(body)
  if (!r.success) return r.error.issues[0] ? `${r.error.issues[0].path.join('.') || 'body'}: ${r.error.issues[0].message}` : 'invalid'
  const b = r.data
  const head = { shipment: number, customer: b.customer, customerName: b.customerName ?? null, shipTo: b.shipTo ?? null, door: b.door ?? null }
  const lines = b.lines.map((l, i): ShipmentRecord => ({ row: i + 1, ...head, line: l.line ?? null, item: l.item, serial: l.serial ?? null, qty: l.serial ? null : (l.qty ?? 1), sscc: null }))
  const plates = b.plates.map((sscc, i): ShipmentRecord => ({ row: lines.length + i + 1, ...head, line: null, item: null, serial: null, qty: null, sscc }))
  return [...lines, ...plates]
}

function orderBatch(number: string, body: Record<string, unknown>): ImportBatch | string {
  const r = masterOrderBodySchema.safeParse(body)
  if (!r.success) return r.error.issues[0] ? `${r.error.issues[0].path.join('.') || 'body'}: ${r.error.issues[0].message}` : 'invalid'
  const b = r.data
  // Expected serials or pallets make it an advance shipping notice; otherwise a purchase order.
  if (b.lines.some((l) => l.serial || l.sscc)) {
    const records = b.lines.map((l, i): AsnRecord => ({
      row: i + 1, order: number, supplier: b.supplier ?? null, poNumber: b.poNumber ?? null, expectedAt: b.expectedAt ?? null, line: l.line ?? null, item: l.item,
      serial: l.serial ?? null, lot: l.lot ?? null, expiry: l.expiry ?? null, qty: l.qty ?? 1, sscc: l.sscc ?? null, parentSscc: null, madeAt: null, productionLine: null, shift: null
    }))
    return { kind: 'asn', records }
  }
  const records = b.lines.map((l, i): PoRecord => ({ row: i + 1, order: number, supplier: b.supplier ?? null, expectedAt: b.expectedAt ?? null, line: l.line ?? i + 1, item: l.item, qty: l.qty ?? 1, lot: l.lot ?? null }))
  return { kind: 'po', records }
}

/**
 * Groups a page's master changes into import batches in dependency order: locations, suppliers, items,
 * then inbound orders and outbound shipments (one batch each). The record's kind and key come from the
 * change key (`kind/key`): the server spreads the body over `{kind, key}`, so a location body's own
 * `kind` (dock, bin…) shadows the record kind there.
 */
export function masterBatches(changes: readonly { key: string; body: Record<string, unknown> }[], held: HeldHere = { shipment: () => false }): MasterBatches {
  const locations: LocationRecord[] = []
  const suppliers: SupplierRecord[] = []
  const items: ItemRecord[] = []
  const documents: ImportBatch[] = []
  const recalls: MasterBatches['recalls'] = []
  const skipped: MasterBatches['skipped'] = []
  changes.forEach((change, i) => {
    const row = i + 1
    const slash = change.key.indexOf('/')
    const kind = change.key.slice(0, slash)
    const key = change.key.slice(slash + 1)
    const body = { ...change.body, key, ...(kind === 'location' ? {} : { kind }) }
    const bad = (problem: string) => skipped.push({ kind, key, problem })
    if (kind === 'location') {
      const r = location.safeParse(body)
      if (!r.success) return bad(r.error.issues[0]?.message ?? 'invalid')
      locations.push({ row, code: r.data.key, name: r.data.name, kind: r.data.kind, parent: r.data.parent ?? null, gln: r.data.gln ?? null, active: r.data.active })
    } else if (kind === 'supplier') {
      const r = supplier.safeParse(body)
      if (!r.success) return bad(r.error.issues[0]?.message ?? 'invalid')
      suppliers.push({ row, code: r.data.key, name: r.data.name, gln: r.data.gln ?? null })
    } else if (kind === 'item') {
      const r = item.safeParse(body)
      if (!r.success) return bad(r.error.issues[0]?.message ?? 'invalid')
      let rule: SerialRule | null = null
      if (r.data.serialRule) {
        const checked = validateSerialRule(r.data.serialRule as SerialRule)
        if (!checked.ok) return bad(`serial rule: ${checked.error.message}`)
        rule = checked.value
      }
      items.push({
        row,
        sku: r.data.key,
        gtin: r.data.gtin ?? null,
        description: r.data.description || r.data.key,
        tracking: r.data.tracking,
        serialRule: rule,
        shelfLifeDays: r.data.shelfLifeDays ?? null,
        defaultBin: r.data.defaultBin ?? null,
        putawayZone: r.data.putawayZone ?? null
      })
    } else if (kind === 'shipment') {
      if (held.shipment(key)) return
      const records = shipmentRecords(key, change.body)
      if (typeof records === 'string') return bad(records)
      documents.push({ kind: 'shipment', records })
    } else if (kind === 'order') {
      const batch = orderBatch(key, change.body)
      if (typeof batch === 'string') return bad(batch)
      documents.push(batch)
    } else if (kind === 'recall') {
      const r = masterRecallBodySchema.safeParse(change.body)
      if (!r.success) return bad(r.error.issues[0] ? `${r.error.issues[0].path.join('.') || 'body'}: ${r.error.issues[0].message}` : 'invalid')
      recalls.push({ key, ...r.data })
    } else {
      // Operators' names upstream are for reports; a station's operators sign in with local PINs.
      bad('not held on stations')
    }
  })
  const batches: ImportBatch[] = []
  if (locations.length) batches.push({ kind: 'locations', records: locations })
  if (suppliers.length) batches.push({ kind: 'suppliers', records: suppliers })
  if (items.length) batches.push({ kind: 'items', records: items })
  batches.push(...documents)
  return { batches, recalls, skipped }
}
