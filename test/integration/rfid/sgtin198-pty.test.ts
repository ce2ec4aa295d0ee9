import { afterEach, describe, expect, it } from 'vitest'
import { createSerialReader } from '../../../src/main/devices/rfid/driver'
import { tagIdentity } from '../../../src/main/devices/rfid/identity'
import { sampleTags, type SimTag } from '../../../src/main/devices/rfid/sim/sim-population'
import type { RfidReader, TagRead } from '../../../src/main/devices/rfid/types'
import { startRfidSimRig, until, type RfidSimRig } from '../../helpers/rfid-sim'

let rig: RfidSimRig | null = null
let reader: RfidReader | null = null
afterEach(async () => {
  await reader?.close()
  await rig?.close()
  reader = null
  rig = null
})

/** The EPC as a tag stores it: whole 16-bit words. */
const asWords = (epc: string) => (epc.length % 4 === 0 ? epc : `${epc}00`)

async function readAll(protocol: 'thingmagic' | 'r2000', tags: readonly SimTag[]) {
  rig = await startRfidSimRig(protocol, { tags, rate: 600, corrupt: { every: 7 } })
  const r = createSerialReader({ id: 'reader-198', path: rig.devicePath, protocol, backoff: { initialMs: 50, maxMs: 300 } })
  reader = r
  const reads: TagRead[] = []
  r.on('tag', (t) => reads.push(t))
  await r.open()
  await r.startInventory()
  const expected = new Set(tags.map((t) => asWords(t.epc)))
  await until(() => new Set(reads.map((x) => x.epc)).size >= expected.size, 20_000, `all ${expected.size} EPCs read`)
  await r.stopInventory()
  return { reads, expected, counters: r.counters() }
}

for (const protocol of ['thingmagic', 'r2000'] as const) {
  describe(`${protocol}: SGTIN-198 through a real pty`, () => {
    it('a population of SGTIN-198 tags (26-byte EPCs; some given as 25 bytes, some with XPC words) is read whole', async () => {
      const tags = sampleTags(24, { sgtin198: 'all' }).map((t, i): SimTag => {
        if (i % 4 === 1) return { ...t, epc: t.epc.slice(0, 50) } // 198 bits in 25 bytes: the tag stores 13 words
        if (i % 4 === 2) return { ...t, xpc: [0x0001] }
        if (i % 4 === 3) return { ...t, xpc: [0x8000, 0x0002] }
        return t
      })
      const { reads, expected, counters } = await readAll(protocol, tags)
      expect(reads.filter((x) => !expected.has(x.epc))).toEqual([])
      expect(counters.badRecords).toBe(0)
      for (const epc of expected) expect(tagIdentity(epc)).toMatchObject({ scheme: 'sgtin-198', gtin: '80614141123458' })
      expect(reads.filter((x) => x.pc !== null && (x.pc & 0x0200) !== 0).length).toBeGreaterThan(0)
    })

    it('a mixed SGTIN-96 / SGTIN-198 pallet with its SSCC-96 tag: every tag, nothing else', async () => {
      const tags = sampleTags(40, { sgtin198: 'mixed', withPallet: true })
      expect(new Set(tags.map((t) => t.epc.length))).toEqual(new Set([24, 52]))
      const { reads, expected, counters } = await readAll(protocol, tags)
      expect(reads.filter((x) => !expected.has(x.epc))).toEqual([])
      expect(counters.badRecords).toBe(0)
      const schemes = new Set([...expected].map((e) => tagIdentity(e).scheme))
      expect(schemes).toEqual(new Set(['sgtin-96', 'sgtin-198', 'sscc-96']))
    })
  })
}
