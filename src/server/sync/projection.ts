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

/** A unit's status after an event: some events name it in their payload (ADR 0019). */
export function statusAfter(e: Pick<SyncEvent, 'type' | 'payload'>): string | null {
  // A hold released: `received` at the dock, `stored` in a bin.
  if (e.type === 'unit.hold_released' && typeof e.payload.to === 'string') return e.payload.to
  // A forced receipt of a recalled or expired unit goes straight into quarantine.
  if (e.type === 'unit.received' && e.payload.status === 'quarantined') return 'quarantined'
  return STATUS[e.type] ?? null
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
      status: statusAfter(e) ?? prev?.status ?? null,
      condition: condition ?? prev?.condition ?? null,
      locationCode: e.location?.code ?? prev?.locationCode ?? null,
      plateCode: e.plate?.code ?? prev?.plateCode ?? null,
      lastEventUuid: e.uuid,
      lastEventAt: e.occurredAt
    })
  }
  return [...byUnit.values()].sort((a, b) => (a.gtin === b.gtin ? (a.serial < b.serial ? -1 : 1) : a.gtin < b.gtin ? -1 : 1))
}
