/**
 * Gate CPU at the wire rate (issue #13: ≤ 10 % of one core), end to end in a whole station: the
 * serial driver (framing, CRCs), EPC decode, de-dup, classification, the batched `gate.changed` push
 * and the recorded reads (gate_sessions/gate_reads in batches) — with the station's own background
 * work (hot-plug watch, storage checks, printers) running as it does at a door PC. A simulator in a
 * child process (`dockside rfid simulate`) streams at the 921,600-baud wire rate into a socat pty.
 * Printed beside two floors measured in the same run:
 *   - an idle station (same kind of station, no reader): what the station costs doing nothing;
 *   - serialport alone reading the same stream from the same pty, counting bytes: what the transport
 *     costs before any of our code runs.
 * CPU is this process's user + system time (process.cpuUsage) over the window / wall time.
 * Run: node --import tsx test/bench/gate-cpu.ts [--quick]
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { openRfidPort } from '../../src/main/devices/rfid/port'
import { r2kRealTimeInventory } from '../../src/main/devices/rfid/r2000/commands'
import { tmStartContinuousRead } from '../../src/main/devices/rfid/thingmagic/commands'
import { silentLogger } from '../../src/main/logging'
import { createStation, type Station } from '../../src/main/station'
import type { GateView } from '../../src/shared/contract-areas/gate'
import { openPtyPair } from '../helpers/pty'
import { BIN, PROJECT_ROOT } from '../helpers/station-server'
import { makeTempDir, startTestStation } from '../helpers/store'
import { report } from './_support'

const quick = process.argv.includes('--quick')
const SECONDS = quick ? 3 : 8
const WIRE = { thingmagic: 1961, r2000: 4389 } as const
const CPU_TARGET = 10
const TAGS = 500
const DOOR = { terminalId: 'door-cpu', host: 'internal' } as const
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const fmt = (n: number) => Math.round(n).toLocaleString('en-US')

type Protocol = 'thingmagic' | 'r2000'

/** CPU % of one core this process spends over `ms`, and whatever `count` advanced by per second. */
async function measure(ms: number, count: () => number = () => 0): Promise<{ cpuPct: number; perSecond: number }> {
  const n0 = count()
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  await sleep(ms)
  const wall = performance.now() - t0
  const cpu = process.cpuUsage(c0)
  return { cpuPct: ((cpu.user + cpu.system) / 1000 / wall) * 100, perSecond: (count() - n0) / (wall / 1000) }
}

