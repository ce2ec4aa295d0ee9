/** The header row of an import file: its spellings, and the kind it declares or its columns name. */
import { IMPORT_KINDS, type ImportIssue, type ImportKind } from '../../shared/contract-areas/receiving'
import { COLUMNS } from './columns'
import type { Cell } from './records'

/** Header spellings accepted besides the canonical column names. */
const ALIASES: Record<string, string> = {
  quantity: 'qty',
  order_number: 'order',
  po: 'po_number',
  sku_or_gtin: 'item',
  expiry_date: 'expiry',
  best_before: 'expiry',
  production_date: 'made_at',
  manufactured_at: 'made_at',
  pallet: 'sscc',
  pallet_sscc: 'parent_sscc',
  machine: 'production_line',
  line_no: 'line',
  expected: 'expected_at'
}

export const normalizeHeader = (h: string): string => {
  const n = h.trim().toLowerCase().replace(/[\s-]+/g, '_')
  return ALIASES[n] ?? n
}

export const cellText = (c: Cell | undefined): string => (c === undefined ? '' : typeof c === 'string' ? c : '')
export const isBlankRow = (cells: readonly Cell[]) => cells.every((c) => typeof c === 'string' && c.trim() === '')

const COLUMN_NAME = /^[a-z][a-z0-9_]{0,39}$/

function headerHint(cols: ReadonlySet<string>): string {
  const names = [...cols].filter((c) => COLUMN_NAME.test(c)).slice(0, 8)
  return names.length > 0 ? ` (${names.join(', ')})` : ''
}

/** The kind a header's columns name, or null. */
function kindFromColumns(cols: ReadonlySet<string>): ImportKind | null {
  const has = (...names: string[]) => names.every((n) => cols.has(n))
  if (has('shipment', 'customer')) return 'shipment'
  if (has('order', 'item') && (cols.has('serial') || cols.has('sscc') || cols.has('parent_sscc') || !cols.has('line'))) return 'asn'
  if (has('order', 'item', 'line', 'qty')) return 'po'
  if (has('sku', 'tracking')) return 'items'
  if (has('code', 'name', 'kind')) return 'locations'
  if (has('name', 'role') && !cols.has('code')) return 'operators'
  if (has('code', 'name')) return 'suppliers'
  return null
}

/** The kind from a `kind,<kind>` line, else from the header columns; plus where the header is. */
export function detectKind(rows: readonly (readonly Cell[])[], forced?: ImportKind): { kind: ImportKind; headerIndex: number } | ImportIssue {
  let i = 0
  while (i < rows.length && isBlankRow(rows[i]!)) i++
  if (i >= rows.length) return { row: 1, column: null, rule: 'empty', message: 'The file has no header row and no data.' }
  const first = rows[i]!
  const c0 = cellText(first[0]).trim().toLowerCase()
  const inline = /^#?\s*kind\s*[:=]\s*(\S+)$/.exec(c0)
  const rest = first.slice(2).every((c) => cellText(c).trim() === '')
  let declared: string | null = null
  if (inline) declared = inline[1]!
  else if (/^#?\s*kind$/.test(c0) && rest && cellText(first[1]).trim() !== '' && !['code', 'name'].includes(normalizeHeader(cellText(first[1])))) declared = cellText(first[1]).trim().toLowerCase()
  if (declared !== null) {
    if (!(IMPORT_KINDS as readonly string[]).includes(declared)) {
      // Echoed only when it looks like a kind name: never a line of some other file.
      const named = COLUMN_NAME.test(declared)
      return { row: i + 1, column: null, rule: 'kind', message: `Unknown kind${named ? ` "${declared}"` : ''}: one of ${IMPORT_KINDS.join(', ')}.`, ...(named ? { value: declared } : {}) }
    }
    if (forced && forced !== declared) return { row: i + 1, column: null, rule: 'kind', message: `The file says kind "${declared}" but kind "${forced}" was asked for.`, value: declared }
    let h = i + 1
    while (h < rows.length && isBlankRow(rows[h]!)) h++
    if (h >= rows.length) return { row: i + 2, column: null, rule: 'empty', message: 'No header row after the kind line.' }
    return { kind: declared as ImportKind, headerIndex: h }
  }
  const cols = new Set(first.map((c) => normalizeHeader(cellText(c))))
  const kind = kindFromColumns(cols)
  if (forced) {
    // A header that lacks the asked kind's required columns but fits another kind is the wrong file
    // (or the wrong --kind): say which kind it looks like instead of listing every missing column.
    const lacksRequired = COLUMNS[forced].some((c) => c.required && !cols.has(c.name))
    if (kind && kind !== forced && lacksRequired) {
      return { row: i + 1, column: null, rule: 'kind', message: `The file looks like kind "${kind}" from its header${headerHint(cols)}, but kind "${forced}" was asked for.`, value: kind }
    }
    return { kind: forced, headerIndex: i }
  }
  if (!kind) {
    return {
      row: i + 1,
      column: null,
      rule: 'kind',
      // Only names that look like column names are echoed: a file that is not an import at all
      // (a password file, a key) must never come back in a message.
      message: `Cannot tell what this file holds from its header${headerHint(cols)}: put a first line "kind,<${IMPORT_KINDS.join('|')}>" or use the documented columns.`
    }
  }
  return { kind, headerIndex: i }
}
