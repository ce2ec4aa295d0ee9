/** What the station remembers of one EPC during a read. */
export interface SeenTag {
  epc: string
  firstAt: number
  lastAt: number
  count: number
  /** Highest RSSI seen (dBm), null when the reader reports none. */
  peakRssi: number | null
  /** Antenna of the first read. */
  firstAntenna: number | null
  antennas: Set<number>
}

/**
 * In-memory de-duplication per EPC: `add` returns the entry and whether this was the first read.
 * One Map lookup per read; the gate session builds on this.
 */
export function createTagDeduper() {
  const seen = new Map<string, SeenTag>()
  let reads = 0
  return {
    add(epc: string, antenna: number | null, rssi: number | null, at: number): { first: boolean; tag: SeenTag } {
      reads++
      const tag = seen.get(epc)
      if (tag) {
        tag.count++
        tag.lastAt = at
        if (rssi !== null && (tag.peakRssi === null || rssi > tag.peakRssi)) tag.peakRssi = rssi
        if (antenna !== null) tag.antennas.add(antenna)
        return { first: false, tag }
      }
      const fresh: SeenTag = { epc, firstAt: at, lastAt: at, count: 1, peakRssi: rssi, firstAntenna: antenna, antennas: new Set(antenna === null ? [] : [antenna]) }
      seen.set(epc, fresh)
      return { first: true, tag: fresh }
    },
    unique: () => seen.size,
    reads: () => reads,
    get: (epc: string) => seen.get(epc),
    all: () => [...seen.values()],
    clear() {
      seen.clear()
      reads = 0
    }
  }
}

export type TagDeduper = ReturnType<typeof createTagDeduper>
