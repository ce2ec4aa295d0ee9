import { spawn, spawnSync } from 'node:child_process'
import { readdirSync, readlinkSync, realpathSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { decodeEpc } from '../../../src/shared/codes/epc/index'
import { sampleTags } from '../../../src/main/devices/rfid/sim/sim-population'
import { openPtyPair, type PtyPair } from '../../helpers/pty'
import { startRfidSimRig, type RfidSimRig } from '../../helpers/rfid-sim'
import { BIN, PROJECT_ROOT } from '../../helpers/station-server'

let rig: RfidSimRig | null = null
let pty: PtyPair | null = null
afterEach(async () => {
  await rig?.close()
  await pty?.close()
  rig = null
  pty = null
})

function run(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  return {
    lines: () => out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
    stderr: () => err,
    exited: new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))),
    pid: child.pid!
  }
}

async function waitOpened(pid: number, path: string, ms = 30_000): Promise<void> {
  const target = realpathSync(path)
  const end = Date.now() + ms
  while (Date.now() < end) {
    try {
      if (readdirSync(`/proc/${pid}/fd`).some((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`) === target)) return
    } catch {
      // still starting
    }
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`process ${pid} never opened ${path}`)
}

describe('dockside rfid read (real pty, simulated readers)', () => {
  for (const protocol of ['thingmagic', 'r2000'] as const) {
    it(`${protocol}: one line per unique EPC with its identity, then the summary; exit 0 when the duration ends`, async () => {
      const tags = sampleTags(12, { withPallet: true })
      rig = await startRfidSimRig(protocol, { tags, rate: 400, corrupt: { every: 6 } })
      const r = run(['rfid', 'read', '--port', rig.devicePath, '--protocol', protocol, '--duration', '3'])
      expect(await r.exited).toBe(0)
      const lines = r.lines()
      const summary = lines.at(-1) as { summary: { unique: number; reads: number; badFrames: number } }
      const tagLines = lines.slice(0, -1)
      expect(summary.summary.unique).toBe(tags.length)
      expect(summary.summary.reads).toBeGreaterThan(tags.length)
      expect(summary.summary.badFrames).toBeGreaterThan(0)
      expect(new Set(tagLines.map((l) => l.epc))).toEqual(new Set(tags.map((t) => t.epc)))
      expect(tagLines).toHaveLength(tags.length)
      for (const l of tagLines) {
        const d = decodeEpc(l.epc as string)
        expect(d.ok).toBe(true)
        if (!d.ok) continue
        expect(l.epc).toMatch(/^[0-9A-F]{24}$/)
        expect(l.antenna).toBe(1)
        expect(typeof l.rssi).toBe('number')
        expect(l.scheme).toBe(d.value.scheme)
        expect(l.tagUri).toBe(d.value.tagUri)
        if (d.value.scheme === 'sgtin-96') expect(l).toMatchObject({ gtin: d.value.gtin, serial: d.value.serial })
        if (d.value.scheme === 'sscc-96') expect(l).toMatchObject({ sscc: d.value.sscc })
      }
      expect(tagLines.find((l) => l.scheme === 'sscc-96')).toMatchObject({ sscc: '106141412345678908' })
    })
  }

  it('simulate --sgtin198 mixed → read: SGTIN-198 (26-byte EPCs) and SGTIN-96 tags, each decoded', async () => {
    pty = await openPtyPair()
    const sim = run(['rfid', 'simulate', '--port', pty.hostPath, '--protocol', 'thingmagic', '--tags', '6', '--sgtin198', 'mixed', '--rate', '300'])
    await waitOpened(sim.pid, pty.hostPath)
    const r = run(['rfid', 'read', '--port', pty.devicePath, '--protocol', 'thingmagic', '--duration', '3'])
    expect(await r.exited).toBe(0)
    const lines = r.lines()
    const tagLines = lines.slice(0, -1)
    expect(lines.at(-1)).toMatchObject({ summary: { unique: 7, badFrames: 0 } })
    expect(tagLines.filter((l) => l.scheme === 'sgtin-198').map((l) => l.serial).sort()).toEqual(['S-1001', 'S-1003', 'S-1005'])
    for (const l of tagLines.filter((x) => x.scheme === 'sgtin-198')) expect(l).toMatchObject({ epc: expect.stringMatching(/^[0-9A-F]{52}$/), gtin: '80614141123458' })
    expect(tagLines.filter((l) => l.scheme === 'sgtin-96')).toHaveLength(3)
    const bad = run(['rfid', 'simulate', '--port', pty.hostPath, '--protocol', 'thingmagic', '--sgtin198', 'some'])
    expect(await bad.exited).toBe(2)
    expect(bad.stderr()).toContain('--sgtin198 must be all or mixed')
    process.kill(sim.pid, 'SIGTERM')
    expect(await sim.exited).toBe(0)
  })

  it('ascii: EPC lines (with and without antenna/RSSI), bad lines counted, a non-GS1 EPC decoded to its error code', async () => {
    pty = await openPtyPair()
    const r = run(['rfid', 'read', '--port', pty.devicePath, '--protocol', 'ascii', '--duration', '2'])
    await waitOpened(r.pid, pty.devicePath)
    await new Promise((res) => setTimeout(res, 200))
    pty.write('3074257BF7194E4000001A85\r\n3074257bf7194e4000001a85,2,-51\r\nNOT AN EPC\r\nE2801160600002084A5C4A11\n3174257BF4499602D2000000;1;-40\r\n')
    expect(await r.exited).toBe(0)
    const lines = r.lines()
    expect(lines).toEqual([
      { epc: '3074257BF7194E4000001A85', antenna: null, rssi: null, scheme: 'sgtin-96', tagUri: 'urn:epc:tag:sgtin-96:3.0614141.812345.6789', gtin: '80614141123458', serial: '6789' },
      { epc: 'E2801160600002084A5C4A11', antenna: null, rssi: null, scheme: null, tagUri: null, error: { code: 'epc.header', params: { header: 0xe2 } } },
      { epc: '3174257BF4499602D2000000', antenna: 1, rssi: -40, scheme: 'sscc-96', tagUri: 'urn:epc:tag:sscc-96:3.0614141.1234567890', sscc: '106141412345678908' },
      { summary: { unique: 3, reads: 4, badFrames: 1 } }
    ])
  })

  it('exits 1 with the reason when the port cannot be opened, or the reader never answers', async () => {
    const missing = run(['rfid', 'read', '--port', '/dev/does-not-exist-dockside', '--protocol', 'thingmagic', '--duration', '1'])
    expect(await missing.exited).toBe(1)
    expect(missing.stderr()).toContain('Serial port /dev/does-not-exist-dockside does not exist')
    expect(missing.stderr()).toContain('[rfid.port_missing]')
    expect(missing.lines()).toEqual([])
    rig = await startRfidSimRig('r2000', { tags: sampleTags(3), mute: true })
    const silent = run(['rfid', 'read', '--port', rig.devicePath, '--protocol', 'r2000', '--duration', '1'])
    expect(await silent.exited).toBe(1)
    expect(silent.stderr()).toMatch(/did not answer "version" within \d+ ms.*\[rfid\.no_answer\]/)
  })

  it('an unplug mid-read prints the summary and exits 1 with the reason', async () => {
    rig = await startRfidSimRig('thingmagic', { tags: sampleTags(4), rate: 200 })
    const r = run(['rfid', 'read', '--port', rig.devicePath, '--protocol', 'thingmagic', '--duration', '30'])
    const end = Date.now() + 30_000
    while (r.lines().length < 4 && Date.now() < end) await new Promise((res) => setTimeout(res, 20))
    await rig.unplug()
    expect(await r.exited).toBe(1)
    expect(r.lines().at(-1)).toMatchObject({ summary: { unique: 4 } })
    expect(r.stderr()).toMatch(/unplugged|closed/)
  })

  it('exits 2 on bad arguments', () => {
    for (const args of [['rfid'], ['rfid', 'read'], ['rfid', 'read', '--port', '/x'], ['rfid', 'read', '--port', '/x', '--protocol', 'llrp'], ['rfid', 'read', '--port', '/x', '--protocol', 'r2000', '--duration', 'soon'], ['rfid', 'read', '--port', '/x', '--protocol', 'r2000', '--baud', '0'], ['rfid', 'frob']]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' })
      expect(r.status, args.join(' ')).toBe(2)
    }
  })
})