function startSim(protocol: Protocol, path: string, rate: number): ChildProcess {
  return spawn(process.execPath, [BIN, 'rfid', 'simulate', '--port', path, '--protocol', protocol, '--tags', String(TAGS - 1), '--rate', String(rate), '--repeats', '3'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
}

async function stopSim(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** Floor: serialport alone on the pty, reading the simulator's stream and counting bytes. */
async function serialportAlone(protocol: Protocol, rate: number): Promise<{ cpuPct: number; bytesPerSecond: number }> {
  const pty = await openPtyPair()
  const sim = startSim(protocol, pty.hostPath, rate)
  try {
    await sleep(1000) // the simulator's start-up (a Node process) is not part of the floor
    const port = await openRfidPort(pty.devicePath, 921_600)
    let bytes = 0
    port.on('data', (d) => (bytes += d.length))
    port.write(protocol === 'thingmagic' ? tmStartContinuousRead() : r2kRealTimeInventory(0xff))
    if (protocol === 'r2000') {
      // The A0 simulator ends each inventory round; keep asking, as the driver does.
      const again = setInterval(() => port.write(r2kRealTimeInventory(0xff)), 50)
      port.on('close', () => clearInterval(again))
    }
    await sleep(1000)
    const m = await measure(SECONDS * 1000, () => bytes)
    await new Promise<void>((resolve) => port.close(() => resolve()))
    return { cpuPct: m.cpuPct, bytesPerSecond: m.perSecond }
  } finally {
    await stopSim(sim)
    await pty.close()
  }
}

async function gateAtWireRate(station: Station, protocol: Protocol, rate: number): Promise<{ cpuPct: number; readsPerSecond: number; recorded: number; unique: number }> {
  const pty = await openPtyPair()
  const sim = startSim(protocol, pty.hostPath, rate)
  const id = `rfid:${pty.devicePath}`
  try {
    await sleep(1000)
    await station.handlers['settings.update']({ rfidReaders: [{ path: pty.devicePath, protocol, baudRate: 921_600 }], rfidTerminals: { [id]: DOOR.terminalId }, gateSilenceMs: 600_000 })
    await station.handlers['gate.start']({ shipment: null }, DOOR)
    const state = () => station.handlers['gate.state']({}, DOOR) as GateView | null
    const end = Date.now() + 20_000
    while ((state()?.counts.reads ?? 0) < 500) {
      if (Date.now() > end) throw new Error(`no reads from the ${protocol} reader: ${JSON.stringify(station.devices.list())}`)
      await sleep(50)
    }
    await sleep(1000)
    const m = await measure(SECONDS * 1000, () => state()?.counts.reads ?? 0)
    const view = state()!
    await station.handlers['gate.end']({}, DOOR)
    const session = (await station.handlers['gate.sessions']({ limit: 1 }))[0]!
    const recorded = await station.handlers['gate.sessionReads']({ sessionId: session.id })
    station.handlers['gate.reset']({}, DOOR)
    await station.handlers['settings.update']({ rfidReaders: [], rfidTerminals: {} })
    return { cpuPct: m.cpuPct, readsPerSecond: m.perSecond, recorded: recorded.reads.reduce((n, r) => n + r.count, 0) === session.reads ? recorded.reads.length : -1, unique: view.counts.read }
  } finally {
    await stopSim(sim)
    await pty.close()
  }
}

/** For comparison: an idle station whose hot-plug lists serial ports and HID devices every 3 s (no watch). */
async function idlePolledStation(): Promise<number> {
  const station = await createStation({ dataDir: makeTempDir(), host: 'headless', version: 'bench', logger: silentLogger(), scanners: { watch: null } })
  try {
    await sleep(2000)
    return (await measure(SECONDS * 1000)).cpuPct
  } finally {
    await station.close()
  }
}

async function main() {
  console.log(`Gate CPU at the wire rate: ${TAGS} tags, ${SECONDS} s windows${quick ? ' (quick)' : ''}; a whole station (default devices: hot-plug watch, HID, printers, storage checks)`)
  const station = await startTestStation({ dataDir: makeTempDir() })
  try {
    await sleep(2000)
    const idle = await measure(SECONDS * 1000)
    const polled = await idlePolledStation()
    console.log(`floor: idle station ${idle.cpuPct.toFixed(1)} % of one core (hot-plug by ${station.scanning.manager.watching() ? 'a /dev watch' : 'polling'}); the same station polling ports every 3 s, as before: ${polled.toFixed(1)} %`)
    for (const protocol of ['thingmagic', 'r2000'] as const) {
      const rate = Math.ceil(WIRE[protocol] * 1.02) // 2 % above the wire rate: timer jitter must not read as a shortfall
      const floor = await serialportAlone(protocol, rate)
      const run = await gateAtWireRate(station, protocol, rate)
      report(`${protocol}: gate end to end at the wire rate (incl. recorded reads)`, run.readsPerSecond, 'reads/s', WIRE[protocol], 'higher', `${run.unique} unique EPCs; ${run.recorded >= 0 ? `${run.recorded} rows recorded, counts equal to the reads` : 'recorded counts DIFFER from the reads'}`)
      const own = run.cpuPct - idle.cpuPct - floor.cpuPct
      report(
        `${protocol}: station CPU while gating at the wire rate`,
        run.cpuPct,
        '% of one core',
        CPU_TARGET,
        'lower',
        `floors in this run: idle station ${idle.cpuPct.toFixed(1)} %, serialport alone on the pty ${floor.cpuPct.toFixed(1)} % (${fmt(floor.bytesPerSecond)} B/s); the gate's own share ≈ ${own.toFixed(1)} %`
      )
    }
  } finally {
    await station.close()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  }
)
