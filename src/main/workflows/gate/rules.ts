/**
 * The gate's pure rules (ADR 0013): how one tag's identity is judged against a shipment, direction
 * from antenna order, and what is missing. No database, no clock: the module looks things up and
 * hands the facts in.
 */
import type { TagClass } from '../../../shared/contract-areas/gate'

/** A unit as the rules need it; `key` is `<item id>:<serial>` (units are unique by item and serial). */
export interface UnitFacts {
  key: string
  status: string
  /** The lot's status when the unit has a lot (`released`, `quarantined`, `recalled`). */
  lotStatus: string | null
}

/** What a tag's EPC turned out to name here. */
export type TagIdentity =
  | { kind: 'unreadable'; reason: string }
  | { kind: 'unit'; companyPrefix: string; unit: UnitFacts | null; key: string | null }
  | { kind: 'plate'; companyPrefix: string; code: string; found: boolean; status: string | null; units: UnitFacts[] }
  | { kind: 'other'; companyPrefix: string }

/** What the session expects: unit keys (expected plates already expanded to their trees) and plate codes. */
export interface Expectation {
  /** null for a free read (no shipment). */
  shipment: string | null
  units: ReadonlySet<string>
  plates: ReadonlySet<string>
}

export interface Verdict {
  cls: TagClass
  /** A gate message code with its parameters when the class needs a reason. */
  reason: { code: string; params: Record<string, string | number> } | null
  /** Expected unit keys this tag covers (matched only). */
  covers: string[]
}

const HOLD_STATUSES = new Set(['quarantined', 'scrapped', 'consumed', 'returned'])

/** Why a unit of ours must not leave, or null when it may. */
export function holdReason(unit: UnitFacts): Verdict['reason'] {
  if (unit.status === 'shipped') return { code: 'gate.tag.already_shipped', params: {} }
  if (unit.lotStatus === 'recalled') return { code: 'gate.tag.recalled', params: {} }
  if (unit.lotStatus === 'quarantined') return { code: 'gate.tag.on_hold', params: { status: 'quarantined' } }
  if (HOLD_STATUSES.has(unit.status)) return { code: 'gate.tag.on_hold', params: { status: unit.status } }
  return null
}

const notOurs = (companyPrefix: string, stationPrefix: string | null): Verdict =>
  stationPrefix !== null && companyPrefix !== stationPrefix ? { cls: 'foreign', reason: null, covers: [] } : { cls: 'unknown', reason: null, covers: [] }

/**
 * One tag against the expectation: matched, unexpected (ours but not on this shipment, on hold,
 * recalled or already shipped), unknown (well-formed, nothing here), foreign (another company's
 * prefix) or unreadable. A unit or plate we hold is judged as ours whatever its prefix (suppliers'
 * GTINs are ours once received); the prefix only separates unknown from foreign.
 */
export function classify(identity: TagIdentity, expect: Expectation, stationPrefix: string | null): Verdict {
  switch (identity.kind) {
    case 'unreadable':
      return { cls: 'unreadable', reason: { code: 'gate.tag.bad_epc', params: { reason: identity.reason } }, covers: [] }
    case 'other':
      return notOurs(identity.companyPrefix, stationPrefix)
    case 'unit': {
      const { unit } = identity
      if (!unit) {
        // Expected on the shipment but not (yet) a unit here: still the unit the customer ordered.
        if (identity.key !== null && expect.units.has(identity.key)) return { cls: 'matched', reason: null, covers: [identity.key] }
        return notOurs(identity.companyPrefix, stationPrefix)
      }
      const hold = holdReason(unit)
      if (hold) return { cls: 'unexpected', reason: hold, covers: [] }
      if (expect.shipment === null || expect.units.has(unit.key)) return { cls: 'matched', reason: null, covers: expect.units.has(unit.key) ? [unit.key] : [] }
      return { cls: 'unexpected', reason: { code: 'gate.tag.not_on_shipment', params: { shipment: expect.shipment } }, covers: [] }
    }
    case 'plate': {
      if (!identity.found) return notOurs(identity.companyPrefix, stationPrefix)
      if (identity.status === 'shipped') return { cls: 'unexpected', reason: { code: 'gate.tag.already_shipped', params: {} }, covers: [] }
      for (const u of identity.units) {
        const hold = holdReason(u)
        if (hold) return { cls: 'unexpected', reason: hold, covers: [] }
      }
      const keys = identity.units.map((u) => u.key)
      if (expect.shipment === null) return { cls: 'matched', reason: null, covers: [] }
      const wholePlate = expect.plates.has(identity.code)
      const allUnits = keys.length > 0 && keys.every((k) => expect.units.has(k))
      if (wholePlate || allUnits) return { cls: 'matched', reason: null, covers: keys.filter((k) => expect.units.has(k)) }
      return { cls: 'unexpected', reason: { code: 'gate.tag.not_on_shipment', params: { shipment: expect.shipment } }, covers: [] }
    }
  }
}

/**
 * Direction through a door watched by two facing antennas: `order` is [outside, inside] as the
 * forklift meets them leaving. First seen outside and last inside → in; the reverse → out.
 */
export function direction(firstAntenna: number | null, lastAntenna: number | null, order: readonly [number, number] | null): 'in' | 'out' | null {
  if (!order || firstAntenna === null || lastAntenna === null || firstAntenna === lastAntenna) return null
  const [outside, inside] = order
  if (firstAntenna === inside && lastAntenna === outside) return 'out'
  if (firstAntenna === outside && lastAntenna === inside) return 'in'
  return null
}

/** Expected keys no matched tag covers, in expectation order. */
export function missingKeys(expected: Iterable<string>, covered: ReadonlySet<string>): string[] {
  const out: string[] = []
  for (const k of expected) if (!covered.has(k)) out.push(k)
  return out
}

/** Whether a load may be confirmed, as a refusal code or null. */
export function confirmRefusal(input: { shipment: string | null; unexpected: number; loaded: number; expected: number; reason: string | null }): { code: string; params: Record<string, number | string> } | null {
  if (input.shipment === null) return { code: 'gate.free_read_confirm', params: {} }
  if (input.unexpected > 0) return { code: 'gate.unexpected_present', params: { n: input.unexpected } }
  if (input.loaded === 0) return { code: 'gate.nothing_to_ship', params: {} }
  if (input.loaded < input.expected && input.reason === null) return { code: 'gate.reason_required', params: { loaded: input.loaded, expected: input.expected } }
  return null
}
