import type { SyncEvent } from '../../shared/sync-protocol'

/** Pure fold of a batch's new events into one registry row per unit (last event by occurredAt wins). */

const STATUS: Record<string, string> = {
  'unit.received': 'received',
  'unit.stored': 'stored',
  'unit.moved': 'stored',
  'unit.picked': 'picked',
  'unit.packed': 'packed',
  'unit.shipped': 'shipped',
  'unit.returned': 'returned',
  'unit.quarantined': 'quarantined',
  'unit.recalled': 'quarantined',
  'unit.scrapped': 'scrapped',
  'unit.receipt_undone': 'undone'
}

export interface UnitFold {
  gtin: string
  serial: string
  status: string | null
  condition: string | null
  locationCode: string | null
  plateCode: string | null
  lastEventUuid: string
  lastEventAt: string
}

export function foldUnits(events: readonly SyncEvent[]): UnitFold[] {
  const byUnit = new Map<string, UnitFold>()
  // Parse each time once (a comparator parsing both sides costs ~n log n Date.parse calls per batch).
  const ordered = events
    .filter((e) => e.unit)
    .map((e) => ({ e, at: Date.parse(e.occurredAt) }))
    .sort((a, b) => a.at - b.at)
    .map((x) => x.e)
  for (const e of ordered) {
    const { gtin, serial } = e.unit!
    const key = `${gtin}\u0000${serial}`
    const prev = byUnit.get(key)
    const condition = typeof e.payload.condition === 'string' ? e.payload.condition : null
    byUnit.set(key, {
      gtin,
      serial,
      status: STATUS[e.type] ?? prev?.status ?? null,
      condition: condition ?? prev?.condition ?? null,
      locationCode: e.location?.code ?? prev?.locationCode ?? null,
      plateCode: e.plate?.code ?? prev?.plateCode ?? null,
      lastEventUuid: e.uuid,
      lastEventAt: e.occurredAt
    })
  }
  return [...byUnit.values()].sort((a, b) => (a.gtin === b.gtin ? (a.serial < b.serial ? -1 : 1) : a.gtin < b.gtin ? -1 : 1))
}
