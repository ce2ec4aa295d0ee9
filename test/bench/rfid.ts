/**
 * RFID reader benchmark: tag frames per second end to end through framing + CRC (frame and tag) +
 * record parsing + EPC decode + de-duplication, against the 921,600-baud wire rate (8N1: 1,961
 * ThingMagic 47-byte tag frames/s, 4,389 R2000 21-byte frames/s), with the CPU it costs.
 *   1. ceiling in memory: frames fed from a buffer as fast as the code takes them (best of 3);
 *   2. wire rate through a real pty: a simulator in a child process (`dockside rfid simulate`)
 *      streams at the wire rate into the serial driver here; reads/s and this process's CPU
 *      (process.cpuUsage) beside a floor measured in the same run: serialport alone on a pty at the
 *      same rate, counting bytes (what the transport costs before any of our code runs);
 *   3. ceiling through the pty: the simulator writes as fast as the pty takes it;
 *   4. backlog: 66,000 tag frames dumped at once (a reader emptying its buffer after an outage) —
 *      every one must come out (no loss), and how long it takes.
 * Persistence of reads (gate sessions) and the station around the driver: test/bench/gate-cpu.ts.
 * Run: node --import tsx test/bench/rfid.ts [--quick]
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createTagDeduper } from '../../src/main/devices/rfid/dedup'
import { createSerialReader } from '../../src/main/devices/rfid/driver'
import { tagIdentity } from '../../src/main/devices/rfid/identity'
import { openRfidPort } from '../../src/main/devices/rfid/port'
import { classifyR2kFrame, r2kTagRecord } from '../../src/main/devices/rfid/r2000/commands'
import { createReadConfirmer } from '../../src/main/devices/rfid/r2000/confirm'
import { R2000Framer, type R2kFramerOutput } from '../../src/main/devices/rfid/r2000/framer'
import { sampleTags } from '../../src/main/devices/rfid/sim/sim-population'
import { ThingMagicFramer, type TmFramerOutput } from '../../src/main/devices/rfid/thingmagic/framer'
import { classifyTmFrame, tmTagRecord } from '../../src/main/devices/rfid/thingmagic/records'
import { openPtyPair } from '../helpers/pty'
import { startRfidSimRig } from '../helpers/rfid-sim'
import { BIN, PROJECT_ROOT } from '../helpers/station-server'
import { report } from './_support'

const quick = process.argv.includes('--quick')
const WIRE = { thingmagic: 1961, r2000: 4389 } as const
const CPU_TARGET = 10
const SECONDS = quick ? 2 : 5
const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const tags = sampleTags(500, { withPallet: true })

/** 1. In memory: framing + checks + parse + decode + de-dup, chunks of 4 KB as a serial port delivers them. */
function inMemory(protocol: 'thingmagic' | 'r2000'): number {
  const frames = 20_000
  const parts: Buffer[] = []
  for (let i = 0; i < frames; i++) {
    const t = tags[i % tags.length]!
    parts.push(protocol === 'thingmagic' ? tmTagRecord({ epc: t.epc, rssi: -50, antenna: 1 }) : r2kTagRecord({ epc: t.epc, rssi: -50, antenna: 1 }))
  }
  const stream = Buffer.concat(parts)
  let best = 0
  for (let round = 0; round < 3; round++) {
    const dedup = createTagDeduper()
    let decoded = 0
    const onTag = (epc: string, antenna: number | null, rssi: number | null) => {
      if (dedup.add(epc, antenna, rssi, 0).first && tagIdentity(epc).scheme !== null) decoded++
    }
    const t0 = performance.now()
    let n = 0
    while (performance.now() - t0 < 1000) {
      if (protocol === 'thingmagic') {
        const f = new ThingMagicFramer({ staleMs: 0 })
        f.on('data', (o: TmFramerOutput) => {
          if (o.kind !== 'frame') return
          const m = classifyTmFrame(o)
          if (m.kind === 'tags') for (const t of m.tags) onTag(t.epc, t.antenna, t.rssi)
        })
        for (let at = 0; at < stream.length; at += 4096) f.write(stream.subarray(at, at + 4096))
        f.end()
      } else {
        const f = new R2000Framer({ staleMs: 0 })
        const confirm = createReadConfirmer<{ epc: string; antenna: number; rssi: number }>()
        f.on('data', (o: R2kFramerOutput) => {
          if (o.kind !== 'frame') return
          const m = classifyR2kFrame(o)
          if (m.kind === 'tag') for (const r of confirm.offer(m.tag.epc, m.tag, 0)) onTag(r.epc, r.antenna, r.rssi)
        })
        for (let at = 0; at < stream.length; at += 4096) f.write(stream.subarray(at, at + 4096))
        f.end()
      }
      n += frames
    }
    if (decoded !== tags.length) throw new Error(`decoded ${decoded} unique tags, expected ${tags.length}`)
    best = Math.max(best, n / ((performance.now() - t0) / 1000))
  }
  return best
}

