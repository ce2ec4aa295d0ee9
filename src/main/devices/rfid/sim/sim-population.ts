import { encodeEpc } from '../../../../shared/codes/epc/index'

/** One tag in a simulated field. */
export interface SimTag {
  epc: string
  /** Antenna that sees it (1-based, default 1). */
  antenna?: number
  /** Mean RSSI in dBm (default −55). */
  rssi?: number
  /** XPC words the tag sends after its PC (XPC_W1, plus XPC_W2 when W1 has XEB set). */
  xpc?: readonly number[]
}

/** Which damage a simulator may do to a frame. */
export type SimCorruption = 'crc' | 'tag_crc' | 'truncate' | 'noise'

export interface SimCorruptOptions {
  /** Damage every Nth frame (0 = never). */
  every: number
  /** Kinds used in turn (default: every kind the protocol has). */
  kinds?: readonly SimCorruption[]
}

/** A small deterministic PRNG (mulberry32): simulations repeat exactly for a seed. */
export function createRandom(seed = 1): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A pallet's worth of SGTIN tags (company prefix 0614141, item 812345, serials from `firstSerial`)
 * plus, with `withPallet`, the pallet's SSCC-96 tag. Spread over `antennas` antennas in turn.
 * `sgtin198`: every tag (`'all'`) or every other one (`'mixed'`) is SGTIN-198 (serial `S-<n>`, 26 bytes).
 */
export function sampleTags(count: number, options: { firstSerial?: number; antennas?: number; withPallet?: boolean; sgtin198?: 'all' | 'mixed' } = {}): SimTag[] {
  const out: SimTag[] = []
  const antennas = options.antennas ?? 1
  for (let i = 0; i < count; i++) {
    const serial = (options.firstSerial ?? 1000) + i
    const long = options.sgtin198 === 'all' || (options.sgtin198 === 'mixed' && i % 2 === 1)
    const r = encodeEpc({ scheme: long ? 'sgtin-198' : 'sgtin-96', filter: 1, companyPrefix: '0614141', itemReference: '812345', serial: long ? `S-${serial}` : String(serial) })
    if (!r.ok) throw new Error(r.error.message)
    out.push({ epc: r.value.hex, antenna: (i % antennas) + 1, rssi: -40 - (i % 30) })
  }
  if (options.withPallet) {
    const r = encodeEpc({ scheme: 'sscc-96', filter: 0, companyPrefix: '0614141', serialReference: '1234567890' })
    if (!r.ok) throw new Error(r.error.message)
    out.push({ epc: r.value.hex, antenna: 1, rssi: -35 })
  }
  return out
}

/** Cycles through the population: each tag `repeats` times per pass, RSSI with ±3 dB of jitter. */
export function createTagCycle(tags: () => readonly SimTag[], repeats: number, random: () => number) {
  let index = 0
  let repeat = 0
  return (): { epc: string; antenna: number; rssi: number; xpc?: readonly number[] } | null => {
    const list = tags()
    if (list.length === 0) return null
    if (index >= list.length) index = 0
    const t = list[index]!
    if (++repeat >= Math.max(1, repeats)) {
      repeat = 0
      index++
    }
    const rssi = Math.round((t.rssi ?? -55) + (random() * 6 - 3))
    return t.xpc ? { epc: t.epc, antenna: t.antenna ?? 1, rssi, xpc: t.xpc } : { epc: t.epc, antenna: t.antenna ?? 1, rssi }
  }
}
