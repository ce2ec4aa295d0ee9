/** The columns of each import kind and how each cell is read (README.md, "Import formats"). */
import type { ImportKind } from '../../shared/contract-areas/receiving'
import { bad, bool, code, date, gln, gtin, int, lot, oneOf, serialText, ok, sscc, text, type Column } from './cells'
import { SHIPMENT_COLUMNS } from './shipment-format'

// ── kinds ────────────────────────────────────────────────────────────────────────────────────
const TRACKING = ['none', 'lot', 'serial', 'lot_serial'] as const
const LOCATION_KINDS = ['site', 'zone', 'aisle', 'shelf', 'bin', 'dock', 'door'] as const
const CHARSETS = ['numeric', 'alphanumeric', 'cset82'] as const
const ROLES = ['operator', 'supervisor', 'administrator'] as const
/** A badge as a scanner types it: printable, no spaces at the ends (trimmed), at most 128 characters. */
const badge: Column<string>['parse'] = (v) => (/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(v) && v.length <= 128 ? ok(v) : bad('badge', 'must be 1–128 printable characters (letters, digits, symbols) as the badge scans'))

export const COLUMNS: Record<ImportKind, Array<Column<unknown>>> = {
  items: [
    { name: 'sku', required: true, parse: code(64) },
    { name: 'gtin', parse: gtin },
    { name: 'description', required: true, parse: text(200) },
    { name: 'tracking', required: true, parse: oneOf(TRACKING) },
    { name: 'serial_min_length', parse: int(1, 128) },
    { name: 'serial_max_length', parse: int(1, 128) },
    { name: 'serial_charset', parse: oneOf(CHARSETS) },
    { name: 'serial_prefix', parse: text(128) },
    { name: 'serial_pattern', parse: text(200) },
    { name: 'shelf_life_days', parse: int(0, 36500) },
    { name: 'default_bin', parse: code(64) },
    { name: 'putaway_zone', parse: code(64) }
  ],
  suppliers: [
    { name: 'code', required: true, parse: code(64) },
    { name: 'name', required: true, parse: text(200) },
    { name: 'gln', parse: gln }
  ],
  locations: [
    { name: 'code', required: true, parse: code(64) },
    { name: 'name', required: true, parse: text(200) },
    { name: 'kind', required: true, parse: oneOf(LOCATION_KINDS) },
    { name: 'parent', parse: code(64) },
    { name: 'gln', parse: gln },
    { name: 'active', parse: bool },
    { name: 'hold', parse: bool }
  ],
  po: [
    { name: 'order', required: true, parse: code(64) },
    { name: 'supplier', parse: code(64) },
    { name: 'expected_at', parse: date },
    { name: 'line', required: true, parse: int(1, 999_999) },
    { name: 'item', required: true, parse: text(64) },
    { name: 'qty', required: true, parse: int(0, 10_000_000) },
    { name: 'lot', parse: lot }
  ],
  asn: [
    { name: 'order', required: true, parse: code(64) },
    { name: 'supplier', parse: code(64) },
    { name: 'po_number', parse: code(64) },
    { name: 'expected_at', parse: date },
    { name: 'line', parse: int(1, 999_999) },
    { name: 'item', required: true, parse: text(64) },
    { name: 'serial', parse: serialText },
    { name: 'lot', parse: lot },
    { name: 'expiry', parse: date },
    { name: 'qty', parse: int(1, 100_000) },
    { name: 'sscc', parse: sscc },
    { name: 'parent_sscc', parse: sscc },
    { name: 'made_at', parse: date },
    { name: 'production_line', parse: text(64) },
    { name: 'shift', parse: text(32) }
  ],
  shipment: SHIPMENT_COLUMNS,
  operators: [
    { name: 'name', required: true, parse: text(200) },
    { name: 'badge', parse: badge },
    { name: 'role', required: true, parse: oneOf(ROLES) }
  ]
}

/** Header names that would carry a PIN: an `operators` file with one is refused whole (PINs are never in files). */
export const PIN_COLUMNS: ReadonlySet<string> = new Set(['pin', 'pins', 'pin_code', 'pincode', 'pin_hash', 'password', 'passcode', 'code_pin'])
