import { afterEach, describe, expect, it } from 'vitest'
import { createSerialReader, type SerialReaderOptions } from '../../../src/main/devices/rfid/driver'
import { sampleTags } from '../../../src/main/devices/rfid/sim/sim-population'
import type { RfidIssue, RfidReader, TagRead } from '../../../src/main/devices/rfid/types'
import { startRfidSimRig, until, type RfidSimRig, type SimOptions } from '../../helpers/rfid-sim'

let rig: RfidSimRig | null = null
let reader: RfidReader | null = null
afterEach(async () => {
  await reader?.close()
  await rig?.close()
  reader = null
  rig = null
})

const FAST_BACKOFF = { initialMs: 50, maxMs: 300 }

async function setup(protocol: 'thingmagic' | 'r2000', sim: SimOptions, driver: Partial<SerialReaderOptions> = {}) {
  rig = await startRfidSimRig(protocol, sim)
  const r = createSerialReader({ id: 'reader-1', path: rig.devicePath, protocol, backoff: FAST_BACKOFF, ...driver })
  reader = r
  const reads: TagRead[] = []
  const issues: RfidIssue[] = []
  r.on('tag', (t) => reads.push(t))
  r.on('issue', (i) => issues.push(i))
  return { r, reads, issues, unique: () => new Set(reads.map((x) => x.epc)) }
}

for (const protocol of ['thingmagic', 'r2000'] as const) {
  const settings = protocol === 'thingmagic' ? { region: 'NA2', powerDbm: 20, antennas: [1], session: 1 as const, target: 'A' as const } : { region: 'FCC', powerDbm: 26, antennas: [1] }

  describe(`${protocol} reader through a real pty`, () => {
    it('reads the whole population; damaged frames are counted and never yield an EPC', async () => {
      const tags = sampleTags(40, { withPallet: true })
      const { r, reads, unique } = await setup(protocol, { tags, rate: 800, corrupt: { every: 5 } }, { settings })
      await r.open()
      expect(r.status()).toMatchObject({ state: 'connected', issue: null, info: { protocol } })
      await r.startInventory()
      await until(() => unique().size === tags.length, 20_000, 'every tag read')
      await r.stopInventory()
      rig!.sim().mute(true)
      await new Promise((res) => setTimeout(res, 300))
      const known = new Set(tags.map((t) => t.epc))
      expect(reads.filter((x) => !known.has(x.epc))).toEqual([])
      const stats = rig!.sim().stats()
      const damaged = Object.values(stats.corrupted).reduce((a, b) => a + b, 0)
      const c = r.counters()
      expect(damaged).toBeGreaterThan(0)
      expect(c.badFrames).toBeGreaterThanOrEqual(damaged)
      if (protocol === 'thingmagic') expect(c.badTagCrc).toBe(stats.corrupted.tag_crc)
      expect(c.reads).toBe(reads.length)
      for (const x of reads) {
        expect(x.antenna).toBe(1)
        expect(x.rssi).toBeGreaterThanOrEqual(-80)
        expect(x.rssi).toBeLessThanOrEqual(-30)
      }
    })

    it('an unplug mid-read is reported, and after the replug the reader reconnects and reads on', async () => {
      const tags = sampleTags(10)
      const { r, reads } = await setup(protocol, { tags, rate: 300 }, { settings })
      const states: string[] = []
      r.on('status', (s) => states.push(`${s.state}${s.issue ? `:${s.issue.code}` : ''}`))
      await r.open()
      await r.startInventory()
      await until(() => reads.length > 10, 10_000, 'reads before the unplug')
      await rig!.unplug()
      await until(() => r.status().state === 'disconnected', 10_000, 'the driver to notice the unplug')
      expect(r.status().issue?.code).toMatch(/^rfid\.(unplugged|port_closed)$/)
      const before = reads.length
      await rig!.replug()
      await until(() => r.status().state === 'connected' && r.status().reading, 15_000, 'reconnected and reading')
      await until(() => reads.length > before + 10, 10_000, 'reads after the replug')
      expect(r.counters().reconnects).toBe(1)
      // Which of the two the OS reports for a vanished pty depends on timing (EIO on read vs the close).
      expect(states.some((s) => /^disconnected:rfid\.(unplugged|port_closed)$/.test(s))).toBe(true)
    })

    it('a reader that never answers: status error rfid.no_answer, no crash', async () => {
      const { r } = await setup(protocol, { tags: sampleTags(3), mute: true }, { answerTimeoutMs: 200, handshakeAttempts: 2 })
      await r.open()
      expect(r.status()).toMatchObject({ state: 'error', issue: { code: 'rfid.no_answer', params: { command: 'version' } } })
    })

    it('a reader that stops answering mid-read: the watchdog restarts the inventory and reading resumes', async () => {
      const tags = sampleTags(5)
      const { r, reads, issues } = await setup(protocol, { tags, rate: 200 }, { settings, watchdogMs: 400, watchdogLimit: 50, answerTimeoutMs: 300 })
      await r.open()
      await r.startInventory()
      await until(() => reads.length > 5, 10_000, 'first reads')
      rig!.sim().mute(true)
      await until(() => issues.some((i) => i.code === 'rfid.reader_silent'), 10_000, 'the watchdog')
      expect(r.status()).toMatchObject({ state: 'error', issue: { code: 'rfid.reader_silent' } })
      const before = reads.length
      rig!.sim().mute(false)
      await until(() => reads.length > before + 5, 15_000, 'reads after the reader woke up')
      expect(r.status()).toMatchObject({ state: 'connected', issue: null, reading: true })
      expect(r.counters().watchdogRestarts).toBeGreaterThan(0)
    })

    it('drives a general-purpose output on the reader', async () => {
      const { r } = await setup(protocol, { tags: [] }, { settings })
      await r.open()
      const pin = protocol === 'thingmagic' ? 1 : 3
      await r.setOutput(pin, true)
      expect(rig!.sim().outputs()[pin]).toBe(true)
      await r.setOutput(pin, false)
      expect(rig!.sim().outputs()[pin]).toBe(false)
    })
  })
}

