import type { SerialRule } from '../../shared/codes/serial-rules'
import type { Tracking } from '../../shared/contract-areas/receiving'
import type { ShipmentRecord } from './shipment-format'

/** The records an import produces, per kind: what a file import and the upstream sync hand to `applyBatch`. */
/** A cell as read: text (trimmed by the reader), or a spreadsheet error / unusable value. */
export type Cell = string | { error: string }

export interface ItemRecord {
  row: number
  sku: string
  gtin: string | null
  description: string
  tracking: Tracking
  serialRule: SerialRule | null
  shelfLifeDays: number | null
  defaultBin: string | null
  putawayZone: string | null
}
export interface SupplierRecord {
  row: number
  code: string
  name: string
  gln: string | null
}
export interface LocationRecord {
  row: number
  code: string
  name: string
  kind: 'site' | 'zone' | 'aisle' | 'shelf' | 'bin' | 'dock' | 'door'
  parent: string | null
  gln: string | null
  active: boolean
  /** A quarantine/hold bin (put-away takes only held units there); null or absent: unchanged (new: no). */
  hold?: boolean | null
}
export interface PoRecord {
  row: number
  order: string
  supplier: string | null
  expectedAt: string | null
  line: number
  item: string
  qty: number
  lot: string | null
}
export interface AsnRecord {
  row: number
  order: string
  supplier: string | null
  poNumber: string | null
  expectedAt: string | null
  line: number | null
  item: string
  serial: string | null
  lot: string | null
  expiry: string | null
  qty: number
  sscc: string | null
  parentSscc: string | null
  madeAt: string | null
  productionLine: string | null
  shift: string | null
}

/** One operator of an `operators` import: no PIN ever (chosen at first sign-in or set by an administrator). */
export interface OperatorImportRecord {
  row: number
  name: string
  badge: string | null
  role: 'operator' | 'supervisor' | 'administrator'
}

/** Parsed records of one kind: what a file import and the upstream sync both hand to `applyBatch`. */
export type ImportBatch =
  | { kind: 'items'; records: ItemRecord[] }
  | { kind: 'suppliers'; records: SupplierRecord[] }
  | { kind: 'locations'; records: LocationRecord[] }
  | { kind: 'po'; records: PoRecord[] }
  | { kind: 'asn'; records: AsnRecord[] }
  | { kind: 'shipment'; records: ShipmentRecord[] }
  | { kind: 'operators'; records: OperatorImportRecord[] }
