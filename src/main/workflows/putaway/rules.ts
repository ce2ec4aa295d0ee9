import type { CodedMessage, PutawaySuggestion } from '../../../shared/contract-areas/receiving'
import { msg } from '../../../shared/messages/catalog'
import type { LocationRow } from '../../store/repositories/locations'

/** Location kinds a plate or unit can be put away to. */
const STORAGE_KINDS = new Set(['bin', 'shelf'])
/** Unit statuses that can be put away. */
const MOVABLE = new Set(['received', 'stored', 'quarantined', 'returned'])

/** Put-away's decisions as pure functions over rows. */
export function unitNotMovable(serial: string, status: string): CodedMessage | null {
  return MOVABLE.has(status) ? null : msg('putaway.not_movable', { code: serial, status })
}

export function plateNotMovable(code: string, status: string): CodedMessage | null {
  return status === 'shipped' || status === 'dissolved' ? msg('putaway.not_movable', { code, status }) : null
}

/** A bin that can take goods: active, and a bin or shelf. */
export function binRefusal(bin: LocationRow): CodedMessage | null {
  if (bin.active !== 1) return msg('putaway.location_inactive', { bin: bin.code })
  if (!STORAGE_KINDS.has(bin.kind)) return msg('putaway.not_a_bin', { bin: bin.code, kind: bin.kind })
  return null
}

/**
 * The suggested bin: the item's default bin when active, else the emptiest bin of its put-away zone.
 * `bins` reads what the rule needs.
 */
export function suggestBin(
  item: { sku: string; default_bin_id: number | null; putaway_zone_id: number | null } | null,
  bins: { byId(id: number): LocationRow | null; emptiestBinIn(zoneId: number): LocationRow | null }
): PutawaySuggestion | null {
  if (!item) return null
  if (item.default_bin_id !== null) {
    const bin = bins.byId(item.default_bin_id)
    if (bin && bin.active === 1) return { code: bin.code, name: bin.name, why: msg('putaway.why_default_bin', { sku: item.sku }) }
  }
  if (item.putaway_zone_id !== null) {
    const bin = bins.emptiestBinIn(item.putaway_zone_id)
    const zone = bins.byId(item.putaway_zone_id)
    if (bin) return { code: bin.code, name: bin.name, why: msg('putaway.why_zone', { zone: zone?.code ?? '', sku: item.sku }) }
  }
  return null
}