function startSim(protocol: 'thingmagic' | 'r2000', path: string, rate: number | 'max'): ChildProcess {
  return spawn(process.execPath, [BIN, 'rfid', 'simulate', '--port', path, '--protocol', protocol, '--tags', String(tags.length - 1), '--rate', String(rate), '--repeats', '3'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
}

async function stopSim(child: ChildProcess) {
  if (child.exitCode !== null) return
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

interface Run {
  perSecond: number
  cpuPct: number
  unique: number
  bad: number
}

/** 2/3. Driver + decode + de-dup here, simulator in a child process, through a socat pty pair. */
async function throughPty(protocol: 'thingmagic' | 'r2000', rate: number | 'max'): Promise<Run> {
  const pty = await openPtyPair()
  const sim = startSim(protocol, pty.hostPath, rate)
  const reader = createSerialReader({ id: 'bench', path: pty.devicePath, protocol, baudRate: 921_600, handshakeAttempts: 20, answerTimeoutMs: 1000 })
  const dedup = createTagDeduper()
  let reads = 0
  reader.on('tag', (t) => {
    reads++
    if (dedup.add(t.epc, t.antenna, t.rssi, t.at).first) tagIdentity(t.epc)
  })
  try {
    await reader.open()
    if (reader.status().state !== 'connected') throw new Error(`reader not connected: ${JSON.stringify(reader.status().issue)}`)
    await reader.startInventory()
    await sleep(1000) // warm-up
    const r0 = reads
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    await sleep(SECONDS * 1000)
    const wall = performance.now() - t0
    const cpu = process.cpuUsage(c0)
    const n = reads - r0
    await reader.stopInventory()
    return { perSecond: n / (wall / 1000), cpuPct: ((cpu.user + cpu.system) / 1000 / wall) * 100, unique: dedup.unique(), bad: reader.counters().badFrames }
  } finally {
    await reader.close()
    await stopSim(sim)
    await pty.close()
  }
}

/**
 * The floor: the same serial transport (serialport on the same kind of pty, same baud setting, same
 * pace, frames written from this process) with a reader that only counts bytes — what reading the
 * port costs before any of our code runs.
 */
async function nullReader(protocol: 'thingmagic' | 'r2000', rate: number): Promise<{ cpuPct: number; framesPerSecond: number }> {
  const pty = await openPtyPair()
  const frame = protocol === 'thingmagic' ? tmTagRecord({ epc: tags[0]!.epc }) : r2kTagRecord({ epc: tags[0]!.epc })
  const port = await openRfidPort(pty.devicePath, 921_600)
  let bytes = 0
  port.on('data', (d) => (bytes += d.length))
  const perTick = rate / 100
  let owed = 0
  const timer = setInterval(() => {
    owed += perTick
    const n = Math.floor(owed)
    owed -= n
    if (n > 0) pty.write(Buffer.concat(Array.from({ length: n }, () => frame)))
  }, 10)
  try {
    await sleep(1000)
    const b0 = bytes
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    await sleep(SECONDS * 1000)
    const wall = performance.now() - t0
    const cpu = process.cpuUsage(c0)
    return { cpuPct: ((cpu.user + cpu.system) / 1000 / wall) * 100, framesPerSecond: (bytes - b0) / frame.length / (wall / 1000) }
  } finally {
    clearInterval(timer)
    await new Promise<void>((resolve) => port.close(() => resolve()))
    await pty.close()
  }
}

/** 4. A 66,000-frame backlog written into the pty in one go while the driver reads. */
async function backlog(protocol: 'thingmagic' | 'r2000'): Promise<{ received: number; sent: number; seconds: number; bad: number }> {
  const rig = await startRfidSimRig(protocol, { tags: [], rate: 1 })
  const reader = createSerialReader({ id: 'backlog', path: rig.devicePath, protocol, baudRate: 921_600 })
  let received = 0
  reader.on('tag', () => received++)
  try {
    await reader.open()
    await reader.startInventory()
    const sent = 66_000
    const parts: Buffer[] = []
    for (let i = 0; i < sent; i++) {
      const t = tags[i % tags.length]!
      parts.push(protocol === 'thingmagic' ? tmTagRecord({ epc: t.epc, rssi: -50 }) : r2kTagRecord({ epc: t.epc, rssi: -50 }))
    }
    const t0 = performance.now()
    rig.sim().sendRaw(Buffer.concat(parts))
    const end = Date.now() + 60_000
    let last = -1
    let lastChange = Date.now()
    while (received < sent && Date.now() < end && Date.now() - lastChange < 5000) {
      await sleep(20)
      if (received !== last) {
        last = received
        lastChange = Date.now()
      }
    }
    return { received, sent, seconds: (performance.now() - t0) / 1000, bad: reader.counters().badFrames }
  } finally {
    await reader.close()
    await rig.close()
  }
}

async function main() {
  console.log(`RFID readers: ${tags.length} tags (SGTIN-96 + one SSCC-96), ${SECONDS} s per measurement${quick ? ' (quick)' : ''}`)
  for (const protocol of ['thingmagic', 'r2000'] as const) {
    const wire = WIRE[protocol]
    const mem = inMemory(protocol)
    report(`${protocol} in memory (framing + CRC + parse + decode + de-dup), ceiling`, mem, 'frames/s', wire, 'higher', `${(mem / wire).toFixed(0)}× the 921,600-baud wire rate`)
    // The null reader writes from this process (its CPU includes the writer); the driver run's writer is a child process.
    const floor = await nullReader(protocol, wire)
    // Paced 2 % above the wire rate so that timer jitter on a busy machine does not read as a shortfall.
    const run = await throughPty(protocol, Math.ceil(wire * 1.02))
    report(`${protocol} end to end through a pty at the wire rate`, run.perSecond, 'frames/s', wire, 'higher', `${run.unique} unique tags, ${run.bad} bad frames`)
    report(`${protocol} CPU at the wire rate`, run.cpuPct, '% of one core', CPU_TARGET, 'lower', `floor in this run: serialport alone on a pty at the same rate, bytes only (writer in-process) ${floor.cpuPct.toFixed(1)} % for ${fmt(floor.framesPerSecond)} frames/s; our code alone at this rate (from the in-memory rate) ${((wire / mem) * 100).toFixed(1)} %`)
    const max = await throughPty(protocol, 'max')
    console.log(`${protocol} ceiling through a pty (simulator writing as fast as the pty takes it): ${fmt(max.perSecond)} frames/s at ${max.cpuPct.toFixed(0)} % of one core (${(max.perSecond / wire).toFixed(1)}× the wire rate; ${max.unique} unique, ${max.bad} bad frames)`)
    const b = await backlog(protocol)
    console.log(`${protocol} backlog of ${fmt(b.sent)} frames dumped at once: ${fmt(b.received)} received, ${fmt(b.sent - b.received)} lost, ${b.bad} bad frames, in ${b.seconds.toFixed(2)} s ${b.received === b.sent && b.bad === 0 ? 'PASS' : 'FAIL'}`)
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  }
)
