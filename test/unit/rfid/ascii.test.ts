import { describe, expect, it } from 'vitest'
import { AsciiLineFramer, parseAsciiLine, type AsciiFramerOutput } from '../../../src/main/devices/rfid/ascii/framer'
import { collect } from './_collect'

const SGTIN = '3074257BF7194E4000001A85'

describe('ASCII line protocol', () => {
  it('parses EPC, EPC,ANTENNA,RSSI and the other separators', () => {
    expect(parseAsciiLine(SGTIN)).toEqual({ kind: 'frame', epc: SGTIN, antenna: null, rssi: null })
    expect(parseAsciiLine(` ${SGTIN.toLowerCase()},2,-51 `)).toEqual({ kind: 'frame', epc: SGTIN, antenna: 2, rssi: -51 })
    expect(parseAsciiLine(`${SGTIN};3`)).toEqual({ kind: 'frame', epc: SGTIN, antenna: 3, rssi: null })
    expect(parseAsciiLine(`${SGTIN}\t1\t-60`)).toEqual({ kind: 'frame', epc: SGTIN, antenna: 1, rssi: -60 })
  })
  it('refuses what is not an EPC line', () => {
    for (const bad of ['', 'HELLO', '3074257BF7194E4000001A8', '3074257BF7194E4000001A8G', `${SGTIN},0`, `${SGTIN},1,-300`, `${SGTIN},1,-50,7`, `${SGTIN},x`, 'ABC']) expect(parseAsciiLine(bad), bad).toBeNull()
  })
  it('frames on CR, LF and CR LF at any split; counts bad, over-long and cut lines', () => {
    const text = `${SGTIN}\r\nJUNK\n${'A'.repeat(300)}\r${SGTIN},1,-40\r\n3174`
    for (let cut = 0; cut <= text.length; cut++) {
      const f = new AsciiLineFramer()
      const out = collect<AsciiFramerOutput>(f)
      f.write(Buffer.from(text.slice(0, cut), 'latin1'))
      f.write(Buffer.from(text.slice(cut), 'latin1'))
      f.end()
      expect(out.map((o) => (o.kind === 'frame' ? o.epc : o.code)), `cut ${cut}`).toEqual([SGTIN, 'rfid.bad_line', 'rfid.line_too_long', SGTIN, 'rfid.truncated'])
      expect(out[2]).toMatchObject({ bytes: 300 })
    }
  })
})
