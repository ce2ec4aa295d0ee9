import { describe, expect, it } from 'vitest'
import { gen2Crc16, thingMagicCrc } from '../../../src/main/devices/rfid/crc'
import { tmGetVersion, tmSetAntennas, tmSetGpo, tmSetReadPower, tmSetRegion, tmSetSession, tmSetTarget, tmStartContinuousRead, tmStopContinuousRead } from '../../../src/main/devices/rfid/thingmagic/commands'
import { ThingMagicFramer, type TmFramerOutput } from '../../../src/main/devices/rfid/thingmagic/framer'
import { TM_RECORD_PC_AT, classifyTmFrame, tmFixFrameCrc, tmKeepAlive, tmTagRecord } from '../../../src/main/devices/rfid/thingmagic/records'
import { collect, hex, writeSplit } from './_collect'

/** The continuous-read tag record from SparkFun's library (HARDWARE.md): RSSI −60, antenna 1, 921.152 MHz. */
const SPARKFUN = hex('FF 28 22 00 00 10 00 1B 01 FF 01 01 C4 11 0E 16 40 00 00 01 27 00 00 05 00 00 0F 00 80 30 00 00 00 00 00 00 00 00 00 00 00 15 45 E9 4A 56 1D')
const SGTIN = '3074257BF7194E4000001A85'
/** urn:epc:tag:sgtin-198:1.0614141.812345.ABC-123: 208 bits stored (13 words). */
const SGTIN198 = '3634257BF7194E60C286B58B2660000000000000000000000000'

const epcs = (out: TmFramerOutput[]) =>
  out.flatMap((o) => {
    if (o.kind !== 'frame') return []
    const m = classifyTmFrame(o)
    return m.kind === 'tags' ? m.tags.map((t) => t.epc) : []
  })
const codes = (out: TmFramerOutput[]) => out.filter((o) => o.kind === 'rejected').map((o) => (o.kind === 'rejected' ? o.code : ''))

describe('ThingMagic CRCs', () => {
  it('matches the command vectors of the protocol notes', () => {
    for (const v of ['FF 00 03 1D 0C', 'FF 01 97 0D 4B B0', 'FF 02 92 07 D0 46 89', 'FF 03 2F 00 00 02 5E 86']) {
      const b = hex(v)
      expect(thingMagicCrc(b, 1, b.length - 2), v).toBe(b.readUInt16BE(b.length - 2))
    }
  })
  it('Gen2 CRC-16: check value 0xD64E and the tag CRC of the SparkFun record', () => {
    expect(gen2Crc16(Buffer.from('123456789'))).toBe(0xd64e)
    expect(gen2Crc16(SPARKFUN, 29, 43)).toBe(0xe94a)
  })
})

describe('ThingMagic command builders', () => {
  it('builds the documented bytes', () => {
    expect(tmGetVersion()).toEqual(hex('FF 00 03 1D 0C'))
    expect(tmSetRegion('NA2')).toEqual(hex('FF 01 97 0D 4B B0'))
    expect(tmSetReadPower(20)).toEqual(hex('FF 02 92 07 D0 46 89'))
    expect(tmStopContinuousRead()).toEqual(hex('FF 03 2F 00 00 02 5E 86'))
  })
  it('start continuous read is the Mercury blob (metadata 0x01FF, 1 s cycle)', () => {
    const b = tmStartContinuousRead()
    expect([...b.subarray(1, 3 + 16)]).toEqual([0x10, 0x2f, ...hex('00 00 01 22 00 00 05 07 22 10 00 1B 03 E8 01 FF')])
  })
  it('antennas, session, target, GPO', () => {
    expect([...tmSetAntennas([2]).subarray(2, 5)]).toEqual([0x91, 2, 2])
    expect([...tmSetAntennas([1, 2]).subarray(2, 8)]).toEqual([0x91, 2, 1, 1, 2, 2])
    expect([...tmSetSession(1).subarray(2, 6)]).toEqual([0x9b, 5, 0, 1])
    expect([...tmSetTarget('A').subarray(2, 7)]).toEqual([0x9b, 5, 1, 1, 0])
    expect([...tmSetTarget('AB').subarray(2, 7)]).toEqual([0x9b, 5, 1, 0, 0])
    expect([...tmSetGpo(1, true).subarray(2, 5)]).toEqual([0x96, 1, 1])
    expect(() => tmSetReadPower(40)).toThrow(/0–31.5 dBm/)
    expect(() => tmSetRegion('XX')).toThrow(/Unknown ThingMagic region/)
  })
})

