import { describe, expect, it } from 'vitest'
import { classifyR2kFrame, r2kCommand, r2kFastSwitchInventory, r2kRealTimeInventory, r2kReset, r2kSetGpio, r2kSetOutputPower, r2kSetRegion, r2kSetWorkAntenna, r2kTagRecord } from '../../../src/main/devices/rfid/r2000/commands'
import { R2000Framer, type R2kFramerOutput } from '../../../src/main/devices/rfid/r2000/framer'
import { collect, hex, writeSplit } from './_collect'

/** A real-time inventory tag record: channel 20 (908.5 MHz), antenna 1, PC 3000, the TDS SGTIN-96 vector, RSSI byte 0x4D (−52 dBm). */
const TAG = hex('A0 13 01 89 50 30 00 30 74 25 7B F7 19 4E 40 00 00 1A 85 4D 75')
const SGTIN = '3074257BF7194E4000001A85'
const DONE = hex('A0 0A 01 89 00 00 32 00 00 00 C8 D2')
const NO_ANTENNA = hex('A0 04 01 89 22 B0')

const frames = (out: R2kFramerOutput[]) => out.filter((o) => o.kind === 'frame').map((o) => classifyR2kFrame(o as never))
const epcs = (out: R2kFramerOutput[]) => frames(out).flatMap((m) => (m.kind === 'tag' ? [m.tag.epc] : []))
const codes = (out: R2kFramerOutput[]) => out.flatMap((o) => (o.kind === 'rejected' ? [o.code] : []))

describe('R2000 commands', () => {
  it('builds the documented frames', () => {
    expect(r2kReset()).toEqual(hex('A0 03 FF 70 EE'))
    expect(r2kRealTimeInventory(0xff)).toEqual(hex('A0 04 FF 89 FF D5'))
    expect(r2kSetWorkAntenna(2)).toEqual(r2kCommand(0x74, [1]))
    expect(r2kSetOutputPower(30)).toEqual(r2kCommand(0x76, [30]))
    expect(r2kSetRegion('ETSI')).toEqual(r2kCommand(0x78, [2, 0, 6]))
    expect(r2kSetGpio(3, true)).toEqual(r2kCommand(0x61, [3, 1]))
    expect([...r2kFastSwitchInventory([1, 2]).subarray(4, 14)]).toEqual([0, 1, 1, 1, 0xff, 1, 0xff, 1, 0, 1])
    expect(() => r2kSetOutputPower(40)).toThrow(/0–33 dBm/)
    expect(() => r2kSetGpio(1, true)).toThrow(/GPIO 3 and 4/)
  })
  it('every built frame sums to zero', () => {
    for (const f of [r2kReset(), r2kRealTimeInventory(3), r2kTagRecord({ epc: SGTIN }), TAG, DONE, NO_ANTENNA]) expect(f.reduce((a, b) => a + b, 0) & 0xff).toBe(0)
  })
  it('our tag record builder gives the documented bytes (21 bytes)', () => {
    expect(r2kTagRecord({ epc: SGTIN, antenna: 1, rssi: -52, frequencyIndex: 20 })).toEqual(TAG)
  })
})