describe('r2000 antenna switching', () => {
  it('alternates the work antenna between rounds and reports an antenna with nothing connected', async () => {
    const tags = sampleTags(6)
    const { r, reads, issues } = await setup('r2000', { tags, rate: 600, roundFrames: 12, missingAntennas: [3] }, { settings: { antennas: [1, 2, 3] } })
    await r.open()
    await r.startInventory()
    await until(() => new Set(reads.map((x) => x.antenna)).size === 2 && issues.some((i) => i.code === 'rfid.antenna_missing'), 15_000, 'reads on antennas 1 and 2 and the missing antenna 3')
    expect(issues.find((i) => i.code === 'rfid.antenna_missing')?.params).toEqual({ antenna: 3 })
    expect(new Set(reads.map((x) => x.antenna))).toEqual(new Set([1, 2]))
  })
})

describe('settings and the ASCII driver', () => {
  it('a setting the reader cannot take is reported as a code, not a crash', async () => {
    const { r } = await setup('thingmagic', { tags: [] }, { settings: { region: 'MARS' } })
    await r.open()
    expect(r.status()).toMatchObject({ state: 'error', issue: { code: 'rfid.bad_setting', params: { setting: 'region', value: 'MARS' } } })
  })

  it('ascii reader through a pty: tags while reading, bad lines counted, nothing before the inventory starts', async () => {
    const { openPtyPair } = await import('../../helpers/pty')
    const pty = await openPtyPair()
    try {
      const r = createSerialReader({ id: 'ascii-1', path: pty.devicePath, protocol: 'ascii', backoff: FAST_BACKOFF })
      reader = r
      const reads: TagRead[] = []
      r.on('tag', (t) => reads.push(t))
      await r.open()
      expect(r.status()).toMatchObject({ state: 'connected', info: { protocol: 'ascii' } })
      pty.write('3074257BF7194E4000001A85\r\n')
      await new Promise((res) => setTimeout(res, 300))
      expect(reads).toEqual([])
      await r.startInventory()
      pty.write('3074257BF7194E4000001A85,2,-48\r\nGARBAGE\r\n3174257BF4499602D2000000\r\n')
      await until(() => reads.length === 2, 10_000, 'two reads')
      expect(reads.map((x) => [x.epc, x.antenna, x.rssi])).toEqual([
        ['3074257BF7194E4000001A85', 2, -48],
        ['3174257BF4499602D2000000', null, null]
      ])
      await until(() => r.counters().badLines === 1, 10_000, 'the bad line counted')
      await expect(r.setOutput(1, true)).rejects.toMatchObject({ code: 'rfid.no_outputs' })
    } finally {
      await reader?.close()
      reader = null
      await pty.close()
    }
  })
})
