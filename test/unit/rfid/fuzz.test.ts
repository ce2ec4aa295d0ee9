import fc from 'fast-check'
import type { Transform } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { AsciiLineFramer, type AsciiFramerOutput } from '../../../src/main/devices/rfid/ascii/framer'
import { classifyR2kFrame, r2kRoundDone, r2kTagRecord } from '../../../src/main/devices/rfid/r2000/commands'
import { R2000Framer, type R2kFramerOutput } from '../../../src/main/devices/rfid/r2000/framer'
import { ThingMagicFramer, type TmFramerOutput } from '../../../src/main/devices/rfid/thingmagic/framer'
import { classifyTmFrame, tmKeepAlive, tmTagRecord } from '../../../src/main/devices/rfid/thingmagic/records'

/** Writes `bytes` to a fresh framer in the given chunk sizes, ends it, returns every output. */
function feed<T>(make: () => Transform, bytes: Uint8Array, sizes: number[]): T[] {
  const f = make()
  const out: T[] = []
  f.on('data', (x: T) => out.push(x))
  let at = 0
  let k = 0
  while (at < bytes.length) {
    const n = Math.max(1, sizes.length ? sizes[k++ % sizes.length]! : bytes.length)
    f.write(Buffer.from(bytes.subarray(at, at + n)))
    at += n
  }
  f.end()
  return out
}

const tmEpcs = (out: TmFramerOutput[]) => out.flatMap((o) => (o.kind === 'frame' ? ((m) => (m.kind === 'tags' ? m.tags.map((t) => t.epc) : []))(classifyTmFrame(o)) : []))
const r2kEpcs = (out: R2kFramerOutput[]) => out.flatMap((o) => (o.kind === 'frame' ? ((m) => (m.kind === 'tag' ? [m.tag.epc] : []))(classifyR2kFrame(o)) : []))

const epcArb = fc.uint8Array({ minLength: 12, maxLength: 12 }).map((b) => Buffer.from(b).toString('hex').toUpperCase())
const tag96Arb = epcArb.map((epc): TagSpec => ({ epc }))
/** EPCs of every length a PC word can announce (1–31 words: SGTIN-96 is 6, SGTIN-198 13), some with XPC words. */
const anyTagArb = fc
  .record({ bytes: fc.uint8Array({ minLength: 62, maxLength: 62 }), words: fc.integer({ min: 1, max: 31 }), xpc: fc.constantFrom<readonly number[] | null>(null, null, [0x0001], [0x8000, 0x0002]) })
  .map(({ bytes, words, xpc }): TagSpec => ({ epc: Buffer.from(bytes.subarray(0, words * 2)).toString('hex').toUpperCase(), ...(xpc ? { xpc } : {}) }))

interface TagSpec {
  epc: string
  xpc?: readonly number[]
}
const bytesArb = fc.uint8Array({ maxLength: 700 })
const sizesArb = fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 8 })

/** A damaged stream: good frames, some with one flipped bit, some cut short, garbage in between. */
const damagedStream = (frame: (tag: TagSpec) => Buffer, extra: Buffer, tags: fc.Arbitrary<TagSpec> = tag96Arb) =>
  fc.array(fc.record({ tag: tags, damage: fc.constantFrom('none', 'none', 'flip', 'cut', 'garbage'), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }), garbage: fc.uint8Array({ minLength: 1, maxLength: 24 }) }), { minLength: 1, maxLength: 30 }).map((items) => {
    const parts: Buffer[] = []
    const sent: string[] = []
    /** Undamaged frames and the offset just after each. */
    const ends: { epc: string; end: number }[] = []
    let offset = 0
    for (const it of items) {
      const f = Buffer.from(frame(it.tag))
      if (it.damage === 'flip') f[it.at % f.length]! ^= 1 << it.bit
      const part = it.damage === 'cut' ? f.subarray(0, it.at % f.length) : f
      if (it.damage === 'garbage') parts.push(Buffer.from(it.garbage))
      parts.push(part)
      offset += (it.damage === 'garbage' ? it.garbage.length : 0) + part.length
      sent.push(it.tag.epc)
      if (it.damage === 'none') ends.push({ epc: it.tag.epc, end: offset })
    }
    parts.push(extra)
    const bytes = Buffer.concat(parts)
    // Whether the byte after an undamaged frame is a frame header (what R2000 records need to be believed).
    const intact = ends.map((e) => ({ epc: e.epc, headerNext: e.end >= bytes.length || bytes[e.end] === extra[0] }))
    return { bytes, sent, intact }
  })

