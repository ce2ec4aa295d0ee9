import { normalizeGtin } from '../../../shared/codes/checkdigit'
import type { Tracking } from '../../../shared/contract-areas/receiving'
import type { Db } from '../sql'
import { prepare } from './statement'

export interface ItemRow {
  id: number
  sku: string
  gtin: string | null
  description: string
  tracking: Tracking
  serial_rule: string | null
  default_bin_id: number | null
  putaway_zone_id: number | null
}

const COLUMNS = 'id, sku, gtin, description, tracking, serial_rule, default_bin_id, putaway_zone_id'

/** Items by GTIN, SKU or id: the one place these look-ups are written. */
export function createItemRepository(db: Db) {
  const byGtin = prepare<[string], ItemRow>(db, `SELECT ${COLUMNS} FROM items WHERE gtin = ?`)
  const bySku = prepare<[string], ItemRow>(db, `SELECT ${COLUMNS} FROM items WHERE sku = ?`)
  const byId = prepare<[number], ItemRow>(db, `SELECT ${COLUMNS} FROM items WHERE id = ?`)
  const items = {
    /** By GTIN in any length (8/12/13/14 digits, stored as 14); null when not a valid GTIN. */
    byGtin(gtin: string): ItemRow | null {
      const g = normalizeGtin(gtin)
      return g.ok ? (byGtin.get(g.value) ?? null) : null
    },
    bySku: (sku: string): ItemRow | null => bySku.get(sku) ?? null,
    byId: (id: number): ItemRow | null => byId.get(id) ?? null,
    /** A typed reference: the SKU, else the GTIN. */
    byRef: (ref: string): ItemRow | null => bySku.get(ref) ?? items.byGtin(ref)
  }
  return items
}

export type ItemRepository = ReturnType<typeof createItemRepository>