describe('ThingMagicFramer + tag records', () => {
  it('decodes the SparkFun record: EPC, RSSI, antenna, frequency, timestamp, phase', () => {
    const f = new ThingMagicFramer({ staleMs: 0 })
    const out = collect<TmFramerOutput>(f)
    f.write(SPARKFUN)
    expect(out).toHaveLength(1)
    const m = classifyTmFrame(out[0] as never)
    expect(m).toMatchObject({ kind: 'tags', rejected: [] })
    expect(m.kind === 'tags' && m.tags[0]).toEqual({ epc: '000000000000000000001545', pc: 0x3000, antenna: 1, rssi: -60, frequencyKhz: 0x0e1640, phase: 0, readerMs: 0x127, readCount: 1 })
  })

  it('our tag record builder produces the same layout (47 bytes) and round-trips', () => {
    const rec = tmTagRecord({ epc: SGTIN, rssi: -47, antenna: 2, frequencyKhz: 902_750, readerMs: 1234, phase: 90 })
    expect(rec.length).toBe(47)
    const f = new ThingMagicFramer({ staleMs: 0 })
    const out = collect<TmFramerOutput>(f)
    f.write(rec)
    const m = classifyTmFrame(out[0] as never)
    expect(m.kind === 'tags' && m.tags[0]).toMatchObject({ epc: SGTIN, rssi: -47, antenna: 2, frequencyKhz: 902_750, readerMs: 1234, phase: 90 })
  })

  it('the same frames come out whichever byte boundary the stream is split at', () => {
    const stream = Buffer.concat([SPARKFUN, tmKeepAlive(), tmTagRecord({ epc: SGTIN })])
    for (let cut = 0; cut <= stream.length; cut++) {
      for (const second of [cut, Math.min(stream.length, cut + 7)]) {
        const f = new ThingMagicFramer({ staleMs: 0 })
        const out = collect<TmFramerOutput>(f)
        writeSplit(f, stream, [cut, second])
        expect(epcs(out), `cut ${cut}/${second}`).toEqual(['000000000000000000001545', SGTIN])
        expect(codes(out)).toEqual([])
      }
    }
  })

  it('one byte at a time', () => {
    const f = new ThingMagicFramer({ staleMs: 0 })
    const out = collect<TmFramerOutput>(f)
    for (const b of Buffer.concat([SPARKFUN, SPARKFUN])) f.write(Buffer.from([b]))
    expect(epcs(out)).toHaveLength(2)
  })

  it('noise between frames is reported once per run and the frames after it are kept', () => {
    const f = new ThingMagicFramer({ staleMs: 0 })
    const out = collect<TmFramerOutput>(f)
    f.write(Buffer.concat([hex('00 13 37 42'), SPARKFUN, hex('AA BB'), tmTagRecord({ epc: SGTIN })]))
    expect(epcs(out)).toEqual(['000000000000000000001545', SGTIN])
    expect(codes(out)).toEqual(['rfid.noise', 'rfid.noise'])
  })

  it('a bad frame CRC is rejected (no EPC) and the next frame is found', () => {
    const bad = Buffer.from(SPARKFUN)
    bad[35]! ^= 0x01 // an EPC bit
    const f = new ThingMagicFramer({ staleMs: 0 })
    const out = collect<TmFramerOutput>(f)
    f.write(Buffer.concat([bad, tmTagRecord({ epc: SGTIN })]))
    expect(epcs(out)).toEqual([SGTIN])
    expect(codes(out)).toEqual(['rfid.bad_crc'])
  })

  it('a frame cut short by the next frame is reported as truncated, the next frame survives', () => {
    const f = new ThingMagicFramer({ staleMs: 0 })
    const out = collect<TmFramerOutput>(f)
    f.write(Buffer.concat([SPARKFUN.subarray(0, 30), tmTagRecord({ epc: SGTIN }), tmKeepAlive()]))
    f.end()
    expect(epcs(out)).toEqual([SGTIN])
    expect(codes(out)).toEqual(['rfid.truncated'])
  })

  it('a stray header announcing a long frame does not hold back the answer behind it once the line goes quiet', async () => {
    const f = new ThingMagicFramer({ staleMs: 20 })
    const out = collect<TmFramerOutput>(f)
    f.write(Buffer.concat([hex('FF F0 01'), tmTagRecord({ epc: SGTIN })]))
    expect(epcs(out)).toEqual([])
    const end = Date.now() + 10_000
    while (epcs(out).length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
    expect(epcs(out)).toEqual([SGTIN])
    expect(codes(out)).toEqual(['rfid.truncated'])
  })

  it('a bad tag CRC with a good frame CRC is rejected by the record parser', () => {
    const rec = tmTagRecord({ epc: SGTIN })
    rec[35]! ^= 0x80
    tmFixFrameCrc(rec)
    const f = new ThingMagicFramer({ staleMs: 0 })
    const out = collect<TmFramerOutput>(f)
    f.write(rec)
    const m = classifyTmFrame(out[0] as never)
    expect(m).toEqual({ kind: 'tags', tags: [], rejected: ['rfid.bad_tag_crc'] })
  })

  it('an EPC length that disagrees with the PC word is a bad record', () => {
    const rec = tmTagRecord({ epc: SGTIN })
    rec[29] = 0x28 // PC announces 5 words, the record carries 6
    const tagCrc = gen2Crc16(rec, 29, 43)
    rec[43] = tagCrc >> 8
    rec[44] = tagCrc & 0xff
    tmFixFrameCrc(rec)
    const f = new ThingMagicFramer({ staleMs: 0 })
    const out = collect<TmFramerOutput>(f)
    f.write(rec)
    expect(classifyTmFrame(out[0] as never)).toEqual({ kind: 'tags', tags: [], rejected: ['rfid.bad_record'] })
  })

  it('SGTIN-198: PC announces 13 words (ceil(198/16)) and the 26-byte EPC comes out whole', () => {
    const rec = tmTagRecord({ epc: SGTIN198 })
    expect(rec.readUInt16BE(TM_RECORD_PC_AT)).toBe(13 << 11)
    expect(rec.readUInt16BE(TM_RECORD_PC_AT - 2)).toBe((2 + 26 + 2) * 8)
    const f = new ThingMagicFramer({ staleMs: 0 })
    const out = collect<TmFramerOutput>(f)
    f.write(Buffer.concat([rec, tmTagRecord({ epc: SGTIN }), rec]))
    expect(epcs(out)).toEqual([SGTIN198, SGTIN, SGTIN198])
  })

  it('an EPC given as 198 bits in 25 bytes is sent padded to 13 words, as a tag stores it', () => {
    const rec = tmTagRecord({ epc: SGTIN198.slice(0, 50) })
    expect(rec.readUInt16BE(TM_RECORD_PC_AT)).toBe(13 << 11)
    expect(classifyTmFrame({ kind: 'frame', opcode: 0x22, status: 0, data: rec.subarray(5, rec.length - 2) })).toMatchObject({ tags: [{ epc: SGTIN198 }], rejected: [] })
  })

  it('XPC words (XI bit, and XEB for XPC_W2) are skipped, not read as EPC', () => {
    for (const xpc of [[0x0001], [0x8000, 0x1234]]) {
      const rec = tmTagRecord({ epc: SGTIN198, xpc })
      expect(rec.readUInt16BE(TM_RECORD_PC_AT)).toBe((13 << 11) | 0x0200)
      const m = classifyTmFrame({ kind: 'frame', opcode: 0x22, status: 0, data: rec.subarray(5, rec.length - 2) })
      expect(m, JSON.stringify(xpc)).toMatchObject({ tags: [{ epc: SGTIN198, pc: (13 << 11) | 0x0200 }], rejected: [] })
    }
  })

  it('an XI bit with no room for XPC_W1, or XEB with no XPC_W2, is a bad record', () => {
    const rec = tmTagRecord({ epc: SGTIN, xpc: [0x0001] })
    rec[TM_RECORD_PC_AT + 2] = 0x80 // XEB now announces an XPC_W2 the record does not carry
    const data = rec.subarray(5, rec.length - 2)
    const crc = gen2Crc16(data, TM_RECORD_PC_AT - 5, data.length - 2)
    data.writeUInt16BE(crc, data.length - 2)
    expect(classifyTmFrame({ kind: 'frame', opcode: 0x22, status: 0, data })).toEqual({ kind: 'tags', tags: [], rejected: ['rfid.bad_record'] })
  })

  it('keep-alives and command answers are classified', () => {
    const f = new ThingMagicFramer({ staleMs: 0 })
    const out = collect<TmFramerOutput>(f)
    f.write(tmKeepAlive())
    expect(classifyTmFrame(out[0] as never)).toEqual({ kind: 'keepalive' })
  })
})