describe('fuzz: framers never throw and never invent an EPC', () => {
  it('ThingMagic: random bytes, any chunking → no exception, no tag', () => {
    fc.assert(
      fc.property(bytesArb, sizesArb, (bytes, sizes) => {
        expect(tmEpcs(feed<TmFramerOutput>(() => new ThingMagicFramer({ staleMs: 0 }), bytes, sizes))).toEqual([])
      }),
      { numRuns: 500 }
    )
  })

  it('R2000: random bytes, any chunking → no exception, no tag', () => {
    fc.assert(
      fc.property(bytesArb, sizesArb, (bytes, sizes) => {
        expect(r2kEpcs(feed<R2kFramerOutput>(() => new R2000Framer({ staleMs: 0 }), bytes, sizes))).toEqual([])
      }),
      { numRuns: 500 }
    )
  })

  it('ASCII: random bytes → no exception; every EPC is a hex token that starts a line of the input', () => {
    fc.assert(
      fc.property(bytesArb, sizesArb, (bytes, sizes) => {
        const out = feed<AsciiFramerOutput>(() => new AsciiLineFramer(), bytes, sizes)
        const lines = Buffer.from(bytes).toString('latin1').split(/[\r\n]/).map((l) => l.trim().split(/[,;\t ]+/)[0]!.toUpperCase())
        for (const o of out) if (o.kind === 'frame') expect(lines).toContain(o.epc)
      }),
      { numRuns: 300 }
    )
  })

  it('ThingMagic: damaged stream → every EPC out was sent; every intact frame comes out', () => {
    fc.assert(
      fc.property(damagedStream((tag) => tmTagRecord(tag), tmKeepAlive()), sizesArb, ({ bytes, sent, intact }, sizes) => {
        const got = tmEpcs(feed<TmFramerOutput>(() => new ThingMagicFramer({ staleMs: 0 }), bytes, sizes))
        for (const e of got) expect(sent).toContain(e)
        for (const e of intact) expect(got).toContain(e.epc)
      }),
      { numRuns: 300 }
    )
  })

  it('R2000: damaged stream (one flipped bit, cut frames, garbage) → every EPC out was sent; an undamaged stream comes out whole', () => {
    fc.assert(
      fc.property(damagedStream((tag) => r2kTagRecord(tag), r2kRoundDone(1, 0, 0)), sizesArb, ({ bytes, sent, intact }, sizes) => {
        const got = r2kEpcs(feed<R2kFramerOutput>(() => new R2000Framer({ staleMs: 0 }), bytes, sizes))
        for (const e of got) expect(sent).toContain(e)
        // With an 8-bit check a damaged stretch can, by a 1-in-256 chance, pass as some other
        // (non-tag) frame and swallow its neighbour: recovery is asserted for undamaged streams only.
        if (intact.length === sent.length) expect(got).toEqual(sent)
      }),
      { numRuns: 300 }
    )
  })

  it('ThingMagic: EPCs of any word length, with or without XPC words, damaged → every EPC out was sent; every intact frame comes out whole', () => {
    fc.assert(
      fc.property(damagedStream((tag) => tmTagRecord(tag), tmKeepAlive(), anyTagArb), sizesArb, ({ bytes, sent, intact }, sizes) => {
        const got = tmEpcs(feed<TmFramerOutput>(() => new ThingMagicFramer({ staleMs: 0 }), bytes, sizes))
        for (const e of got) expect(sent).toContain(e)
        for (const e of intact) expect(got).toContain(e.epc)
      }),
      { numRuns: 300 }
    )
  })

  it('R2000: EPCs of any word length, with or without XPC words → every EPC out was sent; an undamaged stream comes out whole', () => {
    fc.assert(
      fc.property(damagedStream((tag) => r2kTagRecord(tag), r2kRoundDone(1, 0, 0), anyTagArb), sizesArb, ({ bytes, sent, intact }, sizes) => {
        const got = r2kEpcs(feed<R2kFramerOutput>(() => new R2000Framer({ staleMs: 0 }), bytes, sizes))
        for (const e of got) expect(sent).toContain(e)
        if (intact.length === sent.length) expect(got).toEqual(sent)
      }),
      { numRuns: 300 }
    )
  })

  it('R2000 soak: 200,000 frames, a third damaged (cut, flipped bit, garbage) → no phantom EPC', () => {
    const random = (() => {
      let a = 12345
      return () => {
        a = (Math.imul(a, 1103515245) + 12345) >>> 0
        return a / 4294967296
      }
    })()
    const population = Array.from({ length: 64 }, (_, i) => `3034257BF7194E4000${(0x1000 + i).toString(16).toUpperCase().padStart(6, '0')}`)
    const known = new Set(population)
    const f = new R2000Framer({ staleMs: 0 })
    let phantoms = 0
    let good = 0
    f.on('data', (o: R2kFramerOutput) => {
      if (o.kind !== 'frame') return
      const m = classifyR2kFrame(o)
      if (m.kind !== 'tag') return
      if (known.has(m.tag.epc)) good++
      else phantoms++
    })
    for (let batch = 0; batch < 2000; batch++) {
      const parts: Buffer[] = []
      for (let i = 0; i < 100; i++) {
        const frame = Buffer.from(r2kTagRecord({ epc: population[Math.floor(random() * 64)]!, frequencyIndex: Math.floor(random() * 60), antenna: 1 + Math.floor(random() * 4), rssi: -30 - Math.floor(random() * 50) }))
        const r = random()
        if (r < 0.11) parts.push(frame.subarray(0, 1 + Math.floor(random() * 19)))
        else if (r < 0.22) {
          frame[Math.floor(random() * 21)]! ^= 1 << Math.floor(random() * 8)
          parts.push(frame)
        } else if (r < 0.33) parts.push(Buffer.from(Array.from({ length: 1 + Math.floor(random() * 20) }, () => Math.floor(random() * 256))), frame)
        else parts.push(frame)
      }
      f.write(Buffer.concat(parts))
    }
    f.end()
    expect(phantoms).toBe(0)
    expect(good).toBeGreaterThan(120_000)
  })
})