describe('R2000Framer + classification', () => {
  it('decodes a tag record, the end of a round and an error answer', () => {
    const f = new R2000Framer({ staleMs: 0 })
    const out = collect<R2kFramerOutput>(f)
    f.write(Buffer.concat([TAG, DONE, NO_ANTENNA]))
    expect(frames(out)).toEqual([
      { kind: 'tag', tag: { epc: SGTIN, pc: 0x3000, antenna: 1, rssi: -52, frequencyKhz: 908_500 } },
      { kind: 'round_done', antenna: 1, readRate: 50, totalReads: 200 },
      { kind: 'inventory_error', error: 0x22 }
    ])
  })

  it('the same result whichever byte boundary the stream is split at', () => {
    const two = r2kTagRecord({ epc: '3174257BF4499602D2000000', antenna: 2 })
    const stream = Buffer.concat([TAG, two, DONE])
    for (let a = 0; a <= stream.length; a++) {
      for (const b of [a, Math.min(stream.length, a + 3), Math.min(stream.length, a + 19)]) {
        const f = new R2000Framer({ staleMs: 0 })
        const out = collect<R2kFramerOutput>(f)
        writeSplit(f, stream, [a, b])
        expect(epcs(out), `cut ${a}/${b}`).toEqual([SGTIN, '3174257BF4499602D2000000'])
        expect(frames(out).at(-1)?.kind).toBe('round_done')
        expect(codes(out)).toEqual([])
      }
    }
  })

  it('a wrong check byte, a truncated frame and noise: rejected and counted, the good frames survive', () => {
    const bad = Buffer.from(TAG)
    bad[10]! ^= 0x04
    const f = new R2000Framer({ staleMs: 0 })
    const out = collect<R2kFramerOutput>(f)
    f.write(Buffer.concat([hex('13 37'), bad, TAG, TAG.subarray(0, 9), TAG, DONE, hex('55')]))
    f.end()
    expect(epcs(out)).toEqual([SGTIN, SGTIN])
    expect(codes(out)).toEqual(['rfid.noise', 'rfid.bad_crc', 'rfid.truncated', 'rfid.noise'])
    expect(frames(out).at(-1)?.kind).toBe('round_done')
  })

  it('a tag record must be followed by a header byte or silence: one followed by noise is not believed', () => {
    const f = new R2000Framer({ staleMs: 0 })
    const out = collect<R2kFramerOutput>(f)
    f.write(Buffer.concat([TAG, hex('55 66'), TAG]))
    expect(epcs(out)).toEqual([])
    f.end()
    expect(epcs(out)).toEqual([SGTIN])
    expect(codes(out)).toEqual(['rfid.bad_crc'])
  })

  it('a truncated record whose sum happens to be zero with the next frame’s first bytes is not believed (no phantom)', () => {
    // Find a cut of one record and an RSSI of the next so that the cut record + the next record's
    // first bytes sum to zero over the cut record's declared length: the 8-bit check passes by chance.
    let found: { cut: number; next: Buffer } | null = null
    for (let channel = 0; channel < 64 * 4 && !found; channel++) {
      const next = r2kTagRecord({ epc: '3034257BF7194E40000003E8', frequencyIndex: channel >> 2, antenna: (channel & 3) + 1 })
      for (let cut = 6; cut < 16 && !found; cut++) {
        const glued = Buffer.concat([TAG.subarray(0, cut), next])
        if (glued.subarray(0, 21).reduce((s, x) => s + x, 0) % 256 === 0) found = { cut, next }
      }
    }
    expect(found).not.toBeNull()
    const { cut, next } = found!
    for (const tail of [[DONE], []]) {
      const f = new R2000Framer({ staleMs: 0 })
      const out = collect<R2kFramerOutput>(f)
      f.write(Buffer.concat([TAG.subarray(0, cut), next, ...tail]))
      f.end()
      expect(epcs(out), `cut ${cut}, tail ${tail.length}`).toEqual(['3034257BF7194E40000003E8'])
      expect(codes(out)).toEqual(['rfid.truncated'])
    }
  })

  it('a record whose EPC length disagrees with its PC word is a bad record, never an EPC', () => {
    const f = new R2000Framer({ staleMs: 0 })
    const out = collect<R2kFramerOutput>(f)
    f.write(r2kCommand(0x89, [0x50, 0x28, 0x00, ...hex(SGTIN), 0x4d])) // PC says 5 words, 6 follow
    f.end()
    expect(frames(out)).toEqual([{ kind: 'bad_record' }])
  })
})

describe('R2000 tag records of other lengths', () => {
  const SGTIN198 = '3634257BF7194E60C286B58B2660000000000000000000000000'
  it('SGTIN-198: PC of 13 words, the 26-byte EPC whole; a 25-byte form is padded to 13 words', () => {
    const f = new R2000Framer({ staleMs: 0 })
    const out = collect<R2kFramerOutput>(f)
    const rec = r2kTagRecord({ epc: SGTIN198 })
    expect(rec.readUInt16BE(5)).toBe(13 << 11)
    expect(r2kTagRecord({ epc: SGTIN198.slice(0, 50) })).toEqual(rec)
    f.write(Buffer.concat([rec, r2kTagRecord({ epc: SGTIN }), rec]))
    f.end()
    expect(epcs(out)).toEqual([SGTIN198, SGTIN, SGTIN198])
  })
  it('XPC_W1 (and XPC_W2 when XEB is set) after the PC are skipped', () => {
    for (const xpc of [[0x0001], [0x8000, 0x0002]]) {
      const f = new R2000Framer({ staleMs: 0 })
      const out = collect<R2kFramerOutput>(f)
      f.write(Buffer.concat([r2kTagRecord({ epc: SGTIN198, xpc }), r2kTagRecord({ epc: SGTIN, xpc })]))
      f.end()
      expect(epcs(out), JSON.stringify(xpc)).toEqual([SGTIN198, SGTIN])
    }
  })
})

describe('R2000 read confirmation', () => {
  it('holds a first read, releases it with the second within the window, then passes reads at once', async () => {
    const { createReadConfirmer } = await import('../../../src/main/devices/rfid/r2000/confirm')
    const c = createReadConfirmer<string>({ windowMs: 1000 })
    expect(c.offer('A', 'a1', 0)).toEqual([])
    expect(c.offer('B', 'b1', 10)).toEqual([])
    expect(c.offer('A', 'a2', 500)).toEqual(['a1', 'a2'])
    expect(c.offer('A', 'a3', 900)).toEqual(['a3'])
    expect(c.offer('B', 'b2', 2000)).toEqual([]) // the first B read expired: a one-off stays unreported
    expect(c.held()).toBe(1)
  })
})
