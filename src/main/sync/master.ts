import { z } from 'zod'
import { validateSerialRule, type SerialRule } from '../../shared/codes/serial-rules'
import type { ImportBatch, ItemRecord, LocationRecord, SupplierRecord } from '../import/formats'

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
  batches: ImportBatch[]
  /** Records that are not master data this station can hold, as `{kind, key, problem}`. */
  skipped: { kind: string; key: string; problem: string }[]
}

/**
 * Groups a page's master changes into import batches in dependency order: locations, suppliers, items.
 * The record's kind and key come from the change key (`kind/key`): the server spreads the body over
 * `{kind, key}`, so a location body's own `kind` (dock, bin…) shadows the record kind there.
 */
export function masterBatches(changes: readonly { key: string; body: Record<string, unknown> }[]): MasterBatches {
  const locations: LocationRecord[] = []
  const suppliers: SupplierRecord[] = []
  const items: ItemRecord[] = []
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
    } else {
      // Operators' names upstream are for reports; a station's operators sign in with local PINs.
      bad('not held on stations')
    }
  })
  const batches: ImportBatch[] = []
  if (locations.length) batches.push({ kind: 'locations', records: locations })
  if (suppliers.length) batches.push({ kind: 'suppliers', records: suppliers })
  if (items.length) batches.push({ kind: 'items', records: items })
  return { batches, skipped }
}
