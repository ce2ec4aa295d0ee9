/**
 * One gate session of one terminal: de-duplication per EPC (first/last seen, count, peak RSSI,
 * antennas), the verdict of each tag (judged once, on first sight) and the live view.
 */
import type { GateCounts, GateState, GateTag, GateUnitRef, GateView } from '../../../shared/contract-areas/gate'
import { classify, direction, missingKeys, type Expectation } from './rules'
import type { GateResolver, ShipmentExpectation, UnitLabel } from './resolver'

export interface ReadIn {
  epc: string
  antenna: number | null
  rssi: number | null
  at: number
}

interface TagEntry extends GateTag {
  firstAntenna: number | null
  lastAntenna: number | null
  covers: string[]
}

const MAX_LISTED_TAGS = 1000
const MAX_LISTED_MISSING = 1000

export interface GateSessionOptions {
  terminalId: string
  resolver: GateResolver
  expectation: ShipmentExpectation | null
  door: string | null
  stationPrefix: string | null
  antennaOrder: readonly [number, number] | null
  startedAt: string
  now: () => Date
}

export function createGateSession(o: GateSessionOptions) {
  const tags = new Map<string, TagEntry>()
  const covered = new Set<string>()
  const expectedUnits: Map<string, UnitLabel> = o.expectation?.units ?? new Map()
  const expect: Expectation = { shipment: o.expectation?.shipment.number ?? null, units: new Set(expectedUnits.keys()), plates: o.expectation?.plates ?? new Set() }
  const counts = { unexpected: 0, unknown: 0, foreign: 0, unreadable: 0, matched: 0 }
  let reads = 0
  let state: GateState = 'reading'
  let endedAt: string | null = null
  let endReason: string | null = null
  let lastReadAt = 0

  return {
    terminalId: o.terminalId,
    expectation: o.expectation,
    state: () => state,
    lastReadAt: () => lastReadAt,
    /** Adds one read; returns true when it changed what the screen shows. */
    read(r: ReadIn): boolean {
      if (state !== 'reading') return false
      reads++
      lastReadAt = r.at
      const epc = r.epc.toUpperCase()
      const seen = tags.get(epc)
      if (seen) {
        seen.count++
        seen.lastSeen = r.at
        if (r.rssi !== null && (seen.peakRssi === null || r.rssi > seen.peakRssi)) seen.peakRssi = r.rssi
        if (r.antenna !== null) {
          if (!seen.antennas.includes(r.antenna)) seen.antennas.push(r.antenna)
          seen.lastAntenna = r.antenna
          seen.direction = direction(seen.firstAntenna, seen.lastAntenna, o.antennaOrder)
        }
        return true
      }
      const id = o.resolver.identify(epc)
      const v = classify(id.identity, expect, o.stationPrefix)
      const entry: TagEntry = {
        epc,
        cls: v.cls,
        reason: v.reason?.code ?? null,
        scheme: id.scheme,
        sku: id.sku,
        serial: id.serial,
        plate: id.plate,
        units: id.units,
        count: 1,
        peakRssi: r.rssi,
        antennas: r.antenna === null ? [] : [r.antenna],
        direction: null,
        firstSeen: r.at,
        lastSeen: r.at,
        firstAntenna: r.antenna,
        lastAntenna: r.antenna,
        covers: v.covers
      }
      tags.set(epc, entry)
      if (v.cls !== 'matched') counts[v.cls]++
      for (const k of v.covers) covered.add(k)
      return true
    },
    end(reason: string): void {
      if (state !== 'reading') return
      state = 'ended'
      endReason = reason
      endedAt = o.now().toISOString()
    },
    close(to: 'confirmed' | 'held'): void {
      state = to
      endedAt ??= o.now().toISOString()
    },
    /** Expected unit keys a matched tag covers (what a confirm ships). */
    coveredKeys: (): string[] => [...covered],
    /** Plate codes read whole and matched (their plates ship too). */
    matchedPlates: (): string[] => [...tags.values()].filter((t) => t.cls === 'matched' && t.plate !== null && t.serial === null).map((t) => t.plate!),
    unexpectedCount: () => counts.unexpected,
    /** One tag as it stands now (what the recorder writes), by upper-case EPC. */
    tagOf: (epc: string): Readonly<GateTag> | undefined => tags.get(epc),
    /** The session's header without building the view. */
    totals: () => ({ state, endedAt, endReason, reads, uniqueTags: tags.size }),
    view(): GateView {
      const missing = missingKeys(expectedUnits.keys(), covered)
      const c: GateCounts = {
        expected: expectedUnits.size,
        read: tags.size,
        matched: covered.size,
        missing: missing.length,
        unexpected: counts.unexpected,
        unknown: counts.unknown,
        foreign: counts.foreign,
        unreadable: counts.unreadable,
        reads
      }
      const list = [...tags.values()]
      const order = (t: TagEntry) => (t.cls === 'unexpected' ? 0 : t.cls === 'matched' ? 2 : 1)
      list.sort((a, b) => order(a) - order(b) || a.firstSeen - b.firstSeen)
      return {
        terminalId: o.terminalId,
        state,
        shipment: expect.shipment,
        customer: o.expectation?.shipment.customer ?? null,
        door: o.door,
        counts: c,
        tags: list.slice(0, MAX_LISTED_TAGS).map(({ firstAntenna: _f, lastAntenna: _l, covers: _c, ...t }) => ({ ...t, antennas: [...t.antennas] })),
        missing: missing.slice(0, MAX_LISTED_MISSING).map((k): GateUnitRef => expectedUnits.get(k)!),
        alarm: counts.unexpected > 0,
        startedAt: o.startedAt,
        endedAt,
        endReason
      }
    }
  }
}

export type GateSession = ReturnType<typeof createGateSession>
